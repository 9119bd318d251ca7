-- Exports: JSONL (styles, deduplication, splits), CSV, JSON; bad options.
SET timezone = 'UTC';
TRUNCATE tde_pairs;
INSERT INTO tde_pairs (pair_id, natural_language_query, sql_query, "timestamp", success, database_type,
                       database_name, execution_time_ms, metadata) VALUES
  ('00000000-0000-0000-0000-000000000001', 'Show all users', 'SELECT * FROM users', '2024-01-01 00:00:00+00', true, 'postgresql', 'db_0123456789ab', 45.5, '{"agent_id": "a1"}'),
  ('00000000-0000-0000-0000-000000000002', 'show   ALL users', 'SELECT * FROM users', '2024-01-02 00:00:00+00', true, 'postgresql', NULL, NULL, '{}'),
  ('00000000-0000-0000-0000-000000000003', E'Quote " comma , newline\nand \\ backslash', E'SELECT ''a,b''\nFROM "My Table"', '2024-01-03 12:30:00.25+00', false, NULL, NULL, 0, '{"note": "tab\there"}'),
  ('00000000-0000-0000-0000-000000000004', 'Ünïcode 日本語 question', '', '2024-01-04 00:00:00+00', true, 'mysql', NULL, 1e-3, '{}');

SELECT tde_export_jsonl();
-- Timestamps in JSON (exports, REST responses, statistics) have a fraction of
-- six digits when they have one, as Python's isoformat() writes them.
SELECT tde_get_pair_json('00000000-0000-0000-0000-000000000003') #>> '{pair,timestamp}' AS get_pair,
       tde_list_pairs_json('2024-01-03', '2024-01-03') #>> '{pairs,0,timestamp}' AS list_pairs,
       tde_statistics_json('2024-01-03', '2024-01-04') -> 'date_range' AS date_range;
SELECT tde_iso_timestamp('2024-01-03 12:30:00.000001+00') AS one_us, tde_iso_timestamp('infinity') AS inf,
       tde_iso_timestamp(NULL) IS NULL AS strict;
SET TimeZone = 'Asia/Kolkata';
SELECT tde_iso_timestamp('2024-01-03 12:30:00.1+00') AS session_zone;
SET TimeZone = 'UTC';
SELECT tde_export_jsonl(successful_only => true, end_date => '2024-01-02');
SELECT tde_export_jsonl(style => 'prompt_completion', end_date => '2024-01-01');
SELECT tde_export_jsonl(style => 'chat', system_prompt => 'You translate questions to SQL.', end_date => '2024-01-01');
SELECT tde_export_jsonl(style => 'chat', end_date => '2024-01-01');
SELECT tde_export_jsonl(style => 'alpaca', end_date => '2024-01-01');
-- Deduplication keeps the first of each (normalized question, SQL).
SELECT line::jsonb ->> 'pair_id' AS kept FROM tde_export_jsonl(deduplicate => true) AS line;

-- Splits: every pair lands in exactly one split; duplicates share it.
INSERT INTO tde_pairs (natural_language_query, sql_query, "timestamp")
SELECT 'question ' || g, 'SELECT ' || g, '2025-01-01'::timestamptz + g * interval '1 second'
  FROM generate_series(1, 1000) g;
WITH s AS (
  SELECT 'train' AS split, count(*) AS n FROM tde_export_jsonl(split => 'train')
  UNION ALL SELECT 'validation', count(*) FROM tde_export_jsonl(split => 'validation')
  UNION ALL SELECT 'test', count(*) FROM tde_export_jsonl(split => 'test'))
SELECT sum(n) AS total, bool_and(n > 0) AS all_non_empty,
       (SELECT n FROM s WHERE split = 'train') BETWEEN 740 AND 860 AS train_near_80_percent
  FROM s;
SELECT count(*) AS straddling_duplicates
  FROM (SELECT line::jsonb ->> 'pair_id' AS id FROM tde_export_jsonl(split => 'train') line) t
  JOIN (SELECT line::jsonb ->> 'pair_id' AS id FROM tde_export_jsonl(split => 'test') line) u USING (id);
