#!/usr/bin/env bash
# HTTP benchmark: requests/s through tde-http (driven by wrk) against pgbench
# running the same SQL function calls at the same concurrency, measured in the
# same run on the same machine. Prints the ratios.
#
#   bench/http_bench.sh [SECONDS] [CONNECTIONS]     (default 10 s per run, 4 connections)
#
#   POST /api/training-data/pairs      vs  SELECT tde_add_pair_json('{...}')
#   GET  /api/training-data/pairs/{id} vs  SELECT tde_get_pair_json('<id>')
#
# tde-http gets a pool of CONNECTIONS database connections and wrk keeps
# CONNECTIONS HTTP connections open; pgbench uses CONNECTIONS clients
# (-M prepared). Requests authenticate with an HS256 JWT (BENCH_AUTH=jwt,
# default) or as the anonymous role (BENCH_AUTH=anonymous); pgbench connects
# as that role directly. BENCH_ROUNDS (default 3) rounds of wrk and pgbench
# alternate; the median round's ratio is reported.
#
# Uses $PGHOST/$PGPORT (database tde_http_bench, dropped afterwards) if
# PGDATABASE is set; otherwise starts a throwaway cluster. The extension must
# be installed (make && sudo make install). Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONC=${2:-4}
THREADS=${BENCH_THREADS:-2}
AUTH_MODE=${BENCH_AUTH:-jwt}
DB=tde_http_bench
AUTHENTICATOR=tde_http_bench_auth
APP_ROLE=tde_http_bench_app

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null; else echo "wrk is not installed (sudo apt-get install wrk)" >&2; exit 1; fi
fi
make -s -f src/http/http.mk tde-http

WORK=$(mktemp -d /tmp/tde-http-bench.XXXXXX)
HTTP_PID=""
cleanup() {
  [ -n "$HTTP_PID" ] && kill "$HTTP_PID" 2>/dev/null && wait "$HTTP_PID" 2>/dev/null
  dropdb --if-exists "$DB" >/dev/null 2>&1 || true
  psql -X -q -d postgres -c "DROP ROLE IF EXISTS $AUTHENTICATOR, $APP_ROLE" >/dev/null 2>&1 || true
  if [ -n "${CLUSTER:-}" ]; then cluster_stop "$CLUSTER"; rm -rf "$CLUSTER"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${PGDATABASE:-}" ]; then
  source ./scripts/cluster.sh
  CLUSTER=$(mktemp -d /tmp/tde-http-bench-cluster.XXXXXX)
  CLUSTER_EXTRA_CONF="max_connections = 100" cluster_start "$CLUSTER" "${TDE_BENCH_PORT:-54349}"
fi
unset PGDATABASE

dropdb --if-exists "$DB" >/dev/null 2>&1 || true
createdb "$DB"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
CREATE EXTENSION training_data_export;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$AUTHENTICATOR') THEN CREATE ROLE $AUTHENTICATOR LOGIN NOINHERIT; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_ROLE') THEN CREATE ROLE $APP_ROLE LOGIN; END IF;
END \$\$;
GRANT tde_writer, tde_reader, tde_exporter TO $APP_ROLE;
GRANT $APP_ROLE TO $AUTHENTICATOR;
SQL

BODY='{"natural_language_query": "Show me all users who signed up with john.doe@example.com", "sql_query": "SELECT * FROM users WHERE email = $1", "database_type": "postgresql", "database_name": "production_db", "success": true, "execution_time_ms": 45.5, "metadata": {"agent_id": "bench"}}'
PAIR_ID=$(psql -X -At -d "$DB" -c "SELECT tde_add_pair_json('$BODY')->'pair'->>'pair_id'")
# Some pairs, so that the lookup is an index scan in a non-trivial table.
psql -X -q -d "$DB" -c "INSERT INTO tde_pairs (natural_language_query, sql_query) SELECT 'question ' || g, 'SELECT ' || g FROM generate_series(1, 20000) g"

# ---------------------------------------------------------------------------
# tde-http
SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')
b64url() { base64 | tr -d '\n=' | tr '+/' '-_'; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"role":"%s","exp":%d}' "$APP_ROLE" $(( $(date +%s) + 3600 )) | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)
TOKEN="$header.$payload.$sig"

