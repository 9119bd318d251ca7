-- Metadata string values, custom rules, and who may change them.
TRUNCATE tde_pairs;
UPDATE tde_secret SET key = decode(repeat('0123456789abcdef', 4), 'hex');

-- String values anywhere in metadata are anonymized; keys, numbers and booleans are not.
SELECT metadata FROM tde_add_pair('q', metadata =>
  '{"contact": "alice@example.com", "phones": ["555-123-4567", 42], "nested": {"ip": "10.1.2.3", "ok": true},
    "bob@example.com": "key stays"}');
-- Idempotent on UPDATE.
UPDATE tde_pairs SET success = false RETURNING metadata;

-- Custom rules: applied after the built-in detectors, in name order, to the
-- question and metadata; refused when the pattern does not compile.
INSERT INTO tde_anonymization_rules (name, pattern, replacement) VALUES
  ('employee_id', 'EMP-(\d{2})\d{4}', 'EMP-\1XXXX'),
  ('codename', '(?i)project\s+falcon', 'project <codename>');
SELECT natural_language_query, metadata
  FROM tde_add_pair('EMP-123456 asked about Project Falcon', metadata => '{"owner": "EMP-654321"}');
\set VERBOSITY sqlstate
INSERT INTO tde_anonymization_rules (name, pattern) VALUES ('broken', '(unclosed');
INSERT INTO tde_anonymization_rules (name, pattern) VALUES ('empty_match', 'x*');
INSERT INTO tde_anonymization_rules (name, pattern, replacement) VALUES ('bad_group', '(a)', '\2');
UPDATE tde_anonymization_rules SET pattern = '[z-a]' WHERE name = 'codename';
\set VERBOSITY default
INSERT INTO tde_anonymization_rules (name, pattern) VALUES ('broken', '(unclosed');
SELECT name FROM tde_anonymization_rules ORDER BY name;
-- Disabled rules do not apply; the change is seen at once.
UPDATE tde_anonymization_rules SET enabled = false WHERE name = 'codename';
SELECT natural_language_query FROM tde_add_pair('Project Falcon again');
DELETE FROM tde_anonymization_rules;
SELECT natural_language_query FROM tde_add_pair('EMP-123456 again');
-- A rule added by another session applies here at the next statement,
-- without reconnecting (this session has the rules cached already).
\setenv PGDATABASE :DBNAME
\! psql -X -q -c "INSERT INTO tde_anonymization_rules (name, pattern, replacement) VALUES ('from_elsewhere', 'EMP-\\d{6}', 'EMP-??????')"
SELECT natural_language_query FROM tde_add_pair('EMP-123456 after the other session');
DELETE FROM tde_anonymization_rules;

-- Ordinary roles cannot read or change rules, nor switch literal anonymization off.
CREATE ROLE regress_tde_w10 LOGIN IN ROLE tde_writer;
SET ROLE regress_tde_w10;
\set VERBOSITY sqlstate
SELECT count(*) FROM tde_anonymization_rules;
INSERT INTO tde_anonymization_rules (name, pattern) VALUES ('evil', '.');
SET tde.anonymize_sql_literals = off;
\set VERBOSITY default
RESET ROLE;
DROP ROLE regress_tde_w10;
SHOW tde.anonymize_sql_literals;

-- Personal data inside SQL string literals and comments; identifiers untouched;
-- the result still parses and keeps its derivation.
SELECT sql_query, table_names, sql_valid
  FROM tde_add_pair('q', E'SELECT "john@example.com" FROM users WHERE email = ''john@example.com'' AND ip = ''10.1.2.3'' /* call 555-123-4567 */');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE note = $x$SSN 123-45-6789$x$ OR e = E'a@example.com\n'$$);
