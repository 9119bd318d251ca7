-- Statistics: one row, breakdowns, and the guide's JSON object.
SET timezone = 'UTC';
TRUNCATE tde_pairs;
INSERT INTO tde_pairs (natural_language_query, sql_query, "timestamp", success, database_type) VALUES
  ('Show all users',          'SELECT * FROM users',                               '2024-01-01 00:00:00+00', true,  'postgresql'),
  ('Count orders',            'SELECT count(*) FROM orders',                       '2024-01-02 00:00:00+00', true,  'postgresql'),
  ('Add a user',              'INSERT INTO users (name) VALUES (''x'')',           '2024-01-03 00:00:00+00', true,  'mysql'),
  ('Orders with their users', 'SELECT * FROM orders o JOIN users u ON u.id = o.uid', '2024-01-04 00:00:00+00', false, 'postgresql'),
  ('Bad one',                 '',                                                  '2024-02-01 00:00:00+00', false, NULL);

SELECT * FROM tde_statistics();
SELECT * FROM tde_statistics(start_date => '2024-01-01', end_date => '2024-01-31', successful_only => true);
SELECT * FROM tde_query_type_distribution();
SELECT * FROM tde_table_usage();
SELECT * FROM tde_table_usage(successful_only => true);
SELECT * FROM tde_database_types();
SELECT jsonb_pretty(tde_statistics_json(end_date => '2024-01-31'));
-- Empty selection: zeros, empty lists, SELECT/INSERT/UPDATE/DELETE still present.
SELECT jsonb_pretty(tde_statistics_json(start_date => '2030-01-01'));
\set VERBOSITY sqlstate
SELECT tde_statistics_json(start_date => 'last week');
\set VERBOSITY default
