#!/usr/bin/env bash
# Property test of the anonymization of SQL literals (a generator written in a
# review, tests/integration/sql_literals/): 500 random statements for each of
# eight database types (postgresql, none, mysql, sqlserver, sqlite, bigquery,
# oracle, snowflake)
# with personal values in every kind of literal and comment (E'' escapes,
# U&'', dollar quotes, MySQL "..." and #, T-SQL N'' and [..], Oracle q'[...]',
# Snowflake // comments, LIKE patterns,
# IN lists, JSON, broken SQL), inserted through the trigger. Properties: no
# raw value left inside a literal, PostgreSQL SQL still parses with the same
# token structure, anonymizing again changes nothing, no error, neutral
# literals unchanged. Fails with the table of failures.
set -euo pipefail
cd "$(dirname "$0")/sql_literals"
db=tde_sql_literal_props
work=$(mktemp -d /tmp/tde-props.XXXXXX)
trap 'rm -rf "$work"; dropdb --if-exists $db >/dev/null 2>&1 || true' EXIT
dropdb --if-exists $db >/dev/null 2>&1 || true
createdb $db
psql -X -q -v ON_ERROR_STOP=1 -d $db -c 'CREATE EXTENSION training_data_export'
python3 gen.py 500 20240115 >"$work/cases.jsonl"
PGDATABASE=$db python3 run.py "$work/cases.jsonl" "$work/results.jsonl" >"$work/run.log" 2>&1 \
  || { cat "$work/run.log"; exit 1; }
python3 check.py "$work/results.jsonl" "$work/fails.jsonl" >"$work/check.txt" 2>&1 || {
  cat "$work/check.txt"; head -c 4000 "$work/fails.jsonl"; exit 1; }
tail -1 "$work/check.txt"