SELECT sql_query, sql_valid FROM tde_add_pair('q', 'SELECT * FROM `people` WHERE mail = "bob@example.org" # owner ann@example.com', 'mysql');
SELECT sql_query FROM tde_add_pair('q', 'SELECT [email] FROM [dbo].[users] WHERE [email] = N''carol@example.com''', 'sqlserver');
-- Idempotent.
UPDATE tde_pairs SET success = true WHERE sql_query LIKE '%user\_%' RETURNING sql_query;
-- A superuser can keep literals as written.
SET tde.anonymize_sql_literals = off;
SELECT sql_query FROM tde_add_pair('q', 'SELECT 1 WHERE x = ''dave@example.com''');
RESET tde.anonymize_sql_literals;

-- Phone regions: numbers without a country prefix are read in the listed
-- regions (superuser setting, validated).
SELECT natural_language_query FROM tde_add_pair('Please ring 020 7946 0958 about the order');
SET tde.phone_regions = 'US,GB';
SELECT natural_language_query FROM tde_add_pair('Please ring 020 7946 0958 about the order');
SELECT natural_language_query FROM tde_add_pair('Ring +49 30 901820 or 0044 20 7946 0958');
SET tde.phone_regions = 'US,XX';
SET tde.phone_regions = '';
SHOW tde.phone_regions;
RESET tde.phone_regions;
CREATE ROLE regress_tde_w11 LOGIN IN ROLE tde_writer;
SET ROLE regress_tde_w11;
\set VERBOSITY sqlstate
SET tde.phone_regions = 'GB';
\set VERBOSITY default
RESET ROLE;
DROP ROLE regress_tde_w11;

-- Error messages name a mistyped option or field only when it is a plain
-- word; anything else a client sent (personal data included) is not echoed
-- into the message, hence not into the client's error or the server log.
\set VERBOSITY terse
SELECT count(*) FROM tde_list_pairs(start_date => 'john.doe@example.com');
SELECT count(*) FROM tde_list_pairs(end_date => '555-123-4567');
SELECT count(*) FROM tde_list_pairs(start_date => 'someday');
SELECT count(*) FROM tde_list_pairs(start_date => '2024-13-45');
SELECT tde_add_pair_json('{"natural_language_query": "q", "john.doe@example.com": 1}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "ssn123456789": 1}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "colour": 1}');
SELECT count(*) FROM tde_export_jsonl(style => 'ann@example.com');
SELECT count(*) FROM tde_export_jsonl(split => '10.1.2.3');
SELECT count(*) FROM tde_export_jsonl(split => 'holdout');
\set VERBOSITY default
-- A JSON null for metadata means the default, as for the other optional fields.
SELECT (tde_add_pair_json('{"natural_language_query": "null metadata", "metadata": null, "success": null}') -> 'pair')
       - 'pair_id' - 'timestamp';

