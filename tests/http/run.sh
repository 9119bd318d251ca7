#!/usr/bin/env bash
# Tests of tde-http, the REST bridge, against a running PostgreSQL.
#
#   PGHOST=... PGPORT=... PGUSER=<superuser> tests/http/run.sh
#
# The extension must be installed (make install). Builds ./tde-http, creates
# the database $TDE_HTTP_TEST_DB (default tde_http_test) with the extension,
# an authenticator role (LOGIN NOINHERIT, member of tde_writer, tde_reader,
# tde_exporter) and a role it may not become, runs tests/http/test_http.py
# (which starts tde-http instances on free ports of 127.0.0.1), then drops
# what it created. If TDE_CLUSTER_DIR is set ($TDE_CLUSTER_DIR/data), the
# database-outage tests stop and restart that cluster.
# Export and statistics tests are skipped (not failed) while the extension
# has no tde_export_* / tde_statistics_json functions.
#
# The last line is "http: N passed, N failed"; the exit status is non-zero on
# any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

export TDE_HTTP_TEST_DB=${TDE_HTTP_TEST_DB:-tde_http_test}
export TDE_HTTP_TEST_AUTHENTICATOR=${TDE_HTTP_TEST_AUTHENTICATOR:-tde_http_test_authenticator}
export TDE_HTTP_TEST_STRANGER=${TDE_HTTP_TEST_STRANGER:-tde_http_test_stranger}
export TDE_HTTP_BIN=$PWD/tde-http
export TDE_HTTP_UNIT_BIN=$PWD/build/http/unit_tests
DB=$TDE_HTTP_TEST_DB
AUTH=$TDE_HTTP_TEST_AUTHENTICATOR
STRANGER=$TDE_HTTP_TEST_STRANGER

abort() {
  echo "$*" >&2
  echo "http: 0 passed, 1 failed"
  exit 1
}

build_log=$(mktemp /tmp/tde-http-build.XXXXXX)
make -f src/http/http.mk -j"${JOBS:-2}" tde-http build/http/unit_tests >"$build_log" 2>&1 \
  || { cat "$build_log" >&2; rm -f "$build_log"; abort "tde-http: build failed"; }
rm -f "$build_log"

psql_super() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  dropdb --if-exists "$DB" >/dev/null 2>&1
  psql -X -q -d postgres -c "DROP ROLE IF EXISTS $AUTH, $STRANGER" >/dev/null 2>&1
}
trap cleanup EXIT

dropdb --if-exists "$DB" >/dev/null 2>&1
createdb "$DB" || abort "cannot create database $DB (is PostgreSQL running, PGUSER a superuser?)"
psql_super -d "$DB" >/dev/null <<SQL || abort "database setup failed"
CREATE EXTENSION training_data_export;
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$AUTH') THEN
        CREATE ROLE $AUTH LOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$STRANGER') THEN
        CREATE ROLE $STRANGER NOLOGIN;
    END IF;
END
\$\$;
GRANT tde_writer, tde_reader, tde_exporter TO $AUTH;
-- A table the injection tests watch: it must survive every request.
CREATE TABLE http_canary (id int);
INSERT INTO http_canary VALUES (1);
-- Slow stand-ins, found first by tde-http instances started with
-- options=-csearch_path=tde_http_slow,public (timeouts, cancel, drain tests).
CREATE SCHEMA tde_http_slow;
GRANT USAGE ON SCHEMA tde_http_slow TO PUBLIC;
CREATE FUNCTION tde_http_slow.tde_get_pair_json(pair_id uuid) RETURNS jsonb LANGUAGE sql AS
  \$\$ SELECT pg_sleep(2); SELECT public.tde_get_pair_json(pair_id) \$\$;
CREATE FUNCTION tde_http_slow.tde_export_jsonl(start_date text DEFAULT NULL, end_date text DEFAULT NULL,
    successful_only boolean DEFAULT false) RETURNS SETOF text LANGUAGE sql AS
  \$\$ SELECT 'slow' FROM pg_sleep(5) \$\$;
SQL

out=$(mktemp /tmp/tde-http-test.XXXXXX)
python3 -u tests/http/test_http.py 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
last=$(tail -n 1 "$out")
rm -f "$out"
if ! [[ "$last" =~ ^http:\ [0-9]+\ passed,\ [0-9]+\ failed$ ]]; then
  echo "http: 0 passed, 1 failed"   # the test program died before its summary
  exit 1
fi
exit $rc
