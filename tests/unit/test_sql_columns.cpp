// The SQL (and JSON keys) around a value: core/sql_columns.
#include "core/sql_columns.hpp"

#include <gtest/gtest.h>

using namespace tde::core;

namespace {

// The contents of the '...' literals of `sql` (no escapes in these tests).
std::vector<std::pair<size_t, size_t>> quote_spans(const std::string &sql) {
    std::vector<std::pair<size_t, size_t>> spans;
    for (size_t q = sql.find('\''); q != std::string::npos;) {
        size_t close = sql.find('\'', q + 1);
        spans.emplace_back(q + 1, close);
        q = sql.find('\'', close + 1);
    }
    return spans;
}

}  // namespace

TEST(SqlColumns, ComparedColumn) {
    EXPECT_EQ(compared_column("SELECT * FROM t WHERE app_version = '"), "app_version");
    EXPECT_EQ(compared_column("WHERE phone <> N'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone != E'"), "phone");
    EXPECT_EQ(compared_column("WHERE firmware_version IN ('10.2.0.1', '"), "firmware_version");
    EXPECT_EQ(compared_column("WHERE firmware_version NOT IN ('10.2.0.1','"), "firmware_version");
    EXPECT_EQ(compared_column("WHERE t.\"PhoneNumber\" LIKE '"), "phone_number");
    EXPECT_EQ(compared_column("WHERE [Phone Number] = N'"), "phone_number");
    EXPECT_EQ(compared_column("WHERE `mobilePhone` = \""), "mobile_phone");
    EXPECT_EQ(compared_column("WHERE phone::text = '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone = $$"), "phone");
    EXPECT_EQ(compared_column("WHERE phone_number IN (5551234567, "), "phone_number");
    EXPECT_EQ(compared_column("WHERE mobile_phone IN ('XXX-XXX-5678', '"), "mobile_phone");
    EXPECT_EQ(compared_column("WHERE email ILIKE '"), "email");
    // Later items of a list of prefixed strings (T-SQL N'...'); SQLite's ==.
    EXPECT_EQ(compared_column("WHERE Phone IN (N'0612345678', N'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone NOT IN (E'0612345678', e'"), "phone");
    EXPECT_EQ(compared_column("WHERE mobile_phone IN (\"0612345678\", \""), "mobile_phone");
    EXPECT_EQ(compared_column("WHERE phone == '"), "phone");
    // More comparisons: BETWEEN (both values), REGEXP/RLIKE/~, = ANY (ARRAY[...]),
    // ILIKE ANY, IN UNNEST([...]), IS [NOT] DISTINCT FROM, and prefixes of
    // other dialects' strings (r'', b'', q'[...]', _utf8mb4'').
    EXPECT_EQ(compared_column("WHERE phone BETWEEN '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone NOT BETWEEN '2125550100' AND '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone BETWEEN N'2125550100' AND N'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone REGEXP '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone NOT RLIKE '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone ~ '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone !~* '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone = ANY(ARRAY['"), "phone");
    EXPECT_EQ(compared_column("WHERE phone = ANY (ARRAY['2125550100', '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone ILIKE ANY ('"), "phone");
    EXPECT_EQ(compared_column("WHERE phone IN UNNEST(['"), "phone");
    EXPECT_EQ(compared_column("WHERE phone IS NOT DISTINCT FROM '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone IS DISTINCT FROM '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone = r'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone = q'["), "phone");
    EXPECT_EQ(compared_column("WHERE phone = _utf8mb4'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone IN (_utf8mb4'0612345678', _utf8mb4'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone IN (r'0612345678', r'"), "phone");
    EXPECT_EQ(compared_column("WHERE phone BETWEEN r'0612345678' AND r'"), "phone");
    // Not comparisons of a column.
    EXPECT_EQ(compared_column("SELECT * FROM t WHERE a = 1 AND '"), "");
    EXPECT_EQ(compared_column("SELECT x FROM '"), "");
    EXPECT_EQ(compared_column("WHERE a BETWEEN b AND '"), "");
    EXPECT_EQ(compared_column("SELECT ARRAY['"), "");
    // A function of the column: its first argument, when that is a name.
    EXPECT_EQ(compared_column("WHERE regexp_replace(phone, '[^0-9]', '', 'g') = '"), "phone");
    EXPECT_EQ(compared_column("WHERE trim(c.phone) = '"), "phone");
    EXPECT_EQ(compared_column("WHERE CAST(phone AS text) = '"), "phone");
    EXPECT_EQ(compared_column("WHERE lower(\"PhoneNumber\") LIKE '"), "phone_number");
    EXPECT_EQ(compared_column("WHERE coalesce(phone, '') = '"), "phone");
    EXPECT_EQ(compared_column("WHERE length(phone) > 3 AND f(1 + x) = '"), "");
    EXPECT_EQ(compared_column("WHERE concat(first, ' ', last) = '"), "first");
    EXPECT_EQ(compared_column("WHERE (a + b) = '"), "");
    EXPECT_EQ(compared_column("WHERE x) = '"), "");
    // The column after the value.
    using tde::core::column_compared_after;
    EXPECT_EQ(column_compared_after(" = phone OR x = 1"), "phone");
    EXPECT_EQ(column_compared_after("<>t.\"PhoneNumber\""), "phone_number");
    EXPECT_EQ(column_compared_after(" != [dbo].[Mobile Phone]"), "mobile_phone");
    EXPECT_EQ(column_compared_after(" = lower(phone)"), "");
    EXPECT_EQ(column_compared_after(" = '2125550100'"), "");
    EXPECT_EQ(column_compared_after(" AND phone = 1"), "");
    EXPECT_EQ(column_compared_after(""), "");
    EXPECT_EQ(compared_column("SELECT concat(N'0612345678', N'"), "");
    // No comparison right before the value.
    EXPECT_EQ(compared_column("SELECT lower('"), "");
    EXPECT_EQ(compared_column("CALL archive("), "");
    EXPECT_EQ(compared_column("'"), "");
    EXPECT_EQ(compared_column(""), "");
}

