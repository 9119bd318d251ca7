-- The trigger memoizes repeated values per backend (a value is stored at its
-- second sighting and served from the third). Every result must stay exactly
-- what a fresh computation gives: after a key rotation, a rule change (in
-- this session or another), a change of tde.phone_regions, and per dialect.
TRUNCATE tde_pairs;
DELETE FROM tde_anonymization_rules;
UPDATE tde_secret SET key = decode(repeat('0123456789abcdef', 4), 'hex');

CREATE TEMP TABLE memo_rows (step text, n int, q text, db text, sql text, qt text, tables text[], fp text);
CREATE FUNCTION pg_temp.add4(step text, q text, db text, sql text, dialect text DEFAULT 'postgresql')
RETURNS void LANGUAGE sql AS $$
  INSERT INTO memo_rows
  SELECT step, g, p.natural_language_query, p.database_name, p.sql_query, p.query_type, p.table_names, p.sql_fingerprint
    FROM generate_series(1, 4) g, LATERAL tde_add_pair(q, sql, dialect, db) p;
$$;
-- Four identical inserts: computed, computed, memoized, memoized; all equal.
CREATE FUNCTION pg_temp.distinct_results(s text) RETURNS bigint LANGUAGE sql AS $$
  SELECT count(DISTINCT (q, db, sql, qt, tables, fp)) FROM memo_rows WHERE step = s;
$$;

SELECT pg_temp.add4('before', 'Orders of ann@example.com, ring 020 7946 0958',
                    'production_db', 'SELECT * FROM orders WHERE email = ''ann@example.com''');
SELECT pg_temp.distinct_results('before') AS distinct_results;
SELECT q, db, sql, qt, tables FROM memo_rows WHERE step = 'before' AND n = 4;

-- A new key: the memoized tokens of the old key must not be served.
SELECT tde_rotate_secret() IS NOT NULL AS rotated;
SELECT pg_temp.add4('rotated', 'Orders of ann@example.com, ring 020 7946 0958',
                    'production_db', 'SELECT * FROM orders WHERE email = ''ann@example.com''');
SELECT pg_temp.distinct_results('rotated') AS distinct_results;
SELECT bool_and(r.q <> b.q) AS question_token_changed, bool_and(r.db <> b.db) AS db_token_changed,
       bool_and(r.sql <> b.sql) AS sql_token_changed, bool_and(r.fp = b.fp) AS same_fingerprint
  FROM memo_rows r JOIN memo_rows b ON b.step = 'before' AND b.n = r.n WHERE r.step = 'rotated';
UPDATE tde_secret SET key = decode(repeat('0123456789abcdef', 4), 'hex');
SELECT pg_temp.add4('key_back', 'Orders of ann@example.com, ring 020 7946 0958',
                    'production_db', 'SELECT * FROM orders WHERE email = ''ann@example.com''');
SELECT count(*) AS same_as_before FROM memo_rows k JOIN memo_rows b ON b.step = 'before' AND b.n = k.n
 WHERE k.step = 'key_back' AND (k.q, k.db, k.sql) = (b.q, b.db, b.sql);

-- Another region: the London number becomes personal data in the memoized question.
SET tde.phone_regions = 'US,GB';
SELECT pg_temp.add4('gb', 'Orders of ann@example.com, ring 020 7946 0958',
                    'production_db', 'SELECT * FROM orders WHERE email = ''ann@example.com''');
SELECT pg_temp.distinct_results('gb') AS distinct_results;
SELECT q FROM memo_rows WHERE step = 'gb' AND n = 4;
RESET tde.phone_regions;

-- A rule added in this session applies to a memoized question and SQL literal.
INSERT INTO tde_anonymization_rules (name, pattern, replacement) VALUES ('orders', 'Orders', 'Purchases');
SELECT pg_temp.add4('rule', 'Orders of ann@example.com, ring 020 7946 0958',
                    'production_db', 'SELECT * FROM orders WHERE note = ''Orders''');
SELECT pg_temp.distinct_results('rule') AS distinct_results;
SELECT q, sql FROM memo_rows WHERE step = 'rule' AND n = 4;
-- ... and one removed by another session stops applying here.
\setenv PGDATABASE :DBNAME
\! psql -X -q -c "DELETE FROM tde_anonymization_rules"
SELECT pg_temp.add4('no_rule', 'Orders of ann@example.com, ring 020 7946 0958',
                    'production_db', 'SELECT * FROM orders WHERE note = ''Orders''');
SELECT pg_temp.distinct_results('no_rule') AS distinct_results;
SELECT q, sql FROM memo_rows WHERE step = 'no_rule' AND n = 4;

-- The same SQL text in another dialect is another input: in MySQL "..." is a
-- string (anonymized), in PostgreSQL an identifier (kept).
SELECT pg_temp.add4('pg', 'q', NULL, 'SELECT "bob@example.org" FROM people', 'postgresql');
SELECT pg_temp.add4('my', 'q', NULL, 'SELECT "bob@example.org" FROM people', 'mysql');
SELECT step, count(DISTINCT sql) AS variants, min(sql) AS sql
  FROM memo_rows WHERE step IN ('pg', 'my') GROUP BY step ORDER BY step;

-- Literal anonymization switched off: the memoized anonymized SQL is not served.
SET tde.anonymize_sql_literals = off;
SELECT pg_temp.add4('literals_off', 'q', NULL, 'SELECT * FROM orders WHERE email = ''ann@example.com''');
SELECT DISTINCT sql FROM memo_rows WHERE step = 'literals_off';
RESET tde.anonymize_sql_literals;

-- Derivation is memoized per text: a changed SQL gets its own derivation.
SELECT pg_temp.add4('d1', 'q', NULL, 'DELETE FROM a');
SELECT pg_temp.add4('d2', 'q', NULL, 'DELETE FROM b');
SELECT step, count(*) AS rows, min(qt) AS query_type, min(tables) AS tables
  FROM memo_rows WHERE step IN ('d1', 'd2') GROUP BY step ORDER BY step;
TRUNCATE tde_pairs;

-- The scanner's settings are part of the key: with standard_conforming_strings
-- off, a backslash escapes the quote, so literals end elsewhere and the
-- literal spans and the derivation differ. (# stands for a backslash.)
CREATE TEMP TABLE memo_scs (scs text, sql text, normalized text, valid boolean);
SET standard_conforming_strings = off;
INSERT INTO memo_scs SELECT 'off', p.sql_query, p.sql_normalized, p.sql_valid
  FROM generate_series(1, 4) g,
       LATERAL tde_add_pair('q', replace('SELECT ''it#''s ann@example.com'' FROM t WHERE a = ''##''', '#', chr(92))) p;
RESET standard_conforming_strings;
INSERT INTO memo_scs SELECT 'on', p.sql_query, p.sql_normalized, p.sql_valid
  FROM generate_series(1, 4) g,
       LATERAL tde_add_pair('q', replace('SELECT ''it#''s ann@example.com'' FROM t WHERE a = ''##''', '#', chr(92))) p;
SELECT scs, count(*) AS rows, count(DISTINCT (sql, normalized, valid)) AS variants,
       min(replace(sql, chr(92), '#')) AS sql, min(replace(normalized, chr(92), '#')) AS normalized, bool_and(valid) AS valid
  FROM memo_scs GROUP BY scs ORDER BY scs;
TRUNCATE tde_pairs;
