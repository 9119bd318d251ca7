-- Adding, getting, listing, counting and deleting pairs.
SET timezone = 'UTC';
TRUNCATE tde_pairs;

-- The guide's example, as SQL: the function returns exactly what was kept.
SELECT natural_language_query, sql_query, database_type, database_name ~ '^db_[0-9a-f]{12}$' AS db_hashed,
       table_names, success, execution_time_ms, metadata, query_type,
       pair_id IS NOT NULL AS has_id, "timestamp" <= now() AS has_timestamp
  FROM tde_add_pair(natural_language_query => 'Show me all users',
                    sql_query => 'SELECT * FROM users',
                    database_type => 'postgresql',
                    database_name => 'production_db',
                    success => true,
                    execution_time_ms => 45.5);

-- Defaults: sql_query '', success true, metadata {}.
SELECT sql_query, success, metadata, query_type, table_names, database_name
  FROM tde_add_pair('Count orders');

-- Named parameters in any order, metadata kept.
SELECT query_type, table_names, success, metadata
  FROM tde_add_pair(sql_query => 'UPDATE orders SET status = ''x'' WHERE id = 1',
                    natural_language_query => 'Cancel order 1', success => false,
                    metadata => '{"agent_id": "a1"}');

-- The REST body shape in, {"pair": {...}} out.
SELECT (r -> 'pair') ? 'pair_id' AS has_id,
       r #>> '{pair,natural_language_query}' AS question,
       r #>> '{pair,query_type}' AS query_type,
       r #> '{pair,table_names}' AS table_names,
       r #> '{pair,execution_time_ms}' AS ms,
       (r #>> '{pair,timestamp}') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}' AS iso_timestamp
  FROM tde_add_pair_json('{"natural_language_query": "Top products", "sql_query": "SELECT name FROM products ORDER BY sales DESC LIMIT 10", "database_type": "postgresql", "success": true, "execution_time_ms": 12, "metadata": {}}') AS r;

-- Fixed timestamps for the filter tests.
INSERT INTO tde_pairs (natural_language_query, sql_query, "timestamp", success) VALUES
  ('jan first',   'SELECT 1 FROM a', '2024-01-01 00:00:00+00', true),
  ('jan last',    'SELECT 1 FROM b', '2024-01-31 23:59:59+00', true),
  ('jan failed',  'SELECT 1 FROM c', '2024-01-15 12:00:00+00', false),
  ('feb first',   'SELECT 1 FROM d', '2024-02-01 00:00:00+00', true);

-- A date-only end_date includes that whole day; newest first.
SELECT natural_language_query FROM tde_list_pairs(start_date => '2024-01-01', end_date => '2024-01-31');
SELECT tde_count_pairs(start_date => '2024-01-01', end_date => '2024-01-31');
SELECT natural_language_query FROM tde_list_pairs('2024-01-01', '2024-01-31', successful_only => true);
SELECT tde_count_pairs('2024-01-01', '2024-01-31', true);
-- Timestamps are inclusive bounds.
SELECT natural_language_query FROM tde_list_pairs('2024-01-15T12:00:00Z', '2024-02-01T00:00:00Z');
SELECT natural_language_query FROM tde_list_pairs('2024-01-15 12:00:00+00', '2024-01-31T23:59:58Z');
-- Fractions finer than a microsecond (.NET's 7 digits, Go's and Java's 9):
-- an end bound covers the microseconds it reaches, a start bound past a
-- stored microsecond excludes it.
SELECT natural_language_query FROM tde_list_pairs('2024-01-15T12:00:00.0000001Z', '2024-02-01T00:00:00.000000000Z');
SELECT tde_count_pairs('2024-01-15T12:00:00.0000000Z', '2024-01-31T23:59:59.9999999Z') AS two,
       tde_count_pairs('2024-01-15T12:00:00.000000000+00:00', '2024-01-15T12:00:00.000000999Z') AS one,
       tde_count_pairs(end_date => '2024-01-15T11:59:59.9999999Z') AS jan_first_only;
-- Date filters also take date and timestamp values (anycompatible): a date
-- end_date includes its whole day like a date-only string, a timestamp is
-- an inclusive instant; a timestamp without time zone is read in the
-- session's TimeZone; typed values mix (date with timestamptz) and so do
-- literals with values.
SELECT natural_language_query FROM tde_list_pairs(date '2024-01-01', date '2024-01-31');
SELECT tde_count_pairs(start_date => date '2024-01-31' - 30, end_date => date '2024-01-31');
SELECT natural_language_query FROM tde_list_pairs(end_date => timestamptz '2024-01-15 12:00:00+00');
SELECT natural_language_query FROM tde_list_pairs(timestamptz '2024-01-15 12:00:00+00', date '2024-01-31');
SELECT natural_language_query FROM tde_list_pairs('2024-01-15T12:00:00Z', timestamptz '2024-01-31 23:59:58+00');
SET TimeZone = 'America/New_York';
SELECT natural_language_query FROM tde_list_pairs(timestamp '2024-01-31 18:59:59', timestamp '2024-01-31 19:00:00');
SET datestyle = 'SQL, DMY';
SELECT natural_language_query FROM tde_list_pairs(end_date => date '2024-01-01');
RESET datestyle;
SET TimeZone = 'UTC';
SELECT tde_count_pairs(start_date => date 'infinity'), tde_count_pairs(end_date => timestamptz '-infinity'),
       tde_count_pairs(start_date => timestamptz '-infinity', end_date => date 'infinity') > 0 AS everything;
SELECT tde_count_pairs(now() - interval '1 hour') > 0 AS added_in_the_last_hour;
SELECT (tde_statistics(date '2024-01-01', date '2024-01-31')).total_pairs,
       tde_statistics_json(end_date => date '2024-01-31') -> 'total_pairs' AS json_total;
SELECT * FROM tde_query_type_distribution(date '2024-01-01', date '2024-01-31');
SELECT * FROM tde_table_usage(start_date => date '2024-02-01', end_date => current_date);
SELECT tde_list_pairs_json(date '2024-02-01', now()) -> 'total' AS total;
-- Domains are read as their base type; BC and far-future years are open
-- bounds; next to a timestamptz, a date or an untyped literal is read as a
-- timestamp, its midnight (one shared type, as in GREATEST()).
CREATE DOMAIN regress_day AS date;
SELECT tde_count_pairs(date '2024-01-01'::regress_day, '2024-01-31'::regress_day);
DROP DOMAIN regress_day;
SELECT tde_count_pairs(date '0044-03-15 BC', date '2024-01-31'), tde_count_pairs(end_date => date '0044-03-15 BC'),
       tde_count_pairs(date '2024-02-01', date '20000-01-01');
SELECT tde_count_pairs(timestamptz '2024-01-15 12:00:00+00', date '2024-01-31') AS to_midnight,
       tde_count_pairs(timestamptz '2024-01-15 12:00:00+00', '2024-01-31') AS literal_to_midnight,
       tde_count_pairs(timestamptz '2024-01-15 12:00:00+00', date '2024-01-31' + 1) AS whole_day;
-- Other types are refused by name.
SELECT * FROM tde_list_pairs(start_date => 20240101);
SELECT tde_count_pairs(end_date => 1.5);
-- Pagination is stable.
SELECT natural_language_query FROM tde_list_pairs(end_date => '2024-12-31', limit_rows => 2);
SELECT natural_language_query FROM tde_list_pairs(end_date => '2024-12-31', limit_rows => 2, offset_rows => 2);
SELECT natural_language_query FROM tde_list_pairs(end_date => '2024-12-31', limit_rows => 0);

-- List as the REST bridge returns it.
SELECT jsonb_array_length(j -> 'pairs') AS page, j -> 'total' AS total,
       j #>> '{pairs,0,natural_language_query}' AS first
  FROM tde_list_pairs_json('2024-01-01', '2024-01-31', false, 2, 0) AS j;
SELECT tde_list_pairs_json('2030-01-01', '2030-01-02');

-- Get and delete by id.
SELECT pair_id AS jan_id FROM tde_pairs WHERE natural_language_query = 'jan first' \gset
SELECT natural_language_query, table_names FROM tde_get_pair(:'jan_id');
SELECT tde_get_pair_json(:'jan_id') #>> '{pair,natural_language_query}' AS question;
SELECT count(*) FROM tde_get_pair('00000000-0000-0000-0000-000000000000');
SELECT tde_get_pair_json('00000000-0000-0000-0000-000000000000') IS NULL AS missing;
SELECT tde_delete_pair(:'jan_id');
SELECT tde_delete_pair(:'jan_id');
SELECT count(*) FROM tde_get_pair(:'jan_id');

-- Bad input: clear errors with proper SQLSTATEs; nothing stored.
\set VERBOSITY sqlstate
SELECT count(*) AS before_count FROM tde_pairs \gset
SELECT * FROM tde_add_pair(NULL);
SELECT * FROM tde_add_pair('');
SELECT * FROM tde_add_pair('   ');
SELECT * FROM tde_add_pair('q', execution_time_ms => -1);
SELECT * FROM tde_add_pair('q', execution_time_ms => 'NaN');
SELECT * FROM tde_add_pair('q', metadata => '[1,2]');
SELECT * FROM tde_add_pair('q', metadata => '{"unterminated');
SELECT tde_add_pair_json_text('{"natural_language_query": "mail bob@example.com", NaN}');
SELECT tde_add_pair_json_text(repeat('[', 100000));
SELECT tde_add_pair_json('[]');
SELECT tde_add_pair_json('{"sql_query": "SELECT 1"}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "success": "yes"}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "execution_time_ms": "fast"}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "metadata": [1]}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "colour": "blue"}');
SELECT tde_add_pair_json('{"natural_language_query": "", "sql_query": "SELECT 1"}');
SELECT tde_add_pair_json('{"natural_language_query": "q", "execution_time_ms": -0.5}');
SELECT * FROM tde_list_pairs(start_date => 'yesterday');
SELECT * FROM tde_list_pairs(end_date => '2024-02-30');
SELECT * FROM tde_list_pairs(end_date => '31/01/2024');
SELECT tde_count_pairs(start_date => 'not a date');
SELECT tde_count_pairs(end_date => '2024-01-31T23:59:59+99');
SELECT * FROM tde_list_pairs(limit_rows => -1);
SELECT * FROM tde_list_pairs(offset_rows => -5);
SELECT * FROM tde_get_pair('not-a-uuid');
INSERT INTO tde_pairs (natural_language_query) VALUES ('ok'), ('');
\set VERBOSITY default
SELECT count(*) = :before_count AS unchanged FROM tde_pairs;
-- A pair as returned (id, timestamp, tables, query type: set by the server)
-- can be posted again: a new pair, those four fields ignored.
WITH first AS (SELECT tde_add_pair_json('{"natural_language_query": "Round trip", "sql_query": "SELECT * FROM orders"}') -> 'pair' AS p),
     again AS (SELECT first.p AS old, tde_add_pair_json(first.p || '{"timestamp": "1999-01-01T00:00:00", "table_names": ["x"], "query_type": "DELETE"}') -> 'pair' AS p FROM first)
SELECT p ->> 'pair_id' <> old ->> 'pair_id' AS new_id, p -> 'table_names' AS tables, p ->> 'query_type' AS query_type,
       (p ->> 'timestamp')::timestamptz > '2020-01-01' AS timestamp_is_now,
       (p - 'pair_id' - 'timestamp') = (old - 'pair_id' - 'timestamp') AS same_otherwise
  FROM again;

-- The messages themselves.
SELECT * FROM tde_list_pairs(start_date => 'yesterday');
-- A bad date is quoted as given (fraction and all); a date followed by a
-- long run of digits (a card, a phone number) is not shown.
\set VERBOSITY terse
SELECT tde_count_pairs(start_date => '2024-02-30T00:00:00.123456789Z');
SELECT tde_count_pairs(start_date => '2024-01-01 4111111111111111');
SELECT tde_count_pairs(end_date => '2024-01-01 2125550100');
\set VERBOSITY default
SELECT * FROM tde_list_pairs(limit_rows => -1);
SELECT tde_add_pair_json('{"natural_language_query": "q", "success": "yes"}');
-- tde_add_pair_json_text (tde-http's POST): a body that is not JSON gets a
-- fixed message, no context quoting it (which the server would log).
\set VERBOSITY default
SELECT tde_add_pair_json_text('{"natural_language_query": "mail bob@example.com", NaN}');
SELECT tde_add_pair_json_text('{"natural_language_query": "x"} trailing');
SELECT tde_add_pair_json_text('{"natural_language_query": "q", "metadata": {"a": "\u0000"}}');
SELECT tde_add_pair_json_text('{"natural_language_query": "via text"}') #>> '{pair,natural_language_query}' AS via_text;
SELECT tde_add_pair_json_text('{"natural_language_query": "  "}');
DELETE FROM tde_pairs WHERE natural_language_query = 'via text';
