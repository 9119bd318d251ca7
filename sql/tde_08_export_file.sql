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

-- Incremental: only pairs newer than the last logged export of that format.
SELECT pairs_exported FROM tde_export(:'dir' || '-inc1.jsonl', incremental => true);
INSERT INTO tde_pairs (natural_language_query, "timestamp") VALUES ('late 1', '2024-06-01'), ('late 2', '2024-06-02');
SELECT pairs_exported FROM tde_export(:'dir' || '-inc2.jsonl', incremental => true);
SELECT pairs_exported FROM tde_export(:'dir' || '-inc3.jsonl', incremental => true);
SELECT format, pairs_exported, filters ? 'start_date' AS incremental_bound, exported_by
  FROM tde_export_log ORDER BY export_id;

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
