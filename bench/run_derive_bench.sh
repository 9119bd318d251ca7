#!/usr/bin/env bash
# SQL derivation benchmark (issue 6): the per-pair cost of deriving
# query_type, table_names, fingerprint, normalized text and validity with
# PostgreSQL's parser, over a realistic mix of pairs (PostgreSQL, MySQL,
# SQLite, SQL Server and unknown-dialect SQL; short lookups, joins, CTEs, DML,
# DDL, utility statements, ~3% invalid), as ratios measured in one run:
#
#   insert   INSERT ... SELECT into a copy of tde_pairs without trigger (baseline)
#            vs the same rows into tde_pairs (its trigger: anonymization + derivation)
#            vs the copy again with tde_sql_info() computed in the INSERT
#   scan     SELECT count(length(sql)) over the mix (baseline)
#            vs SELECT count(tde_sql_info(sql, dialect)) (the parser path for PostgreSQL)
#            vs SELECT count(tde_sql_info(sql, 'mysql')) (the C++ analyzer path only)
#
#   bench/run_derive_bench.sh [ROWS] [ROUNDS]     (default 100000 rows, 3 rounds; median reported)
#
# Uses $PGHOST/$PGPORT/$PGDATABASE if PGDATABASE is set; otherwise starts a
# throwaway cluster (the extension must be installed: make && sudo make install).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
ROUNDS=${2:-3}

source bench/lib.sh
bench_cluster tde_derive_bench "${TDE_BENCH_PORT:-54341}" 512MB 4GB
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS training_data_export"

# The mix: templates with per-row constants, 24 shapes, 5 dialects.
psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS derive_src, derive_plain;
CREATE TABLE derive_src AS
SELECT g AS n,
       (ARRAY['Show me all users', 'Count orders per region in 2024', 'Top 10 products by revenue',
              'Average delivery time per carrier', 'Customers without orders since June',
              'Which warehouses are below 20% capacity?', 'Monthly active users by plan',
              'Refund rate by product category'])[1 + g % 8] || ' #' || g AS natural_language_query,
       CASE
         WHEN g % 20 < 14 THEN (ARRAY[
           'SELECT * FROM users WHERE id = ' || g,
           'SELECT region, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at >= ''2024-01-01'' GROUP BY region ORDER BY 2 DESC',
           'SELECT p.name, sum(oi.amount) FROM products p JOIN order_items oi ON oi.product_id = p.id GROUP BY 1 ORDER BY 2 DESC LIMIT ' || (g % 50 + 1),
           'WITH d AS (SELECT carrier, delivered_at - shipped_at AS t FROM shipments WHERE shipped_at > now() - interval ''' || (g % 90 + 1) || ' days'') SELECT carrier, avg(t) FROM d GROUP BY carrier',
           'SELECT c.* FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.created_at > ''2023-06-' || lpad((g % 28 + 1)::text, 2, '0') || ''')',
           'UPDATE warehouses SET flagged = true WHERE used / capacity < 0.' || (g % 9 + 1),
           'INSERT INTO report_mau (month, plan, users) SELECT date_trunc(''month'', seen_at), plan, count(DISTINCT user_id) FROM events WHERE seen_at >= ''2024-01-01'' GROUP BY 1, 2',
           'DELETE FROM refunds WHERE created_at < now() - interval ''' || (g % 5 + 1) || ' years''',
           'SELECT u.name, x.total FROM users u, LATERAL (SELECT sum(amount) AS total FROM payments p WHERE p.user_id = u.id AND p.status = ''settled'') x WHERE u.id > ' || g,
           'SELECT day, sum(revenue) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) FROM daily_revenue WHERE day BETWEEN ''2024-01-01'' AND ''2024-03-31''',
           'MERGE INTO inventory i USING deliveries d ON i.sku = d.sku WHEN MATCHED THEN UPDATE SET qty = i.qty + d.qty WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (d.sku, d.qty)',
           'WITH RECURSIVE tree AS (SELECT id, parent_id, name FROM categories WHERE id = ' || g % 100 || ' UNION ALL SELECT c.id, c.parent_id, c.name FROM categories c JOIN tree t ON c.parent_id = t.id) SELECT * FROM tree',
           'SELECT o.id, o.total, c.email, s.status, array_agg(oi.sku ORDER BY oi.sku) AS skus, coalesce(sum(r.amount), 0) AS refunded FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN shipments s ON s.order_id = o.id JOIN order_items oi ON oi.order_id = o.id LEFT JOIN refunds r ON r.order_id = o.id WHERE o.created_at >= ''2024-0' || (g % 9 + 1) || '-01'' AND o.total > ' || g % 1000 || ' AND c.country IN (''DE'', ''FR'', ''IT'') GROUP BY o.id, o.total, c.email, s.status HAVING count(*) > 1 ORDER BY o.total DESC LIMIT 100',
           'EXPLAIN ANALYZE SELECT * FROM events WHERE user_id = ' || g,
           'CREATE TABLE tmp_report_' || g % 10 || ' AS SELECT * FROM orders WHERE total > 100',
           'SELECT count(*) FROM sessions WHERE started_at::date = ''2024-02-' || lpad((g % 28 + 1)::text, 2, '0') || '''',
           'ALTER TABLE orders ADD COLUMN note_' || g % 10 || ' text',
           'SELECT * FROM users WHERE email LIKE ''%@example.com'' AND created_at >',
           'SELECT name FROM products WHERE price > ' || g % 500 || '.99 AND category_id IN (1, 2, 3) ORDER BY price'
         ])[1 + (g / 20) % 19]
         WHEN g % 20 < 16 THEN (ARRAY[
           'SELECT * FROM `orders` WHERE customer_id = ' || g || ' LIMIT 10',
           'INSERT INTO `audit` (`event`, `at`) VALUES (''login'', NOW())',
           'SELECT u.name, COUNT(*) FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.name # per user'
         ])[1 + (g / 20) % 3]
         WHEN g % 20 = 16 THEN 'SELECT * FROM [items] WHERE name = ''' || g || ''' AND qty > 0'
         WHEN g % 20 < 19 THEN (ARRAY[
           'SELECT TOP 10 * FROM [dbo].[Sales] WHERE amount > ' || g,
           'UPDATE s SET s.flag = 1 FROM dbo.Sales s JOIN dbo.Regions r ON r.id = s.region_id WHERE r.name = N''North'''
         ])[1 + (g / 20) % 2]
         ELSE 'SELECT id, name FROM accounts WHERE balance < -' || g % 100
       END AS sql_query,
       CASE
         WHEN g % 20 < 14 THEN 'postgresql'
         WHEN g % 20 < 16 THEN 'mysql'
         WHEN g % 20 = 16 THEN 'sqlite'
         WHEN g % 20 < 19 THEN 'sqlserver'
       END AS database_type,
       (ARRAY['production_db', 'analytics', 'crm_eu', 'billing'])[1 + g % 4] AS database_name,
       (g % 17 <> 0) AS success,
       (g % 5000) / 10.0 AS execution_time_ms
  FROM generate_series(1, :rows) g;
