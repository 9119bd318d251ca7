#include <gtest/gtest.h>

#include "core/custom_rules.hpp"
#include "core/error.hpp"

#include <tuple>

using tde::core::CustomRules;

TEST(CustomRules, AppliesInOrderWithGroups) {
    CustomRules rules;
    rules.add("employee id", "EMP-(\\d{4})\\d{2}", "EMP-\\1XX");
    rules.add("project", "(?i)project\\s+falcon", "project <codename>");
    std::string text = "EMP-123456 works on Project Falcon";
    EXPECT_TRUE(rules.apply(text));
    EXPECT_EQ(text, "EMP-1234XX works on project <codename>");
    std::string untouched = "nothing here";
    EXPECT_FALSE(rules.apply(untouched));
}

TEST(CustomRules, BadPatternsAreRefusedWithSqlstate2201B) {
    for (auto [pattern, replacement] : std::vector<std::pair<const char *, const char *>>{
             {"(unclosed", "x"}, {"a{2,1}", "x"}, {"(?<=x)y", "x"}, {"", "x"}, {"a*", "x"}, {"(a)", "\\2"},
             // zero-width somewhere: would insert the replacement at every word boundary
             {"\\b", "x"}, {"\\B", "x"}, {"(?m)$", "x"}, {"(?m)^", "x"}, {"x*\\b", "x"}}) {
        try {
            CustomRules::validate("r", pattern, replacement);
            ADD_FAILURE() << pattern << " was accepted";
        } catch (const tde::core::Error &e) {
            EXPECT_STREQ(e.sqlstate(), "2201B") << pattern;
            EXPECT_NE(std::string(e.what()).find("custom rule \"r\""), std::string::npos);
        }
    }
}

// The pattern may hold the value the rule is meant to hide: errors name the
// kind of mistake, never the pattern or the replacement.
TEST(CustomRules, ErrorsDoNotEchoThePattern) {
    for (auto [pattern, replacement, kind] : std::vector<std::tuple<const char *, const char *, const char *>>{
             {"john\\.doe@example\\.com(", "x", "missing )"},
             {"212-555-0170[", "x", "missing ]"},
             {"(?P<x>212-555-0170", "x", ""},
             {"jane@example\\.com", "\\9 jane@example.com", "invalid replacement"}}) {
        try {
            CustomRules::validate("r", pattern, replacement);
            ADD_FAILURE() << pattern << " was accepted";
        } catch (const tde::core::Error &e) {
            const std::string what = e.what();
            EXPECT_EQ(what.find("example"), std::string::npos) << what;
            EXPECT_EQ(what.find("555"), std::string::npos) << what;
            EXPECT_NE(what.find(kind), std::string::npos) << what;
        }
    }
}

TEST(CustomRules, OrdinaryPatternsAreAccepted) {
    for (const char *pattern : {"ACCT\\d+", "\\bEMP-\\d{6}\\b", "(?i)secret", "[A-Z]{2}\\d{6}", "^INTERNAL"})
        EXPECT_NO_THROW(CustomRules::validate("r", pattern, "x")) << pattern;
}

TEST(CustomRules, NameRequired) {
    try {
        CustomRules::validate("", "x", "y");
        ADD_FAILURE();
    } catch (const tde::core::Error &e) {
        EXPECT_STREQ(e.sqlstate(), "22023");
    }
}
