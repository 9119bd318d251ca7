#!/usr/bin/env bash
# Insert benchmark: rows/s through the anonymizing trigger (plain INSERT ...
# SELECT into tde_pairs, and tde_add_pair() per row) against the same INSERT
# into an identical table without the trigger, measured in the same run; then
# the same with every question and SQL text distinct (bench_src_unique), where
# the trigger's memos of repeated values cannot help.
#
#   bench/run_insert_bench.sh [ROWS] [ROUNDS]     (default 1000000 rows, 3 rounds; median reported)
#
# Uses $PGHOST/$PGPORT/$PGDATABASE if PGDATABASE is set; otherwise starts a
# throwaway cluster (the extension must be installed: make && sudo make install).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
ROUNDS=${2:-3}

source bench/lib.sh
bench_cluster tde_bench "${TDE_BENCH_PORT:-54339}"
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS training_data_export"
psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -f bench/insert_setup.sql

cols="natural_language_query, sql_query, database_type, database_name, success, execution_time_ms"
# What the trigger stores for bench_src (anonymized values and derived columns),
# to time a plain insert of rows as wide as the trigger's.
time_sql tde_pairs "INSERT INTO tde_pairs ($cols) SELECT $cols FROM bench_src" >/dev/null
dcols="$cols, table_names, metadata, query_type, sql_fingerprint, sql_normalized, sql_valid"
psql -X -q -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS bench_derived" -c "CREATE TABLE bench_derived AS SELECT $dcols FROM tde_pairs" -c "ANALYZE bench_derived"

wide=(); plain=(); trig=(); func=(); plpg=(); noanon=(); noderive=(); uplain=(); utrig=(); uplpg=(); unoderive=()
for r in $(seq "$ROUNDS"); do
  plain+=("$(time_sql plain_pairs "INSERT INTO plain_pairs ($cols) SELECT $cols FROM bench_src")")
  trig+=("$(time_sql tde_pairs "INSERT INTO tde_pairs ($cols) SELECT $cols FROM bench_src")")
  wide+=("$(time_sql plain_pairs "INSERT INTO plain_pairs ($dcols) SELECT $dcols FROM bench_derived")")
  noanon+=("$(time_sql tde_pairs "SET tde.anonymize = off; INSERT INTO tde_pairs ($cols) SELECT $cols FROM bench_src")")
  noderive+=("$(time_sql tde_pairs "SET tde.derive_sql_info = off; INSERT INTO tde_pairs ($cols) SELECT $cols FROM bench_src")")
  plpg+=("$(time_sql plpgsql_pairs "INSERT INTO plpgsql_pairs ($cols) SELECT $cols FROM bench_src")")
  uplain+=("$(time_sql plain_pairs "INSERT INTO plain_pairs ($cols) SELECT $cols FROM bench_src_unique")")
  utrig+=("$(time_sql tde_pairs "INSERT INTO tde_pairs ($cols) SELECT $cols FROM bench_src_unique")")
  unoderive+=("$(time_sql tde_pairs "SET tde.derive_sql_info = off; INSERT INTO tde_pairs ($cols) SELECT $cols FROM bench_src_unique")")
  uplpg+=("$(time_sql plpgsql_pairs "INSERT INTO plpgsql_pairs ($cols) SELECT $cols FROM bench_src_unique")")
  func+=("$(time_sql tde_pairs "SELECT count(*) FROM bench_src s, LATERAL tde_add_pair(s.natural_language_query, s.sql_query, s.database_type, s.database_name, s.success, s.execution_time_ms) p")")
done
p=$(printf '%s\n' "${plain[@]}" | median)
t=$(printf '%s\n' "${trig[@]}" | median)
f=$(printf '%s\n' "${func[@]}" | median)
na=$(printf '%s\n' "${noanon[@]}" | median)
pl=$(printf '%s\n' "${plpg[@]}" | median)
nd=$(printf '%s\n' "${noderive[@]}" | median)
up=$(printf '%s\n' "${uplain[@]}" | median)
ut=$(printf '%s\n' "${utrig[@]}" | median)
upl=$(printf '%s\n' "${uplpg[@]}" | median)
und=$(printf '%s\n' "${unoderive[@]}" | median)
w=$(printf '%s\n' "${wide[@]}" | median)
leaked=$(psql -X -At -c "SELECT count(*) FROM tde_pairs WHERE natural_language_query ~ '(customer|ops)[0-9]+@|555-|4111 1111|123-45-|10\\.[0-9]+\\.[0-9]+\\.7' OR database_name !~ '^db_'")
awk -v n="$ROWS" -v p="$p" -v t="$t" -v f="$f" -v na="$na" -v pl="$pl" -v nd="$nd" -v leaked="$leaked" -v rounds="$ROUNDS" -v up="$up" -v ut="$ut" -v und="$und" -v upl="$upl" -v w="$w" 'BEGIN {
  printf "insert benchmark: %d rows (~20%% with personal data), median of %d rounds\n", n, rounds
  printf "  %-44s %8.2f s %10.0f rows/s  ratio 1.00\n", "INSERT ... SELECT, no trigger (baseline)", p, n / p
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "INSERT ... SELECT into tde_pairs (trigger)", t, n / t, t / p
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "no trigger, rows as the trigger stores them", w, n / w, w / p
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "same, tde.anonymize = off (derivation only)", na, n / na, na / p
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "same, tde.derive_sql_info = off (anonymize only)", nd, n / nd, nd / p
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "tde_add_pair() per row (trigger)", f, n / f, f / p
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "PL/pgSQL regexp_replace masking trigger", pl, n / pl, pl / p
  printf "  whole trigger vs PL/pgSQL masking: %.2fx faster; anonymization only vs PL/pgSQL: %.2fx faster (extra cost %.2f vs %.2f)\n", pl / t, (pl - p) / (nd - p), (nd - p) / p, (pl - p) / p
  printf "  every question and SQL distinct (bench_src_unique: nothing for the memos to reuse):\n"
  printf "  %-44s %8.2f s %10.0f rows/s  ratio 1.00\n", "INSERT ... SELECT, no trigger (baseline)", up, n / up
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "INSERT ... SELECT into tde_pairs (trigger)", ut, n / ut, ut / up
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "same, tde.derive_sql_info = off (anonymize only)", und, n / und, und / up
  printf "  %-44s %8.2f s %10.0f rows/s  ratio %.2f\n", "PL/pgSQL regexp_replace masking trigger", upl, n / upl, upl / up
  printf "  raw personal data left in tde_pairs: %d rows\n", leaked
}'
