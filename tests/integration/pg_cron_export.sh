#!/usr/bin/env bash
# Scheduled exports with pg_cron: the README's nightly job (dated file name,
# incremental) is scheduled, its command works, and a job run by pg_cron
# itself writes the file and logs the export.
set -euo pipefail
db=tde_cron_test
out=${TDE_CLUSTER_DIR:?needs the test cluster}/cron_exports
mkdir -p "$out"; [ "$(id -u)" -eq 0 ] && chown postgres: "$out"
if [ "$(psql -X -At -d postgres -c "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_cron'")" = 0 ] ||
   ! psql -X -At -d postgres -c "SHOW shared_preload_libraries" | grep -q pg_cron; then
  echo "pg_cron is not installed or not preloaded in the test cluster"; exit 1
fi
cleanup() {
  psql -X -q -d postgres -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE 'tde-%'" >/dev/null 2>&1 || true
  dropdb --if-exists $db >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
createdb $db
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_cron"
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
CREATE EXTENSION training_data_export;
INSERT INTO tde_pairs (natural_language_query, sql_query)
SELECT 'question ' || g, 'SELECT * FROM t' || g FROM generate_series(1, 100) g;
SQL

# The README recipe: every night at 02:00, an incremental JSONL export to a dated file.
cmd="SELECT pairs_exported FROM tde_export('$out/pairs-' || to_char(now(), 'YYYY-MM-DD') || '.jsonl', 'jsonl', successful_only => true, incremental => true)"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "SELECT cron.schedule_in_database('tde-nightly-export', '0 2 * * *', \$job\$$cmd\$job\$, '$db')" >/dev/null
[ "$(psql -X -At -d postgres -c "SELECT schedule || ' ' || database FROM cron.job WHERE jobname = 'tde-nightly-export'")" = "0 2 * * * $db" ]

# A job pg_cron runs now (every minute): wait for its first run.
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "SELECT cron.schedule_in_database('tde-minutely-export', '* * * * *', \$job\$$cmd\$job\$, '$db')" >/dev/null
status=""
for _ in $(seq 1 90); do
  status=$(psql -X -At -d postgres -c "SELECT d.status FROM cron.job_run_details d JOIN cron.job j USING (jobid)
                                       WHERE j.jobname = 'tde-minutely-export' AND d.status IN ('succeeded', 'failed') LIMIT 1")
  [ -n "$status" ] && break
  sleep 1
done
psql -X -q -d postgres -c "SELECT cron.unschedule('tde-minutely-export')" >/dev/null
[ "$status" = succeeded ] || { echo "pg_cron job status: '${status:-no run within 90 s}'";
  psql -X -d postgres -c "SELECT status, return_message FROM cron.job_run_details"; exit 1; }
file="$out/pairs-$(psql -X -At -d $db -c "SELECT to_char(now(), 'YYYY-MM-DD')").jsonl"
[ "$(wc -l < "$file")" = 100 ] || { echo "expected 100 lines in $file"; exit 1; }
python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$file"
[ "$(psql -X -At -d $db -c "SELECT pairs_exported FROM tde_export_log ORDER BY export_id DESC LIMIT 1")" = 100 ]

# The nightly command run again (as the scheduled job would): incremental, nothing new.
psql -X -q -d $db -c "INSERT INTO tde_pairs (natural_language_query) VALUES ('new one')"
[ "$(psql -X -At -d $db -c "$cmd")" = 1 ] || { echo "incremental run should export exactly the new pair"; exit 1; }
echo "pg_cron ran the scheduled export; incremental mode exported only the new pair"