args=(--db "dbname=$DB user=$AUTHENTICATOR" --listen 127.0.0.1:0 --pool-size "$CONC" --jwt-secret "$SECRET")
AUTH_HEADER=(-H "Authorization: Bearer $TOKEN")
if [ "$AUTH_MODE" = anonymous ]; then args+=(--anonymous-role "$APP_ROLE"); AUTH_HEADER=(); fi
./tde-http "${args[@]}" 2>"$WORK/http.log" >/dev/null &
HTTP_PID=$!
for _ in $(seq 50); do grep -q "listening on" "$WORK/http.log" && break; sleep 0.1; done
PORT=$(grep -oE 'listening on 127\.0\.0\.1:[0-9]+' "$WORK/http.log" | grep -oE '[0-9]+$')
[ -n "$PORT" ] || { cat "$WORK/http.log"; exit 1; }
URL=http://127.0.0.1:$PORT

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/json"
LUA

# Prints "requests/s p50 p99 non2xx" from a wrk run.
run_wrk() {
  local out
  out=$(wrk -t "$THREADS" -c "$CONC" -d "${SECS}s" --latency "${AUTH_HEADER[@]}" "$@")
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
  echo "$rps $p50 $p99 ${bad:-0}"
}

# Prints the tps of a pgbench run of one SQL statement.
run_pgbench() {
  printf '%s\n' "$1" >"$WORK/pgbench.sql"
  pgbench -n -M prepared -c "$CONC" -j "$THREADS" -T "$SECS" -U "$APP_ROLE" -f "$WORK/pgbench.sql" "$DB" 2>/dev/null \
    | awk '/^tps = / {print $3; exit}'
}

