-- tde_export(): server-side files, logged; privileges and bad input.
SET timezone = 'UTC';
TRUNCATE tde_pairs;
TRUNCATE tde_export_log;
INSERT INTO tde_pairs (natural_language_query, sql_query, "timestamp")
SELECT 'question ' || g, 'SELECT ' || g, '2024-01-01'::timestamptz + g * interval '1 hour' FROM generate_series(1, 50) g;
SELECT current_setting('data_directory') || '/tde_regress_export' AS dir \gset

SELECT pairs_exported, statistics -> 'total_pairs' AS total, length(sha256) AS sha_len
  FROM tde_export(:'dir' || '.jsonl');
-- The checksum is the file's SHA-256.
SELECT sha256 = encode(sha256(pg_read_binary_file(:'dir' || '.jsonl')), 'hex') AS checksum_matches,
       length(pg_read_file(:'dir' || '.jsonl')) > 0 AS written
  FROM tde_export_log ORDER BY export_id DESC LIMIT 1;
SELECT pairs_exported FROM tde_export(:'dir' || '.csv', 'csv', end_date => '2024-01-01');
SELECT pairs_exported FROM tde_export(:'dir' || '-dates.csv', 'csv', date '2024-01-01', timestamptz '2024-01-01 05:00:00+00');
SELECT filters FROM tde_export_log ORDER BY export_id DESC LIMIT 1;
SELECT pairs_exported FROM tde_export(:'dir' || '.json', 'JSON', successful_only => true);  -- format names in any case
SELECT (pg_read_file(:'dir' || '.json'))::jsonb -> 'total_pairs' AS json_total;

-- Incremental: only pairs newer than the newest of the last incremental
-- export of the same stream (the first one exports them all).
SELECT pairs_exported FROM tde_export(:'dir' || '-inc1.jsonl', incremental => true);
INSERT INTO tde_pairs (natural_language_query, "timestamp") VALUES ('late 1', '2024-06-01'), ('late 2', '2024-06-02');
SELECT pairs_exported FROM tde_export(:'dir' || '-inc2.jsonl', incremental => true);
SELECT pairs_exported FROM tde_export(:'dir' || '-inc3.jsonl', incremental => true);
SELECT format, pairs_exported, filters ? 'start_date' AS incremental_bound, exported_by, stream IS NOT NULL AS stream
  FROM tde_export_log ORDER BY export_id;
-- A stream is the format and the options (not the path or the dates): the
-- three splits (and a chat export) each follow their own.
SELECT pairs_exported FROM tde_export(:'dir' || '-train1.jsonl', split => 'train', incremental => true) \gset train_
SELECT pairs_exported FROM tde_export(:'dir' || '-val1.jsonl', split => 'validation', incremental => true) \gset val_
SELECT pairs_exported FROM tde_export(:'dir' || '-test1.jsonl', split => 'test', incremental => true) \gset test_
SELECT :train_pairs_exported + :val_pairs_exported + :test_pairs_exported AS all_splits,
       :train_pairs_exported > :test_pairs_exported AS train_largest;
SELECT pairs_exported FROM tde_export(:'dir' || '-chat1.jsonl', style => 'chat', incremental => true);
SELECT pairs_exported FROM tde_export(:'dir' || '-train2.jsonl', split => 'train', incremental => true);
SELECT pairs_exported FROM tde_export(:'dir' || '-inc4.csv', 'csv', incremental => true);
-- A pair stamped in the future waits for its time and holds nothing back; a
-- pair added by this very transaction is exported (stamped now()).
INSERT INTO tde_pairs (natural_language_query, "timestamp") VALUES ('from the future', '9999-01-01');
INSERT INTO tde_pairs (natural_language_query) VALUES ('added just now');
SELECT pairs_exported FROM tde_export(:'dir' || '-inc5.jsonl', incremental => true);
SELECT string_agg(l::jsonb ->> 'natural_language_query', ', ') AS exported
  FROM regexp_split_to_table(rtrim(pg_read_file(:'dir' || '-inc5.jsonl'), E'\n'), E'\n') l;
