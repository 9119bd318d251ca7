-- Roles: each gets what it needs, nothing more.
TRUNCATE tde_pairs;
CREATE ROLE regress_tde_w LOGIN IN ROLE tde_writer;
CREATE ROLE regress_tde_r LOGIN IN ROLE tde_reader;
CREATE ROLE regress_tde_nobody LOGIN;

\set VERBOSITY sqlstate
SET ROLE regress_tde_w;
-- A writer adds through the function, INSERT and the JSON entry point...
SELECT natural_language_query ~ '^writer adds user_[0-9a-f]{12}@example\.com$' AS anonymized
  FROM tde_add_pair('writer adds bob@example.com');
INSERT INTO tde_pairs (natural_language_query) VALUES ('writer inserts 555-123-4567');
SELECT tde_add_pair_json('{"natural_language_query": "writer json"}') #>> '{pair,natural_language_query}';
-- ...but cannot read pairs, the secret, or switch anonymization off.
SELECT count(*) FROM tde_pairs;
SELECT * FROM tde_list_pairs();
SELECT key FROM tde_secret;
SET tde.anonymize = off;
SELECT tde_rotate_secret();
UPDATE tde_secret SET key = 'x';
SELECT tde_random_secret() IS NOT NULL;
RESET ROLE;

SET ROLE regress_tde_r;
SELECT regexp_replace(natural_language_query, 'user_[0-9a-f]{12}', 'user_<token>') AS question
  FROM tde_list_pairs() ORDER BY 1;
SELECT tde_count_pairs();
SELECT * FROM tde_add_pair('reader cannot add');
INSERT INTO tde_pairs (natural_language_query) VALUES ('reader cannot insert');
SELECT tde_delete_pair(gen_random_uuid());
SELECT key FROM tde_secret;
SET tde.anonymize = off;
RESET ROLE;

SET ROLE regress_tde_nobody;
SELECT * FROM tde_add_pair('nobody');
SELECT count(*) FROM tde_pairs;
SELECT * FROM tde_list_pairs();
-- Nor the internal helpers (a row value built by hand reaches the C line writers).
SELECT tde_jsonl_line(ROW(NULL, 'q', '', NULL, NULL, NULL, '{}', true, NULL, '{}', 'SELECT', NULL, NULL, NULL)::tde_pairs);
SELECT tde_csv_record(NULL::tde_pairs);
SELECT tde_split_of('q', 's', '{0.8,0.1,0.1}');
RESET ROLE;
\set VERBOSITY default

-- No function of the extension is executable by PUBLIC.
SELECT p.oid::regprocedure AS executable_by_public
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'training_data_export'
 WHERE has_function_privilege('public', p.oid, 'EXECUTE');
-- Every function has a description (\df+); the helpers say they are internal.
SELECT count(*) FILTER (WHERE obj_description(p.oid, 'pg_proc') IS NULL) AS undescribed,
       count(*) FILTER (WHERE obj_description(p.oid, 'pg_proc') LIKE 'internal helper%') AS internal,
       obj_description('tde_export_jsonl'::regproc, 'pg_proc') LIKE 'JSONL export%' AS api_described
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'training_data_export';

-- The line writers take any tde_pairs row value, NULLs in NOT NULL columns included.
SELECT tde_jsonl_line(ROW(NULL, 'q', '', NULL, NULL, NULL, '{}', true, NULL, '{}', 'SELECT', NULL, NULL, NULL)::tde_pairs);
SELECT tde_json_element(ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::tde_pairs);
SELECT tde_csv_record(ROW(NULL, 'q', '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::tde_pairs);

-- A writer who sets the parameter before the library is loaded in a fresh
-- session gets a placeholder that the library refuses when it loads.
\c - regress_tde_w
SET tde.anonymize = off;
SELECT natural_language_query ~ '^fresh session user_[0-9a-f]{12}@example\.com$' AS still_anonymized
  FROM tde_add_pair('fresh session carol@example.com');
SHOW tde.anonymize;
\c - postgres
LOAD 'training_data_export';

-- The writer's attempts above did not switch anything off.
SHOW tde.anonymize;
SELECT count(*) AS stored FROM tde_pairs;

DROP ROLE regress_tde_w, regress_tde_r, regress_tde_nobody;
