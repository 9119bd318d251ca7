-- training_data_export 0.1.0: privacy-safe natural-language question / SQL pairs.
\echo Use "CREATE EXTENSION training_data_export" to load this file. \quit

-------------------------------------------------------------------------------
-- Roles (cluster-wide; created once, kept when the extension is dropped)
-------------------------------------------------------------------------------
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'tde_writer') THEN
        CREATE ROLE tde_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'tde_reader') THEN
        CREATE ROLE tde_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'tde_exporter') THEN
        CREATE ROLE tde_exporter NOLOGIN;
    END IF;
END
$roles$;

GRANT USAGE ON SCHEMA @extschema@ TO tde_writer, tde_reader, tde_exporter;

-------------------------------------------------------------------------------
-- The anonymization secret: one row, readable by nobody but its owner. The
-- trigger reads it in C without a privilege check. Not dumped by pg_dump.
-------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.tde_random_secret() RETURNS bytea
    AS 'MODULE_PATHNAME', 'tde_random_secret' LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
REVOKE ALL ON FUNCTION @extschema@.tde_random_secret() FROM PUBLIC;

CREATE TABLE @extschema@.tde_secret (
    singleton  boolean PRIMARY KEY DEFAULT true CONSTRAINT tde_secret_single_row CHECK (singleton),
    key        bytea NOT NULL CONSTRAINT tde_secret_key_length CHECK (octet_length(key) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON @extschema@.tde_secret FROM PUBLIC;
INSERT INTO @extschema@.tde_secret (key) VALUES (@extschema@.tde_random_secret());

CREATE FUNCTION @extschema@.tde_invalidate_cache() RETURNS trigger
    AS 'MODULE_PATHNAME', 'tde_invalidate_cache' LANGUAGE C;
REVOKE ALL ON FUNCTION @extschema@.tde_invalidate_cache() FROM PUBLIC;
CREATE TRIGGER tde_secret_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON @extschema@.tde_secret FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.tde_invalidate_cache();

-- A new key changes future tokens only; stored rows keep the tokens they have.
CREATE FUNCTION @extschema@.tde_rotate_secret() RETURNS timestamptz
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO @extschema@.tde_secret AS s (key) VALUES (@extschema@.tde_random_secret())
    ON CONFLICT (singleton) DO UPDATE SET key = excluded.key, created_at = now()
    RETURNING s.created_at;
$$;
REVOKE ALL ON FUNCTION @extschema@.tde_rotate_secret() FROM PUBLIC;

-------------------------------------------------------------------------------
-- Custom anonymization rules (superusers): applied after the built-in
-- detectors to questions, metadata string values and SQL literals. A pattern
-- is compiled when the rule is written; a bad one is refused (2201B). Every
-- session picks up changes at its next statement, without reconnecting.
-------------------------------------------------------------------------------
CREATE TABLE @extschema@.tde_anonymization_rules (
    name        text PRIMARY KEY,
    pattern     text NOT NULL,
    replacement text NOT NULL DEFAULT '<redacted>',
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON @extschema@.tde_anonymization_rules FROM PUBLIC;
COMMENT ON TABLE @extschema@.tde_anonymization_rules IS
    'Custom RE2 rules (name order) applied after the built-in PII detectors; replacement may use \1..\9';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tde_anonymization_rules', '');

CREATE FUNCTION @extschema@.tde_validate_rule() RETURNS trigger
    AS 'MODULE_PATHNAME', 'tde_validate_rule' LANGUAGE C;
REVOKE ALL ON FUNCTION @extschema@.tde_validate_rule() FROM PUBLIC;
CREATE TRIGGER tde_anonymization_rules_validate BEFORE INSERT OR UPDATE
    ON @extschema@.tde_anonymization_rules FOR EACH ROW EXECUTE FUNCTION @extschema@.tde_validate_rule();
CREATE TRIGGER tde_anonymization_rules_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON @extschema@.tde_anonymization_rules FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.tde_invalidate_cache();

-------------------------------------------------------------------------------
-- The pairs table. Columns carry the guide's field names.
-------------------------------------------------------------------------------
CREATE TABLE @extschema@.tde_pairs (
    pair_id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    natural_language_query text NOT NULL
        CONSTRAINT tde_pairs_natural_language_query_not_empty CHECK (btrim(natural_language_query) <> ''),
    sql_query              text NOT NULL DEFAULT '',
    "timestamp"            timestamptz NOT NULL DEFAULT now(),
    database_type          text,
    database_name          text,
    table_names            text[] NOT NULL DEFAULT '{}',
    success                boolean NOT NULL DEFAULT true,
    execution_time_ms      double precision
        CONSTRAINT tde_pairs_execution_time_ms_valid
        CHECK (execution_time_ms >= 0 AND execution_time_ms < 'Infinity'::float8),
    metadata               jsonb NOT NULL DEFAULT '{}'
        CONSTRAINT tde_pairs_metadata_is_object CHECK (jsonb_typeof(metadata) = 'object'),
    query_type             text,
    -- Derived from sql_query by the trigger with PostgreSQL's own parser
    -- (issue 6): the query shape's fingerprint (same for different
    -- constants), the text with constants replaced by $n, and whether the SQL
    -- parsed (NULL where no parser applies: other dialects).
    sql_fingerprint        text,
    sql_normalized         text,
    sql_valid              boolean
);

COMMENT ON TABLE @extschema@.tde_pairs IS
    'Natural-language question / SQL pairs; personal data is anonymized by trigger tde_pairs_anonymize before it is stored';

-- Listing order is newest first ("timestamp" DESC, pair_id DESC); date filters use these.
CREATE INDEX tde_pairs_timestamp_idx ON @extschema@.tde_pairs ("timestamp" DESC, pair_id DESC);
CREATE INDEX tde_pairs_successful_timestamp_idx ON @extschema@.tde_pairs ("timestamp" DESC, pair_id DESC)
    WHERE success;

CREATE FUNCTION @extschema@.tde_pairs_before_write() RETURNS trigger
    AS 'MODULE_PATHNAME', 'tde_pairs_before_write' LANGUAGE C;
REVOKE ALL ON FUNCTION @extschema@.tde_pairs_before_write() FROM PUBLIC;

CREATE TRIGGER tde_pairs_anonymize BEFORE INSERT OR UPDATE ON @extschema@.tde_pairs
    FOR EACH ROW EXECUTE FUNCTION @extschema@.tde_pairs_before_write();

-- pg_dump dumps the pairs (not the secret) with the extension.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tde_pairs', '');

-------------------------------------------------------------------------------
-- Date filters: ISO 8601 dates or timestamps. A date-only end_date includes
-- that whole day. Returns an exclusive upper bound for ends.
-------------------------------------------------------------------------------
-- A value named in an error message: quoted when it is a plain word
-- (an option or field name a client mistyped), otherwise not shown, since an
-- error message reaches the client and the server log and the value may be
-- anything the client sent, personal data included.
CREATE FUNCTION @extschema@.tde_shown(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN value ~ '^[A-Za-z_][A-Za-z0-9_]{0,39}$' AND value !~ '[0-9]{5}'
                THEN '"' || value || '"'
                ELSE '(value not shown)' END;
$$;

CREATE FUNCTION @extschema@.tde_date_bound(value text, is_end boolean, parameter_name text)
RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v text := btrim(value);
    cut text;
    finer text[];
    ceil_us interval := interval '0';
BEGIN
    IF v IS NULL OR v = '' THEN
        RETURN NULL;
    END IF;
    BEGIN
        IF v IN ('infinity', '-infinity') THEN
            RETURN v::timestamptz;
        ELSIF v ~ '^\d{4}-\d{2}-\d{2}$' THEN
            RETURN CASE WHEN is_end THEN (v::date + 1)::timestamptz ELSE v::date::timestamptz END;
        ELSIF v ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?\s*(Z|z|[+-]\d{2}(:?\d{2})?)?$' THEN
            -- Finer than microseconds (.NET's 7 digits, Go's and Java's 9): an
            -- end bound keeps the microseconds it covers, a start bound
            -- starts at the next microsecond when something was cut.
            -- (v itself stays as given: the error below quotes it.)
            cut := v;
            finer := regexp_match(v, '^([^.]*\.\d{6})(\d+)(.*)$');
            IF finer IS NOT NULL THEN
                cut := finer[1] || finer[3];
                IF NOT is_end AND finer[2] ~ '[1-9]' THEN
                    ceil_us := interval '1 microsecond';
                END IF;
            END IF;
            RETURN CASE WHEN is_end THEN cut::timestamptz + interval '1 microsecond' ELSE cut::timestamptz + ceil_us END;
        END IF;
    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format OR invalid_time_zone_displacement_value THEN
        NULL;  -- reported below
    END;
    RAISE EXCEPTION 'invalid % %', parameter_name,
            CASE WHEN v ~ '^\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}(:\d{1,2}(:\d{1,2}(\.\d{1,12})?)?)?)?\s*(Z|z|[+-][01]\d(:?[0-5]\d)?)?$'
                 THEN '"' || v || '"' ELSE @extschema@.tde_shown(v) END
        USING ERRCODE = 'invalid_datetime_format',
              HINT = 'Use an ISO 8601 date (2024-01-31) or timestamp (2024-01-31T23:59:59Z).';
END
$$;

-- A date filter as tde_date_bound() reads it. The public functions take their
-- date filters as text (ISO 8601), date, timestamp or timestamptz
-- (anycompatible, domains read as their base type: a literal '2024-01-31' is
-- text, current_date - 7 a date, now() a timestamptz; the two filters share
-- one type, a date next to a timestamptz being its midnight, as in
-- GREATEST(); only anycompatible reads an untyped literal as text): a date
-- stays a date (a date-only end_date includes that whole day), a timestamp
-- becomes its instant (timestamp without time zone: in the session's
-- TimeZone), written in UTC.
CREATE FUNCTION @extschema@.tde_date_text(value anyelement, parameter_name text)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t regtype := pg_typeof(value);
    base oid;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    -- A domain is read as its base type.
    LOOP
        SELECT typbasetype INTO base FROM pg_catalog.pg_type WHERE oid = t AND typtype = 'd';
        EXIT WHEN base IS NULL;
        t := base;
    END LOOP;
    IF t IN ('text'::regtype, 'character varying'::regtype, 'character'::regtype, 'name'::regtype) THEN
        RETURN value::text;
    ELSIF t = 'date'::regtype THEN
        -- (Years outside 1-9999, BC included, are as good as open bounds.)
        RETURN CASE WHEN NOT isfinite(value::date) THEN value::date::text
                    WHEN value::date < date '0001-01-01' THEN '-infinity'
                    WHEN value::date > date '9999-12-31' THEN 'infinity'
                    ELSE to_char(value::date, 'YYYY-MM-DD') END;
    ELSIF t IN ('timestamp with time zone'::regtype, 'timestamp without time zone'::regtype) THEN
        RETURN CASE WHEN NOT isfinite(value::timestamptz) THEN value::timestamptz::text
                    WHEN value::timestamptz < timestamptz '0001-01-01 00:00:00+00' THEN '-infinity'
                    WHEN value::timestamptz >= timestamptz '10000-01-01 00:00:00+00' THEN 'infinity'
                    ELSE to_char(value::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END;
    END IF;
    RAISE EXCEPTION '% must be a date, a timestamp or ISO 8601 text, not %', parameter_name, t
        USING ERRCODE = 'datatype_mismatch';
END
$$;

-- The pairs matching the common filters. Inlined into callers (its
-- arguments must stay plain values: a sub-select as an argument would stop
-- the inlining and materialize the rows); the bounds are computed once per
-- query (initplans), not per row.
CREATE FUNCTION @extschema@.tde_filtered_pairs(start_date text, end_date text, successful_only boolean)
RETURNS SETOF @extschema@.tde_pairs
LANGUAGE sql STABLE AS $$
    SELECT p.*
      FROM @extschema@.tde_pairs p
     WHERE p."timestamp" >= coalesce((SELECT @extschema@.tde_date_bound(start_date, false, 'start_date')), '-infinity')
       AND p."timestamp" <  coalesce((SELECT @extschema@.tde_date_bound(end_date, true, 'end_date')), 'infinity')
       AND (p.success OR NOT coalesce(successful_only, false))
$$;

-------------------------------------------------------------------------------
-- Add, get, list, count, delete
-------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.tde_add_pair(
    natural_language_query text,
    sql_query              text DEFAULT '',
    database_type          text DEFAULT NULL,
    database_name          text DEFAULT NULL,
    success                boolean DEFAULT true,
    execution_time_ms      double precision DEFAULT NULL,
    metadata               jsonb DEFAULT '{}')
RETURNS @extschema@.tde_pairs
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO @extschema@.tde_pairs AS p
        (natural_language_query, sql_query, database_type, database_name, success,
         execution_time_ms, metadata)
    VALUES ($1, coalesce($2, ''), $3, $4, coalesce($5, true), $6, coalesce($7, '{}'))
    RETURNING p.*;
$$;

-- A timestamp as the JSON of pairs, statistics and exports writes it: ISO 8601
-- in the session's time zone with a fraction of a second, when there is one,
-- of six digits (2024-01-10T12:00:00.500000+00:00), as Python's
-- datetime.isoformat() writes it and as Python before 3.11 reads it.
CREATE FUNCTION @extschema@.tde_iso_timestamp(value timestamptz) RETURNS text
    AS 'MODULE_PATHNAME', 'tde_iso_timestamp' LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- The guide's JSON shape of one pair.
CREATE FUNCTION @extschema@.tde_pair_json(pair @extschema@.tde_pairs) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (pg_catalog.to_jsonb(pair) - 'sql_fingerprint' - 'sql_normalized' - 'sql_valid')
           || pg_catalog.jsonb_build_object('timestamp', @extschema@.tde_iso_timestamp(pair."timestamp"));
$$;

-- The guide's POST body in, the guide's {"pair": {...}} out.
CREATE FUNCTION @extschema@.tde_add_pair_json(body jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    allowed constant text[] := ARRAY['natural_language_query', 'sql_query', 'database_type',
                                     'database_name', 'success', 'execution_time_ms', 'metadata'];
    expected constant text[] := ARRAY['string', 'string', 'string', 'string', 'boolean', 'number', 'object'];
    -- What the server sets (a pair's id, time, tables and query type): a
    -- pair as GET or an export returns it can be posted again, as the
    -- guide's service ignored them; they are not taken from the body.
    computed constant text[] := ARRAY['pair_id', 'timestamp', 'table_names', 'query_type'];
    unknown text;
    stored @extschema@.tde_pairs;
BEGIN
    IF body IS NULL OR jsonb_typeof(body) <> 'object' THEN
        RAISE EXCEPTION 'request body must be a JSON object'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT k INTO unknown FROM jsonb_object_keys(body) AS k
     WHERE k <> ALL (allowed) AND k <> ALL (computed) ORDER BY k LIMIT 1;
    IF unknown IS NOT NULL THEN
        RAISE EXCEPTION 'unknown field %', @extschema@.tde_shown(unknown)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Fields: ' || array_to_string(allowed, ', ') || ' (' || array_to_string(computed, ', ')
                         || ' are set by the server and ignored)';
    END IF;
    FOR i IN 1 .. array_length(allowed, 1) LOOP
        IF body ? allowed[i] AND jsonb_typeof(body -> allowed[i]) NOT IN (expected[i], 'null') THEN
            RAISE EXCEPTION 'field "%" must be a JSON %', allowed[i], expected[i]
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;
    IF jsonb_typeof(body -> 'natural_language_query') IS DISTINCT FROM 'string' THEN
        RAISE EXCEPTION 'field "natural_language_query" is required'
            USING ERRCODE = 'not_null_violation';
    END IF;
    -- The table's CHECK constraints, with messages that name the field (the
    -- constraint's own names a constraint and shows the whole row).
    IF btrim(body ->> 'natural_language_query') = '' THEN
        RAISE EXCEPTION 'field "natural_language_query" must not be blank'
            USING ERRCODE = 'check_violation';
    END IF;
    IF jsonb_typeof(body -> 'execution_time_ms') = 'number' AND (body ->> 'execution_time_ms')::numeric < 0 THEN
        RAISE EXCEPTION 'field "execution_time_ms" must not be negative'
            USING ERRCODE = 'check_violation';
    END IF;
    stored := @extschema@.tde_add_pair(
        natural_language_query => body ->> 'natural_language_query',
        sql_query              => body ->> 'sql_query',
        database_type          => body ->> 'database_type',
        database_name          => body ->> 'database_name',
        success                => (body ->> 'success')::boolean,
        execution_time_ms      => (body ->> 'execution_time_ms')::double precision,
        metadata               => nullif(body -> 'metadata', 'null'::jsonb));  -- null: the default, as for the other fields
    RETURN jsonb_build_object('pair', @extschema@.tde_pair_json(stored));
END
$$;

-- tde_add_pair_json() for a body that is still text (tde-http's POST): a body
-- that is not JSON is refused with a fixed message, because PostgreSQL's own
-- error for it quotes the body (CONTEXT: JSON data, line 1: ...) and the
-- server logs that, personal data included. A caught error is not logged.
CREATE FUNCTION @extschema@.tde_add_pair_json_text(body text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    parsed jsonb;
BEGIN
    BEGIN
        parsed := body::jsonb;
    EXCEPTION
        WHEN data_exception THEN
            RAISE EXCEPTION 'request body is not valid JSON' USING ERRCODE = 'invalid_text_representation';
        WHEN statement_too_complex THEN
            RAISE EXCEPTION 'request body is nested too deeply' USING ERRCODE = 'statement_too_complex';
    END;
    RETURN @extschema@.tde_add_pair_json(parsed);
END
$$;

CREATE FUNCTION @extschema@.tde_get_pair(pair_id uuid) RETURNS SETOF @extschema@.tde_pairs
LANGUAGE sql STABLE ROWS 1 AS $$
    SELECT p.* FROM @extschema@.tde_pairs p WHERE p.pair_id = tde_get_pair.pair_id;
$$;

CREATE FUNCTION @extschema@.tde_get_pair_json(pair_id uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('pair', @extschema@.tde_pair_json(p))
      FROM @extschema@.tde_pairs p WHERE p.pair_id = tde_get_pair_json.pair_id;
$$;

CREATE FUNCTION @extschema@.tde_check_page(limit_rows bigint, offset_rows bigint) RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF limit_rows < 0 THEN
        RAISE EXCEPTION 'limit_rows must not be negative'
            USING ERRCODE = 'invalid_row_count_in_limit_clause';
    END IF;
    IF offset_rows < 0 THEN
        RAISE EXCEPTION 'offset_rows must not be negative'
            USING ERRCODE = 'invalid_row_count_in_result_offset_clause';
    END IF;
END
$$;

-- Newest first: "timestamp" DESC, then pair_id DESC (stable across pages).
-- limit_rows NULL returns every matching pair.
CREATE FUNCTION @extschema@.tde_list_pairs(
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false,
    limit_rows      bigint DEFAULT NULL,
    offset_rows     bigint DEFAULT 0)
RETURNS SETOF @extschema@.tde_pairs
LANGUAGE plpgsql STABLE AS $$
BEGIN
    PERFORM @extschema@.tde_check_page(limit_rows, offset_rows);
    RETURN QUERY
        SELECT p.*
          FROM @extschema@.tde_filtered_pairs(
           @extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'), successful_only) p
         ORDER BY p."timestamp" DESC, p.pair_id DESC
         LIMIT limit_rows OFFSET coalesce(offset_rows, 0);
END
$$;

CREATE FUNCTION @extschema@.tde_count_pairs(
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false)
RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM @extschema@.tde_filtered_pairs(
           @extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'), successful_only);
$$;

-- The REST list shape: {"pairs": [...], "total": N}, both from one snapshot.
CREATE FUNCTION @extschema@.tde_list_pairs_json(
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false,
    limit_rows      bigint DEFAULT NULL,
    offset_rows     bigint DEFAULT 0)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'pairs', coalesce((SELECT jsonb_agg(@extschema@.tde_pair_json(p) ORDER BY p."timestamp" DESC, p.pair_id DESC)
                             FROM @extschema@.tde_list_pairs(start_date, end_date, successful_only,
                                                             limit_rows, offset_rows) p), '[]'::jsonb),
        'total', @extschema@.tde_count_pairs(start_date, end_date, successful_only));
$$;

CREATE FUNCTION @extschema@.tde_delete_pair(pair_id uuid) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH deleted AS (
        DELETE FROM @extschema@.tde_pairs p WHERE p.pair_id = tde_delete_pair.pair_id RETURNING 1
    )
    SELECT count(*) > 0 FROM deleted;
$$;

-------------------------------------------------------------------------------
-- Privileges: nothing for PUBLIC; each role gets what it needs.
-------------------------------------------------------------------------------
REVOKE ALL ON @extschema@.tde_pairs FROM PUBLIC;
REVOKE ALL ON FUNCTION
    @extschema@.tde_add_pair(text, text, text, text, boolean, double precision, jsonb),
    @extschema@.tde_add_pair_json(jsonb),
    @extschema@.tde_add_pair_json_text(text),
    @extschema@.tde_get_pair(uuid),
    @extschema@.tde_get_pair_json(uuid),
    @extschema@.tde_list_pairs(anycompatible, anycompatible, boolean, bigint, bigint),
    @extschema@.tde_list_pairs_json(anycompatible, anycompatible, boolean, bigint, bigint),
    @extschema@.tde_count_pairs(anycompatible, anycompatible, boolean),
    @extschema@.tde_delete_pair(uuid)
FROM PUBLIC;

-- Writers add pairs (through the functions, or INSERT / COPY FROM, which the
-- trigger anonymizes) and delete them by id. They cannot read the table.
GRANT INSERT ON @extschema@.tde_pairs TO tde_writer;
GRANT EXECUTE ON FUNCTION
    @extschema@.tde_add_pair(text, text, text, text, boolean, double precision, jsonb),
    @extschema@.tde_add_pair_json(jsonb),
    @extschema@.tde_add_pair_json_text(text),
    @extschema@.tde_delete_pair(uuid)
TO tde_writer;

-- Readers list, get and count.
GRANT SELECT ON @extschema@.tde_pairs TO tde_reader;
GRANT EXECUTE ON FUNCTION
    @extschema@.tde_get_pair(uuid),
    @extschema@.tde_get_pair_json(uuid),
    @extschema@.tde_list_pairs(anycompatible, anycompatible, boolean, bigint, bigint),
    @extschema@.tde_list_pairs_json(anycompatible, anycompatible, boolean, bigint, bigint),
    @extschema@.tde_count_pairs(anycompatible, anycompatible, boolean)
TO tde_reader;

-- Exporters read the table (export functions are granted where they are defined).
GRANT SELECT ON @extschema@.tde_pairs TO tde_exporter;

-------------------------------------------------------------------------------
-- Statistics
-------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.tde_statistics(
    start_date anycompatible DEFAULT NULL, end_date anycompatible DEFAULT NULL, successful_only boolean DEFAULT false,
    OUT total_pairs bigint, OUT successful_pairs bigint, OUT failed_pairs bigint,
    OUT avg_query_length double precision, OUT avg_sql_length double precision,
    OUT earliest timestamptz, OUT latest timestamptz)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    -- One pass. The bounds are planned as literals, so the planner sees the
    -- real range: a sequential scan for the whole table, the index for a
    -- narrow range.
    EXECUTE format(
        'SELECT count(*), count(*) FILTER (WHERE p.success), count(*) FILTER (WHERE NOT p.success),
                coalesce(avg(length(p.natural_language_query)::float8), 0),
                coalesce(avg(length(p.sql_query)::float8), 0), min(p."timestamp"), max(p."timestamp")
           FROM @extschema@.tde_pairs p
          WHERE p."timestamp" >= %L::timestamptz AND p."timestamp" < %L::timestamptz %s',
        coalesce(@extschema@.tde_date_bound(@extschema@.tde_date_text(start_date, 'start_date'), false, 'start_date'), '-infinity'),
        coalesce(@extschema@.tde_date_bound(@extschema@.tde_date_text(end_date, 'end_date'), true, 'end_date'), 'infinity'),
        CASE WHEN coalesce(successful_only, false) THEN 'AND p.success' ELSE '' END)
    INTO total_pairs, successful_pairs, failed_pairs, avg_query_length, avg_sql_length, earliest, latest;
    RETURN;
END
$$;

CREATE FUNCTION @extschema@.tde_query_type_distribution(
    start_date anycompatible DEFAULT NULL, end_date anycompatible DEFAULT NULL, successful_only boolean DEFAULT false)
RETURNS TABLE (query_type text, pairs bigint)
LANGUAGE sql STABLE AS $$
    SELECT p.query_type, count(*)
      FROM @extschema@.tde_filtered_pairs(
           @extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'), successful_only) p
     GROUP BY p.query_type
     ORDER BY 2 DESC, p.query_type COLLATE "C"
$$;

CREATE FUNCTION @extschema@.tde_table_usage(
    start_date anycompatible DEFAULT NULL, end_date anycompatible DEFAULT NULL, successful_only boolean DEFAULT false)
RETURNS TABLE (table_name text, pairs bigint)
LANGUAGE sql STABLE AS $$
    SELECT t.name, count(*)
      FROM @extschema@.tde_filtered_pairs(
           @extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'), successful_only) p,
           unnest(p.table_names) AS t(name)
     GROUP BY t.name
     ORDER BY 2 DESC, t.name COLLATE "C"
$$;

CREATE FUNCTION @extschema@.tde_database_types(
    start_date anycompatible DEFAULT NULL, end_date anycompatible DEFAULT NULL, successful_only boolean DEFAULT false)
RETURNS TABLE (database_type text, pairs bigint)
LANGUAGE sql STABLE AS $$
    SELECT p.database_type, count(*)
      FROM @extschema@.tde_filtered_pairs(
           @extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'), successful_only) p
     GROUP BY p.database_type
     ORDER BY 2 DESC, p.database_type COLLATE "C" NULLS LAST
$$;

-- The guide's "statistics" object.
CREATE FUNCTION @extschema@.tde_statistics_json(
    start_date anycompatible DEFAULT NULL, end_date anycompatible DEFAULT NULL, successful_only boolean DEFAULT false)
RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'total_pairs', s.total_pairs,
        'successful_pairs', s.successful_pairs,
        'failed_pairs', s.failed_pairs,
        'unique_tables', coalesce((SELECT jsonb_agg(u.table_name ORDER BY u.table_name COLLATE "C")
                                     FROM @extschema@.tde_table_usage(start_date, end_date, successful_only) u), '[]'),
        'database_types', coalesce((SELECT jsonb_agg(d.database_type ORDER BY d.database_type COLLATE "C")
                                      FROM @extschema@.tde_database_types(start_date, end_date, successful_only) d
                                     WHERE d.database_type IS NOT NULL), '[]'),
        'avg_query_length', round(s.avg_query_length::numeric, 2),
        'avg_sql_length', round(s.avg_sql_length::numeric, 2),
        'date_range', jsonb_build_object('start', @extschema@.tde_iso_timestamp(s.earliest),
                                         'end', @extschema@.tde_iso_timestamp(s.latest)),
        'query_type_distribution',
            '{"SELECT": 0, "INSERT": 0, "UPDATE": 0, "DELETE": 0}'::jsonb
            || coalesce((SELECT jsonb_object_agg(q.query_type, q.pairs)
                           FROM (SELECT coalesce(d.query_type, 'OTHER') AS query_type, sum(d.pairs) AS pairs
                                   FROM @extschema@.tde_query_type_distribution(start_date, end_date, successful_only) d
                                  GROUP BY 1) q), '{}'))
      FROM @extschema@.tde_statistics(start_date, end_date, successful_only) s
$$;

-------------------------------------------------------------------------------
-- Exports: set-returning functions of text lines, streamed by the executor
-- (call them in the SELECT list or in FROM; both stream). All lines of one
-- export come from one query, hence one snapshot.
-------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.tde_jsonl_line(pair @extschema@.tde_pairs, style text DEFAULT 'pair',
                                           system_prompt text DEFAULT NULL) RETURNS text
    AS 'MODULE_PATHNAME', 'tde_jsonl_line' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.tde_csv_record(pair @extschema@.tde_pairs) RETURNS text
    AS 'MODULE_PATHNAME', 'tde_csv_record' LANGUAGE C STABLE PARALLEL SAFE;
-- Keeps per-query state (no comma before the first element): parallel unsafe,
-- which also keeps the export query serial and its parts in order.
CREATE FUNCTION @extschema@.tde_json_element(pair @extschema@.tde_pairs) RETURNS text
    AS 'MODULE_PATHNAME', 'tde_json_element' LANGUAGE C STABLE PARALLEL UNSAFE;

-- Questions that differ only in case and white space are duplicates.
CREATE FUNCTION @extschema@.tde_normalize_question(question text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(regexp_replace(btrim(question), '\s+', ' ', 'g'));
$$;

-- A stable number in [0, 1) for a (question, SQL) pair: SHA-256 of the
-- normalized question and the SQL, so duplicates always share a split.
CREATE FUNCTION @extschema@.tde_split_point(question text, sql_query text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    -- The first four bytes of the hash, big-endian, over 2^32. One
    -- expression (no FROM), so that the planner inlines it into the export
    -- query instead of running an SQL function per row.
    SELECT ('x' || substr(encode(sha256(convert_to(@extschema@.tde_normalize_question(question) || chr(31) || sql_query,
                                                   'UTF8')), 'hex'), 1, 8))::bit(32)::bigint / 4294967296.0::float8;
$$;

CREATE FUNCTION @extschema@.tde_split_of(question text, sql_query text, split_ratios double precision[])
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    -- train below ratio 1, validation below ratios 1 + 2, test above (the
    -- point computed once; inlined like tde_split_point).
    SELECT (ARRAY['train', 'validation', 'test'])[
               width_bucket(@extschema@.tde_split_point(question, sql_query),
                            ARRAY[split_ratios[1], split_ratios[1] + split_ratios[2]]) + 1];
$$;

-- Validates export options; raises 22023 with a clear message.
CREATE FUNCTION @extschema@.tde_check_export_options(format text, style text, split text,
                                                     split_ratios double precision[])
RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF format IS NULL OR format NOT IN ('jsonl', 'json', 'csv') THEN
        RAISE EXCEPTION 'unknown export format %', @extschema@.tde_shown(coalesce(format, 'NULL'))
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use one of: jsonl, json, csv.';
    END IF;
    IF style IS NOT NULL AND style NOT IN ('pair', 'prompt_completion', 'chat', 'alpaca') THEN
        RAISE EXCEPTION 'unknown export style %', @extschema@.tde_shown(style)
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use one of: pair, prompt_completion, chat, alpaca.';
    END IF;
    IF style IS NOT NULL AND style <> 'pair' AND format <> 'jsonl' THEN
        RAISE EXCEPTION 'style "%" is only available for the jsonl format', style
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF split IS NOT NULL AND split NOT IN ('train', 'validation', 'test') THEN
        RAISE EXCEPTION 'unknown split %', @extschema@.tde_shown(split)
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Use one of: train, validation, test.';
    END IF;
    IF split IS NOT NULL AND (split_ratios IS NULL OR cardinality(split_ratios) <> 3
            OR array_position(split_ratios, NULL) IS NOT NULL
            OR (SELECT min(r) FROM unnest(split_ratios) r) < 0
            OR abs((SELECT sum(r) FROM unnest(split_ratios) r) - 1) > 1e-9) THEN
        RAISE EXCEPTION 'split_ratios must be three non-negative numbers (train, validation, test) that sum to 1'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN true;
END
$$;

-- The rows of an export, oldest first. Only one branch runs (one-time
-- filters); each keeps its own order, so nothing is sorted in memory when
-- no deduplication is asked for (the timestamp index is read backwards).
CREATE FUNCTION @extschema@.tde_export_rows(
    start_date text, end_date text, successful_only boolean,
    deduplicate boolean, split text, split_ratios double precision[])
RETURNS SETOF @extschema@.tde_pairs
LANGUAGE sql STABLE AS $$
    (SELECT p.*
       FROM @extschema@.tde_filtered_pairs(start_date, end_date, successful_only) p
      WHERE NOT coalesce(deduplicate, false)
        AND (split IS NULL OR @extschema@.tde_split_of(p.natural_language_query, p.sql_query, split_ratios) = split)
      ORDER BY p."timestamp", p.pair_id)
    UNION ALL
    (SELECT d.*
       FROM (SELECT DISTINCT ON (@extschema@.tde_normalize_question(p.natural_language_query), p.sql_query) p.*
               FROM @extschema@.tde_filtered_pairs(start_date, end_date, successful_only) p
              WHERE coalesce(deduplicate, false)
              ORDER BY @extschema@.tde_normalize_question(p.natural_language_query), p.sql_query,
                       p."timestamp", p.pair_id) d
      WHERE split IS NULL OR @extschema@.tde_split_of(d.natural_language_query, d.sql_query, split_ratios) = split
      ORDER BY d."timestamp", d.pair_id)
$$;

-- The guide's "statistics" object of the pairs an export contains: with
-- deduplicate or split, of those pairs only (the same rows as the export);
-- otherwise tde_statistics_json() of the same filters.
CREATE FUNCTION @extschema@.tde_export_statistics_json(
    start_date text, end_date text, successful_only boolean,
    deduplicate boolean, split text, split_ratios double precision[])
RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN NOT coalesce(deduplicate, false) AND split IS NULL
                THEN @extschema@.tde_statistics_json(start_date, end_date, successful_only)
                ELSE (
        -- One pass over the export's rows (deduplicating and splitting are
        -- the expensive part); only the columns the statistics need are kept.
        WITH r AS MATERIALIZED (
            SELECT p.success, length(p.natural_language_query) AS query_length, length(p.sql_query) AS sql_length,
                   p."timestamp", p.table_names, p.database_type, coalesce(p.query_type, 'OTHER') AS query_type
              FROM @extschema@.tde_export_rows(start_date, end_date, successful_only, deduplicate, split, split_ratios) p)
        SELECT jsonb_build_object(
            'total_pairs', s.total_pairs,
            'successful_pairs', s.successful_pairs,
            'failed_pairs', s.total_pairs - s.successful_pairs,
            'unique_tables', coalesce((SELECT jsonb_agg(DISTINCT t.name COLLATE "C" ORDER BY t.name COLLATE "C")
                                         FROM r, unnest(r.table_names) AS t(name)), '[]'),
            'database_types', coalesce((SELECT jsonb_agg(DISTINCT r.database_type COLLATE "C" ORDER BY r.database_type COLLATE "C")
                                          FROM r WHERE r.database_type IS NOT NULL), '[]'),
            'avg_query_length', round(s.avg_query_length::numeric, 2),
            'avg_sql_length', round(s.avg_sql_length::numeric, 2),
            'date_range', jsonb_build_object('start', @extschema@.tde_iso_timestamp(s.earliest),
                                             'end', @extschema@.tde_iso_timestamp(s.latest)),
            'query_type_distribution',
                '{"SELECT": 0, "INSERT": 0, "UPDATE": 0, "DELETE": 0}'::jsonb
                || coalesce((SELECT jsonb_object_agg(q.query_type, q.pairs)
                               FROM (SELECT r.query_type, count(*) AS pairs FROM r GROUP BY 1) q), '{}'))
          FROM (SELECT count(*) AS total_pairs, count(*) FILTER (WHERE r.success) AS successful_pairs,
                       coalesce(avg(r.query_length::float8), 0) AS avg_query_length,
                       coalesce(avg(r.sql_length::float8), 0) AS avg_sql_length,
                       min(r."timestamp") AS earliest, max(r."timestamp") AS latest
                  FROM r) s)
           END
$$;

-- JSONL: one JSON object per pair, oldest first.
CREATE FUNCTION @extschema@.tde_export_jsonl(
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false,
    style           text DEFAULT 'pair',
    system_prompt   text DEFAULT NULL,
    deduplicate     boolean DEFAULT false,
    split           text DEFAULT NULL,
    split_ratios    double precision[] DEFAULT '{0.8,0.1,0.1}')
RETURNS SETOF text
LANGUAGE sql STABLE AS $$
    SELECT @extschema@.tde_jsonl_line(p, style, system_prompt)
      FROM @extschema@.tde_export_rows(@extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'),
                                            successful_only, deduplicate, split, split_ratios) p
     WHERE (SELECT @extschema@.tde_check_export_options('jsonl', style, split, split_ratios))
$$;

-- CSV: the guide's header and columns, RFC 4180 quoting. A record whose
-- fields contain line breaks comes out as several lines (so that COPY never
-- has to quote a line); joined with "\n" they are the record. The lines come
-- from tde_csv_stream() (C: runs tde_export_rows() with its own executor
-- state, formatting batches of rows in C). In FROM, tde_export_csv() is
-- inlined to that call; in the SELECT list its support function substitutes
-- it, so that no SQL function runs per line. The support function puts
-- tde_csv_stream() in place of tde_export_csv() whatever the latter's body:
-- keep the two in step (also in upgrade scripts).
CREATE FUNCTION @extschema@.tde_csv_stream(
    start_date anycompatible, end_date anycompatible, successful_only boolean,
    deduplicate boolean, split text, split_ratios double precision[])
RETURNS SETOF text
    AS 'MODULE_PATHNAME', 'tde_csv_stream' LANGUAGE C STABLE;
CREATE FUNCTION @extschema@.tde_export_support(internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'tde_export_support' LANGUAGE C STRICT;
CREATE FUNCTION @extschema@.tde_export_csv(
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false,
    deduplicate     boolean DEFAULT false,
    split           text DEFAULT NULL,
    split_ratios    double precision[] DEFAULT '{0.8,0.1,0.1}')
RETURNS SETOF text
LANGUAGE sql STABLE SUPPORT @extschema@.tde_export_support AS $$
    SELECT @extschema@.tde_csv_stream(start_date, end_date, successful_only, deduplicate, split, split_ratios)
$$;

-- JSON: the guide's document, streamed line by line: the pairs first, then
-- total_pairs and statistics (same snapshot, same filters).
CREATE FUNCTION @extschema@.tde_export_json(
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false,
    deduplicate     boolean DEFAULT false,
    split           text DEFAULT NULL,
    split_ratios    double precision[] DEFAULT '{0.8,0.1,0.1}')
RETURNS SETOF text
LANGUAGE sql STABLE AS $$
    SELECT line FROM (
        SELECT '{"exported_at": ' || to_jsonb(@extschema@.tde_iso_timestamp(now()))::text || ', "format_version": "1.0", "pairs": [' AS line
         WHERE (SELECT @extschema@.tde_check_export_options('json', NULL, split, split_ratios))
           -- bad dates are refused before this first line goes out
           AND (SELECT count(*) FROM (VALUES (@extschema@.tde_date_bound(@extschema@.tde_date_text(start_date, 'start_date'), false, 'start_date')),
                                             (@extschema@.tde_date_bound(@extschema@.tde_date_text(end_date, 'end_date'), true, 'end_date'))) AS b(bound)) = 2
        UNION ALL
        SELECT @extschema@.tde_json_element(p)
          FROM @extschema@.tde_export_rows(@extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'),
                                            successful_only, deduplicate, split, split_ratios) p
        UNION ALL
        SELECT '  ], "total_pairs": ' || count(*) || ', "statistics": '
               || @extschema@.tde_export_statistics_json(@extschema@.tde_date_text(start_date, 'start_date'),
                                                         @extschema@.tde_date_text(end_date, 'end_date'),
                                                         successful_only, deduplicate, split, split_ratios)::text || '}'
          FROM @extschema@.tde_export_rows(@extschema@.tde_date_text(start_date, 'start_date'), @extschema@.tde_date_text(end_date, 'end_date'),
                                            successful_only, deduplicate, split, split_ratios) p
    ) lines
$$;

REVOKE ALL ON FUNCTION
    @extschema@.tde_statistics(anycompatible, anycompatible, boolean),
    @extschema@.tde_query_type_distribution(anycompatible, anycompatible, boolean),
    @extschema@.tde_table_usage(anycompatible, anycompatible, boolean),
    @extschema@.tde_database_types(anycompatible, anycompatible, boolean),
    @extschema@.tde_statistics_json(anycompatible, anycompatible, boolean),
    @extschema@.tde_export_jsonl(anycompatible, anycompatible, boolean, text, text, boolean, text, double precision[]),
    @extschema@.tde_export_csv(anycompatible, anycompatible, boolean, boolean, text, double precision[]),
    @extschema@.tde_csv_stream(anycompatible, anycompatible, boolean, boolean, text, double precision[]),
    @extschema@.tde_export_json(anycompatible, anycompatible, boolean, boolean, text, double precision[])
FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    @extschema@.tde_statistics(anycompatible, anycompatible, boolean),
    @extschema@.tde_query_type_distribution(anycompatible, anycompatible, boolean),
    @extschema@.tde_table_usage(anycompatible, anycompatible, boolean),
    @extschema@.tde_database_types(anycompatible, anycompatible, boolean),
    @extschema@.tde_statistics_json(anycompatible, anycompatible, boolean)
TO tde_reader, tde_exporter;
GRANT EXECUTE ON FUNCTION
    @extschema@.tde_export_jsonl(anycompatible, anycompatible, boolean, text, text, boolean, text, double precision[]),
    @extschema@.tde_export_csv(anycompatible, anycompatible, boolean, boolean, text, double precision[]),
    @extschema@.tde_csv_stream(anycompatible, anycompatible, boolean, boolean, text, double precision[]),
    @extschema@.tde_export_json(anycompatible, anycompatible, boolean, boolean, text, double precision[])
TO tde_exporter;

-------------------------------------------------------------------------------
-- Server-side exports (the guide's export(path, format, ...)), for pg_cron.
-------------------------------------------------------------------------------
CREATE TABLE @extschema@.tde_export_log (
    export_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exported_at    timestamptz NOT NULL DEFAULT now(),
    exported_by    name NOT NULL DEFAULT current_user,
    path           text NOT NULL,
    format         text NOT NULL,
    filters        jsonb NOT NULL,
    pairs_exported bigint NOT NULL,
    sha256         text NOT NULL,
    -- Incremental exports only: the options that make an export stream (format,
    -- successful_only, style, system_prompt, deduplicate, split, split_ratios:
    -- all but the path and the dates), and just after the newest "timestamp"
    -- exported; the next incremental export of the same stream starts there.
    stream         jsonb,
    high_water     timestamptz
);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tde_export_log', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tde_export_log_export_id_seq', '');

CREATE FUNCTION @extschema@.tde_write_export_file(
    path text, format text, start_date text, end_date text, successful_only boolean,
    style text, system_prompt text, deduplicate boolean, split text, split_ratios double precision[],
    OUT pairs_exported bigint, OUT statistics jsonb, OUT sha256 text, OUT newest timestamptz)
    AS 'MODULE_PATHNAME', 'tde_write_export_file' LANGUAGE C VOLATILE;

-- The start of the oldest transaction in progress in this database, other
-- than the caller's (NULL when there is none). A pair's "timestamp" defaults
-- to its transaction's start, and the pair becomes visible when that
-- transaction commits: every pair stamped before this instant that will ever
-- commit is visible now. SECURITY DEFINER: pg_stat_activity shows other
-- roles' transactions only to members of pg_read_all_stats.
CREATE FUNCTION @extschema@.tde_oldest_open_transaction() RETURNS timestamptz
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_stat_clear_snapshot();  -- a snapshot of the backends read earlier in this transaction is stale
    -- A session with track_activities off shows no transaction: its start
    -- as a session is the bound then (its pairs wait, none is skipped).
    SELECT min(coalesce(a.xact_start, CASE WHEN a.state = 'disabled' THEN a.backend_start END))
      FROM pg_stat_activity a
     WHERE a.pid <> pg_backend_pid()
       AND a.datid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
       AND a.backend_type NOT IN ('autovacuum worker', 'autovacuum launcher', 'walsender');
$$;

-- Writes an export to a file on the server (superusers and members of
-- pg_write_server_files), atomically (temporary file, fsync, rename), logs it
-- in tde_export_log and returns (pairs_exported, statistics, sha256).
-- incremental => true exports only the pairs newer than the newest pair of
-- the previous incremental export of the same stream (same format and
-- options; the path and the dates aside), and older than the start of the
-- oldest transaction still in progress and than this one's end: a pair whose
-- transaction commits after this export is exported by the next one instead
-- of being skipped, and a pair stamped in the future waits for its time.
CREATE FUNCTION @extschema@.tde_export(
    path            text,
    format          text DEFAULT 'jsonl',
    start_date      anycompatible DEFAULT NULL,
    end_date        anycompatible DEFAULT NULL,
    successful_only boolean DEFAULT false,
    style           text DEFAULT 'pair',
    system_prompt   text DEFAULT NULL,
    deduplicate     boolean DEFAULT false,
    split           text DEFAULT NULL,
    split_ratios    double precision[] DEFAULT '{0.8,0.1,0.1}',
    incremental     boolean DEFAULT false,
    OUT pairs_exported bigint, OUT statistics jsonb, OUT sha256 text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET extra_float_digits = 1 AS $$
DECLARE
    effective_start text := @extschema@.tde_date_text(start_date, 'start_date');
    effective_end text := @extschema@.tde_date_text(end_date, 'end_date');
    export_stream jsonb;
    last_high timestamptz;
    lower_bound timestamptz;
    upper_bound timestamptz;
    written record;
BEGIN
    format := lower(btrim(format));  -- 'JSON', ' csv' as the REST API takes them
    PERFORM @extschema@.tde_check_export_options(format, style, split, split_ratios);
    IF format = 'jsonl' THEN
        style := coalesce(style, 'pair');
    ELSE
        style := NULL;
        system_prompt := NULL;
    END IF;
    IF incremental THEN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
            RAISE EXCEPTION 'incremental exports need the read committed isolation level'
                USING ERRCODE = 'invalid_transaction_state',
                      DETAIL = 'A snapshot taken earlier in the transaction could miss pairs committed since.';
        END IF;
        export_stream := jsonb_build_object(
            'format', format, 'successful_only', coalesce(successful_only, false),
            'style', style, 'system_prompt', system_prompt, 'deduplicate', coalesce(deduplicate, false),
            'split', split, 'split_ratios', CASE WHEN split IS NOT NULL THEN to_jsonb(split_ratios) END);
        -- One incremental export of a stream at a time: the next one waits
        -- for this one's commit and then reads its log row.
        PERFORM pg_advisory_xact_lock(hashtextextended('tde_export ' || export_stream::text, 0));
        -- (A high water in the future, written by hand, is no export's.)
        SELECT max(l.high_water) INTO last_high
          FROM @extschema@.tde_export_log l
         WHERE l.stream = export_stream AND l.high_water <= clock_timestamp();
        -- (Pairs of this transaction, stamped now(), are visible to it.)
        upper_bound := least(now() + interval '1 microsecond', @extschema@.tde_oldest_open_transaction());
        lower_bound := greatest(last_high,
                                @extschema@.tde_date_bound(effective_start, false, 'start_date'));
        upper_bound := least(upper_bound, @extschema@.tde_date_bound(effective_end, true, 'end_date'));
        IF lower_bound IS NOT NULL AND isfinite(lower_bound) THEN
            effective_start := to_char(lower_bound AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        END IF;
        -- An end bound covers the microsecond it names (-infinity, from
        -- end_date, selects nothing).
        effective_end := CASE WHEN isfinite(upper_bound)
                              THEN to_char((upper_bound - interval '1 microsecond') AT TIME ZONE 'UTC',
                                           'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                              ELSE '-infinity' END;
    END IF;
    SELECT * INTO written FROM @extschema@.tde_write_export_file(
        path, format, effective_start, effective_end, successful_only, style, system_prompt,
        deduplicate, split, split_ratios);
    INSERT INTO @extschema@.tde_export_log (path, format, filters, pairs_exported, sha256, stream, high_water)
    VALUES (path, format,
            jsonb_strip_nulls(jsonb_build_object(
                'start_date', effective_start, 'end_date', effective_end, 'successful_only', successful_only,
                'style', style, 'deduplicate', deduplicate, 'split', split,
                'split_ratios', CASE WHEN split IS NOT NULL THEN to_jsonb(split_ratios) END,
                'incremental', incremental)),
            written.pairs_exported, written.sha256, export_stream,
            CASE WHEN incremental THEN greatest(last_high, written.newest + interval '1 microsecond') END);
    pairs_exported := written.pairs_exported;
    statistics := written.statistics;
    sha256 := written.sha256;
END
$$;

REVOKE ALL ON FUNCTION
    @extschema@.tde_write_export_file(text, text, text, text, boolean, text, text, boolean, text, double precision[]),
    @extschema@.tde_export(text, text, anycompatible, anycompatible, boolean, text, text, boolean, text, double precision[], boolean)
FROM PUBLIC;
REVOKE ALL ON @extschema@.tde_export_log FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    @extschema@.tde_write_export_file(text, text, text, text, boolean, text, text, boolean, text, double precision[]),
    @extschema@.tde_export(text, text, anycompatible, anycompatible, boolean, text, text, boolean, text, double precision[], boolean)
TO tde_exporter;
GRANT SELECT, INSERT ON @extschema@.tde_export_log TO tde_exporter;
REVOKE ALL ON FUNCTION @extschema@.tde_oldest_open_transaction() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.tde_oldest_open_transaction() TO tde_exporter;

-- BEGIN sql_info (issue 6)
-------------------------------------------------------------------------------
-- SQL derived with PostgreSQL's own parser: a fingerprint of the query shape
-- (same for different constants), the text with constants replaced by $n,
-- and whether the SQL parsed. The trigger fills the columns; tde_sql_info()
-- returns the same derivation for any text.
-------------------------------------------------------------------------------
-- dialect: a database_type ('postgresql', 'mysql', 'sqlite', 'sqlserver', ...;
-- anything else, NULL included, is an unknown dialect). STABLE: the result
-- follows standard_conforming_strings.
CREATE FUNCTION @extschema@.tde_sql_info(
    sql text, dialect text DEFAULT 'postgresql',
    OUT query_type text, OUT table_names text[], OUT fingerprint text,
    OUT normalized text, OUT valid boolean)
    AS 'MODULE_PATHNAME', 'tde_sql_info' LANGUAGE C STABLE PARALLEL SAFE;
REVOKE ALL ON FUNCTION @extschema@.tde_sql_info(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.tde_sql_info(text, text) TO tde_reader, tde_writer, tde_exporter;
-- END sql_info (issue 6)

-------------------------------------------------------------------------------
-- Internal helpers. CREATE FUNCTION grants EXECUTE to PUBLIC; none of the
-- extension's functions keep that grant. The helpers that the API's functions
-- call with the caller's rights go to the three roles (they give no access of
-- their own: reading rows still needs SELECT on tde_pairs); the planner
-- support function is called by the planner, which checks no privilege.
-------------------------------------------------------------------------------
REVOKE ALL ON FUNCTION
    @extschema@.tde_shown(text),
    @extschema@.tde_date_bound(text, boolean, text),
    @extschema@.tde_date_text(anyelement, text),
    @extschema@.tde_filtered_pairs(text, text, boolean),
    @extschema@.tde_iso_timestamp(timestamptz),
    @extschema@.tde_pair_json(@extschema@.tde_pairs),
    @extschema@.tde_check_page(bigint, bigint),
    @extschema@.tde_jsonl_line(@extschema@.tde_pairs, text, text),
    @extschema@.tde_csv_record(@extschema@.tde_pairs),
    @extschema@.tde_json_element(@extschema@.tde_pairs),
    @extschema@.tde_normalize_question(text),
    @extschema@.tde_split_point(text, text),
    @extschema@.tde_split_of(text, text, double precision[]),
    @extschema@.tde_check_export_options(text, text, text, double precision[]),
    @extschema@.tde_export_rows(text, text, boolean, boolean, text, double precision[]),
    @extschema@.tde_export_statistics_json(text, text, boolean, boolean, text, double precision[]),
    @extschema@.tde_export_support(internal)
FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    @extschema@.tde_shown(text),
    @extschema@.tde_date_bound(text, boolean, text),
    @extschema@.tde_date_text(anyelement, text),
    @extschema@.tde_filtered_pairs(text, text, boolean),
    @extschema@.tde_iso_timestamp(timestamptz),
    @extschema@.tde_pair_json(@extschema@.tde_pairs),
    @extschema@.tde_check_page(bigint, bigint),
    @extschema@.tde_jsonl_line(@extschema@.tde_pairs, text, text),
    @extschema@.tde_csv_record(@extschema@.tde_pairs),
    @extschema@.tde_json_element(@extschema@.tde_pairs),
    @extschema@.tde_normalize_question(text),
    @extschema@.tde_split_point(text, text),
    @extschema@.tde_split_of(text, text, double precision[]),
    @extschema@.tde_check_export_options(text, text, text, double precision[]),
    @extschema@.tde_export_rows(text, text, boolean, boolean, text, double precision[]),
    @extschema@.tde_export_statistics_json(text, text, boolean, boolean, text, double precision[])
TO tde_writer, tde_reader, tde_exporter;

-------------------------------------------------------------------------------
-- Descriptions (\df+ and \dfS+ show them). Internal helpers say so: call the
-- API functions above them.
-------------------------------------------------------------------------------
COMMENT ON FUNCTION @extschema@.tde_add_pair(text, text, text, text, boolean, double precision, jsonb) IS
    'Adds a question/SQL pair (anonymized by the trigger) and returns the stored row';
COMMENT ON FUNCTION @extschema@.tde_add_pair_json(jsonb) IS
    'Adds a pair from a JSON object with the guide''s fields; returns {"pair": {...}}';
COMMENT ON FUNCTION @extschema@.tde_get_pair(uuid) IS 'The pair with this id (no row if none)';
COMMENT ON FUNCTION @extschema@.tde_get_pair_json(uuid) IS 'The pair with this id as {"pair": {...}}, or NULL';
COMMENT ON FUNCTION @extschema@.tde_list_pairs(anycompatible, anycompatible, boolean, bigint, bigint) IS
    'Pairs newest first: start_date, end_date (ISO text, date or timestamp; a date-only end includes its day), successful_only, limit_rows, offset_rows';
COMMENT ON FUNCTION @extschema@.tde_count_pairs(anycompatible, anycompatible, boolean) IS
    'Number of pairs matching start_date, end_date, successful_only';
COMMENT ON FUNCTION @extschema@.tde_list_pairs_json(anycompatible, anycompatible, boolean, bigint, bigint) IS
    'A page of pairs as {"pairs": [...], "total": N} (the REST API''s list)';
COMMENT ON FUNCTION @extschema@.tde_delete_pair(uuid) IS 'Deletes the pair with this id; true if there was one';
COMMENT ON FUNCTION @extschema@.tde_statistics(anycompatible, anycompatible, boolean) IS
    'Totals, successes, failures, average lengths and date range of the matching pairs';
COMMENT ON FUNCTION @extschema@.tde_query_type_distribution(anycompatible, anycompatible, boolean) IS
    'Pairs per query type (SELECT, INSERT, ...)';
COMMENT ON FUNCTION @extschema@.tde_table_usage(anycompatible, anycompatible, boolean) IS
    'Pairs per table referenced by their SQL';
COMMENT ON FUNCTION @extschema@.tde_database_types(anycompatible, anycompatible, boolean) IS
    'Pairs per database type';
COMMENT ON FUNCTION @extschema@.tde_statistics_json(anycompatible, anycompatible, boolean) IS
    'The guide''s statistics object';
COMMENT ON FUNCTION @extschema@.tde_export_jsonl(anycompatible, anycompatible, boolean, text, text, boolean, text, double precision[]) IS
    'JSONL export, one line per pair, streamed: start_date, end_date, successful_only, style (pair, prompt_completion, chat, alpaca), system_prompt, deduplicate, split, split_ratios';
COMMENT ON FUNCTION @extschema@.tde_export_csv(anycompatible, anycompatible, boolean, boolean, text, double precision[]) IS
    'CSV export (the guide''s header and columns, RFC 4180), streamed: start_date, end_date, successful_only, deduplicate, split, split_ratios';
COMMENT ON FUNCTION @extschema@.tde_export_json(anycompatible, anycompatible, boolean, boolean, text, double precision[]) IS
    'JSON export (the guide''s document with statistics), streamed line by line';
COMMENT ON FUNCTION @extschema@.tde_export(text, text, anycompatible, anycompatible, boolean, text, text, boolean, text, double precision[], boolean) IS
    'Writes an export to a server file atomically and logs it in tde_export_log; incremental => true exports only pairs newer than the stream''s last incremental export';
COMMENT ON FUNCTION @extschema@.tde_sql_info(text, text) IS
    'The trigger''s derivation for any SQL text: query_type, table_names, fingerprint, normalized, valid';
COMMENT ON FUNCTION @extschema@.tde_rotate_secret() IS
    'Replaces the anonymization key (future tokens change; stored ones stay)';
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_catalog.pg_proc p
          JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'training_data_export'
         WHERE pg_catalog.obj_description(p.oid, 'pg_proc') IS NULL
    LOOP
        EXECUTE pg_catalog.format('COMMENT ON FUNCTION %s IS %L', f,
                                  'internal helper of training_data_export; not part of its API');
    END LOOP;
END
$$;