BEGIN;
INSERT INTO tde_pairs (natural_language_query) VALUES ('same transaction');
SELECT pairs_exported FROM tde_export(:'dir' || '-inc6.jsonl', incremental => true);
COMMIT;
-- A high water written by hand in the future is no export's.
INSERT INTO tde_export_log (path, format, filters, pairs_exported, sha256, stream, high_water)
SELECT '/forged', 'jsonl', '{}', 0, '', stream, '9999-12-31' FROM tde_export_log WHERE path = :'dir' || '-inc6.jsonl';
INSERT INTO tde_pairs (natural_language_query) VALUES ('after the forged entry');
SELECT pairs_exported FROM tde_export(:'dir' || '-inc7.jsonl', incremental => true);
-- end_date => '-infinity' selects nothing (and moves nothing).
SELECT pairs_exported FROM tde_export(:'dir' || '-inc8.jsonl', end_date => '-infinity'::text, incremental => true);
INSERT INTO tde_pairs (natural_language_query) VALUES ('after -infinity');
SELECT pairs_exported FROM tde_export(:'dir' || '-inc9.jsonl', incremental => true);
-- A long system prompt is part of its stream's key (no index limit).
SELECT pairs_exported > 0 AS long_prompt_stream
  FROM tde_export(:'dir' || '-prompt.jsonl', style => 'chat', system_prompt => repeat('You write SQL. ', 500), incremental => true);
SELECT pairs_exported AS long_prompt_again
  FROM tde_export(:'dir' || '-prompt2.jsonl', style => 'chat', system_prompt => repeat('You write SQL. ', 500), incremental => true);
-- With deduplicate, a duplicate left out is not exported by the next run.
SELECT pairs_exported AS dedup_first FROM tde_export(:'dir' || '-dd1.jsonl', deduplicate => true, incremental => true,
                                                     start_date => '2025-01-01');
INSERT INTO tde_pairs (natural_language_query, sql_query) VALUES ('Twin question', 'SELECT 7');
INSERT INTO tde_pairs (natural_language_query, sql_query) VALUES ('twin  QUESTION', 'SELECT 7');  -- stamped later
SELECT pairs_exported AS dedup_second FROM tde_export(:'dir' || '-dd2.jsonl', deduplicate => true, incremental => true);
SELECT pairs_exported AS dedup_third FROM tde_export(:'dir' || '-dd3.jsonl', deduplicate => true, incremental => true);
-- Incremental exports need read committed: an older snapshot could miss
-- pairs committed since, which the next export would then skip.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT pairs_exported FROM tde_export(:'dir' || '-rr.jsonl', incremental => true);
ROLLBACK;

-- With deduplicate or split, the statistics are those of the exported pairs.
SELECT pairs_exported = (statistics ->> 'total_pairs')::bigint AS stats_match,
       pairs_exported < 53 AS subset
  FROM tde_export(:'dir' || '-stats.json', 'json', split => 'test');
SELECT (d ->> 'total_pairs')::int = (d -> 'statistics' ->> 'total_pairs')::int AS document_consistent,
       jsonb_array_length(d -> 'pairs') = (d ->> 'total_pairs')::int AS count_matches
  FROM (SELECT pg_read_file(:'dir' || '-stats.json')::jsonb AS d) x;
INSERT INTO tde_pairs (natural_language_query, sql_query, database_type)
VALUES ('Dedup me ', 'SELECT 42', 'mysql'), ('dedup   ME', 'SELECT 42', 'mysql');
SELECT (d ->> 'total_pairs')::int AS pairs, d -> 'statistics' -> 'total_pairs' AS stats_total,
       (SELECT count(*) FROM tde_pairs) AS stored
  FROM (SELECT string_agg(l, E'\n')::jsonb AS d FROM tde_export_json(deduplicate => true) l) x;
SELECT d -> 'statistics' -> 'database_types' AS types, d -> 'statistics' -> 'query_type_distribution' AS query_types
  FROM (SELECT string_agg(l, E'\n')::jsonb AS d FROM tde_export_json(deduplicate => true, split => 'train') l) x;

-- Bad input: clear errors, nothing written, nothing logged.
SELECT count(*) AS logged_before FROM tde_export_log \gset
\set VERBOSITY sqlstate
SELECT * FROM tde_export('relative/path.jsonl');
SELECT * FROM tde_export(:'dir' || '-x.xml', 'xml');
SELECT * FROM tde_export(:'dir' || '-x.jsonl', style => 'chat', format => 'csv');
SELECT * FROM tde_export('/nonexistent-dir/x.jsonl');
SELECT * FROM tde_export(:'dir' || '-x.jsonl', start_date => 'soon');
CREATE ROLE regress_tde_exp LOGIN IN ROLE tde_exporter;
SET ROLE regress_tde_exp;
SELECT * FROM tde_export(:'dir' || '-x.jsonl');
SELECT count(*) > 0 AS exporter_can_stream FROM tde_export_jsonl();
RESET ROLE;
\set VERBOSITY default
SELECT count(*) = :logged_before AS nothing_logged FROM tde_export_log;
SELECT count(*) AS partial_files FROM pg_ls_dir(current_setting('data_directory')) f
 WHERE f LIKE 'tde_regress_export-x%';
SELECT * FROM tde_export('relative/path.jsonl');
DROP ROLE regress_tde_exp;
