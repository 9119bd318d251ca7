// Detection and replacement of personal data in free text.
//
// The text is first folded (core/text_fold.hpp: FULLWIDTH forms, ideographic
// and no-break spaces, typographic dashes -> ASCII) with a map back to the
// original bytes, so a detection always replaces the original characters.
// Detectors find candidates with RE2 (patterns compiled once per instance) and
// confirm them with validators: the TLD list for emails; Luhn, brand prefix and
// length for cards; SSA rules for SSNs; octet ranges for IPv4; inet_pton for
// IPv6; Google's libphonenumber for phone numbers (core/phone_detector.hpp),
// read against a configurable list of default regions and normalized to E.164.
// Overlapping detections keep the longest span. Replacements follow the
// guide's shapes; hashed parts are keyed tokens (HMAC-SHA256 with the
// database's secret), so the same input always gives the same output, and the
// output contains nothing that is detected again (idempotent).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace tde::core {

class PhoneDetector;
class FoldedText;

enum class PiiType { Email, Phone, Ssn, CreditCard, IPv4, IPv6 };

// Stable lower-case name: "email", "phone", "ssn", "credit_card", "ipv4", "ipv6".
const char *pii_type_name(PiiType type);

struct Detection {
    size_t begin;  // byte offsets into the scanned text, [begin, end)
    size_t end;
    PiiType type;
    // The value in canonical form: lower-cased email, phone in E.164
    // ("+12125550100"), card/SSN digits, IPv4 as written, IPv6 per inet_ntop.
    std::string normalized;
};

struct PiiOptions {
    // Regions (ISO 3166-1 alpha-2, see PiiAnonymizer::valid_region_code)
    // that phone numbers written without an international prefix are read
    // against. Numbers written "+CC ..." or "00CC ..." are found whatever the
    // list holds.
    std::vector<std::string> phone_regions{"US"};
};

class PiiAnonymizer {
public:
    // Compiles every pattern once; throws tde::core::Error if one fails.
    PiiAnonymizer();
    // Throws tde::core::Error (SQLSTATE 22023) for a region code that
    // valid_region_code() rejects.
    explicit PiiAnonymizer(const PiiOptions &options);
    ~PiiAnonymizer();
    PiiAnonymizer(const PiiAnonymizer &) = delete;
    PiiAnonymizer &operator=(const PiiAnonymizer &) = delete;

    // True for a two-letter region code libphonenumber has metadata for
    // ("US", "gb", "De"; case does not matter).
    static bool valid_region_code(std::string_view code);

    // The options in force, region codes upper-cased and de-duplicated.
    const PiiOptions &options() const { return options_; }

    // Non-overlapping detections sorted by position, as byte offsets into
    // `text` (whole UTF-8 characters).
    std::vector<Detection> detect(std::string_view text) const;

    // `text` with every detection replaced. Returns false (and leaves `out`
    // untouched) when nothing was found, so callers can skip copying.
    bool anonymize(std::string_view text, std::string_view key, std::string &out) const;
    std::string anonymize(std::string_view text, std::string_view key) const;

    // The replacement text for one detected value.
    static std::string replacement(PiiType type, std::string_view value, std::string_view key);

    // True when `raw` (digits and separators) is written the way phone
    // numbers are and other numbers are not (a trunk or international prefix,
    // a bracketed area code, North American groups), or is a valid number of
    // one of the configured regions. For values a weaker hint names a phone
    // number ("mobile", "cell": also used for counts and places). A value
    // `assigned` to the hint (SQL, URL, JSON) may be a region's number
    // without its trunk prefix; one in prose may not
    // (PhoneDetector::valid_in_regions).
    bool phone_like(std::string_view raw, bool assigned) const;

private:
    // Detections in already folded text, offsets into that text.
    std::vector<Detection> detect_folded(const FoldedText &folded) const;
    void detect_emails(std::string_view text, std::vector<Detection> &out) const;
    void detect_phones(std::string_view text, std::vector<Detection> &out) const;
    void detect_ssns(std::string_view text, std::vector<Detection> &out) const;
    void detect_cards(std::string_view text, std::vector<Detection> &out) const;
    void detect_ipv4(std::string_view text, std::vector<Detection> &out) const;
    // Cells of a pasted table (CSV, TSV, Markdown, psql output, an SQL
    // INSERT or COPY) and values of a JSON object or array under a column
    // or key that names a phone number or an SSN: read as after a label.
    // (Under a column of versions a dotted quad is no address.)
    void detect_table_cells(const FoldedText &folded, std::vector<Detection> &out) const;
    // (`folded` tells which characters were folded: a fullwidth colon is a
    // label's, never one of an address written in ASCII.)
    void detect_ipv6(const FoldedText &folded, std::vector<Detection> &out) const;

    PiiOptions options_;
    std::unique_ptr<PhoneDetector> phones_;
    std::unique_ptr<re2::RE2> email_;
    std::unique_ptr<re2::RE2> email_quoted_;
    std::unique_ptr<re2::RE2> phone_nanp_;
    std::unique_ptr<re2::RE2> phone_international_;
    std::unique_ptr<re2::RE2> phone_extension_;
    std::unique_ptr<re2::RE2> ssn_;
    std::unique_ptr<re2::RE2> ssn_bare_;
    std::unique_ptr<re2::RE2> ssn_spaced_;
    std::unique_ptr<re2::RE2> card_;
    std::unique_ptr<re2::RE2> ipv4_;
    std::unique_ptr<re2::RE2> ipv6_;
};

// False only when no detector can find anything in `text`: pure ASCII that
// needs no folding (no '%', '\\' or HTML character reference), without '@', without a ':' and a digit
// or three ':' (IPv6), and without a stretch free of letters that holds seven digits
// (the fewest a phone number, SSN or card detection has) or four digits and
// three dots (IPv4); an ISO date ("2023-06-01") ends a stretch. A cheap test (one pass, no allocation) so that callers
// can skip text without candidates before doing any work of their own (a
// SQL text's literal scan); anonymize() applies it itself.
bool may_hold_pii(std::string_view text);

// Database names become "db_<12 hex>". A value that already is such a token is
// returned unchanged.
std::string anonymize_database_name(std::string_view name, std::string_view key);

// Validators, exposed for unit tests.
bool luhn_valid(std::string_view digits);
bool card_brand_valid(std::string_view digits);
bool ssn_valid(std::string_view area, std::string_view group, std::string_view serial);
bool is_known_tld(std::string_view tld);

}  // namespace tde::core