SELECT count(DISTINCT tde_split_of(natural_language_query, sql_query, '{0.8,0.1,0.1}')) AS splits_of_the_duplicates
  FROM tde_pairs WHERE pair_id IN ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002');
SELECT (SELECT count(*) FROM tde_export_jsonl(split => 'train')) =
       (SELECT count(*) FROM tde_export_jsonl(split => 'train')) AS split_is_stable;
SELECT count(*) AS custom_ratio_validation FROM tde_export_jsonl(split => 'validation', split_ratios => '{0,1,0}');
DELETE FROM tde_pairs WHERE "timestamp" >= '2025-01-01';

SELECT tde_export_csv();
SELECT regexp_replace(line, '"exported_at": "[^"]+"', '"exported_at": "<now>"') AS line
  FROM tde_export_json(end_date => '2024-01-02') AS line;
SELECT regexp_replace(line, '"exported_at": "[^"]+"', '"exported_at": "<now>"') AS line
  FROM tde_export_json(start_date => '2030-01-01') AS line;
-- The streamed document is one valid JSON value.
SELECT (string_agg(line, E'\n'))::jsonb -> 'total_pairs' AS total_pairs FROM tde_export_json() AS line;

-- Bad options: clear errors, SQLSTATE 22023 / 22007.
SELECT tde_export_jsonl(style => 'sharegpt');
SELECT tde_export_jsonl(split => 'holdout');
SELECT tde_export_jsonl(split => 'train', split_ratios => '{0.5,0.2,0.2}');
SELECT tde_export_jsonl(split => 'train', split_ratios => '{1.2,-0.1,-0.1}');
SELECT tde_export_csv(start_date => '2024-13-01');
-- Date and timestamp values as filters, in every format: the same lines as
-- the ISO strings (the CSV stream turns them into text in C, in both forms).
SELECT (SELECT array_agg(l) FROM tde_export_csv(date '2024-01-02', date '2024-01-03') l)
     = (SELECT array_agg(l) FROM tde_export_csv('2024-01-02', '2024-01-03') l) AS csv_same,
       (SELECT count(*) FROM tde_export_csv(date '2024-01-02', date '2024-01-03')) AS csv_lines,
       (SELECT count(*) FROM (SELECT tde_export_csv(end_date => timestamptz '2024-01-02 00:00:00+00')) c) AS csv_select_list,
       (SELECT count(*) FROM tde_export_jsonl(timestamptz '2024-01-02 00:00:00+00', current_date)) AS jsonl_lines,
       (SELECT string_agg(l, E'\n') FROM tde_export_json(end_date => date '2024-01-01') l)::jsonb -> 'total_pairs'
           AS json_total;
SELECT tde_export_csv(start_date => 20240101);
-- No line (not even the header) comes out before a bad date is refused.
BEGIN;
DECLARE d CURSOR FOR SELECT tde_export_csv(end_date => 'garbage');
FETCH 1 FROM d;
ROLLBACK;
BEGIN;
DECLARE d CURSOR FOR SELECT tde_export_json(end_date => 'garbage');
FETCH 1 FROM d;
ROLLBACK;
-- Options are checked before any row is read, also on an empty selection.
SELECT tde_export_jsonl(style => 'nope', start_date => '2030-01-01');
SELECT tde_export_csv(split => 'holdout', start_date => '2030-01-01');

-- The CSV export streams from a C function in both forms: in the SELECT list
-- (the planner support function substitutes it) and in FROM (inlined). No
-- SQL function runs per line and nothing is collected into a tuplestore.
EXPLAIN (COSTS OFF) SELECT tde_export_csv();
EXPLAIN (COSTS OFF) SELECT * FROM tde_export_csv(successful_only => true) AS line;
-- Both forms give the same lines; deduplicate and split work in both.
SELECT (SELECT array_agg(l) FROM (SELECT tde_export_csv(deduplicate => true, split => 'train') AS l) a) =
       (SELECT array_agg(l) FROM tde_export_csv(deduplicate => true, split => 'train') AS l) AS same_lines;
