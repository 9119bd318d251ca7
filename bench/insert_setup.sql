-- Synthetic pairs for the insert benchmark: :rows rows, ~20% of questions
-- carry personal data (emails, phones, SSNs, cards, IPs).
DROP TABLE IF EXISTS bench_src, bench_src_unique, plain_pairs;
CREATE TABLE bench_src AS
SELECT g AS n,
       CASE g % 10
         WHEN 0 THEN 'Show orders for customer' || g || '@example.com placed this month'
         WHEN 5 THEN CASE (g / 10) % 4
                       WHEN 0 THEN 'Call history for 555-' || lpad((g % 900 + 100)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0')
                       WHEN 1 THEN 'Payments from card 4111 1111 1111 1111 and SSN 123-45-' || lpad((g % 9000 + 1000)::text, 4, '0')
                       WHEN 2 THEN 'Sessions from 10.' || (g % 250) || '.' || (g % 200) || '.7 yesterday'
                       ELSE 'Tickets opened by ops' || g || '@corp.example.org about VPN'
                     END
         ELSE (ARRAY['Show me all users', 'Count orders per region in 2024',
                     'Top 10 products by revenue last quarter', 'Average delivery time per carrier',
                     'List customers without orders since 2023-06-01',
                     'Which warehouses are below 20% capacity?', 'Monthly active users by plan',
                     'Refund rate by product category'])[1 + g % 8]
       END AS natural_language_query,
       (ARRAY['SELECT * FROM users WHERE id = ' || g,
              'SELECT region, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY region',
              'SELECT p.name, sum(oi.amount) FROM products p JOIN order_items oi ON oi.product_id = p.id GROUP BY 1 ORDER BY 2 DESC LIMIT 10',
              'WITH d AS (SELECT carrier, delivered_at - shipped_at AS t FROM shipments) SELECT carrier, avg(t) FROM d GROUP BY carrier',
              'SELECT c.* FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.created_at > ''2023-06-01'')',
              'UPDATE warehouses SET flagged = true WHERE used / capacity < 0.2',
              'INSERT INTO report_mau (month, plan, users) SELECT date_trunc(''month'', seen_at), plan, count(DISTINCT user_id) FROM events GROUP BY 1, 2',
              'DELETE FROM refunds WHERE created_at < now() - interval ''2 years'''])[1 + g % 8] AS sql_query,
       'postgresql'::text AS database_type,
       (ARRAY['production_db', 'analytics', 'crm_eu', 'billing'])[1 + g % 4] AS database_name,
       (g % 17 <> 0) AS success,
       (g % 5000) / 10.0 AS execution_time_ms
  FROM generate_series(1, :rows) g;
ANALYZE bench_src;
-- The same pairs with every question and every SQL text distinct (a store
-- number in the question, a comment carrying it in the SQL): nothing repeats,
-- so the trigger's per-backend memos of repeated values never hit.
CREATE TABLE bench_src_unique AS
SELECT n, natural_language_query || ' in store ' || n AS natural_language_query,
       '/* store ' || n || ' */ ' || sql_query AS sql_query,
       database_type, database_name, success, execution_time_ms
  FROM bench_src;
ANALYZE bench_src_unique;
-- The baseline: an identical table (same columns, defaults, constraints, indexes), no trigger.
CREATE TABLE plain_pairs (LIKE tde_pairs INCLUDING ALL);

-- What a user would write instead: the guide's masks with regexp_replace in a
-- PL/pgSQL trigger (md5 instead of a keyed hash, no validation at all).
DROP TABLE IF EXISTS plpgsql_pairs;
CREATE TABLE plpgsql_pairs (LIKE tde_pairs INCLUDING ALL);
CREATE OR REPLACE FUNCTION bench_plpgsql_mask() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  NEW.natural_language_query := regexp_replace(NEW.natural_language_query,
      '[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})', 'user_' || left(md5(NEW.natural_language_query), 6) || '@\1', 'g');
  NEW.natural_language_query := regexp_replace(NEW.natural_language_query, '\m\d{3}-\d{2}-(\d{4})\M', 'XXX-XX-\1', 'g');
  NEW.natural_language_query := regexp_replace(NEW.natural_language_query, '\m\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?(\d{4})\M', 'XXXX-XXXX-XXXX-\1', 'g');
  NEW.natural_language_query := regexp_replace(NEW.natural_language_query, '\(?\m\d{3}\)?[-. ]?\d{3}[-. ]?(\d{4})\M', 'XXX-XXX-\1', 'g');
  NEW.natural_language_query := regexp_replace(NEW.natural_language_query, '\m\d{1,3}\.\d{1,3}\.\d{1,3}\.(\d{1,3})\M', 'XXX.XXX.XXX.\1', 'g');
  IF NEW.database_name IS NOT NULL THEN
    NEW.database_name := 'db_' || left(md5(NEW.database_name), 6);
  END IF;
  RETURN NEW;
END
$f$;
CREATE TRIGGER bench_plpgsql_mask BEFORE INSERT OR UPDATE ON plpgsql_pairs
  FOR EACH ROW EXECUTE FUNCTION bench_plpgsql_mask();
