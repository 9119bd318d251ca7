#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/sql_analyzer.hpp"

using tde::core::analyze_sql;
using tde::core::dialect_from_database_type;
using tde::core::SqlDialect;
using tde::core::SqlInfo;

namespace {

using Tables = std::vector<std::string>;

constexpr SqlDialect PG = SqlDialect::PostgreSQL;
constexpr SqlDialect MY = SqlDialect::MySQL;
constexpr SqlDialect LITE = SqlDialect::SQLite;
constexpr SqlDialect MS = SqlDialect::SQLServer;
constexpr SqlDialect ANY = SqlDialect::Unknown;

struct Case {
    const char *name;  // test name suffix: [A-Za-z0-9_] only
    SqlDialect dialect;
    std::string sql;
    std::string type;
    Tables tables;
};

void PrintTo(const Case &c, std::ostream *os) { *os << c.name; }

class SqlAnalyzerCase : public ::testing::TestWithParam<Case> {};

TEST_P(SqlAnalyzerCase, Analyzes) {
    const Case &c = GetParam();
    const SqlInfo info = analyze_sql(c.sql, c.dialect);
    EXPECT_EQ(info.query_type, c.type) << c.sql;
    EXPECT_EQ(info.table_names, c.tables) << c.sql;
}

std::string case_name(const ::testing::TestParamInfo<Case> &info) { return info.param.name; }

// ---------------------------------------------------------------------------
// Query type of the first statement.
const Case kTypeCases[] = {
    {"TypeSelect", PG, "SELECT 1", "SELECT", {}},
    {"TypeSelectLowercase", PG, "select * from t", "SELECT", {"t"}},
    {"TypeInsert", PG, "INSERT INTO t VALUES (1)", "INSERT", {"t"}},
    {"TypeUpdate", PG, "UPDATE t SET a = 1", "UPDATE", {"t"}},
    {"TypeDelete", PG, "DELETE FROM t", "DELETE", {"t"}},
    {"TypeMerge", PG, "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "MERGE", {"s", "t"}},
    {"TypeCreate", PG, "CREATE TABLE t (id int)", "CREATE", {"t"}},
    {"TypeAlter", PG, "ALTER TABLE t ADD COLUMN c int", "ALTER", {"t"}},
    {"TypeDrop", PG, "DROP TABLE t", "DROP", {"t"}},
    {"TypeTruncate", PG, "TRUNCATE t", "TRUNCATE", {"t"}},
    {"TypeTableCommand", PG, "TABLE users", "SELECT", {"users"}},
    {"TypeValues", PG, "VALUES (1, 2), (3, 4)", "SELECT", {}},
    {"TypeLeadingParens", PG, "((SELECT a FROM t)) UNION (SELECT a FROM u)", "SELECT", {"t", "u"}},
    {"TypeWithSelect", PG, "WITH x AS (SELECT 1) SELECT * FROM x", "SELECT", {}},
    {"TypeWithInsert", PG, "WITH x AS (SELECT * FROM src) INSERT INTO dst SELECT * FROM x", "INSERT",
     {"dst", "src"}},
    {"TypeWithUpdate", PG, "WITH x AS (SELECT id FROM s) UPDATE t SET a = 1 WHERE id IN (SELECT id FROM x)",
     "UPDATE", {"s", "t"}},
    {"TypeWithDelete", PG, "WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x) DELETE FROM t",
     "DELETE", {"t"}},
    {"TypeWithMaterialized", PG,
     "WITH a AS MATERIALIZED (SELECT 1), b AS NOT MATERIALIZED (SELECT 2) SELECT * FROM a, b, c", "SELECT",
     {"c"}},
    {"TypeWithTruncated", PG, "WITH x AS (SELECT 1 FROM t", "SELECT", {"t"}},
    {"TypeExplainIsOther", PG, "EXPLAIN SELECT * FROM t", "OTHER", {"t"}},
    {"TypeCopyIsOther", PG, "COPY t FROM STDIN", "OTHER", {"t"}},
    {"TypeSetIsOther", PG, "SET search_path = public", "OTHER", {}},
    {"TypeShowIsOther", PG, "SHOW work_mem", "OTHER", {}},
    {"TypeBeginIsOther", PG, "BEGIN; SELECT * FROM t; COMMIT", "OTHER", {"t"}},
    {"TypeDoIsOther", PG, "DO $$ BEGIN DELETE FROM t; END $$", "OTHER", {}},
    {"TypeCallIsOther", PG, "CALL my_proc(1)", "OTHER", {}},
    {"TypeGrantIsOther", PG, "GRANT SELECT ON t TO bob", "OTHER", {"t"}},
    {"TypeEmpty", PG, "", "OTHER", {}},
    {"TypeWhitespaceOnly", PG, "  \n\t ", "OTHER", {}},
    {"TypeCommentOnly", PG, "-- SELECT * FROM t\n/* DELETE FROM u */", "OTHER", {}},
    {"TypeSemicolonsOnly", PG, " ; ;; ", "OTHER", {}},
    {"TypeSkipsEmptyStatements", PG, ";; UPDATE t SET a = 1", "UPDATE", {"t"}},
    {"TypeNotStartingWithWord", PG, "'SELECT' FROM t", "OTHER", {}},
    {"TypeNumberStart", PG, "42 SELECT * FROM t", "OTHER", {}},
    {"TypeTruncatedSelect", PG, "SELECT * FROM", "SELECT", {}},
    {"TypeTruncatedInsert", PG, "INSERT INTO", "INSERT", {}},
    {"TypeCommentBeforeVerb", PG, "/* hint */ -- x\n DELETE FROM t", "DELETE", {"t"}},
    {"TypeFirstStatementWins", PG, "DELETE FROM a; SELECT * FROM b", "DELETE", {"a", "b"}},
};
INSTANTIATE_TEST_SUITE_P(Types, SqlAnalyzerCase, ::testing::ValuesIn(kTypeCases), case_name);

// ---------------------------------------------------------------------------
// SELECT relation positions.
const Case kSelectCases[] = {
    {"SimpleFrom", PG, "SELECT id FROM users WHERE id = 1", "SELECT", {"users"}},
    {"CommaJoinWithAliases", PG, "SELECT * FROM users u, orders AS o, items i WHERE u.id = o.uid", "SELECT",
     {"items", "orders", "users"}},
    {"JoinKinds", PG,
     "SELECT * FROM a JOIN b ON a.id=b.id LEFT JOIN c ON true RIGHT OUTER JOIN d ON true "
     "FULL JOIN e ON true CROSS JOIN f NATURAL JOIN g INNER JOIN h USING (id)",
     "SELECT", {"a", "b", "c", "d", "e", "f", "g", "h"}},
    {"CommaAfterJoinCondition", PG, "SELECT * FROM a JOIN b ON a.x = b.x, c WHERE c.y = 1", "SELECT",
     {"a", "b", "c"}},
    {"JoinUsingColumnsNotTables", PG, "SELECT * FROM a JOIN b USING (id, other)", "SELECT", {"a", "b"}},
    {"Lateral", PG, "SELECT * FROM users u, LATERAL (SELECT * FROM orders o WHERE o.uid = u.id) x",
     "SELECT", {"orders", "users"}},
    {"JoinLateralFunction", PG, "SELECT * FROM t LEFT JOIN LATERAL jsonb_each(t.doc) j ON true", "SELECT",
     {"t"}},
    {"OnlyAndStar", PG, "SELECT * FROM ONLY parent p JOIN child * ON true", "SELECT", {"child", "parent"}},
    {"SchemaQualified", PG, "SELECT * FROM public.users JOIN users ON true", "SELECT",
     {"public.users", "users"}},
    {"QuotedWithSpaces", PG, "SELECT * FROM \"My Table\" t JOIN \"Public\".Users u ON true", "SELECT",
     {"My Table", "Public.users"}},
    {"QuotedEscapedQuote", PG, "SELECT * FROM \"a\"\"b\"", "SELECT", {"a\"b"}},
    {"UpperCaseLowered", PG, "SELECT * FROM USERS, Sales.Orders", "SELECT", {"sales.orders", "users"}},
    {"Dedup", PG, "SELECT * FROM t JOIN t t2 ON true WHERE EXISTS (SELECT 1 FROM t)", "SELECT", {"t"}},
    {"SortedByByte", PG, "SELECT * FROM b, \"B\", a, \"_x\", \"Z\"", "SELECT", {"B", "Z", "_x", "a", "b"}},
    {"SubqueryInFrom", PG, "SELECT * FROM (SELECT * FROM inner_t) AS s JOIN outer_t o ON true", "SELECT",
     {"inner_t", "outer_t"}},
    {"SubqueryThenComma", PG, "SELECT * FROM (SELECT 1 FROM x WHERE y) s, z", "SELECT", {"x", "z"}},
    {"SubqueryInWhere", PG, "SELECT * FROM a WHERE id IN (SELECT aid FROM b WHERE EXISTS (SELECT 1 FROM c))",
     "SELECT", {"a", "b", "c"}},
    {"SubqueryInSelectList", PG, "SELECT (SELECT max(x) FROM m), y FROM t", "SELECT", {"m", "t"}},
    {"ParenthesisedJoin", PG, "SELECT * FROM (a JOIN b ON true) JOIN c ON true", "SELECT", {"a", "b", "c"}},
    {"FunctionsNotTables", PG,
     "SELECT * FROM generate_series(1, 3) g, unnest(ARRAY[1]) WITH ORDINALITY AS u(x, n), "
     "pg_catalog.json_each('{}') j, t",
     "SELECT", {"t"}},
    {"RowsFrom", PG, "SELECT * FROM ROWS FROM (generate_series(1,2), unnest(ARRAY[3])) r", "SELECT", {}},
    {"ValuesListNotTable", PG, "SELECT * FROM (VALUES (1), (2)) AS v(x) JOIN t ON true", "SELECT", {"t"}},
    {"UnionIntersectExcept", PG,
     "SELECT a FROM t1 UNION SELECT a FROM t2 INTERSECT SELECT a FROM t3 EXCEPT SELECT a FROM t4", "SELECT",
     {"t1", "t2", "t3", "t4"}},
    {"OrderByCommasNotTables", PG, "SELECT * FROM t ORDER BY a, b LIMIT 5", "SELECT", {"t"}},
    {"GroupByHavingCommas", PG, "SELECT a, count(*) FROM t GROUP BY a, b HAVING count(*) > 1", "SELECT",
     {"t"}},
    {"ExtractFromNotTable", PG, "SELECT EXTRACT(YEAR FROM created), substring(s FROM 2 FOR 3) FROM t",
     "SELECT", {"t"}},
    {"TrimFromNotTable", PG, "SELECT trim(both 'x' FROM name) FROM people", "SELECT", {"people"}},
    {"IsDistinctFrom", PG, "SELECT * FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d",
     "SELECT", {"t"}},
    {"ForUpdateOf", PG, "SELECT * FROM t FOR UPDATE OF t SKIP LOCKED", "SELECT", {"t"}},
    {"WindowClause", PG, "SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)", "SELECT",
     {"t"}},
    {"TableSample", PG, "SELECT * FROM big TABLESAMPLE SYSTEM (10)", "SELECT", {"big"}},
    {"StringHidesFrom", PG, "SELECT 'FROM users' FROM t", "SELECT", {"t"}},
    {"LineCommentHidesFrom", PG, "SELECT 1 -- FROM users\nFROM t", "SELECT", {"t"}},
    {"BlockCommentHidesFrom", PG, "SELECT 1 /* FROM users */ FROM t", "SELECT", {"t"}},
    {"NestedBlockComment", PG, "SELECT 1 /* a /* FROM users */ FROM hidden */ FROM t", "SELECT", {"t"}},
    {"DollarQuoted", PG, "SELECT $$ FROM users $$, $fn$ it's FROM x $ $fn$ FROM t", "SELECT", {"t"}},
    {"DollarParamNotQuote", PG, "SELECT * FROM t WHERE a = $1 AND b = $2", "SELECT", {"t"}},
    {"EscapeString", PG, "SELECT E'it\\'s FROM users' FROM t", "SELECT", {"t"}},
    {"StandardStringBackslash", PG, "SELECT 'a\\' FROM t", "SELECT", {"t"}},
    {"DoubledQuoteInString", PG, "SELECT 'it''s FROM users' FROM t", "SELECT", {"t"}},
    {"CastsAndOperators", PG, "SELECT a::text, b->>'k' FROM t WHERE c @> '{}'", "SELECT", {"t"}},
    {"SelectIntoPg", PG, "SELECT * INTO TEMP new_t FROM old_t", "SELECT", {"new_t", "old_t"}},
    {"SelectIntoUnloggedTable", PG, "SELECT * INTO UNLOGGED TABLE archive FROM t", "SELECT",
     {"archive", "t"}},
    {"TableAfterUnion", PG, "SELECT * FROM a UNION ALL TABLE b", "SELECT", {"a", "b"}},
    {"FetchFirst", PG, "SELECT * FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY", "SELECT", {"t"}},
    {"UnicodeIdentifiers", PG, "SELECT * FROM Überblick, \"Ünïcödé\"", "SELECT", {"Überblick", "Ünïcödé"}},
    {"AsAliasKeywordQuoted", PG, "SELECT * FROM t AS \"select\" JOIN u \"from\" ON true", "SELECT",
     {"t", "u"}},
};
INSTANTIATE_TEST_SUITE_P(Select, SqlAnalyzerCase, ::testing::ValuesIn(kSelectCases), case_name);

// ---------------------------------------------------------------------------
// CTEs.
const Case kCteCases[] = {
    {"CteNameExcluded", PG, "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent r JOIN users u ON true",
     "SELECT", {"orders", "users"}},
    {"RecursiveCteShadowsTable", PG,
     "WITH RECURSIVE users AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM users WHERE n < 5) "
     "SELECT * FROM users",
     "SELECT", {}},
    {"CteShadowOnlyWithinStatement", PG, "WITH users AS (SELECT 1) SELECT * FROM users; SELECT * FROM users",
     "SELECT", {"users"}},
    {"CteQualifiedNotShadowed", PG, "WITH users AS (SELECT 1) SELECT * FROM public.users, users", "SELECT",
     {"public.users"}},
    {"CteWithColumnList", PG, "WITH c (a, b) AS (SELECT x, y FROM src) SELECT * FROM c", "SELECT", {"src"}},
    {"MultipleCtes", PG,
     "WITH a AS (SELECT * FROM t1), b AS (SELECT * FROM a JOIN t2 ON true) SELECT * FROM b, t3", "SELECT",
     {"t1", "t2", "t3"}},
    {"NestedWith", PG, "SELECT * FROM (WITH q AS (SELECT * FROM base) SELECT * FROM q) s", "SELECT",
     {"base"}},
    {"DataModifyingCte", PG,
     "WITH moved AS (DELETE FROM src WHERE old RETURNING *) INSERT INTO dst SELECT * FROM moved", "INSERT",
     {"dst", "src"}},
    {"CteQuotedNameCaseSensitive", PG, "WITH \"X\" AS (SELECT 1) SELECT * FROM x, \"X\"", "SELECT", {"x"}},
    {"WithTimeZoneIsNotCte", PG, "SELECT now()::timestamp WITH TIME ZONE FROM t", "SELECT", {"t"}},
};
INSTANTIATE_TEST_SUITE_P(Cte, SqlAnalyzerCase, ::testing::ValuesIn(kCteCases), case_name);

// ---------------------------------------------------------------------------
// INSERT / UPDATE / DELETE / MERGE.
const Case kDmlCases[] = {
    {"InsertSelect", PG, "INSERT INTO archive (id, v) SELECT id, v FROM live WHERE v > 1", "INSERT",
     {"archive", "live"}},
    {"InsertOnConflictExcluded", PG,
     "INSERT INTO t AS x (id, v) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v "
     "WHERE x.v <> EXCLUDED.v RETURNING id",
     "INSERT", {"t"}},
    {"InsertDefaultValues", PG, "INSERT INTO s.t DEFAULT VALUES", "INSERT", {"s.t"}},
    {"UpdateFrom", PG, "UPDATE accounts a SET balance = b.total FROM balances b WHERE a.id = b.id", "UPDATE",
     {"accounts", "balances"}},
    {"UpdateOnly", PG, "UPDATE ONLY parent SET x = 1", "UPDATE", {"parent"}},
    {"UpdateSubqueryInSet", PG, "UPDATE t SET a = (SELECT max(b) FROM u) WHERE c IN (SELECT c FROM v)",
     "UPDATE", {"t", "u", "v"}},
    {"DeleteUsing", PG, "DELETE FROM orders o USING customers c, regions r WHERE o.cid = c.id", "DELETE",
     {"customers", "orders", "regions"}},
    {"DeleteUsingJoinUsingCols", PG, "DELETE FROM t USING a JOIN b USING (id) WHERE t.id = a.id", "DELETE",
     {"a", "b", "t"}},
    {"DeleteOnly", PG, "DELETE FROM ONLY logs WHERE ts < now()", "DELETE", {"logs"}},
    {"MergeFull", PG,
     "MERGE INTO target t USING source s ON t.id = s.id WHEN MATCHED AND s.del THEN DELETE "
     "WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)",
     "MERGE", {"source", "target"}},
    {"MergeUsingSubquery", PG,
     "MERGE INTO inv i USING (SELECT * FROM staged WHERE ok) s ON i.id = s.id WHEN NOT MATCHED THEN "
     "INSERT VALUES (s.id)",
     "MERGE", {"inv", "staged"}},
    {"MultiStatement", PG, "INSERT INTO a VALUES (1); UPDATE b SET x = 1; DELETE FROM c; SELECT * FROM d",
     "INSERT", {"a", "b", "c", "d"}},
    {"DeleteTargetNotShadowedBySubqueryAlias", PG, "DELETE FROM t WHERE id IN (SELECT id FROM u t)", "DELETE",
     {"t", "u"}},
    {"UpdateSelfJoinAlias", PG, "UPDATE users SET x = 1 FROM users u2 WHERE u2.id = users.id", "UPDATE",
     {"users"}},
    {"ReturningCommas", PG, "DELETE FROM t WHERE x RETURNING a, b", "DELETE", {"t"}},
};
INSTANTIATE_TEST_SUITE_P(Dml, SqlAnalyzerCase, ::testing::ValuesIn(kDmlCases), case_name);

// ---------------------------------------------------------------------------
// DDL and utility statements.
const Case kDdlCases[] = {
    {"CreateTableIfNotExists", PG, "CREATE TABLE IF NOT EXISTS app.events (id int)", "CREATE",
     {"app.events"}},
    {"CreateTempTable", PG, "CREATE TEMP TABLE scratch (x int)", "CREATE", {"scratch"}},
    {"CreateUnloggedTable", PG, "CREATE UNLOGGED TABLE fast (x int)", "CREATE", {"fast"}},
    {"CreateTableAs", PG, "CREATE TABLE summary AS SELECT a, count(*) FROM facts GROUP BY a", "CREATE",
     {"facts", "summary"}},
    {"CreateTableReferences", PG,
     "CREATE TABLE orders (id int, uid int REFERENCES users (id) ON DELETE CASCADE ON UPDATE NO ACTION, "
     "FOREIGN KEY (pid) REFERENCES shop.products)",
     "CREATE", {"orders", "shop.products", "users"}},
    {"CreateTableLike", PG, "CREATE TABLE copy_t (LIKE orig INCLUDING ALL, extra int)", "CREATE",
     {"copy_t", "orig"}},
    {"CreateTablePartitionOf", PG, "CREATE TABLE m_2024 PARTITION OF measurements FOR VALUES FROM (1) TO (2)",
     "CREATE", {"m_2024", "measurements"}},
    {"CreateTableCheckLikeNotTable", PG, "CREATE TABLE t (name text CHECK (name LIKE 'a%'))", "CREATE",
     {"t"}},
    {"CreateOrReplaceView", PG, "CREATE OR REPLACE VIEW v AS SELECT * FROM base WHERE ok", "CREATE",
     {"base", "v"}},
    {"CreateMaterializedView", PG, "CREATE MATERIALIZED VIEW mv AS SELECT * FROM a JOIN b ON true", "CREATE",
     {"a", "b", "mv"}},
    {"CreateIndex", PG, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_u ON ONLY users USING btree (email)",
     "CREATE", {"users"}},
    {"CreateIndexNoName", PG, "CREATE INDEX ON logs (ts)", "CREATE", {"logs"}},
    {"CreateTrigger", PG,
     "CREATE TRIGGER trg BEFORE INSERT OR UPDATE OF col ON audit.items FOR EACH ROW EXECUTE FUNCTION f()",
     "CREATE", {"audit.items"}},
    {"CreateFunctionBodyIsString", PG,
     "CREATE FUNCTION f() RETURNS int AS $$ SELECT count(*) FROM t $$ LANGUAGE sql", "CREATE", {}},
    {"CreateSchemaNotTable", PG, "CREATE SCHEMA app", "CREATE", {}},
    {"CreateSequenceNotTable", PG, "CREATE SEQUENCE seq OWNED BY t.id", "CREATE", {}},
    {"AlterTable", PG, "ALTER TABLE IF EXISTS ONLY users ADD CONSTRAINT fk FOREIGN KEY (org) REFERENCES orgs",
     "ALTER", {"orgs", "users"}},
    {"AlterTableUsingNotTable", PG, "ALTER TABLE t ALTER COLUMN c TYPE int USING c::int", "ALTER", {"t"}},
    {"AlterIndexNotTable", PG, "ALTER INDEX idx RENAME TO idx2", "ALTER", {}},
    {"DropTables", PG, "DROP TABLE IF EXISTS a, s.b CASCADE", "DROP", {"a", "s.b"}},
    {"DropView", PG, "DROP VIEW v1", "DROP", {"v1"}},
    {"DropMaterializedView", PG, "DROP MATERIALIZED VIEW IF EXISTS mv", "DROP", {"mv"}},
    {"DropIndexNotTable", PG, "DROP INDEX idx", "DROP", {}},
    {"DropSchemaNotTable", PG, "DROP SCHEMA app CASCADE", "DROP", {}},
    {"TruncateList", PG, "TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE", "TRUNCATE", {"a", "b"}},
    {"Explain", PG, "EXPLAIN SELECT * FROM t JOIN u ON true", "OTHER", {"t", "u"}},
    {"ExplainAnalyzeVerbose", PG, "EXPLAIN ANALYZE VERBOSE DELETE FROM t", "OTHER", {"t"}},
    {"ExplainOptions", PG, "EXPLAIN (ANALYZE, FORMAT JSON) UPDATE t SET a = 1 FROM u", "OTHER", {"t", "u"}},
    {"CopyFrom", PG, "COPY public.t (a, b) FROM STDIN WITH (FORMAT csv)", "OTHER", {"public.t"}},
    {"CopyTo", PG, "COPY t TO '/tmp/x.csv'", "OTHER", {"t"}},
    {"CopyQuery", PG, "COPY (SELECT * FROM a JOIN b ON true) TO STDOUT", "OTHER", {"a", "b"}},
    {"VacuumList", PG, "VACUUM (VERBOSE, ANALYZE) a, b (col)", "OTHER", {"a", "b"}},
    {"VacuumFull", PG, "VACUUM FULL FREEZE t", "OTHER", {"t"}},
    {"VacuumAll", PG, "VACUUM", "OTHER", {}},
    {"Analyze", PG, "ANALYZE VERBOSE t (c1, c2)", "OTHER", {"t"}},
    {"Lock", PG, "LOCK TABLE a, b IN ACCESS EXCLUSIVE MODE NOWAIT", "OTHER", {"a", "b"}},
    {"GrantOnTable", PG, "GRANT SELECT, UPDATE (col) ON TABLE a, s.b TO alice WITH GRANT OPTION", "OTHER",
     {"a", "s.b"}},
    {"RevokeOnTable", PG, "REVOKE ALL ON t FROM bob", "OTHER", {"t"}},
    {"GrantOnSchemaNotTable", PG, "GRANT USAGE ON SCHEMA app TO alice", "OTHER", {}},
    {"GrantAllTablesInSchema", PG, "GRANT SELECT ON ALL TABLES IN SCHEMA app TO r", "OTHER", {}},
    {"GrantRole", PG, "GRANT admin TO alice", "OTHER", {}},
    {"RefreshMatView", PG, "REFRESH MATERIALIZED VIEW CONCURRENTLY stats.daily WITH DATA", "OTHER",
     {"stats.daily"}},
    {"CreateTableInherits", PG, "CREATE TABLE t (id int) INHERITS (p1, s.p2)", "CREATE", {"p1", "s.p2", "t"}},
    {"AlterAttachPartition", PG, "ALTER TABLE parent ATTACH PARTITION child FOR VALUES FROM (1) TO (10)",
     "ALTER", {"child", "parent"}},
    {"CreateTableAsTable", PG, "CREATE TEMP TABLE x AS TABLE y", "CREATE", {"x", "y"}},
    {"DeclareCursor", PG, "DECLARE c CURSOR FOR SELECT * FROM t", "OTHER", {"t"}},
    {"CreateRuleEventNotInsertTarget", PG,
     "CREATE RULE r AS ON INSERT TO t DO INSTEAD INSERT INTO log VALUES (1)", "CREATE", {"log"}},
};
INSTANTIATE_TEST_SUITE_P(Ddl, SqlAnalyzerCase, ::testing::ValuesIn(kDdlCases), case_name);

// ---------------------------------------------------------------------------
// MySQL.
const Case kMySqlCases[] = {
    {"MyBackticks", MY, "SELECT * FROM `my db`.`Order Items` oi JOIN `a``b` ON 1", "SELECT",
     {"a`b", "my db.Order Items"}},
    {"MyHashComment", MY, "SELECT 1 # FROM users\nFROM t", "SELECT", {"t"}},
    {"MyDoubleQuoteIsString", MY, "SELECT * FROM t WHERE a = \"FROM users\"", "SELECT", {"t"}},
    {"MyBackslashEscapedQuote", MY, "SELECT 'it\\'s FROM x' FROM t WHERE b = \"q\\\" FROM y\"", "SELECT",
     {"t"}},
    {"MyDual", MY, "SELECT 1 FROM DUAL", "SELECT", {}},
    {"MyReplaceInto", MY, "REPLACE INTO kv (k, v) VALUES ('a', 1)", "INSERT", {"kv"}},
    {"MyReplaceFunction", MY, "SELECT REPLACE(name, 'a', 'b') FROM people", "SELECT", {"people"}},
    {"MyInsertIgnore", MY, "INSERT IGNORE INTO t (a) SELECT a FROM s", "INSERT", {"s", "t"}},
    {"MyOnDuplicateKey", MY, "INSERT INTO t (a, b) VALUES (1, 2) ON DUPLICATE KEY UPDATE b = VALUES(b), a = 3",
     "INSERT", {"t"}},
    {"MyInsertSelectOnDuplicate", MY,
     "INSERT INTO t SELECT * FROM s ON DUPLICATE KEY UPDATE a = s.a, b = 2", "INSERT", {"s", "t"}},
    {"MyUpdateJoin", MY, "UPDATE orders o JOIN users u ON o.uid = u.id SET o.name = u.name", "UPDATE",
     {"orders", "users"}},
    {"MyUpdateMultiTable", MY, "UPDATE t1, t2 SET t1.a = t2.a WHERE t1.id = t2.id", "UPDATE", {"t1", "t2"}},
    {"MyUpdateAliasTarget", MY, "UPDATE a SET a.x = 1 FROM items a JOIN other b ON a.id = b.id", "UPDATE",
     {"items", "other"}},
    {"MyDeleteMultiTable", MY, "DELETE a, b FROM t1 AS a INNER JOIN t2 AS b ON a.id = b.id", "DELETE",
     {"t1", "t2"}},
    {"MyDeleteUsing", MY, "DELETE FROM t1, t2 USING t1 INNER JOIN t2 INNER JOIN t3", "DELETE",
     {"t1", "t2", "t3"}},
    {"MyDeleteOrderLimit", MY, "DELETE LOW_PRIORITY FROM logs ORDER BY ts LIMIT 10", "DELETE", {"logs"}},
    {"MyLimitComma", MY, "SELECT * FROM t LIMIT 10, 20", "SELECT", {"t"}},
    {"MyIndexHints", MY, "SELECT * FROM t1 USE INDEX (i1) JOIN t2 FORCE INDEX (i2) ON true", "SELECT",
     {"t1", "t2"}},
    {"MyStraightJoin", MY, "SELECT STRAIGHT_JOIN a FROM t1 STRAIGHT_JOIN t2", "SELECT", {"t1", "t2"}},
    {"MySelectIntoVarNotTable", MY, "SELECT a INTO @v FROM t", "SELECT", {"t"}},
    {"MySelectIntoOutfile", MY, "SELECT a FROM t INTO OUTFILE '/tmp/x'", "SELECT", {"t"}},
    {"MyCreateTableLike", MY, "CREATE TABLE t2 LIKE t1", "CREATE", {"t1", "t2"}},
    {"MyCreateView", MY, "CREATE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW v AS "
                         "SELECT * FROM base",
     "CREATE", {"base", "v"}},
    {"MyDropTemporary", MY, "DROP TEMPORARY TABLE IF EXISTS tmp1", "DROP", {"tmp1"}},
    {"MyLockTables", MY, "LOCK TABLES t1 READ, t2 AS x WRITE", "OTHER", {"t1", "t2"}},
    {"MyAnalyzeTable", MY, "ANALYZE TABLE t1, t2", "OTHER", {"t1", "t2"}},
    {"MyGrantDbStar", MY, "GRANT SELECT ON shop.* TO 'u'@'%'", "OTHER", {}},
    {"MyGrantTable", MY, "GRANT SELECT ON shop.items TO 'u'@'%'", "OTHER", {"shop.items"}},
    {"MyParenJoinList", MY, "SELECT * FROM t1 LEFT JOIN (t2, t3) ON true", "SELECT", {"t1", "t2", "t3"}},
    {"MyInsertSet", MY, "INSERT INTO t SET a = 1, b = 2", "INSERT", {"t"}},
    {"MyPartitionSelection", MY, "SELECT * FROM db.t PARTITION (p0) AS x", "SELECT", {"db.t"}},
    {"MyExplainFormat", MY, "EXPLAIN FORMAT=JSON SELECT * FROM t", "OTHER", {"t"}},
    {"MyNestedCommentNotNested", MY, "SELECT 1 /* a /* b */ FROM t", "SELECT", {"t"}},
};
INSTANTIATE_TEST_SUITE_P(MySql, SqlAnalyzerCase, ::testing::ValuesIn(kMySqlCases), case_name);

// ---------------------------------------------------------------------------
// SQLite.
const Case kSqliteCases[] = {
    {"LiteInsertOrReplace", LITE, "INSERT OR REPLACE INTO kv (k, v) VALUES (1, 2)", "INSERT", {"kv"}},
    {"LiteInsertOrIgnoreSelect", LITE, "INSERT OR IGNORE INTO t SELECT * FROM s", "INSERT", {"s", "t"}},
    {"LiteReplaceInto", LITE, "REPLACE INTO kv VALUES (1, 2)", "INSERT", {"kv"}},
    {"LiteUpdateOrIgnore", LITE, "UPDATE OR IGNORE t SET a = 1", "UPDATE", {"t"}},
    {"LiteBrackets", LITE, "SELECT * FROM [my table] JOIN `other t` ON 1 JOIN \"third\" ON 1", "SELECT",
     {"my table", "other t", "third"}},
    {"LiteUpsertExcluded", LITE,
     "INSERT INTO t (k, v) VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v", "INSERT", {"t"}},
    {"LiteIndexedBy", LITE, "SELECT * FROM t INDEXED BY idx, u NOT INDEXED", "SELECT", {"t", "u"}},
    {"LitePragmaOther", LITE, "PRAGMA table_info(t)", "OTHER", {}},
    {"LiteVacuumNoTables", LITE, "VACUUM main", "OTHER", {}},
    {"LiteCreateVirtual", LITE, "CREATE VIRTUAL TABLE docs USING fts5(body)", "CREATE", {"docs"}},
    {"LiteMainSchema", LITE, "SELECT * FROM main.users u", "SELECT", {"main.users"}},
    {"LiteDoubleQuoteIdent", LITE, "SELECT * FROM \"FROM users\"", "SELECT", {"FROM users"}},
    {"LiteNoSelectInto", LITE, "SELECT * FROM t", "SELECT", {"t"}},
};
INSTANTIATE_TEST_SUITE_P(Sqlite, SqlAnalyzerCase, ::testing::ValuesIn(kSqliteCases), case_name);

// ---------------------------------------------------------------------------
// SQL Server (T-SQL).
const Case kTsqlCases[] = {
    {"MsBrackets", MS, "SELECT * FROM [dbo].[Order Details] od JOIN [a]]b] x ON 1=1", "SELECT",
     {"a]b", "dbo.Order Details"}},
    {"MsTempTables", MS, "SELECT * INTO #Tmp FROM dbo.Users; SELECT * FROM ##Global g", "SELECT",
     {"##global", "#tmp", "dbo.users"}},
    {"MsCreateTempTable", MS, "CREATE TABLE #work (id int)", "CREATE", {"#work"}},
    {"MsTempdbDotDot", MS, "SELECT * FROM tempdb..#t", "SELECT", {"tempdb..#t"}},
    {"MsCrossApplyOpenJson", MS, "SELECT * FROM orders o CROSS APPLY OPENJSON(o.doc) WITH (a int) j", "SELECT",
     {"orders"}},
    {"MsOuterApplySubquery", MS,
     "SELECT * FROM a OUTER APPLY (SELECT TOP 1 * FROM b WHERE b.aid = a.id) x", "SELECT", {"a", "b"}},
    {"MsCrossApplyTable", MS, "SELECT * FROM a CROSS APPLY dbo.fn_split(a.s) f", "SELECT", {"a"}},
    {"MsUpdateAlias", MS, "UPDATE u SET u.name = s.name FROM dbo.Users u JOIN staging s ON u.id = s.id",
     "UPDATE", {"dbo.users", "staging"}},
    {"MsUpdateTopTarget", MS, "UPDATE TOP (10) dbo.Queue SET taken = 1", "UPDATE", {"dbo.queue"}},
    {"MsDeleteAlias", MS, "DELETE a FROM Accounts a JOIN Closed c ON a.id = c.id", "DELETE",
     {"accounts", "closed"}},
    {"MsDeleteNoFrom", MS, "DELETE Logs WHERE ts < GETDATE()", "DELETE", {"logs"}},
    {"MsDeleteTop", MS, "DELETE TOP (100) FROM Logs", "DELETE", {"logs"}},
    {"MsNolockHint", MS, "SELECT * FROM t WITH (NOLOCK), u WITH (NOLOCK) WHERE 1=1", "SELECT", {"t", "u"}},
    {"MsNString", MS, "SELECT N'FROM users' FROM t", "SELECT", {"t"}},
    {"MsMerge", MS,
     "MERGE dbo.Target WITH (HOLDLOCK) AS T USING dbo.Source AS S ON T.id = S.id "
     "WHEN MATCHED THEN UPDATE SET T.v = S.v WHEN NOT MATCHED BY TARGET THEN INSERT (id) VALUES (S.id) "
     "OUTPUT inserted.id, deleted.id INTO dbo.Audit;",
     "MERGE", {"dbo.audit", "dbo.source", "dbo.target"}},
    {"MsTriggerPseudoTables", MS,
     "CREATE TRIGGER trg ON dbo.Items AFTER INSERT, UPDATE AS BEGIN INSERT INTO dbo.Log SELECT i.id FROM "
     "inserted i JOIN deleted d ON i.id = d.id END",
     "CREATE", {"dbo.items", "dbo.log"}},
    {"MsOutputIntoTableVariable", MS, "DELETE FROM q OUTPUT deleted.* INTO @gone WHERE id = 1", "DELETE",
     {"q"}},
    {"MsTableVariableNotTable", MS, "SELECT * FROM @t x JOIN real_t r ON 1=1", "SELECT", {"real_t"}},
    {"MsSelectTop", MS, "SELECT TOP 5 * FROM t ORDER BY a", "SELECT", {"t"}},
    {"MsExecOther", MS, "EXEC sp_who", "OTHER", {}},
    {"MsGrantObject", MS, "GRANT SELECT ON OBJECT::dbo.T TO u", "OTHER", {"dbo.t"}},
    {"MsGrantSchema", MS, "GRANT SELECT ON SCHEMA::dbo TO u", "OTHER", {}},
    {"MsInnerMergeJoinHint", MS, "SELECT * FROM a INNER MERGE JOIN b ON a.id = b.id", "SELECT", {"a", "b"}},
    {"MsCreateOrAlterView", MS, "CREATE OR ALTER VIEW dbo.v AS SELECT * FROM dbo.t", "CREATE",
     {"dbo.t", "dbo.v"}},
    {"MsIfDropTempTable", MS, "IF OBJECT_ID('tempdb..#t') IS NOT NULL DROP TABLE #t", "OTHER", {"#t"}},
    {"MsBatchWithoutSemicolons", MS, "SELECT * FROM a SELECT * FROM b UPDATE c SET x = 1", "SELECT",
     {"a", "b", "c"}},
    {"MsInsertWithoutInto", MS, "INSERT dbo.T (a) VALUES (1)", "INSERT", {"dbo.t"}},
    {"MsOpenQueryNotTable", MS, "SELECT * FROM OPENQUERY(srv, 'SELECT * FROM x')", "SELECT", {}},
    {"MsHashIsNotCommentOrWord", MS, "SELECT a#b FROM t", "SELECT", {"t"}},
};
INSTANTIATE_TEST_SUITE_P(Tsql, SqlAnalyzerCase, ::testing::ValuesIn(kTsqlCases), case_name);

// ---------------------------------------------------------------------------
// Unknown dialect and robustness.
const Case kMiscCases[] = {
    {"AnyDoubleQuoteIdent", ANY, "SELECT * FROM \"Mixed Case\"", "SELECT", {"Mixed Case"}},
    {"AnyBacktickIdent", ANY, "SELECT * FROM `bt`", "SELECT", {"bt"}},
    {"AnyNestedComments", ANY, "SELECT 1 /* /* */ FROM hidden */ FROM t", "SELECT", {"t"}},
    {"AnyDollarQuote", ANY, "SELECT $q$ FROM users $q$ FROM t", "SELECT", {"t"}},
    {"AnySelectInto", ANY, "SELECT * INTO copy_t FROM t", "SELECT", {"copy_t", "t"}},
    {"UnterminatedString", PG, "SELECT * FROM t WHERE a = 'FROM users", "SELECT", {"t"}},
    {"UnterminatedComment", PG, "SELECT * FROM t /* FROM users", "SELECT", {"t"}},
    {"UnterminatedNestedComment", PG, "SELECT * FROM t /* /* */ FROM users", "SELECT", {"t"}},
    {"UnterminatedDollar", PG, "SELECT * FROM t WHERE x = $a$ FROM users", "SELECT", {"t"}},
    {"UnterminatedQuotedIdent", PG, "SELECT * FROM \"abc def", "SELECT", {"abc def"}},
    {"UnterminatedBracket", MS, "SELECT * FROM [abc", "SELECT", {"abc"}},
    {"UnbalancedParens", PG, "SELECT * FROM (SELECT * FROM a JOIN (b", "SELECT", {"a", "b"}},
    {"ExtraCloseParens", PG, "SELECT * FROM a)) JOIN b ON true", "SELECT", {"a", "b"}},
    {"InvalidUtf8", PG, "SELECT * FROM t\xff\xfe WHERE a = '\xc3('", "SELECT", {"t\xff\xfe"}},
    {"NulBytes", PG, std::string("SELECT * FROM t\0 JOIN u ON 1", sizeof("SELECT * FROM t\0 JOIN u ON 1") - 1), "SELECT", {"t", "u"}},
    {"CrLfNewlines", PG, "SELECT *\r\nFROM t\r\n-- FROM x\r\nJOIN u ON 1", "SELECT", {"t", "u"}},
    {"FromKeywordOnly", PG, "SELECT * FROM WHERE", "SELECT", {}},
    {"JoinAtEnd", PG, "SELECT * FROM a JOIN", "SELECT", {"a"}},
    {"DotAtEnd", PG, "SELECT * FROM s.", "SELECT", {"s"}},
    {"InsertIntoTruncatedColumns", PG, "INSERT INTO t (a, b", "INSERT", {"t"}},
};
INSTANTIATE_TEST_SUITE_P(Misc, SqlAnalyzerCase, ::testing::ValuesIn(kMiscCases), case_name);

// ---------------------------------------------------------------------------
// Non-table-driven tests.

TEST(SqlAnalyzerDialect, FromDatabaseType) {
    EXPECT_EQ(dialect_from_database_type("postgresql"), PG);
    EXPECT_EQ(dialect_from_database_type("Postgres"), PG);
    EXPECT_EQ(dialect_from_database_type("  PG "), PG);
    EXPECT_EQ(dialect_from_database_type("mysql"), MY);
    EXPECT_EQ(dialect_from_database_type("MariaDB"), MY);
    EXPECT_EQ(dialect_from_database_type("sqlite"), LITE);
    EXPECT_EQ(dialect_from_database_type("SQLite3"), LITE);
    EXPECT_EQ(dialect_from_database_type("sqlserver"), MS);
    EXPECT_EQ(dialect_from_database_type("MSSQL"), MS);
    EXPECT_EQ(dialect_from_database_type("tsql"), MS);
    EXPECT_EQ(dialect_from_database_type("\tSQL Server\n"), MS);
    EXPECT_EQ(dialect_from_database_type(""), ANY);
    EXPECT_EQ(dialect_from_database_type("oracle"), ANY);
    EXPECT_EQ(dialect_from_database_type("sql  server"), ANY);
    EXPECT_EQ(dialect_from_database_type("postgresql9"), ANY);
}

TEST(SqlAnalyzerDialect, SameTextDiffersByDialect) {
    const std::string sql = "SELECT * FROM \"t\" JOIN [u] ON 1 JOIN `v` ON 1";
    EXPECT_EQ(analyze_sql(sql, PG).table_names, (Tables{"t"}));
    EXPECT_EQ(analyze_sql(sql, MY).table_names, (Tables{"v"}));
    EXPECT_EQ(analyze_sql(sql, LITE).table_names, (Tables{"t", "u", "v"}));
    EXPECT_EQ(analyze_sql(sql, MS).table_names, (Tables{"t", "u"}));
    EXPECT_EQ(analyze_sql(sql, ANY).table_names, (Tables{"t", "v"}));
}

TEST(SqlAnalyzerDialect, HashCommentOnlyInMySql) {
    const std::string sql = "SELECT 1 # FROM x\nFROM t";
    EXPECT_EQ(analyze_sql(sql, MY).table_names, (Tables{"t"}));
    // Elsewhere '#' is an operator and the FROM on the first line is real.
    EXPECT_EQ(analyze_sql(sql, PG).table_names, (Tables{"t", "x"}));
}

TEST(SqlAnalyzerDialect, BackslashEscapesOnlyWhereDefined) {
    const std::string sql = "SELECT 'a\\' FROM k' FROM t";
    // MySQL: \' escapes, so the string is a\' FROM k.
    EXPECT_EQ(analyze_sql(sql, MY).table_names, (Tables{"t"}));
    // PostgreSQL standard strings: the string is 'a\', then FROM k, then an unterminated string.
    EXPECT_EQ(analyze_sql(sql, PG).table_names, (Tables{"k"}));
}

TEST(SqlAnalyzerRobustness, VeryLongInput) {
    std::string sql = "SELECT * FROM t0";
    for (int i = 1; i < 20000; ++i) sql += " JOIN t" + std::to_string(i % 50) + " ON true";
    sql += " WHERE x IN (" + std::string(100000, '(') + "SELECT 1 FROM deep" + std::string(100000, ')') + ")";
    const SqlInfo info = analyze_sql(sql, PG);
    EXPECT_EQ(info.query_type, "SELECT");
    EXPECT_EQ(info.table_names.size(), 51u);
}

TEST(SqlAnalyzerRobustness, ManyOpenParensAndCtes) {
    std::string sql = "SELECT * FROM " + std::string(200000, '(') + "a";
    EXPECT_EQ(analyze_sql(sql, PG).table_names, (Tables{"a"}));
    std::string ctes = "WITH ";
    for (int i = 0; i < 20000; ++i) ctes += "c" + std::to_string(i) + " AS (WITH x AS (";
    EXPECT_EQ(analyze_sql(ctes, PG).query_type, "SELECT");
}

TEST(SqlAnalyzerRobustness, HugeStringLiteral) {
    const std::string sql = "INSERT INTO t VALUES ('" + std::string(1 << 20, 'x') + "')";
    const SqlInfo info = analyze_sql(sql, MY);
    EXPECT_EQ(info.query_type, "INSERT");
    EXPECT_EQ(info.table_names, (Tables{"t"}));
}

TEST(SqlAnalyzerRobustness, RandomBytesNeverCrash) {
    std::mt19937 rng(12345);
    const SqlDialect dialects[] = {ANY, PG, MY, LITE, MS};
    const char *fragments[] = {"SELECT ", "FROM ", "JOIN ", "(", ")", ",", "'", "\"", "`", "[", "]", "$$",
                               "$a$", "/*", "*/", "--", "#", "\\", ";", "WITH ", "AS ", "UPDATE ", "SET ",
                               "DELETE ", "INSERT ", "INTO ", "MERGE ", "USING ", "E'", "N'", ".", "*",
                               "TABLE ", "CREATE ", "ON ", "EXPLAIN ", "COPY ", "GRANT ", "\xff", "\n"};
    for (int iter = 0; iter < 4000; ++iter) {
        std::string sql;
        const int len = static_cast<int>(rng() % 64);
        for (int i = 0; i < len; ++i) {
            if (rng() % 2)
                sql += fragments[rng() % (sizeof(fragments) / sizeof(fragments[0]))];
            else
                sql.push_back(static_cast<char>(rng() & 0xff));
        }
        for (SqlDialect d : dialects) {
            const SqlInfo info = analyze_sql(sql, d);
            EXPECT_FALSE(info.query_type.empty());
            for (size_t i = 1; i < info.table_names.size(); ++i)
                ASSERT_LT(info.table_names[i - 1], info.table_names[i]);
        }
    }
}

TEST(SqlAnalyzerRobustness, ResultsSortedAndUnique) {
    const SqlInfo info = analyze_sql("SELECT * FROM b, a, B, a, \"a\", [x]", MS);
    EXPECT_EQ(info.table_names, (Tables{"a", "b", "x"}));
}

}  // namespace
