#!/usr/bin/env bash
# Runs training_data_export on a fresh Debian 12 machine: installs the
# dependencies, builds and installs the extension, and starts a throwaway
# local PostgreSQL 15 cluster (database "tde", extension created), ready for
# psql, and tde-http (the REST bridge) on 127.0.0.1:$TDE_HTTP_PORT (5000).
# Ctrl-C stops both and deletes the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
make -j"${JOBS:-2}" >/tmp/tde-build.log 2>&1 || { cat /tmp/tde-build.log; exit 1; }
$SUDO make install >/dev/null

PORT=${TDE_PORT:-54321}
DIR=$(mktemp -d /tmp/tde-run.XXXXXX)
source ./scripts/cluster.sh
HTTP_PORT=${TDE_HTTP_PORT:-5000}
http_pid=""
sleep_pid=""
cleanup() {
  [ -n "$sleep_pid" ] && kill "$sleep_pid" 2>/dev/null
  [ -n "$http_pid" ] && kill -TERM "$http_pid" 2>/dev/null && wait "$http_pid" 2>/dev/null
  cluster_stop "$DIR"; rm -rf "$DIR"; echo "tde-http and the cluster stopped; cluster removed"
}
trap cleanup EXIT
trap 'exit 0' INT TERM
cluster_start "$DIR" "$PORT" "localhost"
createdb tde
psql -X -q -d tde -c "CREATE EXTENSION training_data_export"
# The bridge connects as an authenticator that may become the three roles;
# unauthenticated requests on localhost act as a role holding all three
# (a throwaway demo: configure --jwt-secret / --api-keys-file for real use).
psql -X -q -v ON_ERROR_STOP=1 -d tde <<'SQL'
CREATE ROLE tde_demo NOLOGIN IN ROLE tde_writer, tde_reader, tde_exporter;
CREATE ROLE tde_authenticator LOGIN NOINHERIT IN ROLE tde_demo, tde_writer, tde_reader, tde_exporter;
SQL
./tde-http --db "host=$DIR port=$PORT dbname=tde user=tde_authenticator" \
  --listen "127.0.0.1:$HTTP_PORT" --anonymous-role tde_demo 2>"$DIR/tde-http.log" &
http_pid=$!
sleep 0.5
kill -0 "$http_pid" 2>/dev/null || { cat "$DIR/tde-http.log"; exit 1; }

cat <<MSG

training_data_export is running in a throwaway cluster (data in $DIR).

  psql -h localhost -p $PORT -U postgres tde

  tde=# SELECT * FROM tde_add_pair(natural_language_query => 'Show me all users',
                                   sql_query => 'SELECT * FROM users');
  tde=# SELECT * FROM tde_list_pairs(successful_only => true, limit_rows => 10);

tde-http serves the guide's REST API on http://127.0.0.1:$HTTP_PORT:

  curl -X POST http://127.0.0.1:$HTTP_PORT/api/training-data/pairs -H "Content-Type: application/json" \\
       -d '{"natural_language_query": "Show me all users", "sql_query": "SELECT * FROM users",
            "database_type": "postgresql", "database_name": "production_db", "success": true, "execution_time_ms": 45.5}'
  curl "http://127.0.0.1:$HTTP_PORT/api/training-data/pairs?successful_only=true&limit=100&offset=0"
  curl "http://127.0.0.1:$HTTP_PORT/api/training-data/statistics"
  curl "http://127.0.0.1:$HTTP_PORT/api/training-data/export?format=jsonl&successful_only=true" -o training_data.jsonl

Press Ctrl-C to stop and delete the cluster.
MSG
# `wait` (unlike a foreground sleep) returns as soon as a signal arrives, so a
# SIGTERM or SIGINT sent to this script alone also stops everything at once.
while true; do
  sleep 3600 &
  sleep_pid=$!
  wait "$sleep_pid" || true
done
