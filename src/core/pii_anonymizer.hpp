// Detection and replacement of personal data in free text.
//
// Detectors find candidates with RE2 and confirm them with validators (TLD list
// for emails, Luhn and brand rules for cards, SSA rules for SSNs, octet ranges
// for IPv4, inet_pton for IPv6). Overlapping detections keep the longest span.
// Replacements follow the guide's shapes; hashed parts are keyed tokens
// (HMAC-SHA256 with the database's secret), so the same input always gives the
// same output, and a replacement is never detected again (idempotent).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace tde::core {

enum class PiiType { Email, Phone, Ssn, CreditCard, IPv4, IPv6 };

// Stable lower-case name: "email", "phone", "ssn", "credit_card", "ipv4", "ipv6".
const char *pii_type_name(PiiType type);

struct Detection {
    size_t begin;  // byte offsets into the scanned text, [begin, end)
    size_t end;
    PiiType type;
};

class PiiAnonymizer {
public:
    // Compiles every pattern once; throws tde::core::Error if one fails.
    PiiAnonymizer();
    ~PiiAnonymizer();
    PiiAnonymizer(const PiiAnonymizer &) = delete;
    PiiAnonymizer &operator=(const PiiAnonymizer &) = delete;

    // Non-overlapping detections sorted by position.
    std::vector<Detection> detect(std::string_view text) const;

    // `text` with every detection replaced. Returns false (and leaves `out`
    // untouched) when nothing was found, so callers can skip copying.
    bool anonymize(std::string_view text, std::string_view key, std::string &out) const;
    std::string anonymize(std::string_view text, std::string_view key) const;

    // The replacement text for one detected value.
    static std::string replacement(PiiType type, std::string_view value, std::string_view key);

private:
    void detect_emails(std::string_view text, std::vector<Detection> &out) const;
    void detect_phones(std::string_view text, std::vector<Detection> &out) const;
    void detect_ssns(std::string_view text, std::vector<Detection> &out) const;
    void detect_cards(std::string_view text, std::vector<Detection> &out) const;
    void detect_ipv4(std::string_view text, std::vector<Detection> &out) const;
    void detect_ipv6(std::string_view text, std::vector<Detection> &out) const;

    std::unique_ptr<re2::RE2> email_;
    std::unique_ptr<re2::RE2> phone_;
    std::unique_ptr<re2::RE2> phone_extension_;
    std::unique_ptr<re2::RE2> ssn_;
    std::unique_ptr<re2::RE2> ssn_bare_;
    std::unique_ptr<re2::RE2> card_;
    std::unique_ptr<re2::RE2> ipv4_;
    std::unique_ptr<re2::RE2> ipv6_;
};

// Database names become "db_<12 hex>". A value that already is such a token is
// returned unchanged.
std::string anonymize_database_name(std::string_view name, std::string_view key);

// Validators, exposed for unit tests.
bool luhn_valid(std::string_view digits);
bool card_brand_valid(std::string_view digits);
bool ssn_valid(std::string_view area, std::string_view group, std::string_view serial);
bool is_known_tld(std::string_view tld);

}  // namespace tde::core