-- Both forms in one query level.
SELECT count(*) FROM (SELECT tde_export_csv() AS a, b FROM tde_export_csv() AS b) s;
-- A query that stops early ends the export's query.
BEGIN;
SELECT count(*) FROM (SELECT tde_export_csv() LIMIT 2) s;
SELECT count(*) AS open_cursors FROM pg_cursors;
COMMIT;
-- The export lives as long as the query that reads it: a cursor WITH HOLD
-- read before and after COMMIT, a savepoint rolled back between fetches.
BEGIN;
DECLARE c CURSOR WITH HOLD FOR SELECT tde_export_csv();
FETCH 1 FROM c;
COMMIT;
FETCH FORWARD 2 FROM c;
CLOSE c;
BEGIN;
DECLARE c CURSOR FOR SELECT * FROM tde_export_csv();
SAVEPOINT s1;
FETCH 1 FROM c;
ROLLBACK TO s1;
FETCH 1 FROM c;
COMMIT;
-- A record larger than a batch (4 MB of text) is one batch of its own.
SET tde.anonymize = off;
INSERT INTO tde_pairs (natural_language_query, sql_query, "timestamp")
SELECT repeat('big ', 1500000) || g, 'SELECT 1', '2031-01-01'::timestamptz + g * interval '1 s' FROM generate_series(1, 3) g;
RESET tde.anonymize;
SELECT count(*) AS lines, sum(length(l)) AS bytes FROM tde_export_csv(start_date => '2031-01-01') l;
DELETE FROM tde_pairs WHERE "timestamp" >= '2031-01-01';
-- Without EXECUTE on tde_export_csv the error names it.
CREATE ROLE regress_tde_r07 IN ROLE tde_reader;
SET ROLE regress_tde_r07;
SELECT tde_export_csv();
SELECT * FROM tde_export_csv();
SELECT tde_csv_stream(NULL, NULL, false, false, NULL, NULL);
RESET ROLE;
DROP ROLE regress_tde_r07;
-- An export's bytes do not depend on the session's extra_float_digits: the
-- shortest text that reads back as the stored double.
INSERT INTO tde_pairs (natural_language_query, "timestamp", execution_time_ms)
VALUES ('float digits', '2032-01-01', 0.1::float8 + 0.2::float8), ('float digits 2', '2032-01-02', 45.5);
SET extra_float_digits = 0;
SELECT l::jsonb -> 'execution_time_ms' AS ms FROM tde_export_jsonl(start_date => '2032-01-01') l;
SELECT substr(l, 38) AS csv_after_pair_id FROM tde_export_csv(start_date => '2032-01-01') l OFFSET 1;
SELECT md5(string_agg(l, E'\n')) AS digits0 FROM tde_export_jsonl(start_date => '2032-01-01') l \gset
SET extra_float_digits = 3;
SELECT md5(string_agg(l, E'\n')) = :'digits0' AS same_bytes FROM tde_export_jsonl(start_date => '2032-01-01') l;
RESET extra_float_digits;
SELECT md5(string_agg(l, E'\n')) = :'digits0' AS same_bytes FROM tde_export_jsonl(start_date => '2032-01-01') l;
SELECT (l::jsonb ->> 'execution_time_ms')::float8 = 0.1::float8 + 0.2::float8 AS reads_back
  FROM tde_export_jsonl(start_date => '2032-01-01', end_date => '2032-01-01') l;
-- A row built by hand may carry NaN: JSON null, CSV NaN.
SELECT tde_jsonl_line(ROW(NULL, 'q', '', NULL, NULL, NULL, '{}', true, 'NaN', '{}', NULL, NULL, NULL, NULL)::tde_pairs)::jsonb -> 'execution_time_ms' AS nan_json;
SELECT tde_csv_record(ROW(NULL, 'q', '', NULL, NULL, NULL, '{}', true, 'NaN', '{}', NULL, NULL, NULL, NULL)::tde_pairs) AS nan_csv;
DELETE FROM tde_pairs WHERE "timestamp" >= '2032-01-01';