-- Personal data in SQL literals, whatever the quoting (red-team cases):
-- LIKE wildcards around an address; values right after escape sequences
-- (the escapes and the statement stay valid); U&'' strings; nested T-SQL
-- comments; an unterminated quoted name (bad SQL, kept out of table_names).
SELECT sql_query, sql_valid FROM tde_add_pair('q', $$SELECT * FROM users WHERE email LIKE '%john.doe@example.com%' OR email LIKE '_ane@gmail.com'$$);
SELECT sql_query, sql_valid FROM tde_add_pair('q', $$INSERT INTO contacts (info) VALUES (E'John Doe\njohn.doe@example.com\n555-123-4567\n\x41jane@gmail.com\t10.1.2.3')$$);
SELECT sql_query, sql_valid FROM tde_add_pair('q', $$SELECT U&'\0041jane@gmail.com', U&'!0041john.doe@example.com' UESCAPE '!'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE note = 'line\n555-123-4567' OR x = "tab\tjohn.doe@example.com"$$, 'mysql');
SELECT sql_query FROM tde_add_pair('q', 'SELECT * FROM Users /* outer /* inner */ john.doe@example.com */ WHERE 1=1', 'sqlserver');
SELECT sql_query, table_names, sql_valid FROM tde_add_pair('q', $$SELECT * FROM "Users WHERE email = 'john.doe@example.com'$$);
-- MySQL text filed without a type still has its literals found when
-- PostgreSQL's scanner rejects it; a named type without a lexer of its own
-- gets every dialect's literals looked at. Without a type, "..." is a
-- PostgreSQL name and stays.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE name = 'O\'Brien' AND email = 'john.doe@example.com'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM `proj.ds.users` WHERE email = "john.doe@example.com"$$, 'teradata');
SELECT sql_query FROM tde_add_pair('q', $$SELECT "john.doe@example.com" FROM users$$);
SELECT sql_query, database_type FROM tde_add_pair('q', $$SELECT * FROM t WHERE e = "ann@example.com"$$, 'MySQL 8.0');
-- A custom rule's replacement cannot break out of a literal.
INSERT INTO tde_anonymization_rules (name, pattern, replacement) VALUES ('acct', 'ACCT(\d+)', $$it's acct "\1"$$);
SELECT sql_query, sql_valid FROM tde_add_pair('q', $$SELECT * FROM t WHERE a = 'ACCT42' /* ACCT7 */$$);
DELETE FROM tde_anonymization_rules WHERE name = 'acct';

-- A bare number is an SSN or a phone number next to a word saying so; in SQL
-- and metadata the word is the column or the key, outside the value itself.
SELECT natural_language_query, sql_query, metadata
  FROM tde_add_pair('Find the employee with SSN 123456789',
                    $$SELECT * FROM emp WHERE ssn = '123456789' OR ssn IN ('234567890', '345678901', '456789012', '567890123') OR phone = '2125550100' OR order_id = '123456789'$$,
                    metadata => '{"params": {"ssn": "123456789", "phone": "2125550100", "order": "123456789"}, "ssns": ["123-45-6789", "234567890"]}');
-- Percent-escaped values in URLs, bidirectional marks and other scripts' digits.
SELECT natural_language_query FROM tde_add_pair(E'Open https://crm.example.com/search?email=frank%40example.com&phone=%2B1%20212%20555%200100');
SELECT natural_language_query FROM tde_add_pair(E'Mail john\u200e@example.com or call \u0662\u0661\u0662-\u0665\u0665\u0665-\u0660\u0661\u0660\u0660');

-- Property-test findings: LIKE wildcards around values, long IN lists after one
-- column name, and backslash escapes in BigQuery strings (\n, \x41, \u00e9
-- stay intact and values after them are found; anonymizing again changes
-- nothing).
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE phone LIKE '_212-555-0100%' OR ssn LIKE '%123-45-6789_' OR ip LIKE '10.1.2.3_%' OR tel LIKE '%404-555-0163%'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM customers WHERE phone IN ('2125550100', '3107360123', '4157360199', '6177360142', '2125550101', '2125550102', '2125550103', '2125550104', '2125550105', '2125550106', '2125550107', '2125550108', '2125550109') OR ssn IN ('123456789', '234567890', '345678901', '456789012', '567890123', '678901234', '789012345', '890123456', '123456780', '234567891', '345678902', '456789013', '567890124', '678901235')$$);
CREATE TEMP TABLE bq AS
SELECT pair_id, sql_query FROM tde_add_pair('q', $$SELECT * FROM `p.d.t` WHERE email = '\njohn@example.com' OR alt = "\u00e9sofia@example.com" OR x = '\x41lucas@corp.io' OR phone = '\x41310-652-6105'$$, 'bigquery');
SELECT sql_query FROM bq;
UPDATE tde_pairs p SET success = NOT p.success FROM bq WHERE p.pair_id = bq.pair_id RETURNING p.sql_query = bq.sql_query AS unchanged;
-- A list mixing quote styles (both are strings in BigQuery): every value.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM `crm`.members WHERE SSN IN ('501920596', '374263546', "703488998", "089637677")$$, 'bigquery');
-- Oracle q'[...]' quoting, Snowflake // comments and backslash escapes,
-- BigQuery "...", r'...' and triple-quoted strings and # comments: each
-- dialect's own lexer finds every literal and comment (an apostrophe inside
-- one hides nothing after it), derivation reads the same tokens, and
-- sql_valid is NULL (no parser of theirs here).
SELECT sql_query, table_names, query_type, sql_valid FROM tde_add_pair('q', $$SELECT q'[don't]' a, 'bob.smith@example.org' b FROM t$$, 'oracle');
SELECT sql_query, table_names FROM tde_add_pair('q', $$UPDATE staff SET note = q'{it's 415-555-2671}' WHERE id = 1$$, 'Oracle 19c');
SELECT sql_query, table_names FROM tde_add_pair('q', $$INSERT INTO staff (note) VALUES (nq'!Don't call 212-555-0187!')$$, 'oracle');
SELECT sql_query, table_names, sql_valid FROM tde_add_pair('q', E'SELECT * FROM t // don''t diana.prince@themyscira.com\nWHERE email = ''bob.smith@example.org''', 'snowflake');
SELECT sql_query, table_names FROM tde_add_pair('q', $$SELECT * FROM customers WHERE note = 'it\'s diana.prince@themyscira.com' UNION SELECT * FROM leads$$, 'snowflake');
SELECT sql_query, table_names, sql_valid FROM tde_add_pair('q', $$SELECT * FROM ds.users WHERE email = r'clark.kent@dailyplanet.com' OR note = """it's lois.lane@dailyplanet.com""" # owner jimmy@dailyplanet.com$$, 'bigquery');
-- Column lists name a value's column far from it.
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO contacts (first_name, last_name, email_address, phone_number, ssn_value) VALUES ('Ann', 'Lee', 'ann@example.io', '2125550100', '123456789'), ('Bob', 'Ray', 'bob@example.io', '3107360123', '234567890')$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM orders WHERE order_no = '2125550100' AND ref = '123456789'$$);

-- Fourth review round (end to end through the trigger).
-- A list's first value formatted ('(212) 555-0100') makes the bare ones after
-- it read as such on the first write, so that UPDATE, COPY round trips and
-- re-inserts leave the row as stored.
CREATE TEMP TABLE r4 AS
SELECT pair_id, sql_query FROM tde_add_pair('q', $$SELECT * FROM c WHERE phone IN ('(212) 555-0100', '2125550100') OR ssn IN ('123-45-6789', '123456789')$$);
SELECT sql_query FROM r4;
UPDATE tde_pairs p SET success = NOT p.success FROM r4 WHERE p.pair_id = r4.pair_id RETURNING p.sql_query = r4.sql_query AS unchanged;
-- Long addresses before an SSN keyword: the context window is measured on the
-- anonymized text, so a second pass sees what the first saw.
CREATE TEMP TABLE r4b AS
SELECT pair_id, sql_query FROM tde_add_pair('q', $$SELECT * FROM people WHERE ssn_checked AND (email = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@example.com' OR email = 'cccccccccccccccccccccccccccccccccccccc.dddddddddddddddddddddddddddddd@example.com' OR email = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@example.com') AND ref = '123456789'$$);
UPDATE tde_pairs p SET success = NOT p.success FROM r4b WHERE p.pair_id = r4b.pair_id RETURNING p.sql_query = r4b.sql_query AS unchanged;
-- MySQL escapes in SQL filed without a type; prose around the SQL; a value in
-- a metadata array after a nested object; letters-only IPv6; addresses with a
-- suffix; an address typed into database_type.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE name = 'O\'Brien' AND email = 'john.doe@example.com' AND x = 'D\'Arcy' AND phone = '212-555-0100'$$);
SELECT sql_query, query_type, table_names FROM tde_add_pair('q', $$Here's the query: SELECT * FROM users WHERE email = 'john@example.com' -- ask bob@example.org$$);
SELECT metadata FROM tde_add_pair('q', 'SELECT 1', metadata => '{"ssn": [{"n": 1}, "123456789"], "phone": {"home": "2125550100"}}');
SELECT natural_language_query FROM tde_add_pair('Host dead:beef::cafe, not beef::cafe; files john.doe@example.com_backup and jane@example.com-old');
SELECT database_type FROM tde_add_pair('q', 'SELECT 1', 'mysql john.doe@example.com');
-- A custom rule that can match an empty piece of text is refused.
\set VERBOSITY terse
INSERT INTO tde_anonymization_rules (name, pattern, replacement) VALUES ('boundary', '\b', '<x>');
\set VERBOSITY default

-- Metadata nested deeper than 100 levels is refused (nothing stored).
\set VERBOSITY terse
SELECT tde_add_pair('q', 'SELECT 1', metadata => ('{"a": ' || repeat('[', 100) || '1' || repeat(']', 100) || '}')::jsonb);
\set VERBOSITY default
-- JSONL lines never hold a raw U+2028, U+2029 or U+0085 (line-based readers
-- split there): they are written as escapes, in the question and in metadata.
SELECT (tde_add_pair(E'sep-test a\u2028b', 'SELECT 1', metadata => jsonb_build_object('note', E'c\u2029d\u0085e'))).pair_id IS NOT NULL AS added;
SELECT strpos(l::text, E'\u2028') + strpos(l::text, E'\u2029') + strpos(l::text, E'\u0085') AS raw_separators,
       strpos(l::text, 'a\u2028b') > 0 AND strpos(l::text, 'c\u2029d\u0085e') > 0 AS escaped,
       (l::text)::jsonb ->> 'natural_language_query' = E'sep-test a\u2028b' AS round_trip
  FROM tde_export_jsonl() AS l WHERE l::text LIKE '%sep-test%';
-- A ';' inside an earlier literal does not hide the column list; "hotel" is
-- no phone column.
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO contacts (note, phone, first_name, last_name, city) VALUES ('hi; there', '2125550100', 'Ann', 'Lee', 'Boston')$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM hotel_rooms WHERE booking_ref = '2125550100'$$);
-- Personal data in the code between literals (quotes forgotten, a number
-- compared with a phone column) is anonymized; quoted names are not, except
-- SQLite's "..." (a string there when it names no column).
SELECT sql_query, sql_valid FROM tde_add_pair('q', $$SELECT * FROM users WHERE email = john.doe@gmail.com$$, 'postgresql');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE phone_number = 5551234567 AND id = 2125550100$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE phone = 415-555-2671$$, 'mysql');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE created_at > 1700000000000 AND card = 4111111111111111$$);
SELECT sql_query FROM tde_add_pair('q', $$CALL archive_orders(2024010100)$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT "ann@example.com", `bob@example.com` FROM t WHERE x = 1 AND ip = '10.1.2.3'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE email = "peter@example.com"$$, 'sqlite');
-- MySQL escapes in SQL filed as PostgreSQL's, Oracle q-quotes in untyped SQL.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE name = 'O\'Brien' AND email = 'a1@example.com' AND n = 'D\'Arcy'$$, 'postgresql');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM t WHERE a = q'[it's oz@example.com]'$$);
-- A dotted quad compared with a version column is a version.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM devices WHERE app_version = '1.2.3.4' AND ip = '10.1.2.3'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM devices WHERE firmware_version IN ('10.2.0.1','10.2.0.4') OR server = '10.0.0.7'$$, 'mysql');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM devices WHERE "Version" <> '1.2.3.4' OR server_ip NOT LIKE '10.0.0.8'$$);
-- A literal compared with a phone column is a phone number in any region's
-- format, valid or not (not a date, not for phone_count or phone_model).
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE phone = '0612345678' AND order_no = '12345678'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE mobile_phone IN ('0612345678', '07700 900123') OR zip = '9021012'$$, 'mysql');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE u."Phone" LIKE '+33 6 12 34 56 78' OR contact_number = '555 0123'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE phone = '2024-01-15' OR phone_count = '12345678' OR phone_model = '1234567'$$);
-- Metadata: a value under a phone key is a phone number in any format
-- (camelCase keys too); numbers with long digit runs are read as text and
-- become the masked string when they hold personal data (others stay numbers).
SELECT metadata FROM tde_add_pair('q', 'SELECT 1', metadata => '{"phone": "0612345678", "contact": {"mobilePhone": "07700 900123"}, "order_no": "12345678", "tel": 5551234, "card": 4111111111111111, "amount": 12345678.5, "ids": [1, 2, 3], "phones": ["0612345678", 2125550100]}');
-- A number under an enclosing phone, card or SSN key (an object of numbers
-- by kind) is read the same way; counts and ids under other keys stay.
SELECT metadata FROM tde_add_pair('q', 'SELECT 1', metadata => '{"phone": {"home": 2125550100, "work": "2125550101", "count": 2, "verified_at": 1718000000, "id": 12345678901, "2": 2125550102}, "customer": {"card": {"primary": 4111111111111111, "uses": 12}, "visits": 12345678901}}');
-- Other comparisons with a phone column, and other dialects' string prefixes.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM c WHERE phone BETWEEN '0612345678' AND '0612345699' OR phone = ANY(ARRAY['0712345678']) OR phone IS NOT DISTINCT FROM '0612345670' OR phone ~ '0612345671'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM c WHERE phone REGEXP '0612345678' OR phone = _utf8mb4'0612345679'$$, 'mysql');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM c WHERE phone = q'[0612345678]'$$, 'oracle');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM c WHERE order_ref BETWEEN '0612345678' AND '0612345699'$$);
-- A JSON document in a literal stays valid JSON: masks of bare numbers are
-- JSON strings there; plural phone names are phone columns and keys; whole
-- numbers written as floats under PII keys are read as the number.
SELECT sql_query FROM tde_add_pair('x', $s$SELECT * FROM t WHERE doc @> '{"phone": 2125550130}' AND doc2 = '{"card_number": 4111111111111111, "ssn": 123456789, "note": "call 2125550131, ok"}'::jsonb$s$);
SELECT (regexp_match(sql_query, $r$doc2 = '([^']*)'$r$))[1]::jsonb IS NOT NULL AS still_json
  FROM tde_add_pair('x', $s$SELECT * FROM t WHERE doc2 = '{"phones": [2125550130, 2125550131]}'::jsonb$s$);
