#!/usr/bin/env bash
# pg_dump / pg_restore keeps every pair, byte for byte; the restore runs the
# trigger under an empty search_path and leaves every token unchanged.
set -euo pipefail
src=tde_dump_src
dst=tde_dump_dst
dump=$(mktemp /tmp/tde-dump.XXXXXX)
trap 'rm -f "$dump"; dropdb --if-exists $src; dropdb --if-exists $dst' EXIT

dropdb --if-exists $src; dropdb --if-exists $dst
createdb $src
psql -X -q -v ON_ERROR_STOP=1 -d $src <<'SQL'
CREATE EXTENSION training_data_export;
SELECT count(*) FROM tde_add_pair('Email john.doe@example.com about 555-123-4567',
    'SELECT * FROM users WHERE id = 1', 'postgresql', 'production_db', true, 12.5, '{"agent_id": "a1"}');
SELECT count(*) FROM tde_add_pair('Orders from 10.1.2.3, SSN 123-45-6789', 'SELECT count(*) FROM orders',
    database_name => 'db_0123456789ab', success => false);
INSERT INTO tde_pairs (natural_language_query, "timestamp") SELECT 'bulk ' || g, '2024-01-01'::timestamptz + g * interval '1 minute'
  FROM generate_series(1, 500) g;
SQL

pg_dump -Fc -f "$dump" $src
createdb $dst
pg_restore --exit-on-error -d $dst "$dump"

q='SELECT pair_id, natural_language_query, sql_query, "timestamp", database_type, database_name,
          table_names, success, execution_time_ms, metadata, query_type FROM tde_pairs ORDER BY pair_id'
a=$(psql -X -At -d $src -c "$q")
b=$(psql -X -At -d $dst -c "$q")
n=$(psql -X -At -d $dst -c 'SELECT count(*) FROM tde_pairs')
[ "$n" = 502 ] || { echo "expected 502 pairs after restore, got $n"; exit 1; }
[ "$a" = "$b" ] || { echo "restored pairs differ:"; diff <(echo "$a") <(echo "$b") | head -20; exit 1; }
# No raw personal data came back, and tokens are intact.
if echo "$b" | grep -E 'john\.doe|555-123|10\.1\.2\.3|123-45-6789|production_db'; then
  echo "raw personal data after restore"; exit 1
fi
echo "$b" | grep -q 'db_0123456789ab' || { echo "database token changed"; exit 1; }
# The secret is not in the dump; the restored database has its own.
if pg_restore -f - "$dump" | grep -q 'COPY .*tde_secret'; then echo "secret was dumped"; exit 1; fi
[ "$(psql -X -At -d $dst -c 'SELECT count(*) FROM tde_secret')" = 1 ] || { echo "no secret after restore"; exit 1; }
# Plain-format dump restored with psql also works (triggers fire on COPY).
psql -X -q -d $dst -c 'DROP EXTENSION training_data_export'
pg_dump -Fp $src | psql -X -q -v ON_ERROR_STOP=1 -d $dst >/dev/null
c=$(psql -X -At -d $dst -c "$q")
[ "$a" = "$c" ] || { echo "plain restore differs"; exit 1; }
echo "pg_dump/pg_restore kept all 502 pairs unchanged"
