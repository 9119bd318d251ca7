#include <gtest/gtest.h>

#include "core/export_format.hpp"

using namespace tde::core;

namespace {
std::string json(std::string_view v) {
    std::string out;
    append_json_string(out, v);
    return out;
}
std::string csv(std::string_view v) {
    std::string out;
    append_csv_field(out, v);
    return out;
}
}  // namespace

TEST(JsonString, EscapesQuotesBackslashesAndControls) {
    EXPECT_EQ(json("plain"), "\"plain\"");
    EXPECT_EQ(json("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(json("l1\nl2\r\tx"), "\"l1\\nl2\\r\\tx\"");
    EXPECT_EQ(json(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
    EXPECT_EQ(json(std::string("nul\0x", 5)), "\"nul\\u0000x\"");
}

TEST(JsonString, KeepsUtf8AsIs) {
    EXPECT_EQ(json("日本語 é ✓"), "\"日本語 é ✓\"");
    EXPECT_EQ(json(""), "\"\"");
}

// U+2028, U+2029 and U+0085 are valid raw in JSON, but Python's splitlines()
// (requests' iter_lines) and JavaScript split lines at them: escaped, so a
// JSONL line is one line for every reader. Other characters of those lead
// bytes (é is C3, Â is C2 82, … is E2 80 A6) stay as they are.
TEST(JsonString, EscapesUnicodeLineSeparators) {
    EXPECT_EQ(json("a\u2028b\u2029c\u0085d"), "\"a\\u2028b\\u2029c\\u0085d\"");
    EXPECT_EQ(json("\u00c2\u0082 \u2026 \u00e9"), "\"\u00c2\u0082 \u2026 \u00e9\"");
    std::string out;
    tde::core::append_json_escaping_separators(out, "{\"k\": \"x\u2028y\u2026\"}");
    EXPECT_EQ(out, "{\"k\": \"x\\u2028y\u2026\"}");
}

TEST(IsoTimestamp, FractionsHaveSixDigitsLikePythonsIsoformat) {
    auto iso = [](std::string_view in) {
        std::string out = "[";
        tde::core::append_iso_timestamp(out, in);
        return out;
    };
    EXPECT_EQ(iso("2024-01-10T12:00:00.5+00:00"), "[2024-01-10T12:00:00.500000+00:00");
    EXPECT_EQ(iso("2026-11-25T02:19:06.51962+00:00"), "[2026-11-25T02:19:06.519620+00:00");
    EXPECT_EQ(iso("2026-11-25T02:19:06.519621-05:30"), "[2026-11-25T02:19:06.519621-05:30");
    EXPECT_EQ(iso("2024-01-10T12:00:00+00:00"), "[2024-01-10T12:00:00+00:00");
    EXPECT_EQ(iso("2024-01-10T12:00:00.12Z"), "[2024-01-10T12:00:00.120000Z");
    EXPECT_EQ(iso("2024-01-10T12:00:00.1"), "[2024-01-10T12:00:00.100000");
    EXPECT_EQ(iso("infinity"), "[infinity");
    EXPECT_EQ(iso("-infinity"), "[-infinity");
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
    EXPECT_EQ(csv("abc"), "abc");
    EXPECT_EQ(csv("a,b"), "\"a,b\"");
    EXPECT_EQ(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csv(""), "\"\"");
    EXPECT_EQ(csv("ünïcødé"), "ünïcødé");
}

TEST(Styles, ParseKnownNamesOnly) {
    JsonlStyle s;
    EXPECT_TRUE(parse_jsonl_style("pair", s));
    EXPECT_EQ(s, JsonlStyle::Pair);
    EXPECT_TRUE(parse_jsonl_style("chat", s));
    EXPECT_EQ(s, JsonlStyle::Chat);
    EXPECT_FALSE(parse_jsonl_style("Chat", s));
    EXPECT_FALSE(parse_jsonl_style("", s));
}

TEST(Styles, Examples) {
    std::string out;
    append_example(out, JsonlStyle::PromptCompletion, "Show \"all\"", "SELECT 1", nullptr);
    EXPECT_EQ(out, R"({"prompt": "Show \"all\"", "completion": "SELECT 1"})");
    out.clear();
    std::string_view sys = "You write SQL.";
    append_example(out, JsonlStyle::Chat, "q", "s", &sys);
    EXPECT_EQ(out, R"({"messages": [{"role": "system", "content": "You write SQL."}, {"role": "user", "content": "q"}, {"role": "assistant", "content": "s"}]})");
    out.clear();
    append_example(out, JsonlStyle::Chat, "q", "s", nullptr);
    EXPECT_EQ(out, R"({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "s"}]})");
    out.clear();
    append_example(out, JsonlStyle::Alpaca, "q", "s", nullptr);
    EXPECT_EQ(out, R"({"instruction": "q", "input": "", "output": "s"})");
}

TEST(PgArrayElement, QuotesWhatArrayInputNeeds) {
    std::string out;
    append_pg_array_element(out, "users");
    out.push_back(',');
    append_pg_array_element(out, "My Table");
    out.push_back(',');
    append_pg_array_element(out, "a\"b\\c");
    out.push_back(',');
    append_pg_array_element(out, "null");
    out.push_back(',');
    append_pg_array_element(out, "");
    EXPECT_EQ(out, R"(users,"My Table","a\"b\\c","null","")");
}