TEST(SqlColumns, InsertValueColumns) {
    const std::string sql =
        "INSERT INTO contacts (name, c.phone, zip) VALUES ('Ann', '0612345678', lower('x')), ('Bob', '1', '2') "
        "RETURNING id; SELECT 'z'";
    const std::vector<std::pair<size_t, size_t>> spans = quote_spans(sql);
    ASSERT_EQ(spans.size(), 7u);
    const std::vector<std::string> expected{"name", "phone", "", "name", "phone", "zip", ""};
    EXPECT_EQ(insert_value_columns(sql, spans), expected);
    // Brackets of arrays and maps nest; delimited and camelCase names read as
    // compared_column() reads them.
    const std::string arrays = "INSERT INTO c (tags, [Phone Number], mobilePhone) VALUES (ARRAY['a','b'], '1', '2')";
    EXPECT_EQ(insert_value_columns(arrays, quote_spans(arrays)),
              (std::vector<std::string>{"", "", "phone_number", "mobile_phone"}));
    // INSERT ... SELECT: no columns.
    const std::string select = "INSERT INTO t SELECT '0612345678' AS phone";
    EXPECT_EQ(insert_value_columns(select, {{22, 32}}), std::vector<std::string>{""});
}

// Other dialects' INSERT forms: MySQL/SQLite REPLACE INTO, T-SQL's OUTPUT
// clause before VALUES, Oracle/Snowflake INSERT ALL with several INTO.
TEST(SqlColumns, InsertValueColumnsOtherDialects) {
    using Cols = std::vector<std::string>;
    const std::string replace = "REPLACE INTO c (name, phone) VALUES ('A', '0612345678')";
    EXPECT_EQ(insert_value_columns(replace, quote_spans(replace)), (Cols{"name", "phone"}));
    const std::string function = "SELECT REPLACE(phone, '-', '') FROM c";
    EXPECT_EQ(insert_value_columns(function, quote_spans(function)), (Cols{"", ""}));
    const std::string output =
        "INSERT INTO dbo.c (Name, Phone) OUTPUT inserted.Id, CAST(1 AS int) INTO @ids VALUES (N'A', N'0612345678')";
    EXPECT_EQ(insert_value_columns(output, quote_spans(output)), (Cols{"name", "phone"}));
    const std::string all =
        "INSERT ALL INTO c (name, phone) VALUES ('A', '0612345678') INTO d (phone, name) VALUES ('0612345679', 'B') "
        "SELECT * FROM dual";
    EXPECT_EQ(insert_value_columns(all, quote_spans(all)), (Cols{"name", "phone", "phone", "name"}));
}

TEST(SqlColumns, NumberKindNamesAndPhoneWords) {
    using tde::core::number_kind_name;
    using tde::core::without_phone_words;
    for (const char *name : {"home", "work_mobile", "primary", "2", "phone2", ""})
        EXPECT_TRUE(number_kind_name(name)) << name;
    for (const char *name : {"id", "verified_at", "count", "home_id", "uses"}) EXPECT_FALSE(number_kind_name(name)) << name;
    EXPECT_EQ(without_phone_words("phone_count"), "count ");
    EXPECT_EQ(without_phone_words("mobile_user"), "user ");
    EXPECT_EQ(without_phone_words("hotel_ssn"), "hotel ssn ");
    EXPECT_EQ(without_phone_words("telephones_total"), "total ");
    EXPECT_EQ(without_phone_words("order_ref"), "order ref ");
}

