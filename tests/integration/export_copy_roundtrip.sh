#!/usr/bin/env bash
# The README's COPY / \copy commands give byte-exact files: every JSONL line
# parses with Python's json and jq, the CSV parses with Python's csv and loads
# back with COPY ... (FORMAT csv, HEADER) into identical values, the JSON
# document parses whole; server COPY, client \copy and tde_export() agree.
set -euo pipefail
db=tde_copy_test
out=${TDE_CLUSTER_DIR:?needs the test cluster}/copy_exports   # writable by the server
mkdir -p "$out"; [ "$(id -u)" -eq 0 ] && chown postgres: "$out"
client=$(mktemp -d /tmp/tde-copy-client.XXXXXX)
trap 'rm -rf "$client"; dropdb --if-exists $db' EXIT
dropdb --if-exists $db; createdb $db
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
CREATE EXTENSION training_data_export;
-- Control characters and a carriage return: exact through JSON, and through
-- psql -At for CSV; COPY's CSV path cannot carry them (see README).
INSERT INTO tde_pairs (natural_language_query, sql_query, "timestamp") VALUES
  (E'Control \x01 and \x02 chars, CR \r here', E'SELECT 1\r\n', '2000-01-01');
INSERT INTO tde_pairs (natural_language_query, sql_query, database_type, metadata, execution_time_ms, success) VALUES
  (E'Backslash \\ and \\n literal, quote " and tab\there', E'SELECT E''a\\\\b'' FROM "Weird ""Name"""', 'postgresql', '{"k": "v\\\\w", "nested": {"a": [1, "x\"y"]}}', 1.25, true),
  (E'Multi\nline\nquestion, with, commas', E'SELECT *\n  FROM orders\n WHERE note = ''a,b''', 'postgresql', '{}', NULL, false),
  ('Ünïcode 日本語 🙂 question', '', NULL, '{"emoji": "🙂"}', 0, true),
  ('Empty SQL', '', NULL, '{}', NULL, true);
INSERT INTO tde_pairs (natural_language_query, sql_query)
SELECT 'bulk question ' || g, 'SELECT * FROM t WHERE id = ' || g FROM generate_series(1, 3000) g;
SQL

opts="(FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
psqlq() { psql -X -q -v ON_ERROR_STOP=1 -d $db "$@"; }
for fmt in jsonl json csv; do
  # The CSV of COPY's path excludes the control-character row (see README).
  args=""; [ $fmt = csv ] && args="start_date => '2001-01-01'"
  psqlq -c "COPY (SELECT tde_export_$fmt($args)) TO '$out/server.$fmt' WITH $opts"
  psqlq -c "\\copy (SELECT tde_export_$fmt($args)) TO '$client/client.$fmt' WITH $opts"
  psqlq -c "SELECT 1 FROM tde_export('$out/func.$fmt', '$fmt' ${args:+, $args})" >/dev/null
  cp "$out/server.$fmt" "$out/func.$fmt" "$client/"
  # (the first JSON line carries exported_at, which differs between runs)
  cmp <(tail -n +2 "$client/server.$fmt") <(tail -n +2 "$client/client.$fmt")
  cmp <(tail -n +2 "$client/server.$fmt") <(tail -n +2 "$client/func.$fmt")
  # psql's unaligned output is byte-exact for every format and any content.
  psql -X -At -v FETCH_COUNT=1000 -d $db -c "SELECT tde_export_$fmt()" -o "$client/psql.$fmt"
done
psqlq -c "SELECT 1 FROM tde_export('$out/full.csv', 'csv')" >/dev/null
cp "$out/full.csv" "$client/"
cmp "$client/full.csv" "$client/psql.csv"
cmp "$client/client.jsonl" "$client/psql.jsonl"

psql -X -At -d $db -c "SELECT json_agg(json_build_object('pair_id', pair_id, 'q', natural_language_query,
  'sql', sql_query, 'metadata', metadata, 'ms', execution_time_ms, 'success', success, 'tables', table_names))
  FROM tde_pairs" > "$client/expected.json"