SELECT sql_query FROM tde_add_pair('x', $s$SELECT * FROM c WHERE phone_numbers = '0612345678' OR "phoneNumbers" = '0612345679' OR phone_nos = '0612345671'$s$);
SELECT metadata FROM tde_add_pair('x', 'SELECT 1', metadata => '{"phone_numbers": ["0612345678", 2125550102], "card_number": 4111111111111111.0, "phone": 2125550141.0, "amount": 12.0}');
-- A column that is no phone column does not make its value a phone number
-- by the words in its name.
SELECT sql_query FROM tde_add_pair('x', $s$SELECT * FROM c WHERE phone_count = '2125550126' OR mobile_user = '2125550126' OR phone = '2125550126' OR hotel_ssn = '123456789'$s$);
-- With tde.derive_sql_info = off the derived columns are kept as given, but
-- anonymized like the rest (sql_normalized as SQL, query_type as text).
SET tde.derive_sql_info = off;
INSERT INTO tde_pairs (natural_language_query, sql_query, sql_normalized, query_type)
VALUES ('q', 'SELECT 1', $s$SELECT * FROM t WHERE e = 'der3@example.com' -- 212-555-0191$s$, 'SELECT der5@example.com')
RETURNING sql_normalized, query_type;
RESET tde.derive_sql_info;
-- A function of the column: its first argument is the column.
SELECT sql_query FROM tde_add_pair('x', $s$SELECT * FROM c WHERE regexp_replace(phone, '[^0-9]', '', 'g') = '0612345678' OR trim(order_ref) = '0612345679'$s$);
-- The column may come after the value.
SELECT sql_query FROM tde_add_pair('x', $s$SELECT * FROM c WHERE '0612345679' = phone OR '0612345678' = order_ref OR '1.2.3.4' = app_version$s$);
-- A LIKE pattern's wildcards are no part of the value; a bare number an
-- INSERT's column list puts in a phone column is one (ids stay).
SELECT sql_query FROM tde_add_pair('x', $s$SELECT * FROM c WHERE phone LIKE '%2125550123%' OR "PhoneNumber" LIKE '%07700 900123%' OR order_ref LIKE '%2125550123%' OR phone LIKE '%555%'$s$);
SELECT sql_query FROM tde_add_pair('x', $s$INSERT INTO contacts (name, phone, order_id) VALUES ('Cy', 2125550199, 2125550198)$s$);
-- The same for a value an INSERT's column list puts in a phone column.
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO contacts (name, phone, zip) VALUES ('Ann', '0612345678', '9021012'), ('Bob', '07700 900123', '1234567') RETURNING id$$);
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO dbo.c ([name], [phone]) VALUES (N'Ann', N'0612345678')$$, 'sqlserver');
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO c (a, app_version, ip) VALUES ('x', '1.2.3.4', '10.1.2.3')$$);
-- Not personal data: ids, counts and sequence values in code and literals
-- (the column says what a value is), counts under device keys in metadata.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM orders WHERE order_id = 4242424242424242$$);
SELECT sql_query, sql_valid FROM tde_add_pair('q', $$ALTER SEQUENCE phone_seq RESTART WITH 2125550100$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT refresh_mobile_kpis(4155550123) FROM mobile_orders WHERE total > 5512345678 AND order_ref = '4155550123'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM towers WHERE cell = '31026012345' OR cell_no = '1234567' OR mobile_user = 12345678$$);
SELECT metadata FROM tde_add_pair('q', 'SELECT 1', metadata => '{"traffic": {"mobile": 12500000, "desktop": 8000000}, "sessions_by_device": {"phone": 1234567}, "revenue": {"mobile": 1234567.89}, "call": {"id": 4155550123}, "contact_id": 4155550123, "app_version": "10.2.0.1", "appVersion": "1.2.3.4"}');
-- ... and what is: PascalCase and delimited phone columns, N''/E'' strings,
-- casts, lists of numbers compared with a phone column.
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM dbo.Users WHERE PhoneNumber = N'0612345678' OR [Mobile Phone] = N'07700 900123' OR AppVersion = N'10.2.0.1'$$, 'sqlserver');
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE phone::text = E'0612345678' OR "PhoneNumber" = '0698765432' OR phone_number IN (5551234567, 0612345678)$$);
-- Review fixes: ARRAY[...] in a row does not shift the INSERT's columns;
-- "fw_ip" names an address, not a version; MySQL's "..." strings do not hide
-- the code after them; delimited and camelCase INSERT columns.
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO contacts (tags, ssn, note) VALUES (ARRAY['a','b'], '123456789', 'x')$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM devices WHERE fw_ip = '192.168.10.20' OR fw_version = '1.2.3.4'$$);
SELECT sql_query FROM tde_add_pair('q', $$SELECT * FROM users WHERE name = "Ann" AND email = ann@example.com$$, 'mysql');
SELECT sql_query FROM tde_add_pair('q', $$INSERT INTO c ([Phone Number], mobilePhone) VALUES (N'12345678', N'0612345678')$$, 'sqlserver');
SELECT metadata FROM tde_add_pair('q', 'SELECT 1', metadata => '{"rev_proxy_ip": "192.168.10.20", "phone_count": 12345678, "n": 1}');
