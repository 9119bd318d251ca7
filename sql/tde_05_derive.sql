-- query_type and table_names are derived by the trigger from sql_query,
-- per dialect (database_type); user-supplied values are replaced.
TRUNCATE tde_pairs;
INSERT INTO tde_pairs (natural_language_query, sql_query, database_type, query_type, table_names) VALUES
  ('q01', 'SELECT * FROM users u JOIN orders o ON o.user_id = u.id', 'postgresql', 'DELETE', '{bogus}'),
  ('q02', 'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent, customers', 'postgresql', NULL, '{}'),
  ('q03', 'INSERT INTO audit_log SELECT * FROM events WHERE note = ''FROM secrets''', 'postgresql', NULL, '{}'),
  ('q04', 'UPDATE Public.Accounts SET x = 1 FROM "Branch Offices" b WHERE b.id = 1', 'postgresql', NULL, '{}'),
  ('q05', 'DELETE FROM sessions USING users WHERE sessions.uid = users.id -- FROM comments', 'postgresql', NULL, '{}'),
  ('q06', 'SELECT * FROM `Order Items` oi # FROM hidden', 'mysql', NULL, '{}'),
  ('q07', 'REPLACE INTO kv (k, v) VALUES (''a'', ''b'')', 'mysql', NULL, '{}'),
  ('q08', 'SELECT TOP 5 * FROM [dbo].[Sales] s CROSS APPLY OPENJSON(s.doc)', 'sqlserver', NULL, '{}'),
  ('q09', 'INSERT OR REPLACE INTO cache VALUES (1)', 'sqlite', NULL, '{}'),
  ('q10', 'CREATE TABLE t2 AS SELECT * FROM t1', 'postgresql', NULL, '{}'),
  ('q11', 'EXPLAIN SELECT * FROM big_table', 'postgresql', NULL, '{}'),
  ('q12', 'SELECT * FROM generate_series(1, 10) g', 'postgresql', NULL, '{}'),
  ('q13', 'MERGE INTO stock s USING deliveries d ON s.id = d.id WHEN MATCHED THEN UPDATE SET n = s.n + d.n', 'postgresql', NULL, '{}'),
  ('q14', 'select * from', NULL, NULL, '{}'),
  ('q15', '/* only a comment */', NULL, NULL, '{}'),
  ('q16', 'TRUNCATE a, b; DROP TABLE c', 'postgresql', NULL, '{}'),
  ('q17', 'SELECT * FROM Users (NOLOCK) WHERE Id = 1', 'sqlserver', NULL, '{}'),
  ('q18', 'UPDATE STATISTICS dbo.Users', 'sqlserver', NULL, '{}'),
  ('q19', 'COMMENT ON TABLE users IS ''x''', 'postgresql', NULL, '{}');
SELECT natural_language_query AS q, database_type, query_type, table_names
  FROM tde_pairs ORDER BY 1;

-- An UPDATE of sql_query re-derives both.
UPDATE tde_pairs SET sql_query = 'DELETE FROM carts' WHERE natural_language_query = 'q01'
RETURNING query_type, table_names;
