#include "core/custom_rules.hpp"

#include <re2/re2.h>

#include "core/error.hpp"

namespace tde::core {

namespace {

const char *pattern_error_kind(re2::RE2::ErrorCode code) {
    switch (code) {
        case re2::RE2::ErrorBadEscape: return "bad escape sequence";
        case re2::RE2::ErrorBadCharClass: return "bad character class";
        case re2::RE2::ErrorBadCharRange: return "bad character class range";
        case re2::RE2::ErrorMissingBracket: return "missing ]";
        case re2::RE2::ErrorMissingParen: return "missing )";
        case re2::RE2::ErrorTrailingBackslash: return "trailing backslash";
        case re2::RE2::ErrorRepeatArgument: return "no argument for a repetition operator";
        case re2::RE2::ErrorRepeatSize: return "bad repetition count";
        case re2::RE2::ErrorRepeatOp: return "bad repetition operator";
        case re2::RE2::ErrorBadPerlOp: return "bad Perl operator (lookaround and backreferences are not supported)";
        case re2::RE2::ErrorBadUTF8: return "invalid UTF-8";
        case re2::RE2::ErrorBadNamedCapture: return "bad named capture group";
        case re2::RE2::ErrorPatternTooLarge: return "pattern too large";
        default: return "unbalanced parentheses or another syntax error";
    }
}

std::unique_ptr<re2::RE2> compile_rule(std::string_view name, std::string_view pattern,
                                       std::string_view replacement) {
    if (name.empty()) throw Error("22023", "a custom rule needs a name");
    if (pattern.empty()) throw Error("2201B", "custom rule \"" + std::string(name) + "\": empty pattern");
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    auto re = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    // RE2's own message quotes the offending part of the pattern, which may
    // be the very value the rule is meant to hide: only its kind is named.
    if (!re->ok())
        throw Error("2201B", "custom rule \"" + std::string(name) + "\": invalid RE2 pattern: " +
                                 pattern_error_kind(re->error_code()));
    std::string why;
    if (!re->CheckRewriteString(re2::StringPiece(replacement.data(), replacement.size()), &why))
        throw Error("2201B", "custom rule \"" + std::string(name) +
                                 "\": invalid replacement (a \\N beyond the pattern's groups, or a backslash not "
                                 "followed by a digit or another backslash)");
    // A pattern that matches the empty string would insert the replacement
    // between every character.
    if (re2::RE2::FullMatch("", *re))
        throw Error("2201B", "custom rule \"" + std::string(name) + "\": pattern matches the empty string");
    // ... and so would one that matches nothing at some position ("\b",
    // "(?m)$"): every rewrite would insert it again.
    for (std::string_view probe : {"a", "a b", "1", "a-b", "ab12 cd.", " x\n", "@", "\xc3\xa9t\xc3\xa9"}) {
        const re2::StringPiece text(probe.data(), probe.size());
        for (size_t pos = 0; pos <= probe.size(); ++pos) {
            re2::StringPiece match;
            if (re->Match(text, pos, probe.size(), re2::RE2::UNANCHORED, &match, 1) && match.empty())
                throw Error("2201B",
                            "custom rule \"" + std::string(name) + "\": pattern can match an empty piece of text");
        }
    }
    return re;
}

}  // namespace

CustomRules::CustomRules() = default;
CustomRules::~CustomRules() = default;
CustomRules::CustomRules(CustomRules &&) noexcept = default;
CustomRules &CustomRules::operator=(CustomRules &&) noexcept = default;

void CustomRules::add(std::string_view name, std::string_view pattern, std::string_view replacement) {
    rules_.push_back(Rule{std::string(name), compile_rule(name, pattern, replacement), std::string(replacement)});
}

void CustomRules::validate(std::string_view name, std::string_view pattern, std::string_view replacement) {
    compile_rule(name, pattern, replacement);
}

bool CustomRules::apply(std::string &text) const {
    bool changed = false;
    for (const Rule &rule : rules_)
        if (re2::RE2::GlobalReplace(&text, *rule.pattern, rule.replacement) > 0) changed = true;
    return changed;
}

}  // namespace tde::core