# CPU seconds tde-http has used so far.
http_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$HTTP_PID/stat"; }
# CPU seconds the database server's processes have used so far: the live
# children of the postmaster and those it has reaped (pgbench's backends exit
# before the run is measured). "" when the postmaster's pid cannot be read.
PM_PID=$(head -1 "$(psql -X -At -d postgres -c 'SHOW data_directory' 2>/dev/null)/postmaster.pid" 2>/dev/null || true)
db_cpu() {
  [ -n "$PM_PID" ] && [ -r "/proc/$PM_PID/stat" ] || return 0
  { awk '{print $16 + $17}' "/proc/$PM_PID/stat"; for c in $(pgrep -P "$PM_PID"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null; done; } |
    awk -v hz="$(getconf CLK_TCK)" '{t += $1} END {printf "%.2f", t / hz}'
}
# Microseconds of CPU a request from the difference of two readings.
per_request() { awk -v a="$1" -v b="$2" -v n="$3" -v t="$SECS" 'BEGIN {if (a == "" || b == "" || n <= 0) print "-"; else printf "%.0f", (b - a) / (n * t) * 1e6}'; }

echo "== warm-up"
wrk -t 1 -c 1 -d 2s "${AUTH_HEADER[@]}" "$URL/api/training-data/pairs/$PAIR_ID" >/dev/null

# ROUNDS rounds, each running wrk then pgbench for POST, then for GET: the
# machine's load drifts, so each ratio is taken within a round and the median
# round is reported.
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ROUNDS=${BENCH_ROUNDS:-3}
: >"$WORK/rounds"
for round in $(seq "$ROUNDS"); do
  echo "== round $round/$ROUNDS: POST /api/training-data/pairs, then GET /api/training-data/pairs/{id} (${SECS}s each, $CONC connections)"
  cpu0=$(http_cpu); db0=$(db_cpu)
  read -r post_rps post_p50 post_p99 post_bad < <(run_wrk -s "$WORK/post.lua" "$URL/api/training-data/pairs")
  post_cpu=$(per_request "$cpu0" "$(http_cpu)" "$post_rps"); post_db=$(per_request "$db0" "$(db_cpu)" "$post_rps")
  db0=$(db_cpu)
  post_tps=$(run_pgbench "SELECT tde_add_pair_json('$BODY');")
  sleep 1  # pgbench's backends exit and are reaped (their time moves to the postmaster's)
  post_pgdb=$(per_request "$db0" "$(db_cpu)" "$post_tps")
  cpu0=$(http_cpu); db0=$(db_cpu)
  read -r get_rps get_p50 get_p99 get_bad < <(run_wrk "$URL/api/training-data/pairs/$PAIR_ID")
  get_cpu=$(per_request "$cpu0" "$(http_cpu)" "$get_rps"); get_db=$(per_request "$db0" "$(db_cpu)" "$get_rps")
  db0=$(db_cpu)
  get_tps=$(run_pgbench "SELECT tde_get_pair_json('$PAIR_ID');")
  sleep 1
  get_pgdb=$(per_request "$db0" "$(db_cpu)" "$get_tps")
  if [ "$post_bad" != 0 ] || [ "$get_bad" != 0 ]; then
    echo "warning: non-2xx responses (POST $post_bad, GET $get_bad)" >&2
    exit 1
  fi
  printf '   POST %s/s vs pgbench %s, GET %s/s vs pgbench %s\n' "$post_rps" "$post_tps" "$get_rps" "$get_tps"
  echo "$post_rps $post_tps $post_p50 $post_p99 $post_cpu $get_rps $get_tps $get_p50 $get_p99 $get_cpu" \
    "$post_db $post_pgdb $get_db $get_pgdb" >>"$WORK/rounds"
done
# The median of column $1 of the rounds, and the median of the ratio $1/$2.
col() { awk -v c="$1" '{print $c}' "$WORK/rounds" | sed 's/us$//; s/ms$/e3/; s/s$/e6/' | median; }
col_ratio() { awk -v a="$1" -v b="$2" '$b > 0 {printf "%.4f\n", $a / $b}' "$WORK/rounds" | median; }

# HTTP alone: wrk and tde-http without any database work (the embedded OpenAPI
# document, about 10 kB): what the HTTP side alone delivers on this machine.
# (With a connection per request, a bridge whose database part cost exactly
# pgbench's time would reach at most floor / (pgbench + floor) of pgbench's
# rate; requests sharing connections in pipeline mode cost the backends less
# than pgbench's calls do, so that is no bound any more.)
echo "== GET /api/training-data/openapi.json (${SECS}s, $CONC connections, no database)"
read -r floor_rps _ _ floor_bad < <(run_wrk "$URL/api/training-data/openapi.json")

# Export: a streamed JSONL download against psql's COPY ... TO STDOUT of the
# same function, and tde-http's peak RSS while it streams.
EXPORT_ROWS=${EXPORT_ROWS:-500000}
psql -X -q -d "$DB" -c "INSERT INTO tde_pairs (natural_language_query, sql_query) SELECT 'export question ' || g, 'SELECT * FROM t WHERE id = ' || g FROM generate_series(1, $EXPORT_ROWS) g"
rss_before=$(awk '/VmHWM/ {print $2}' "/proc/$HTTP_PID/status")
t0=$(date +%s.%N)
http_bytes=$(curl -s "${AUTH_HEADER[@]}" "$URL/api/training-data/export?format=jsonl" | wc -c)
t1=$(date +%s.%N)
rss_after=$(awk '/VmHWM/ {print $2}' "/proc/$HTTP_PID/status")
psql_bytes=$(psql -X -d "$DB" -U "$APP_ROLE" -c "COPY (SELECT * FROM tde_export_jsonl()) TO STDOUT" | wc -c)
t2=$(date +%s.%N)
export_line=$(awk -v hb="$http_bytes" -v pb="$psql_bytes" -v a="$t0" -v b="$t1" -v c="$t2" -v r0="$rss_before" -v r1="$rss_after" 'BEGIN {
  h = hb / 1048576 / (b - a); p = pb / 1048576 / (c - b)
  printf "export jsonl: tde-http %.1f MB/s, psql COPY TO STDOUT %.1f MB/s, ratio %.2f; tde-http peak RSS %d kB before, %d kB after", h, p, h / p, r0, r1 }')

kill "$HTTP_PID"; wait "$HTTP_PID" 2>/dev/null || true; HTTP_PID=""

echo
echo "tde-http vs pgbench: $CONC connections, ${SECS}s per run, auth=$AUTH_MODE, $(nproc) cores"
echo "  pgbench: the same SQL call, same concurrency; ratio: median over $ROUNDS rounds of http/pgbench"
echo "  within a round; http p50/p99 in microseconds; http cpu: tde-http's own CPU time per request;"
echo "  db cpu: the database server's CPU time per request, under tde-http and under pgbench"
dbcol() { if [ "$(awk -v c="$1" 'NR == 1 {print $c}' "$WORK/rounds")" = - ]; then echo -; else echo "$(col "$1")us"; fi; }
row() {
  printf '%-24s %10.0f %10.0f %10.0f %10.0f %9s %12.2f %9s %9s\n' "$1" "$(col "$2")" "$(col "$3")" "$(col "$4")" \
    "$(col "$5")" "$(col "$6")us" "$(col_ratio "$2" "$3")" "$(dbcol "$7")" "$(dbcol "$8")"
}
printf '%-24s %10s %10s %10s %10s %9s %12s %9s %9s\n' operation "http/s" "pgbench" "http p50" "http p99" "http cpu" \
  "http/pgbench" "db(http)" "db(pgb)"
row "POST /pairs" 1 2 3 4 5 11 12
row "GET /pairs/{id}" 6 7 8 9 10 13 14
if [ "${floor_bad:-0}" != 0 ]; then
  echo "warning: non-2xx responses (openapi ${floor_bad:-0})" >&2
  exit 1
fi
printf '  HTTP alone (no database, GET /openapi.json): %.0f/s\n' "$floor_rps"
echo "  $export_line ($EXPORT_ROWS pairs)"
