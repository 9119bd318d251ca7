// Custom anonymization rules: (name, RE2 pattern, replacement) that a
// superuser adds on top of the built-in detectors. Patterns are compiled when
// a rule is written (validate) and once per backend when the rules change.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace tde::core {

class CustomRules {
public:
    CustomRules();
    ~CustomRules();
    CustomRules(CustomRules &&) noexcept;
    CustomRules &operator=(CustomRules &&) noexcept;

    // Compiles and appends a rule. Throws tde::core::Error with SQLSTATE
    // 2201B (invalid_regular_expression) naming the rule, never echoing text
    // it was applied to. `replacement` may use \0..\9 for groups.
    void add(std::string_view name, std::string_view pattern, std::string_view replacement);

    // Checks a rule without keeping it (same errors as add()).
    static void validate(std::string_view name, std::string_view pattern, std::string_view replacement);

    // Applies every rule in order to `text`; true when something changed.
    bool apply(std::string &text) const;

    bool empty() const { return rules_.empty(); }
    size_t size() const { return rules_.size(); }

private:
    struct Rule {
        std::string name;
        std::unique_ptr<re2::RE2> pattern;
        std::string replacement;
    };
    std::vector<Rule> rules_;
};

}  // namespace tde::core