ANALYZE derive_src;
-- The baseline: an identical table (same columns, defaults, constraints, indexes), no trigger.
CREATE TABLE derive_plain (LIKE tde_pairs INCLUDING ALL);
SQL

cols="natural_language_query, sql_query, database_type, database_name, success, execution_time_ms"
# Prints the seconds one statement took (server-side clock; $1: table to empty first, or "").

plain=(); trig=(); sqlins=(); base=(); derive=(); core=()
for r in $(seq "$ROUNDS"); do
  plain+=("$(time_sql derive_plain "INSERT INTO derive_plain ($cols) SELECT $cols FROM derive_src")")
  trig+=("$(time_sql tde_pairs "INSERT INTO tde_pairs ($cols) SELECT $cols FROM derive_src")")
  sqlins+=("$(time_sql derive_plain "INSERT INTO derive_plain ($cols, query_type, table_names, sql_fingerprint, sql_normalized, sql_valid) SELECT $cols, i.* FROM derive_src s, LATERAL tde_sql_info(s.sql_query, s.database_type) i")")
  base+=("$(time_sql "" "SELECT count(length(sql_query)) FROM derive_src")")
  derive+=("$(time_sql "" "SELECT count(tde_sql_info(sql_query, database_type)) FROM derive_src")")
  core+=("$(time_sql "" "SELECT count(tde_sql_info(sql_query, 'mysql')) FROM derive_src")")
done
p=$(printf '%s\n' "${plain[@]}" | median)
t=$(printf '%s\n' "${trig[@]}" | median)
q=$(printf '%s\n' "${sqlins[@]}" | median)
b=$(printf '%s\n' "${base[@]}" | median)
d=$(printf '%s\n' "${derive[@]}" | median)
c=$(printf '%s\n' "${core[@]}" | median)
stats=$(psql -X -At -F ' ' -c "SELECT count(*) FILTER (WHERE sql_valid), count(*) FILTER (WHERE NOT sql_valid), count(*) FILTER (WHERE sql_valid IS NULL), count(DISTINCT sql_fingerprint), count(*) FILTER (WHERE sql_normalized IS NOT NULL) FROM derive_plain")
filled=$(psql -X -At -c "SELECT count(sql_fingerprint) FROM tde_pairs")
awk -v n="$ROWS" -v rounds="$ROUNDS" -v p="$p" -v t="$t" -v q="$q" -v b="$b" -v d="$d" -v c="$c" \
    -v stats="$stats" -v filled="$filled" 'BEGIN {
  split(stats, s, " ")
  printf "derive benchmark: %d pairs (70%% postgresql, 10%% mysql, 5%% sqlite, 10%% sqlserver, 5%% unknown), median of %d rounds\n", n, rounds
  printf "  derived: %d valid, %d invalid, %d other dialect; %d distinct fingerprints; %d normalized\n", s[1], s[2], s[3], s[4], s[5]
  printf "  insert\n"
  printf "    %-58s %7.2f s %9.0f rows/s  ratio 1.00\n", "INSERT ... SELECT, copy without trigger (baseline)", p, n / p
  printf "    %-58s %7.2f s %9.0f rows/s  ratio %.2f\n", "INSERT ... SELECT into tde_pairs (trigger)", t, n / t, t / p
  printf "    %-58s %7.2f s %9.0f rows/s  ratio %.2f\n", "INSERT ... SELECT, copy, tde_sql_info() in the INSERT", q, n / q, q / p
  printf "    trigger filled sql_fingerprint: %s (%d of %d rows)\n", (filled > 0 ? "yes" : "no"), filled, n
  printf "  scan\n"
  printf "    %-58s %7.3f s  ratio 1.00\n", "SELECT count(length(sql)) (baseline)", b
  printf "    %-58s %7.3f s  ratio %.2f  %6.2f us/pair\n", "SELECT count(tde_sql_info(sql, dialect))", d, d / b, (d - b) * 1e6 / n
  printf "    %-58s %7.3f s  ratio %.2f  %6.2f us/pair\n", "SELECT count(tde_sql_info(sql, '\''mysql'\'')) (C++ analyzer only)", c, c / b, (c - b) * 1e6 / n
  printf "  derivation per pair, in the INSERT: %.2f us (%.0f%% of a plain insert)\n", (q - p) * 1e6 / n, (q - p) * 100 / p
}'