TEST(SqlColumns, PhoneColumnKind) {
    for (const char *name : {"phone", "home_phone", "phone_number", "mobile_no", "tel1", "msisdn", "mobile_phone",
                             "contact_number", "fax_no", "telephone", "callerid",
                             "calling_number", "called_no", "callee_num", "dialed_number", "ani", "call_ani"})
        EXPECT_EQ(phone_column_kind(name), 2) << name;
    for (const char *name : {"mobile", "cell", "fax", "cell_no", "caller_id", "callee_id"})
        EXPECT_EQ(phone_column_kind(name), 1) << name;
    for (const char *name : {"phone_count", "phone_model", "mobile_user", "phone_id", "contact_id", "order_ref",
                             "telemetry", "", "_", "caller_name", "caller_count", "calling_id_type", "animal"})
        EXPECT_EQ(phone_column_kind(name), 0) << name;
}

TEST(SqlColumns, NamesAndValues) {
    EXPECT_EQ(snake_lower("mobilePhone"), "mobile_phone");
    EXPECT_EQ(snake_lower("PhoneNumber"), "phone_number");
    EXPECT_EQ(snake_lower("Phone Number"), "phone_number");
    EXPECT_EQ(snake_lower("phone-number"), "phone_number");
    EXPECT_EQ(snake_lower("HTTPServer"), "httpserver");
    EXPECT_TRUE(version_name("app_version"));
    EXPECT_TRUE(version_name("fw"));
    EXPECT_TRUE(version_name("build2"));
    EXPECT_FALSE(version_name("fw_ip"));
    EXPECT_FALSE(version_name("build_server_ip"));
    EXPECT_FALSE(version_name("server"));
    EXPECT_FALSE(version_name("server_ip"));
    EXPECT_TRUE(name_part_is("card_number", {"card"}));
    EXPECT_FALSE(name_part_is("discard", {"card"}));
    EXPECT_TRUE(dotted_quad_only("1.2.3.4"));
    EXPECT_FALSE(dotted_quad_only("1.2.3"));
    EXPECT_FALSE(dotted_quad_only("1.2.3.4/8"));
    EXPECT_FALSE(dotted_quad_only(".1.2.3"));
    EXPECT_TRUE(phone_shaped_literal("0612345678"));
    EXPECT_TRUE(phone_shaped_literal("+33 6 12 34 56 78"));
    EXPECT_TRUE(phone_shaped_literal("(02) 9374 4000"));
    EXPECT_FALSE(phone_shaped_literal("123456"));            // too short
    EXPECT_FALSE(phone_shaped_literal("1234567890123456"));  // too long
    EXPECT_FALSE(phone_shaped_literal("2024-01-15"));        // a date
    EXPECT_FALSE(phone_shaped_literal("06 12 34 56 78 x"));
    EXPECT_FALSE(phone_shaped_literal("0612+345678"));
}

// Red-team round 13: comparisons and INSERT forms that read no column before.
TEST(SqlColumns, RedTeam13ComparedColumn) {
    // [NOT] SIMILAR TO; a call as a function's first argument.
    EXPECT_EQ(compared_column("WHERE phone SIMILAR TO '"), "phone");
    EXPECT_EQ(compared_column("WHERE phone NOT SIMILAR TO '"), "phone");
    EXPECT_EQ(compared_column("WHERE x TO '"), "");
    EXPECT_EQ(compared_column("WHERE upper(trim(phone)) = '"), "phone");
    EXPECT_EQ(compared_column("WHERE coalesce(nullif(c.mobile_phone, ''), '') = '"), "mobile_phone");
    EXPECT_EQ(compared_column("WHERE lower(f(1 + x)) = '"), "");
    // A named argument, a PL/SQL or PL/pgSQL assignment.
    EXPECT_EQ(compared_column("SELECT send_sms(phone => '"), "phone");
    EXPECT_EQ(compared_column("CALL notify(p_mobile_phone => N'"), "p_mobile_phone");
    EXPECT_EQ(compared_column("BEGIN v_phone := '"), "v_phone");
    EXPECT_EQ(compared_column("WHERE a >= '"), "a");
    // A JSON key compared: PostgreSQL/MySQL/SQLite -> and ->>, #> and #>>
    // paths, JSON functions' paths (the last key; an array index after it is
    // passed over).
    EXPECT_EQ(compared_column("WHERE data->>'phone' = '"), "phone");
    EXPECT_EQ(compared_column("WHERE data -> 'contact' ->> 'mobilePhone' = '"), "mobile_phone");
    EXPECT_EQ(compared_column("WHERE data #>> '{contact,phone}' = '"), "phone");
    EXPECT_EQ(compared_column("WHERE doc->>'$.contact.phone' IN ('0612345678', '"), "phone");
    EXPECT_EQ(compared_column("WHERE JSON_VALUE(info, '$.contact.phone') = N'"), "phone");
    EXPECT_EQ(compared_column("WHERE JSON_EXTRACT(doc, '$.phones[0]') = '"), "phones");
    EXPECT_EQ(compared_column("WHERE json_extract_path_text(doc, 'contact', 'phone') = '"), "phone");
    EXPECT_EQ(compared_column("WHERE get_json_object(doc, '$.app_version') = '"), "app_version");
    EXPECT_EQ(compared_column("WHERE JSON_VALUE(doc, '$.\"Phone Number\"') = '"), "phone_number");
    // No key: an array index, no JSON operator before the string, a function of other kind.
    EXPECT_EQ(compared_column("WHERE data #>> '{phones,0}' = '"), "");
    EXPECT_EQ(compared_column("WHERE JSON_EXTRACT(doc, '$[0]') = '"), "doc");
    EXPECT_EQ(compared_column("WHERE 'a' = '"), "");
    EXPECT_EQ(compared_column("WHERE concat(phone, 'x') = '"), "phone");
}

