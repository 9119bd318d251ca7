-- The trigger anonymizes every write path with keyed, consistent, idempotent tokens.
TRUNCATE tde_pairs;
-- A known key makes the tokens in this file reproducible.
UPDATE tde_secret SET key = decode(repeat('0123456789abcdef', 4), 'hex');

SELECT natural_language_query FROM tde_add_pair(
  'Email john.doe@example.com, call 555-123-4567, SSN 123-45-6789, card 4111-1111-1111-1111, from 192.168.1.1');

-- Tokens are HMAC-SHA256(secret, entity:normalized value), first 12 hex digits.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
SELECT 'user_' || left(encode(hmac('email:john.doe@example.com', (SELECT key FROM tde_secret), 'sha256'), 'hex'), 12)
       || '@example.com' AS expected_email_token;
SELECT 'db_' || left(encode(hmac('database_name:production_db', (SELECT key FROM tde_secret), 'sha256'), 'hex'), 12)
       AS expected_db_token;
DROP EXTENSION pgcrypto;

-- Same input, same token: any case of the same email, same database name.
SELECT natural_language_query, database_name
  FROM tde_add_pair('Orders of JOHN.DOE@EXAMPLE.COM', database_name => 'production_db');
SELECT database_name FROM tde_add_pair('q', database_name => 'production_db');

-- Plain INSERT and COPY FROM go through the trigger too.
INSERT INTO tde_pairs (natural_language_query, database_name)
VALUES ('mail jane@corp.example.org or 10.0.0.7', 'hr');
COPY tde_pairs (natural_language_query, sql_query, database_name) FROM stdin;
reach +1 (555) 867-5309 please	SELECT * FROM customers	billing
\.
SELECT natural_language_query, database_name, query_type, table_names
  FROM tde_pairs ORDER BY natural_language_query COLLATE "C";

-- UPDATE: new raw data is anonymized; existing tokens are left exactly as they are.
CREATE TEMP TABLE before_update AS SELECT pair_id, natural_language_query, database_name FROM tde_pairs;
UPDATE tde_pairs SET metadata = '{"touched": true}';
SELECT count(*) AS changed_by_update
  FROM tde_pairs p JOIN before_update b USING (pair_id)
 WHERE p.natural_language_query IS DISTINCT FROM b.natural_language_query
    OR p.database_name IS DISTINCT FROM b.database_name;
UPDATE tde_pairs SET natural_language_query = natural_language_query || ' (cc bob@example.net)'
 WHERE natural_language_query LIKE 'mail%'
 RETURNING natural_language_query;

-- Re-importing exported rows never changes a token.
CREATE TEMP TABLE exported AS SELECT * FROM tde_pairs;
TRUNCATE tde_pairs;
INSERT INTO tde_pairs SELECT * FROM exported;
SELECT count(*) AS identical_after_reimport
  FROM tde_pairs p JOIN exported e USING (pair_id)
 WHERE p.natural_language_query = e.natural_language_query
   AND p.database_name IS NOT DISTINCT FROM e.database_name;
SELECT count(*) AS total FROM tde_pairs;

-- Not personal data: kept as written.
SELECT natural_language_query FROM tde_add_pair(
  'Orders from 2024-01-15 to 2024-02-15 at 12:34:56, version 1.2.3, order #12345678, logo@2x.png, 1234-5678-9012-3456');

-- A new key changes future tokens only.
SELECT natural_language_query AS old_token FROM tde_pairs WHERE natural_language_query LIKE 'Orders of%';
SELECT tde_rotate_secret() IS NOT NULL AS rotated;
SELECT natural_language_query <> (SELECT natural_language_query FROM tde_pairs WHERE natural_language_query LIKE 'Orders of%') AS new_token_differs
  FROM tde_add_pair('Orders of john.doe@example.com');
SELECT count(*) AS old_token_unchanged FROM tde_pairs
 WHERE natural_language_query = 'Orders of user_42f71de4a98b@example.com';

-- A superuser may switch anonymization off for the session, as the guide allows.
UPDATE tde_secret SET key = decode(repeat('0123456789abcdef', 4), 'hex');
SET tde.anonymize = off;
SELECT natural_language_query, database_name FROM tde_add_pair('raw alice@example.com', database_name => 'prod');
RESET tde.anonymize;
SELECT natural_language_query, database_name FROM tde_add_pair('safe alice@example.com', database_name => 'prod');
SHOW tde.anonymize;
-- Call records: caller_id / dialed_number columns hold phone numbers; an
-- address spelled out with a bracketed at/dot gets the plain address's token.
SELECT natural_language_query, sql_query
  FROM tde_add_pair('calls from caller id 415-555-0123 or jane.doe [at] example [dot] com',
                    'SELECT * FROM calls WHERE caller_id = ''4155550123'' OR dialed_number = ''4155550199'''
                    ' OR note = ''ping jane.doe(at)example.com''');
SELECT natural_language_query FROM tde_add_pair('mail jane.doe@example.com');
