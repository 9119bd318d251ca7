#!/usr/bin/env bash
# Incremental exports under concurrency: a pair whose transaction is still
# open while an incremental export runs is exported by the next one, not
# skipped (its "timestamp" is older than pairs that committed before it);
# export files are written as COPY ... TO writes them (mode 0644).
set -euo pipefail
db=tde_incremental_test
out=${TDE_CLUSTER_DIR:?needs the test cluster}/incremental_exports
rm -rf "$out"; mkdir -p "$out"; [ "$(id -u)" -eq 0 ] && chown postgres: "$out"
holder=
cleanup() {
  [ -n "$holder" ] && kill "$holder" 2>/dev/null || true
  dropdb --if-exists $db >/dev/null 2>&1 || true
}
trap cleanup EXIT
dropdb --if-exists $db >/dev/null 2>&1 || true
createdb $db
psql -X -q -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION training_data_export" \
  -c "SELECT tde_add_pair('first pair')" >/dev/null
export_now() {
  psql -X -At -v ON_ERROR_STOP=1 -d $db \
    -c "SELECT pairs_exported FROM tde_export('$out/$1.jsonl', incremental => true)"
}
# A psql session fed on fd 3 through a fifo, so that its transaction stays
# open between the lines written to it: session NAME OUTPUT [psql options].
session() {
  mkfifo "$out/$1"
  psql -X -v ON_ERROR_STOP=1 ${3:-} -d $db <"$out/$1" >"$2" &
  holder=$!
  exec 3>"$out/$1"
}
end_session() { echo "COMMIT;" >&3; exec 3>&-; wait "$holder"; holder=; }
# Waits (up to 10 s) until one backend of the database is in this state.
wait_for_state() {
  for _ in $(seq 100); do
    [ "$(psql -X -At -d $db -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db' AND state = '$1'")" = 1 ] && return
    sleep 0.1
  done
}
questions() { python3 -c 'import json,sys; print(",".join(sorted(json.loads(l)["natural_language_query"] for l in open(sys.argv[1]))))' "$1"; }

[ "$(export_now e1)" = 1 ] || { echo "the first incremental export should export the one pair"; exit 1; }
[ "$(stat -c %a "$out/e1.jsonl")" = 644 ] || { echo "export file mode $(stat -c %a "$out/e1.jsonl"), expected 644"; exit 1; }

# A session adds a pair and keeps its transaction open...
session session /dev/null -q
echo "BEGIN; SELECT tde_add_pair('slow pair');" >&3
wait_for_state 'idle in transaction'
# ...while another pair is added, committed and exported.
psql -X -q -v ON_ERROR_STOP=1 -d $db -c "SELECT tde_add_pair('quick pair')" >/dev/null
[ "$(export_now e2)" = 0 ] || { echo "pairs stamped after an open transaction began must wait for it"; exit 1; }
end_session
[ "$(export_now e3)" = 2 ] || { echo "after the commit, both pairs are exported"; exit 1; }
[ "$(questions "$out/e3.jsonl")" = "quick pair,slow pair" ] || { echo "unexpected pairs in e3: $(questions "$out/e3.jsonl")"; exit 1; }
[ "$(export_now e4)" = 0 ] || { echo "nothing is exported twice"; exit 1; }

# Two incremental exports of one stream at once: the second waits for the
# first and exports nothing twice.
psql -X -q -v ON_ERROR_STOP=1 -d $db -c "SELECT tde_add_pair('concurrent pair')" >/dev/null
session session2 "$out/first.out" -At
echo "BEGIN; SELECT pairs_exported FROM tde_export('$out/c1.jsonl', incremental => true);" >&3
for _ in $(seq 100); do [ -s "$out/first.out" ] && break; sleep 0.1; done
export_now c2 >"$out/second.out" &
second=$!
sleep 1
end_session
wait "$second"
[ "$(grep -v '^BEGIN\|^COMMIT' "$out/first.out")" = 1 ] && [ "$(cat "$out/second.out")" = 0 ] \
  || { echo "concurrent exports: first $(cat "$out/first.out"), second $(cat "$out/second.out")"; exit 1; }

# A session that does not report its activity (track_activities off) holds
# exports back at its own start: its pair is not skipped.
session session3 /dev/null -q
echo "SET track_activities = off; BEGIN; SELECT tde_add_pair('untracked pair');" >&3
wait_for_state disabled
sleep 0.2
psql -X -q -v ON_ERROR_STOP=1 -d $db -c "SELECT tde_add_pair('tracked pair')" >/dev/null
[ "$(export_now t1)" = 0 ] || { echo "an untracked open transaction must hold exports back"; exit 1; }
end_session
[ "$(export_now t2)" = 2 ] || { echo "after the untracked commit, both pairs are exported"; exit 1; }
echo "incremental exports: a pair committed late is exported once, by the next export; concurrent exports serialize; files 0644"
