#!/usr/bin/env bash
# Runs every test of training_data_export on a fresh Debian 12 machine:
# installs dependencies, builds, installs the extension, runs the GoogleTest
# unit tests, then pg_regress and the integration tests against a throwaway
# cluster. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

./scripts/deps.sh || { echo "dependency installation failed" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
JOBS=${JOBS:-2}

passed=0
failed=0
failures=()
record() {  # record NAME STATUS
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}

echo "== build"
make -j"$JOBS" >/tmp/tde-build.log 2>&1 || { cat /tmp/tde-build.log; echo "0 passed, 1 failed"; exit 1; }
$SUDO make install >/tmp/tde-install.log 2>&1 || { cat /tmp/tde-install.log; echo "0 passed, 1 failed"; exit 1; }

echo "== unit tests (GoogleTest)"
unit_log=$(mktemp)
make -s unit 2>&1 | tee "$unit_log" | grep -E '^\[  (PASSED|FAILED) |^\[==========\]|FAILED|error' || true
u_pass=$(grep -oE '^\[  PASSED  \] [0-9]+' "$unit_log" | grep -oE '[0-9]+$' || echo 0)
u_fail=$(grep -oE '^\[  FAILED  \] [0-9]+ test' "$unit_log" | grep -oE '[0-9]+' || echo 0)
if [ -z "$u_pass" ] && [ -z "$u_fail" ]; then u_fail=1; failures+=("unit tests did not run"); fi
passed=$((passed + ${u_pass:-0})); failed=$((failed + ${u_fail:-0}))
[ "${u_fail:-0}" -gt 0 ] && failures+=("unit tests")

CLUSTER_DIR=$(mktemp -d /tmp/tde-test-cluster.XXXXXX)
source ./scripts/cluster.sh
trap 'cluster_stop "$CLUSTER_DIR"; rm -rf "$CLUSTER_DIR"' EXIT
echo "== starting a throwaway cluster in $CLUSTER_DIR"
# pg_cron for the scheduled-export test (Debian's postgresql-15-cron).
export CLUSTER_EXTRA_CONF="shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 20"
cluster_start "$CLUSTER_DIR" "${TDE_TEST_PORT:-54329}" || { echo "0 passed, 1 failed"; exit 1; }
export TDE_CLUSTER_DIR=$CLUSTER_DIR

echo "== pg_regress (make installcheck)"
# pg_regress writes results/ into the tree; the server runs as postgres.
regress_log=$(mktemp)
make -s installcheck 2>&1 | tee "$regress_log" | grep -vE '^(\+\+\+|===)' || true
r_total=$(grep -cE '^(test|     ) *[a-z0-9_]+ +\.\.\. ' "$regress_log" || true)
r_fail=$(grep -cE '\.\.\. FAILED' "$regress_log" || true)
if [ "$r_total" -eq 0 ]; then r_fail=1; failures+=("pg_regress ran no test"); fi
passed=$((passed + r_total - r_fail)); failed=$((failed + r_fail))
[ "$r_fail" -gt 0 ] && { failures+=("pg_regress"); [ -f regression.diffs ] && head -200 regression.diffs; }

echo "== integration tests"
for t in tests/integration/*.sh; do
  [ -e "$t" ] || continue
  name=$(basename "$t" .sh)
  log=$(mktemp)
  if bash "$t" >"$log" 2>&1; then
    echo "ok     $name"; record "$name" 0
  else
    echo "FAILED $name"; sed 's/^/    /' "$log" | tail -40; record "$name" 1
  fi
done

# Suites with their own runner print "<name>: N passed, N failed".
export FUZZ_SECONDS=${FUZZ_SECONDS:-30}
for suite in tests/http/run.sh tests/fuzz/run.sh; do
  [ -x "$suite" ] || [ -f "$suite" ] || continue
  echo "== $suite"
  log=$(mktemp)
  bash "$suite" >"$log" 2>&1; rc=$?
  # A failing test's own lines first (the tail may be only the server's log).
  grep -A15 '^FAILED' "$log" | head -80 || true
  tail -25 "$log"
  line=$(grep -E '^[a-z_ -]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  sp=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || true)
  sf=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || true)
  # A runner without a summary line (the fuzzer) counts as one test, by exit status.
  if [ -z "$line" ]; then if [ "$rc" -eq 0 ]; then sp=1; sf=0; else sp=0; sf=1; fi; fi
  if [ "$rc" -ne 0 ] && [ "${sf:-0}" -eq 0 ]; then sf=1; fi
  passed=$((passed + ${sp:-0})); failed=$((failed + ${sf:-0}))
  [ "${sf:-0}" -gt 0 ] && failures+=("$suite")
done

echo
if [ ${#failures[@]} -gt 0 ]; then echo "failures: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
