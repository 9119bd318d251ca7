#!/usr/bin/env bash
# Export and statistics benchmark, ratios against plain PostgreSQL measured in
# the same run, plus the backend's peak anonymous memory during exports.
#
#   bench/run_export_bench.sh [ROWS] [ROUNDS]    (default 1000000 rows, 3 rounds; median reported)
#
# Starts a throwaway cluster unless PGDATABASE is set (the extension must be
# installed: make && sudo make install).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
ROUNDS=${2:-3}
source bench/lib.sh
bench_cluster tde_bench "${TDE_BENCH_PORT:-54340}" 1GB 8GB "max_parallel_workers_per_gather = 0"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS training_data_export"
psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/insert_setup.sql
psql -X -q -v ON_ERROR_STOP=1 <<SQL
TRUNCATE tde_pairs;
INSERT INTO tde_pairs (natural_language_query, sql_query, database_type, database_name, success, execution_time_ms, "timestamp")
SELECT natural_language_query, sql_query, database_type, database_name, success, execution_time_ms,
       '2024-01-01'::timestamptz + n * interval '1 second' FROM bench_src;
VACUUM ANALYZE tde_pairs;
SQL

measure() {  # measure NAME SQL -> median seconds
  local xs=()
  for _ in $(seq "$ROUNDS"); do xs+=("$(time_sql "" "$2")"); done
  printf '%s\n' "${xs[@]}" | median
}

jsonl_base=$(measure base "COPY (SELECT row_to_json(p) FROM tde_pairs p) TO '/dev/null'")
jsonl=$(measure ext "COPY (SELECT tde_export_jsonl()) TO '/dev/null'")
jsonl_from=$(measure ext "COPY (SELECT * FROM tde_export_jsonl()) TO '/dev/null'")
csv_base=$(measure base "COPY tde_pairs TO '/dev/null' (FORMAT csv, HEADER)")
csv=$(measure ext "COPY (SELECT tde_export_csv()) TO '/dev/null'")
csv_from=$(measure ext "COPY (SELECT * FROM tde_export_csv()) TO '/dev/null'")
# The README's byte-exact invocation (COPY in CSV mode that never quotes a line).
exact="(FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
csv_exact=$(measure ext "COPY (SELECT tde_export_csv()) TO '/dev/null' $exact")
jsonl_exact=$(measure ext "COPY (SELECT tde_export_jsonl()) TO '/dev/null' $exact")
stats_base=$(measure base "SELECT count(*), count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success), avg(length(natural_language_query)::float8), avg(length(sql_query)::float8), min(\"timestamp\"), max(\"timestamp\") FROM tde_pairs")
stats=$(measure ext "SELECT * FROM tde_statistics()")

# Peak anonymous memory (RssAnon) of the backend while it exports, sampled every 20 ms.
peak_rss() {  # peak_rss SQL -> kB
  psql -X -q -v ON_ERROR_STOP=1 -c "SET application_name = 'tde_bench_mem'" -c "$1" >/dev/null &
  local client=$! pid="" peak=0
  for _ in $(seq 200); do
    pid=$(psql -X -At -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'tde_bench_mem'" | head -1)
    [ -n "$pid" ] && break; sleep 0.02
  done
  while kill -0 "$client" 2>/dev/null; do
    v=$(awk '/RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${v:-0}" -gt "$peak" ] && peak=$v
    sleep 0.02
  done
  wait "$client"
  echo "$peak"
}
small=$((ROWS / 10))
mem_small=$(peak_rss "COPY (SELECT tde_export_jsonl(end_date => (timestamptz '2024-01-01' + interval '$small seconds')::text)) TO '/dev/null'")
mem_full=$(peak_rss "COPY (SELECT tde_export_jsonl()) TO '/dev/null'")
mem_from=$(peak_rss "COPY (SELECT * FROM tde_export_jsonl()) TO '/dev/null'")
mem_csv=$(peak_rss "COPY (SELECT tde_export_csv()) TO '/dev/null'")

awk -v n="$ROWS" -v small="$small" -v r="$ROUNDS" -v jb="$jsonl_base" -v j="$jsonl" -v cb="$csv_base" -v c="$csv" -v jf="$jsonl_from" -v cf="$csv_from" \
    -v sb="$stats_base" -v s="$stats" -v m1="$mem_small" -v m2="$mem_full" -v m3="$mem_csv" -v m4="$mem_from" -v ce="$csv_exact" -v je="$jsonl_exact" 'BEGIN {
  printf "export benchmark: %d pairs, median of %d rounds (ratio = extension / baseline; < 1 is faster)\n", n, r
  printf "  %-58s %7.2f s\n", "baseline COPY (SELECT row_to_json(p) FROM tde_pairs p)", jb
  printf "  %-58s %7.2f s  ratio %.2f\n", "COPY (SELECT tde_export_jsonl())", j, j / jb
  printf "  %-58s %7.2f s  ratio %.2f\n", "COPY (SELECT * FROM tde_export_jsonl())", jf, jf / jb
  printf "  %-58s %7.2f s  ratio %.2f\n", "COPY (SELECT tde_export_jsonl()) ... byte-exact options", je, je / jb
  printf "  %-58s %7.2f s\n", "baseline COPY tde_pairs TO ... (FORMAT csv, HEADER)", cb
  printf "  %-58s %7.2f s  ratio %.2f\n", "COPY (SELECT tde_export_csv())", c, c / cb
  printf "  %-58s %7.2f s  ratio %.2f\n", "COPY (SELECT * FROM tde_export_csv())", cf, cf / cb
  printf "  %-58s %7.2f s  ratio %.2f\n", "COPY (SELECT tde_export_csv()) ... byte-exact options", ce, ce / cb
  printf "  %-58s %7.2f s\n", "baseline hand-written aggregate", sb
  printf "  %-58s %7.2f s  ratio %.2f\n", "SELECT * FROM tde_statistics()", s, s / sb
  printf "  backend peak RssAnon: jsonl %d pairs %d kB, jsonl %d pairs %d kB, csv %d pairs %d kB, jsonl in FROM %d pairs %d kB\n", small, m1, n, m2, n, m3, n, m4
}'