python3 - "$client" <<'PY'
import csv, json, sys
d = sys.argv[1]
expected = {r['pair_id']: r for r in json.load(open(f'{d}/expected.json', encoding='utf-8'))}
# JSONL: every line is a JSON object with every field, matching the table.
lines = open(f'{d}/psql.jsonl', encoding='utf-8', newline='').read().split('\n')
assert lines[-1] == '', 'file ends with a newline'
objs = [json.loads(l) for l in lines[:-1]]
assert len(objs) == len(expected), (len(objs), len(expected))
for o in objs:
    e = expected[o['pair_id']]
    assert list(o) == ['pair_id', 'natural_language_query', 'sql_query', 'timestamp', 'database_type',
                       'database_name', 'table_names', 'success', 'execution_time_ms', 'metadata', 'query_type'], list(o)
    assert (o['natural_language_query'], o['sql_query'], o['metadata'], o['execution_time_ms'], o['success'],
            o['table_names']) == (e['q'], e['sql'], e['metadata'], e['ms'], e['success'], e['tables']), (o, e)
# CSV: the guide's header, RFC 4180, values round-trip.
with open(f'{d}/psql.csv', encoding='utf-8', newline='') as f:
    rows = list(csv.reader(f))
assert rows[0] == ['pair_id', 'natural_language_query', 'sql_query', 'timestamp', 'database_type', 'database_name',
                   'table_names', 'success', 'execution_time_ms', 'query_type'], rows[0]
assert len(rows) - 1 == len(expected)
for r in rows[1:]:
    e = expected[r[0]]
    assert (r[1], r[2]) == (e['q'], e['sql']), (r, e)
    assert r[7] == ('true' if e['success'] else 'false')
# JSON: one document; pairs consistent with total_pairs and statistics.
doc = json.load(open(f'{d}/client.json', encoding='utf-8'))
assert json.load(open(f'{d}/psql.json', encoding='utf-8'))['total_pairs'] == doc['total_pairs']
assert list(doc)[:3] == ['exported_at', 'format_version', 'pairs'], list(doc)
assert doc['total_pairs'] == len(doc['pairs']) == len(expected) == doc['statistics']['total_pairs']
assert {p['pair_id'] for p in doc['pairs']} == set(expected)
print('python json/csv checks passed:', len(objs), 'pairs')
PY

if command -v jq >/dev/null; then
  n=$(jq -c . "$client/client.jsonl" | wc -l)
  [ "$n" = "$(psql -X -At -d $db -c 'SELECT count(*) FROM tde_pairs')" ] || { echo "jq parsed $n lines"; exit 1; }
  jq -e '.pairs | length > 0' "$client/client.json" >/dev/null
fi

# CSV loads back with COPY ... (FORMAT csv, HEADER) into identical values.
psql -X -q -v ON_ERROR_STOP=1 -d $db <<SQL
CREATE TABLE tde_pairs_import (LIKE tde_pairs);
ALTER TABLE tde_pairs_import DROP COLUMN metadata;
\\copy tde_pairs_import (pair_id, natural_language_query, sql_query, "timestamp", database_type, database_name, table_names, success, execution_time_ms, query_type) FROM '$client/psql.csv' WITH (FORMAT csv, HEADER)
DO \$\$
DECLARE diff bigint;
BEGIN
  SELECT count(*) INTO diff FROM (
    (SELECT pair_id, natural_language_query, sql_query, "timestamp", database_type, database_name, table_names, success, execution_time_ms, query_type FROM tde_pairs
     EXCEPT SELECT pair_id, natural_language_query, sql_query, "timestamp", database_type, database_name, table_names, success, execution_time_ms, query_type FROM tde_pairs_import)
    UNION ALL
    (SELECT pair_id, natural_language_query, sql_query, "timestamp", database_type, database_name, table_names, success, execution_time_ms, query_type FROM tde_pairs_import
     EXCEPT SELECT pair_id, natural_language_query, sql_query, "timestamp", database_type, database_name, table_names, success, execution_time_ms, query_type FROM tde_pairs)) d;
  IF diff <> 0 THEN RAISE EXCEPTION 'CSV round trip differs in % rows', diff; END IF;
END \$\$;
SQL
echo "COPY/\\copy/tde_export files are byte-identical and parse; CSV round-trips through COPY FROM"
