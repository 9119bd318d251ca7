-- tde_sql_info(sql, dialect): query_type, table_names, fingerprint,
-- normalized and valid, derived with PostgreSQL's own parser for PostgreSQL
-- (and unknown-dialect) SQL, with the C++ analyzer for other dialects and as
-- the fallback when the SQL does not parse.

-- The new columns and the function's privileges.
SELECT attname, format_type(atttypid, atttypmod) AS type
  FROM pg_attribute
 WHERE attrelid = 'tde_pairs'::regclass AND attname IN ('sql_fingerprint', 'sql_normalized', 'sql_valid')
 ORDER BY attnum;
SELECT r AS role, has_function_privilege(r, 'tde_sql_info(text, text)', 'EXECUTE') AS can_execute
  FROM unnest(ARRAY['tde_reader', 'tde_writer', 'tde_exporter']) r;
SELECT count(*) AS public_grants
  FROM pg_proc p, aclexplode(p.proacl) a
 WHERE p.proname = 'tde_sql_info' AND a.grantee = 0;

-- The cases: (section, dialect, sql). One row each in the results below.
CREATE TEMP TABLE cases (id serial PRIMARY KEY, section text NOT NULL, dialect text, sql text NOT NULL);
INSERT INTO cases (section, dialect, sql) VALUES
  -- query_type of the first statement
  ('type', 'postgresql', 'SELECT 1'),
  ('type', 'postgresql', 'select * from t'),
  ('type', 'postgresql', 'INSERT INTO t VALUES (1)'),
  ('type', 'postgresql', 'UPDATE t SET a = 1'),
  ('type', 'postgresql', 'DELETE FROM t'),
  ('type', 'postgresql', 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE'),
  ('type', 'postgresql', 'CREATE TABLE t (id int)'),
  ('type', 'postgresql', 'ALTER TABLE t ADD COLUMN c int'),
  ('type', 'postgresql', 'DROP TABLE t'),
  ('type', 'postgresql', 'TRUNCATE t'),
  ('type', 'postgresql', 'TABLE users'),
  ('type', 'postgresql', 'VALUES (1, 2), (3, 4)'),
  ('type', 'postgresql', 'SELECT * INTO TEMP copy_t FROM t'),
  ('type', 'postgresql', '((SELECT a FROM t)) UNION (SELECT a FROM u)'),
  ('type', 'postgresql', 'WITH x AS (SELECT 1) SELECT * FROM x'),
  ('type', 'postgresql', 'WITH x AS (SELECT * FROM src) INSERT INTO dst SELECT * FROM x'),
  ('type', 'postgresql', 'WITH x AS (SELECT id FROM s) UPDATE t SET a = 1 WHERE id IN (SELECT id FROM x)'),
  ('type', 'postgresql', 'WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x) DELETE FROM t'),
  ('type', 'postgresql', 'EXPLAIN SELECT * FROM t'),
  ('type', 'postgresql', 'COPY t FROM STDIN'),
  ('type', 'postgresql', 'SET search_path = public'),
  ('type', 'postgresql', 'SHOW work_mem'),
  ('type', 'postgresql', 'BEGIN; SELECT * FROM t; COMMIT'),
  ('type', 'postgresql', 'VACUUM t'),
  ('type', 'postgresql', 'GRANT SELECT ON t TO bob'),
  ('type', 'postgresql', 'REVOKE ALL ON t FROM bob'),
  ('type', 'postgresql', 'LOCK TABLE t IN SHARE MODE'),
  ('type', 'postgresql', 'REFRESH MATERIALIZED VIEW mv'),
  ('type', 'postgresql', 'DO $$ BEGIN DELETE FROM t; END $$'),
  ('type', 'postgresql', 'CALL my_proc(1)'),
  ('type', 'postgresql', ''),
  ('type', 'postgresql', '  -- SELECT * FROM t' || chr(10) || '/* DELETE FROM u */ '),
  ('type', 'postgresql', ' ; ;; '),
  ('type', 'postgresql', ';; UPDATE t SET a = 1'),
  ('type', 'postgresql', 'DELETE FROM a; SELECT * FROM b'),
  ('type', 'postgresql', 'CREATE TABLE t2 AS SELECT * FROM t1'),
  ('type', 'postgresql', 'ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO bob'),
  ('type', 'postgresql', 'DROP OWNED BY bob'),
  -- relation positions in queries
  ('select', 'postgresql', 'SELECT * FROM users u JOIN orders o ON o.user_id = u.id'),
  ('select', 'postgresql', 'SELECT * FROM a JOIN b ON true LEFT JOIN c ON true RIGHT JOIN d ON true FULL JOIN e ON true CROSS JOIN f NATURAL JOIN g JOIN h USING (id)'),
  ('select', 'postgresql', 'SELECT * FROM users u, orders AS o, items i WHERE u.id = o.uid'),
  ('select', 'postgresql', 'SELECT * FROM users u, LATERAL (SELECT * FROM orders o WHERE o.uid = u.id) x'),
  ('select', 'postgresql', 'SELECT * FROM t LEFT JOIN LATERAL jsonb_each(t.doc) j ON true'),
  ('select', 'postgresql', 'SELECT * FROM ONLY parent p JOIN child * ON true'),
  ('select', 'postgresql', 'SELECT * FROM public.users JOIN users ON true JOIN db.sales.orders ON true'),
  ('select', 'postgresql', 'SELECT * FROM "Branch Offices" b JOIN "Public".Users u ON true'),
  ('select', 'postgresql', 'SELECT * FROM "a""b", "UPPER", Mixed'),
  ('select', 'postgresql', 'SELECT * FROM b, "B", a, "_x", "Z", t JOIN t t2 ON true'),
  ('select', 'postgresql', 'SELECT * FROM (SELECT * FROM inner_t) AS s JOIN outer_t o ON true'),
  ('select', 'postgresql', 'SELECT * FROM a WHERE id IN (SELECT aid FROM b WHERE EXISTS (SELECT 1 FROM c))'),
  ('select', 'postgresql', 'SELECT (SELECT max(x) FROM m), y FROM t'),
  ('select', 'postgresql', 'SELECT * FROM (a JOIN b ON true) JOIN c ON true'),
  ('select', 'postgresql', 'SELECT * FROM generate_series(1, 3) g, unnest(ARRAY[1]) WITH ORDINALITY AS u(x, n), t'),
  ('select', 'postgresql', 'SELECT * FROM ROWS FROM (generate_series(1, 2), unnest(ARRAY[3])) r'),
  ('select', 'postgresql', 'SELECT * FROM (VALUES (1), (2)) AS v(x) JOIN t ON true'),
  ('select', 'postgresql', 'SELECT a FROM t1 UNION SELECT a FROM t2 INTERSECT SELECT a FROM t3 EXCEPT SELECT a FROM t4'),
  ('select', 'postgresql', 'SELECT EXTRACT(YEAR FROM created), substring(s FROM 2 FOR 3) FROM t'),
  ('select', 'postgresql', 'SELECT * FROM t TABLESAMPLE SYSTEM (10)'),
  ('select', 'postgresql', 'SELECT * FROM accounts a WHERE a.id = 1 FOR UPDATE OF a'),
  ('select', 'postgresql', 'SELECT x IS DISTINCT FROM y FROM t'),
  ('select', 'postgresql', 'SELECT ''FROM users'' AS s, $q$ JOIN secrets $q$ FROM t'),
  ('select', 'postgresql', 'SELECT 1 FROM t -- FROM users' || chr(10) || ' /* JOIN secrets /* nested */ x */'),
  ('select', 'postgresql', 'SELECT * FROM xmltable(''/r'' PASSING ''<r/>'' COLUMNS a int) x, t'),
  ('select', 'postgresql', 'SELECT * FROM orders o WHERE o.total > ALL (SELECT total FROM archived_orders)'),
  ('select', 'postgresql', 'SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM flags)) OVER (PARTITION BY a) FROM t'),
  ('select', 'postgresql', 'SELECT 1 FROM dual'),
  ('select', 'postgresql', 'SELECT * FROM aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
  -- CTE scope
  ('cte', 'postgresql', 'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent, customers'),
  ('cte', 'postgresql', 'WITH RECURSIVE orders AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM orders WHERE n < 5) SELECT * FROM orders'),
  ('cte', 'postgresql', 'WITH t AS (SELECT 1) SELECT * FROM t; SELECT * FROM t'),
  ('cte', 'postgresql', 'WITH x AS (SELECT * FROM x) SELECT * FROM x'),
  ('cte', 'postgresql', 'WITH a AS (SELECT * FROM base), b AS (SELECT * FROM a) SELECT * FROM b'),
  ('cte', 'postgresql', 'SELECT * FROM t WHERE id IN (WITH t AS (SELECT 1 AS id) SELECT id FROM t)'),
  ('cte', 'postgresql', 'SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c) s, c'),
  ('cte', 'postgresql', 'WITH c AS (SELECT 1) SELECT * FROM public.c, c'),
  ('cte', 'postgresql', 'WITH a AS MATERIALIZED (SELECT 1), b AS NOT MATERIALIZED (SELECT 2) SELECT * FROM a, b, c'),
  ('cte', 'postgresql', 'WITH d AS (DELETE FROM old_rows WHERE ts < now() RETURNING *) INSERT INTO archive SELECT * FROM d'),
  ('cte', 'postgresql', 'WITH u AS (UPDATE accounts SET n = n + 1 RETURNING id) SELECT * FROM u JOIN audit USING (id)'),
  ('cte', 'postgresql', 'WITH i AS (INSERT INTO log (m) VALUES (''x'') RETURNING id) DELETE FROM queue q USING i WHERE q.id = i.id'),
  ('cte', 'postgresql', 'WITH x AS (SELECT 1 AS a) INSERT INTO x SELECT a FROM x'),
  ('cte', 'postgresql', 'WITH RECURSIVE tree AS (SELECT id FROM nodes WHERE parent IS NULL UNION ALL SELECT n.id FROM nodes n JOIN tree ON n.parent = tree.id) SELECT * FROM tree'),
  -- DML
  ('dml', 'postgresql', 'INSERT INTO audit_log SELECT * FROM events WHERE note = ''FROM secrets'''),
  ('dml', 'postgresql', 'INSERT INTO t (id, n) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET n = excluded.n RETURNING *'),
  ('dml', 'postgresql', 'UPDATE Public.Accounts SET x = 1 FROM "Branch Offices" b WHERE b.id = 1'),
  ('dml', 'postgresql', 'UPDATE t SET a = (SELECT max(a) FROM u) WHERE EXISTS (SELECT 1 FROM v)'),
  ('dml', 'postgresql', 'DELETE FROM sessions USING users WHERE sessions.uid = users.id -- FROM comments'),
  ('dml', 'postgresql', 'DELETE FROM ONLY t WHERE id IN (SELECT id FROM u) RETURNING id'),
  ('dml', 'postgresql', 'MERGE INTO stock s USING deliveries d ON s.id = d.id WHEN MATCHED THEN UPDATE SET n = s.n + d.n WHEN NOT MATCHED THEN INSERT VALUES (d.id, d.n)'),
  ('dml', 'postgresql', 'MERGE INTO stock s USING (SELECT * FROM incoming JOIN products USING (sku)) d ON s.id = d.id WHEN MATCHED AND d.n = 0 THEN DELETE'),
  ('dml', 'postgresql', 'WITH src AS (SELECT * FROM staging) MERGE INTO target t USING src ON t.id = src.id WHEN NOT MATCHED THEN DO NOTHING'),
  ('dml', 'postgresql', 'INSERT INTO t DEFAULT VALUES'),
  -- DDL
  ('ddl', 'postgresql', 'CREATE TABLE t (id int REFERENCES "Parent Table" (id), name varchar(20), LIKE tmpl)'),
  ('ddl', 'postgresql', 'CREATE TABLE IF NOT EXISTS s.t (a int, CONSTRAINT fk FOREIGN KEY (a) REFERENCES s.other (id))'),
  ('ddl', 'postgresql', 'CREATE TABLE child (extra int) INHERITS (parent1, s.parent2)'),
  ('ddl', 'postgresql', 'CREATE TABLE p2024 PARTITION OF measurements FOR VALUES FROM (''2024-01-01'') TO (''2025-01-01'')'),
  ('ddl', 'postgresql', 'CREATE UNLOGGED TABLE fast_t (LIKE slow_t INCLUDING ALL)'),
  ('ddl', 'postgresql', 'CREATE MATERIALIZED VIEW mv AS SELECT region, sum(x) FROM sales GROUP BY region WITH NO DATA'),
  ('ddl', 'postgresql', 'CREATE OR REPLACE VIEW v AS WITH c AS (SELECT * FROM base) SELECT * FROM c JOIN dim ON true'),
  ('ddl', 'postgresql', 'CREATE UNIQUE INDEX CONCURRENTLY idx ON s.t (lower(email)) WHERE active'),
  ('ddl', 'postgresql', 'CREATE TRIGGER trg AFTER INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()'),
  ('ddl', 'postgresql', 'CREATE SEQUENCE seq OWNED BY t.id'),
  ('ddl', 'postgresql', 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT count(*) FROM hidden $$'),
  ('ddl', 'postgresql', 'CREATE FUNCTION g() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM visible; END'),
  ('ddl', 'postgresql', 'CREATE SCHEMA reporting'),
  ('ddl', 'postgresql', 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (cid) REFERENCES customers (id)'),
  ('ddl', 'postgresql', 'ALTER TABLE IF EXISTS ONLY t RENAME COLUMN a TO b'),
  ('ddl', 'postgresql', 'ALTER TABLE t RENAME TO t_old'),
  ('ddl', 'postgresql', 'ALTER TABLE measurements ATTACH PARTITION p2025 FOR VALUES FROM (''2025-01-01'') TO (''2026-01-01'')'),
  ('ddl', 'postgresql', 'ALTER TABLE t SET SCHEMA archive'),
  ('ddl', 'postgresql', 'ALTER VIEW v OWNER TO bob'),
  ('ddl', 'postgresql', 'ALTER INDEX idx RENAME TO idx2'),
  ('ddl', 'postgresql', 'DROP TABLE IF EXISTS a, s.b CASCADE'),
  ('ddl', 'postgresql', 'DROP VIEW v; DROP MATERIALIZED VIEW mv'),
  ('ddl', 'postgresql', 'DROP INDEX idx; DROP SCHEMA s; DROP FUNCTION f(); DROP SEQUENCE seq'),
  ('ddl', 'postgresql', 'TRUNCATE ONLY a, b RESTART IDENTITY; DROP TABLE c'),
  -- utility statements
  ('utility', 'postgresql', 'EXPLAIN (ANALYZE, FORMAT JSON) WITH x AS (SELECT * FROM t) SELECT * FROM x JOIN u ON true'),
  ('utility', 'postgresql', 'EXPLAIN CREATE TABLE t2 AS SELECT * FROM t1'),
  ('utility', 'postgresql', 'COPY (SELECT * FROM t JOIN u ON true) TO STDOUT WITH (FORMAT csv)'),
  ('utility', 'postgresql', 'COPY s.t (a, b) TO ''/tmp/x.csv'''),
  ('utility', 'postgresql', 'VACUUM (VERBOSE, ANALYZE) a, s.b (col)'),
  ('utility', 'postgresql', 'ANALYZE t'),
  ('utility', 'postgresql', 'LOCK TABLE a, b IN ACCESS EXCLUSIVE MODE NOWAIT'),
  ('utility', 'postgresql', 'GRANT SELECT, INSERT ON TABLE t1, s.t2 TO bob WITH GRANT OPTION'),
  ('utility', 'postgresql', 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO bob'),
  ('utility', 'postgresql', 'GRANT USAGE ON SEQUENCE seq TO bob; GRANT EXECUTE ON FUNCTION f() TO bob'),
  ('utility', 'postgresql', 'REVOKE UPDATE (a) ON t FROM bob'),
  ('utility', 'postgresql', 'REFRESH MATERIALIZED VIEW CONCURRENTLY s.mv WITH DATA'),
  ('utility', 'postgresql', 'PREPARE q(int) AS SELECT * FROM t WHERE id = $1'),
  ('utility', 'postgresql', 'DECLARE c CURSOR FOR SELECT * FROM t'),
  ('utility', 'postgresql', 'COMMENT ON TABLE t IS ''FROM users'''),
  ('utility', 'postgresql', 'CREATE RULE r AS ON INSERT TO t DO INSTEAD INSERT INTO u VALUES (new.*)'),
  ('utility', 'postgresql', 'ALTER TABLE child INHERIT parent'),
  ('utility', 'postgresql', 'ALTER TABLE orders RENAME CONSTRAINT a TO b'),
  ('utility', 'postgresql', 'CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON child FROM parent FOR EACH ROW EXECUTE FUNCTION f()'),
  ('select', 'postgresql', 'SELECT DISTINCT ON (1) a, b FROM t ORDER BY 1, 2'),
  ('utility', 'postgresql', 'CALL p((SELECT max(id) FROM t))'),
  -- invalid PostgreSQL: the C++ analyzer's labels, valid false
  ('invalid', 'postgresql', 'select * from'),
  ('invalid', 'postgresql', 'SELECT * FROM `Order Items` oi'),
  ('invalid', 'postgresql', 'SELECT * FROM t WHERE a = ''FROM users'),
  ('invalid', 'postgresql', 'SELECT * FROM t /* FROM users'),
  ('invalid', 'postgresql', 'INSERT INTO t (a, b'),
  ('invalid', 'postgresql', 'SELECT TOP 5 * FROM [dbo].[Sales]'),
  ('invalid', 'postgresql', 'UPDATE t SET a = 1 WHERE; DELETE FROM u'),
  ('invalid', 'postgresql', '42 SELECT * FROM t'),
  -- unknown dialect: PostgreSQL's parser first, then the C++ analyzer
  ('unknown', NULL, 'SELECT * FROM "Mixed Case" JOIN plain ON true'),
  ('unknown', 'teradata', 'SELECT * FROM `bt` JOIN x ON true'),
  ('unknown', '', 'SELECT 1 FROM dual'),
  ('unknown', 'db2', 'SELECT * FROM inserted JOIN deleted ON true JOIN kept ON true'),
  ('unknown', 'other', 'SELECT * INTO copy_t FROM t'),
  ('unknown', NULL, 'INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET a = excluded.a'),
  -- dialect names
  ('names', 'postgres', 'SELECT * FROM a'),
  ('names', ' PG ', 'SELECT * FROM a'),
  ('names', 'MariaDB', 'SELECT * FROM a'),
  ('names', 'sqlite3', 'SELECT * FROM a'),
  ('names', 'MSSQL', 'SELECT * FROM a'),
  ('names', 'SQL Server', 'SELECT * FROM a'),
  -- MySQL
  ('mysql', 'mysql', 'SELECT * FROM `Order Items` oi # FROM hidden'),
  ('mysql', 'mysql', 'REPLACE INTO kv (k, v) VALUES (''a'', ''b'')'),
  ('mysql', 'mysql', 'INSERT IGNORE INTO t SELECT * FROM `db`.`src`'),
  ('mysql', 'mysql', 'SELECT "FROM users" FROM t LIMIT 5, 10'),
  ('mysql', 'mysql', 'UPDATE a JOIN b ON a.id = b.id SET a.x = b.x'),
  ('mysql', 'mysql', 'DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id'),
  ('mysql', 'mysql', 'SELECT 1 FROM DUAL'),
  ('mysql', 'mysql', 'CREATE TABLE t2 LIKE t1'),
  ('mysql', 'mysql', 'SELECT ''a\'' FROM k'' FROM t'),
  ('mysql', 'mysql', 'WITH c AS (SELECT * FROM base) SELECT * FROM c'),
  -- SQLite
  ('sqlite', 'sqlite', 'INSERT OR REPLACE INTO cache VALUES (1)'),
  ('sqlite', 'sqlite', 'SELECT * FROM [My Table] JOIN `other` ON 1'),
  ('sqlite', 'sqlite', 'INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = excluded.n'),
  ('sqlite', 'sqlite', 'UPDATE OR IGNORE t SET a = 1'),
  ('sqlite', 'sqlite', 'VACUUM'),
  ('sqlite', 'sqlite', 'CREATE TRIGGER trg AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.id); END'),
  -- SQL Server
  ('sqlserver', 'sqlserver', 'SELECT TOP 5 * FROM [dbo].[Sales] s CROSS APPLY OPENJSON(s.doc)'),
  ('sqlserver', 'sqlserver', 'SELECT * INTO #Tmp FROM dbo.Users; SELECT * FROM ##Global g'),
  ('sqlserver', 'sqlserver', 'UPDATE u SET u.name = s.name FROM dbo.Users u JOIN staging s ON u.id = s.id'),
  ('sqlserver', 'sqlserver', 'MERGE dbo.Target AS T USING dbo.Source AS S ON T.id = S.id WHEN MATCHED THEN UPDATE SET T.v = S.v OUTPUT inserted.id INTO dbo.Audit;'),
  ('sqlserver', 'sqlserver', 'SELECT N''FROM users'' FROM t WITH (NOLOCK)'),
  ('sqlserver', 'sqlserver', 'DELETE TOP (100) FROM Logs'),
  ('sqlserver', 'sqlserver', 'EXEC sp_who'),
  ('sqlserver', 'sqlserver', 'IF OBJECT_ID(''tempdb..#t'') IS NOT NULL DROP TABLE #t'),
  -- T-SQL table hints with and without WITH; UPDATE STATISTICS; full-text table functions
  ('sqlserver', 'sqlserver', 'SELECT * FROM Users (NOLOCK) WHERE Id = 1'),
  ('sqlserver', 'sqlserver', 'SELECT * FROM dbo.Users u (NOLOCK) JOIN Orders (NOLOCK, INDEX(ix_o)) o ON 1=1'),
  ('sqlserver', 'sqlserver', 'SELECT * FROM dbo.Users AS u WITH (NOLOCK, INDEX(ix_u)) JOIN Orders o WITH (UPDLOCK, HOLDLOCK) ON 1=1'),
  ('sqlserver', 'sqlserver', 'UPDATE Users (ROWLOCK) SET a = 1 WHERE Id = 2'),
  ('sqlserver', 'sqlserver', 'UPDATE STATISTICS dbo.Users'),
  ('sqlserver', 'sqlserver', 'UPDATE STATISTICS Sales.Orders IX_Date WITH FULLSCAN'),
  ('sqlserver', 'sqlserver', 'SELECT * FROM dbo.Docs d JOIN CONTAINSTABLE(dbo.Docs, Body, ''sql'') AS k ON d.Id = k.[KEY]'),
  ('sqlserver', 'sqlserver', 'SELECT * FROM FREETEXTTABLE([Product Notes], *, ''cheap'') ft'),
  -- unknown dialect that PostgreSQL does not parse: T-SQL brackets and hints are read
  ('unknown', NULL, 'SELECT * FROM [dbo].[Users]'),
  ('unknown', NULL, 'SELECT TOP 5 * FROM Users (NOLOCK)'),
  ('unknown', NULL, 'SELECT * FROM Users (NOLOCK)'),  -- PostgreSQL parses this: a function call
  -- more utility statements naming a table
  ('utility', 'postgresql', 'CREATE POLICY p ON accounts FOR SELECT USING (owner = current_user)'),
  ('utility', 'postgresql', 'ALTER POLICY p ON s.accounts USING (true)'),
  ('utility', 'postgresql', 'CLUSTER users USING users_pkey'),
  ('utility', 'postgresql', 'CLUSTER'),
  ('utility', 'postgresql', 'REINDEX TABLE users'),
  ('utility', 'postgresql', 'REINDEX INDEX users_pkey'),
  ('utility', 'postgresql', 'COMMENT ON COLUMN app.users.email IS ''x'''),
  ('utility', 'postgresql', 'COMMENT ON INDEX users_pkey IS ''x'''),
  ('utility', 'postgresql', 'CREATE STATISTICS s (ndistinct) ON a, b FROM t'),
  ('utility', 'postgresql', 'REINDEX TABLE'),
  -- MySQL RENAME / DESCRIBE / EXPLAIN name; a CTE hides a table only inside its parentheses
  ('mysql', 'mysql', 'RENAME TABLE old_t TO new_t'),
  ('mysql', 'mysql', 'RENAME TABLE a TO b, db.c TO `D`'),
  ('mysql', 'mysql', 'DESCRIBE users'),
  ('mysql', 'mysql', 'DESC db.Users email'),
  ('mysql', 'mysql', 'EXPLAIN users'),
  ('mysql', 'mysql', 'SELECT * FROM orders o WHERE o.id IN (WITH x AS (SELECT 1) SELECT * FROM x) AND EXISTS (SELECT 1 FROM x)'),
  ('mysql', 'mysql', 'WITH x AS (SELECT * FROM x) SELECT * FROM x'),
  -- the elements of CREATE SCHEMA name their tables
  ('utility', 'postgresql', 'CREATE SCHEMA s CREATE TABLE t (a int) CREATE VIEW v AS SELECT a FROM t');

SELECT count(*) AS cases, count(DISTINCT sql) AS distinct_sql FROM cases;

-- query_type, table_names and valid of every case.
\pset format unaligned
\pset fieldsep ' | '
SELECT c.id, c.section, coalesce(c.dialect, '<NULL>') AS dialect, c.sql,
       i.query_type, i.table_names, coalesce(i.valid::text, '<NULL>') AS valid
  FROM cases c, LATERAL tde_sql_info(c.sql, c.dialect) i
 ORDER BY c.id;
\pset format aligned

-- valid: true for PostgreSQL SQL that parsed, false when it did not (or for
-- an unknown dialect that is not PostgreSQL), NULL for other dialects.
SELECT coalesce(c.dialect, '<NULL>') IN ('mysql', 'sqlite', 'sqlserver', 'MariaDB', 'sqlite3', 'MSSQL', 'SQL Server')
         AS other_dialect,
       coalesce(i.valid::text, '<NULL>') AS valid, count(*)
  FROM cases c, LATERAL tde_sql_info(c.sql, c.dialect) i
 GROUP BY 1, 2 ORDER BY 1, 2;

-- Every fingerprint is 16 hex digits, or NULL when there is no token at all.
SELECT count(*) FILTER (WHERE i.fingerprint ~ '^[0-9a-f]{16}$') AS hex16,
       count(*) FILTER (WHERE i.fingerprint IS NULL) AS null_fingerprints,
       string_agg(c.id::text, ',' ORDER BY c.id) FILTER (WHERE i.fingerprint IS NULL) AS null_ids
  FROM cases c, LATERAL tde_sql_info(c.sql, c.dialect) i;

-- Fingerprints: one per query shape. Each group holds the same shape with
-- other constants, spacing, case, comments or parameters; groups differ.
-- Type modifiers, ORDER BY positions and the strings of utility statements
-- that are not values (COPY file names) are part of the shape; the values of
-- utility statements (defaults, CHECK, index predicates, partition bounds,
-- SET values) and typed literals (DATE '...') are constants.
CREATE TEMP TABLE shapes (grp text NOT NULL, dialect text, sql text NOT NULL);
INSERT INTO shapes VALUES
  ('eq',        'postgresql', 'SELECT * FROM users WHERE id = 5'),
  ('eq',        'postgresql', 'select *   from USERS where ID = 1234'),
  ('eq',        'postgresql', 'SELECT * FROM users WHERE id = -1 -- negative'),
  ('eq',        'postgresql', 'SELECT * FROM users WHERE id = $1;'),
  ('eq',        'postgresql', '/* hint */ SELECT * FROM "users" WHERE id = 2.5e10'),
  ('eq',        'postgresql', 'SELECT * FROM users WHERE id = ''text'''),
  ('eq_quoted', 'postgresql', 'SELECT * FROM "Users" WHERE id = 5'),
  ('eq_or',     'postgresql', 'SELECT * FROM users WHERE id = 5 OR id = 6'),
  ('eq_or',     'postgresql', 'SELECT * FROM users WHERE id = 7 OR id = 8'),
  ('in2',       'postgresql', 'SELECT name FROM users WHERE id IN (1, 2)'),
  ('in2',       'postgresql', 'SELECT name FROM users WHERE id IN (10, -20)'),
  ('in2',       'postgresql', 'SELECT name FROM users WHERE id IN (1, 2, 3)'),  -- any length: one shape (libpg_query)
  ('minus',     'postgresql', 'SELECT x - 1 FROM t'),
  ('minus',     'postgresql', 'SELECT x - 100 FROM t'),
  ('insert',    'postgresql', 'INSERT INTO t (a, b) VALUES (1, ''x'')'),
  ('insert',    'postgresql', 'INSERT INTO t (a, b) VALUES (E''it\''s'', $$dollar$$)'),
  ('insert',    'postgresql', 'insert into T (A, B) values (-3.5, B''101'')'),
  ('typmod20',  'postgresql', 'SELECT a::varchar(20) FROM t WHERE b = ''x'''),
  ('typmod20',  'postgresql', 'SELECT a::varchar(20) FROM t WHERE b = ''y'''),
  ('typmod30',  'postgresql', 'SELECT a::varchar(30) FROM t WHERE b = ''x'''),
  ('order1',    'postgresql', 'SELECT a, b FROM t ORDER BY 1 LIMIT 5'),
  ('order1',    'postgresql', 'SELECT a, b FROM t ORDER BY 1 LIMIT 50'),
  ('order2',    'postgresql', 'SELECT a, b FROM t ORDER BY 2 LIMIT 5'),
  ('ddl_default', 'postgresql', 'CREATE TABLE t (a text DEFAULT ''x'')'),
  ('ddl_default', 'postgresql', 'CREATE TABLE t (a text DEFAULT ''y'')'),
  ('add_column',  'postgresql', 'ALTER TABLE t ADD COLUMN a int DEFAULT 1'),
  ('add_column',  'postgresql', 'ALTER TABLE t ADD COLUMN a int DEFAULT 2'),
  ('check',       'postgresql', 'CREATE TABLE t (a int CHECK (a > 0), b varchar(20))'),
  ('check',       'postgresql', 'CREATE TABLE t (a int CHECK (a > 5), b varchar(20))'),
  ('check_typmod','postgresql', 'CREATE TABLE t (a int CHECK (a > 5), b varchar(30))'),
  ('index_where', 'postgresql', 'CREATE INDEX i ON t (a) WHERE b = 1'),
  ('index_where', 'postgresql', 'CREATE INDEX i ON t (a) WHERE b = 2'),
  ('set_default', 'postgresql', 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 1'),
  ('set_default', 'postgresql', 'ALTER TABLE t ALTER COLUMN a SET DEFAULT ''x'''),
  ('partition',   'postgresql', 'CREATE TABLE p PARTITION OF m FOR VALUES FROM (1) TO (10)'),
  ('partition',   'postgresql', 'CREATE TABLE p PARTITION OF m FOR VALUES FROM (5) TO (50)'),
  ('set',         'postgresql', 'SET work_mem = ''64MB'''),
  ('set',         'postgresql', 'SET work_mem = ''128MB'''),
  ('set',         'postgresql', 'SET work_mem = 4096'),
  ('set_other',   'postgresql', 'SET maintenance_work_mem = ''64MB'''),
  ('typed',       'postgresql', 'SELECT DATE ''2024-01-31'', interval ''2'' day FROM t'),
  ('typed',       'postgresql', 'SELECT DATE ''2025-12-01'', interval ''7'' day FROM t'),
  ('nchar',       'postgresql', 'SELECT n''a'', N''b'' FROM t'),
  ('nchar',       'postgresql', 'SELECT N''x'', ''y'' FROM t'),
  ('uescape',     'postgresql', 'SELECT U&''a'' UESCAPE ''!'' FROM t'),
  ('uescape',     'postgresql', 'SELECT U&''b'' UESCAPE ''#'' FROM t'),
  ('copy_a',    'postgresql', 'COPY t TO ''/tmp/a.csv'''),
  ('copy_b',    'postgresql', 'COPY t TO ''/tmp/b.csv'''),
  ('two',       'postgresql', 'SELECT 1; SELECT 2'),
  ('two',       'postgresql', 'SELECT 3;;SELECT 4;'),
  ('bad',       'postgresql', 'SELECT * FROM WHERE id = 1'),
  ('bad',       'postgresql', 'SELECT * FROM WHERE id = 2'),
  ('my',        'mysql',      'SELECT * FROM `users` WHERE id = 5 LIMIT 1 # c'),
  ('my',        'mysql',      'SELECT * FROM `users` WHERE id = ? LIMIT 10'),
  ('my',        'mysql',      'SELECT * FROM `users` WHERE id = "str" LIMIT ?'),
  ('lite',      'sqlite',     'SELECT * FROM [users] WHERE name LIKE ''a%'''),
  ('lite',      'sqlite',     'SELECT * FROM [users] WHERE name LIKE ?'),
  ('ms',        'sqlserver',  'SELECT TOP 10 * FROM [dbo].[users] WHERE id = @id'),
  ('ms',        'sqlserver',  'SELECT TOP 99 * FROM [dbo].[users] WHERE id = @id');
SELECT grp, count(*) AS queries, count(DISTINCT i.fingerprint) AS fingerprints
  FROM shapes s, LATERAL tde_sql_info(s.sql, s.dialect) i
 GROUP BY grp ORDER BY grp;
SELECT count(DISTINCT grp) AS groups, count(DISTINCT i.fingerprint) AS fingerprints
  FROM shapes s, LATERAL tde_sql_info(s.sql, s.dialect) i;
-- Their normalized texts parse and keep the fingerprint too.
SELECT count(*) AS normalized_shapes,
       count(*) FILTER (WHERE (tde_sql_info(i.normalized, s.dialect)).fingerprint = i.fingerprint) AS same_fingerprint,
       count(*) FILTER (WHERE (tde_sql_info(i.normalized, s.dialect)).valid) AS still_valid
  FROM shapes s, LATERAL tde_sql_info(s.sql, s.dialect) i
 WHERE i.normalized IS NOT NULL;

-- The same simple query has the same fingerprint whatever the dialect.
SELECT count(DISTINCT (tde_sql_info('SELECT a, b FROM t WHERE c = 42', d)).fingerprint) AS fingerprints
  FROM unnest(ARRAY['postgresql', 'mysql', 'sqlite', 'sqlserver', 'unknown']) d;

-- The normalized text has the fingerprint of the original.
SELECT count(*) AS normalized_cases,
       count(*) FILTER (WHERE (tde_sql_info(i.normalized, c.dialect)).fingerprint = i.fingerprint) AS same_fingerprint,
       count(*) FILTER (WHERE (tde_sql_info(i.normalized, c.dialect)).valid) AS still_valid
  FROM cases c, LATERAL tde_sql_info(c.sql, c.dialect) i
 WHERE i.normalized IS NOT NULL;

-- normalized: constants become $1, $2, ... (after the highest $n already
-- there); spacing and comments stay; type modifiers are not constants; NULL
-- when the SQL did not parse or is not PostgreSQL.
SELECT s AS sql, (tde_sql_info(s)).normalized
  FROM unnest(ARRAY[
    'SELECT * FROM users WHERE id = 5 AND name = ''bob''',
    'SELECT -1, x - 2, +3, - 4 FROM t',
    'SELECT * FROM t WHERE a = $2 AND b = 7 AND c = $1',
    'SELECT  *  FROM t  -- keep = 1' || chr(10) || 'WHERE /* 2 */ a IN (1, 2.5, 1e3)',
    'SELECT ''2024-01-31''::date, DATE ''2024-01-31'', interval ''2 years'', x::numeric(10,2) FROM t',
    'CREATE TABLE t (a varchar(20) DEFAULT ''x'', b numeric(10, 2) CHECK (b > 0), c timestamp(3))',
    'SELECT E''a\nb'', $tag$ dollar $tag$, B''101'', X''FF'', U&''\0041'' FROM t',
    'SELECT n''a'', N''b'', e''c'', U&''d!0041'' UESCAPE ''!'' FROM t WHERE x = U&''e'' UESCAPE ''#''',
    'SELECT int4 ''1'', bin''x'', CAST(''2024-01-31'' AS date) FROM t',
    'ALTER TABLE t ADD COLUMN a int DEFAULT 1 CHECK (a > 0); SET work_mem = ''64MB''',
    'SELECT * FROM t LIMIT 10 OFFSET 20; UPDATE t SET a = ''x'' WHERE id = 3',
    'SELECT ''a''' || chr(10) || '  ''b'' FROM t',
    'SELECT true, NULL, col FROM t ORDER BY 1',
    'SELECT * FROM users WHERE',
    '',
    '-- only a comment'
  ]) s;
SELECT (tde_sql_info('SELECT * FROM users WHERE id = 5', 'mysql')).normalized AS mysql_normalized;

-- NULL sql gives a NULL row; a NULL dialect is an unknown dialect.
SELECT (tde_sql_info(NULL)).* ;
SELECT (tde_sql_info('SELECT 1 FROM t', NULL)).*;

-- Parser messages are not emitted: long identifiers are truncated to
-- NAMEDATALEN - 1 silently, nonstandard backslashes do not warn.
SELECT (tde_sql_info('SELECT * FROM ' || repeat('x', 70))).table_names;
-- (# stands for a backslash: SELECT 'it\'s' FROM t WHERE a = '\\'.)
SET standard_conforming_strings = off;
SELECT i.* FROM tde_sql_info(replace('SELECT ''it#''s'' FROM t WHERE a = ''##''', '#', chr(92))) i;
RESET standard_conforming_strings;
SELECT i.* FROM tde_sql_info(replace('SELECT ''it#''s'' FROM t WHERE a = ''##''', '#', chr(92))) i;

-- Robustness: deep nesting, long lists, many statements, odd bytes.
SELECT i.query_type, cardinality(i.table_names) AS tables, i.valid
  FROM tde_sql_info('SELECT * FROM t WHERE x IN ' || repeat('(SELECT y FROM u WHERE y IN ', 500) || '(1)' || repeat(')', 500)) i;
SELECT i.query_type, cardinality(i.table_names) AS tables, i.valid
  FROM tde_sql_info('SELECT ' || repeat('(', 20000) || '1' || repeat(')', 20000)) i;
SELECT i.query_type, cardinality(i.table_names) AS tables, i.valid, length(i.normalized) > 0 AS normalized
  FROM tde_sql_info((SELECT string_agg('SELECT * FROM t' || g || ' WHERE a = ' || g, '; ') FROM generate_series(1, 2000) g)) i;
SELECT i.query_type, i.table_names, i.valid
  FROM tde_sql_info('SELECT * FROM t WHERE a = ''' || repeat('x', 100000) || '''') i;
SELECT i.query_type, i.table_names, i.valid, i.fingerprint IS NOT NULL AS fingerprint
  FROM tde_sql_info('SELECT 1a FROM t') i;
SELECT i.query_type, i.table_names, i.valid FROM tde_sql_info(E'SELECT * FROM "caf\u00e9" JOIN "日本" ON true') i;

-- literal_spans() (used to anonymize inside literals): the content of string
-- literals and comments, never identifiers. A test-only entry point.
CREATE FUNCTION tde_test_literal_spans(sql text, dialect text DEFAULT 'postgresql') RETURNS text[]
    AS 'training_data_export', 'tde_sql_literal_spans' LANGUAGE C STABLE;
SELECT s AS sql, d AS dialect, tde_test_literal_spans(s, d) AS spans
  FROM (VALUES
    ('SELECT ''bob@example.com'' AS "mail@col", x FROM t -- owner alice@example.com', 'postgresql'),
    ('SELECT E''it\''s'', ''a''''b'', $q$ dollar $q$, $$$$, B''1'', X''ff'' /* c1 /* nested */ c2 */', 'postgresql'),
    ('SELECT ''one''' || chr(10) || '  -- between' || chr(10) || '  ''two'' FROM t', 'postgresql'),
    ('SELECT "ident", U&"\0041", U&''\0041'' FROM t', 'postgresql'),
    ('SELECT ''unterminated FROM t', 'postgresql'),
    ('SELECT `x`, "str", ''s'' # hash comment', 'mysql'),
    ('SELECT [col], N''nat'' -- c', 'sqlserver'),
    ('SELECT "x", ''y'' FROM t', NULL)
  ) v(s, d);
DROP FUNCTION tde_test_literal_spans(text, text);

-- The trigger fills the derived columns; a superuser may switch derivation
-- off for a bulk load of rows derived before (values are kept as given).
TRUNCATE tde_pairs;
INSERT INTO tde_pairs (natural_language_query, sql_query, query_type, table_names)
VALUES ('derived', 'DELETE FROM carts WHERE id = 7', 'SELECT', '{wrong}');
SET tde.derive_sql_info = off;
INSERT INTO tde_pairs (natural_language_query, sql_query, query_type, table_names, sql_fingerprint)
VALUES ('kept', 'DELETE FROM carts WHERE id = 7', 'DELETE', '{carts}', 'given');
RESET tde.derive_sql_info;
SELECT natural_language_query, query_type, table_names, sql_fingerprint IS NOT NULL AS has_fingerprint,
       sql_normalized, sql_valid
  FROM tde_pairs ORDER BY 1;

-- Column positions stay positions (DISTINCT ON, ROLLUP); an ORDER BY inside
-- OVER is a constant; a parameter is never glued to a word; the normalized
-- text parses again.
SELECT i.normalized, (tde_sql_info(i.normalized)).valid AS reparses
  FROM unnest(ARRAY[
    'SELECT DISTINCT ON (1) a, b FROM t ORDER BY 1, 2',
    'SELECT a, b, count(*) FROM t GROUP BY ROLLUP (1, 2)',
    'SELECT a, rank() OVER (ORDER BY 1) FROM t',
    $q$SELECT * FROM t WHERE name='bob'AND id=1$q$]) AS q(sql),
       LATERAL tde_sql_info(q.sql) i;
-- Texts over 32 KB in which PostgreSQL's scanner takes quadratic time (many
-- comment openers, long operator runs) are read by the core analyzer (valid
-- unknown); other long SQL is still parsed (above: valid t).
SELECT i.query_type, i.valid FROM tde_sql_info(repeat('/*', 100000)) i;
SELECT i.query_type, i.table_names, i.valid FROM tde_sql_info('SELECT 1 ' || repeat('+-', 50000) || ' 1 FROM t') i;
SELECT length(sql_query) AS stored FROM tde_add_pair('pathological', repeat('/*', 100000));
DELETE FROM tde_pairs WHERE natural_language_query = 'pathological';