TEST(SqlColumns, RedTeam13InsertValueColumns) {
    using Cols = std::vector<std::string>;
    // Comments in the column list (a note per column) are no part of the names.
    const std::string commented =
        "INSERT INTO c (name, -- the name\n phone /* tel, home */, zip) VALUES ('Ann', '0612345678', '75001')";
    EXPECT_EQ(insert_value_columns(commented, quote_spans(commented)), (Cols{"name", "phone", "zip"}));
    // PostgreSQL OVERRIDING {SYSTEM | USER} VALUE between the list and VALUES.
    const std::string overriding = "INSERT INTO c (name, phone) OVERRIDING USER VALUE VALUES ('A', '0612345678')";
    EXPECT_EQ(insert_value_columns(overriding, quote_spans(overriding)), (Cols{"name", "phone"}));
    const std::string system = "INSERT INTO c (id, phone) OVERRIDING SYSTEM VALUE VALUES (1, '0612345678')";
    EXPECT_EQ(insert_value_columns(system, quote_spans(system)), (Cols{"phone"}));
    // MySQL VALUE (...) and VALUES ROW(...), ROW(...).
    const std::string value = "INSERT INTO c (name, phone) VALUE ('A', '0612345678')";
    EXPECT_EQ(insert_value_columns(value, quote_spans(value)), (Cols{"name", "phone"}));
    const std::string rows = "INSERT INTO c (name, phone) VALUES ROW('A', '0612345678'), ROW('B', '0698765432')";
    EXPECT_EQ(insert_value_columns(rows, quote_spans(rows)), (Cols{"name", "phone", "name", "phone"}));
    // Without a column list, VALUE (...) gives no column.
    const std::string bare = "INSERT INTO c VALUE ('A', '0612345678')";
    EXPECT_EQ(insert_value_columns(bare, quote_spans(bare)), (Cols{"", ""}));
    // A column named like the words read here.
    const std::string named = "INSERT INTO c (value, row_no, phone) VALUES ('v', '1', '0612345678')";
    EXPECT_EQ(insert_value_columns(named, quote_spans(named)), (Cols{"value", "row_no", "phone"}));
}

// Review of red-team round 13.
TEST(SqlColumns, R13ReviewNestedCallsAndTablesNamedValue) {
    using Cols = std::vector<std::string>;
    // A table named value (MySQL's VALUE (...) comes only after the table).
    for (const std::string sql : {"INSERT INTO value (name, phone) VALUES ('Ann', '0612345678')",
                                  "INSERT INTO kv.value (name, phone) VALUES ('Ann', '0612345678')",
                                  "INSERT INTO `value` (name, phone) VALUES ('Ann', '0612345678')",
                                  "INSERT IGNORE INTO value (name, phone) VALUE ('Ann', '0612345678')",
                                  "INSERT value (name, phone) VALUES ('Ann', '0612345678')"})
        EXPECT_EQ(insert_value_columns(sql, quote_spans(sql)), (Cols{"name", "phone"})) << sql;
    const std::string bare = "INSERT INTO value VALUE ('A', '0612345678')";
    EXPECT_EQ(insert_value_columns(bare, quote_spans(bare)), (Cols{"", ""}));
    // A call as the first argument names a column only when it keeps the
    // column's value (lower, trim, nullif, ...): coalesce(f(x), phone) may be phone.
    EXPECT_EQ(compared_column("WHERE coalesce(f(x), phone) = '"), "");
    EXPECT_EQ(compared_column("WHERE coalesce(hash(x), phone) = '"), "");
    EXPECT_EQ(compared_column("WHERE coalesce(lower(phone), '') = '"), "phone");
    EXPECT_EQ(compared_column("WHERE upper(public.unaccent(name)) = '"), "name");
    EXPECT_EQ(compared_column("WHERE lower(trim(phone)) = '"), "phone");
}
