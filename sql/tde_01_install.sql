-- Install, inspect, drop cleanly, reinstall.
CREATE EXTENSION training_data_export;

SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'training_data_export';

-- The pairs table carries the guide's field names.
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
  FROM pg_attribute
 WHERE attrelid = 'tde_pairs'::regclass AND attnum > 0 AND NOT attisdropped
 ORDER BY attnum;

SELECT indexrelid::regclass AS index, pg_get_indexdef(indexrelid) LIKE '%WHERE success%' AS partial
  FROM pg_index WHERE indrelid = 'tde_pairs'::regclass ORDER BY 1;

SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'tde_pairs'::regclass AND NOT tgisinternal;

-- Registered for pg_dump; the secret is not.
SELECT unnest(extconfig)::regclass AS dumped FROM pg_extension WHERE extname = 'training_data_export';

-- One secret of 32 random bytes.
SELECT count(*) AS secrets, min(octet_length(key)) AS key_bytes FROM tde_secret;

-- DROP EXTENSION removes every object it created.
DROP EXTENSION training_data_export;
SELECT count(*) AS leftover_relations FROM pg_class WHERE relname LIKE 'tde\_%';
SELECT count(*) AS leftover_functions FROM pg_proc WHERE proname LIKE 'tde\_%';

-- Roles are cluster-wide and survive; reinstalling reuses them.
SELECT rolname FROM pg_roles WHERE rolname LIKE 'tde\_%' ORDER BY 1;
CREATE EXTENSION training_data_export;
SELECT count(*) AS secrets FROM tde_secret;
