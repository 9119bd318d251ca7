#include "core/pii_anonymizer.hpp"

#include <arpa/inet.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#include "core/error.hpp"
#include "core/keyed_hash.hpp"

namespace tde::core {

namespace {

const char *const kTlds[] = {
#include "core/tld_list.inc"
};

// Separators inside phone numbers: space, dot, hyphen, no-break space, and the
// dashes people paste from word processors (U+2010..U+2013).
#define TDE_PHONE_SEP "(?:[ .\\-]|\\x{00A0}|\\x{2010}|\\x{2011}|\\x{2012}|\\x{2013})"

constexpr const char *kEmailPattern =
    "[A-Za-z0-9][A-Za-z0-9_%+\\-]*(?:\\.[A-Za-z0-9_%+\\-]+)*"
    "@((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}))";

// North American numbers with separators, and any number written with an
// international prefix (+CC or 00CC); optional extension.
constexpr const char *kPhonePattern =
    "(?:(?:\\+|00)1" TDE_PHONE_SEP "?)?(?:\\(\\d{3}\\) ?|\\d{3}" TDE_PHONE_SEP ")\\d{3}" TDE_PHONE_SEP
    "\\d{4}"
    "|(?:\\+|00)[1-9]\\d{0,3}(?:" TDE_PHONE_SEP "?(?:\\(\\d{1,4}\\)|\\d{1,6})){1,6}";

constexpr const char *kPhoneExtensionPattern = "\\s*(?:ext\\.?|x|#)\\s*\\d{1,6}";

constexpr const char *kSsnPattern = "\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}";
constexpr const char *kSsnBarePattern = "\\d{9}";

// Card numbers: grouped forms (19, 16, Amex 15, Diners 14 digits) and bare
// runs of 13-19 digits. Consistency of separators is checked afterwards.
constexpr const char *kCardPattern =
    "\\d{4}[ \\-]\\d{4}[ \\-]\\d{4}[ \\-]\\d{4}[ \\-]\\d{3}"
    "|\\d{4}[ \\-]\\d{4}[ \\-]\\d{4}[ \\-]\\d{4}"
    "|\\d{4}[ \\-]\\d{6}[ \\-]\\d{4,5}"
    "|\\d{13,19}";

constexpr const char *kIpv4Pattern = "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})";

constexpr const char *kIpv6Pattern =
    "[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3}"
    "(?:%[0-9A-Za-z_.\\-]+)?(?:/\\d{1,3})?";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool is_word(char c) { return is_alnum(c) || c == '_'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char &c : out) c = to_lower(c);
    return out;
}

std::string digits_of(std::string_view s) {
    std::string out;
    for (char c : s)
        if (is_digit(c)) out.push_back(c);
    return out;
}

size_t count_digits(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), is_digit));
}

std::string last_n(const std::string &s, size_t n) {
    return s.size() <= n ? s : s.substr(s.size() - n);
}

char at(std::string_view text, size_t i) { return i < text.size() ? text[i] : '\0'; }
char before(std::string_view text, size_t i) { return i > 0 ? text[i - 1] : '\0'; }

// True when the digits at [begin, end) continue into more digits on either
// side, directly or across one separator ("1234-5678" inside "1234-5678-9").
bool glued_to_digits(std::string_view text, size_t begin, size_t end, const char *separators) {
    if (is_digit(before(text, begin))) return true;
    if (is_digit(at(text, end))) return true;
    if (begin >= 2 && std::strchr(separators, text[begin - 1]) && is_digit(text[begin - 2]))
        return true;
    if (std::strchr(separators, at(text, end)) && at(text, end) != '\0' && is_digit(at(text, end + 1)))
        return true;
    return false;
}

// Calls `visit(begin, end)` for every leftmost match of `re` in `text`,
// restarting one byte after a match's start so a rejected candidate does not
// hide one that starts inside it. `visit` returns the position to resume at.
template <typename Visit>
void for_each_match(const re2::RE2 &re, std::string_view text, Visit visit) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    size_t pos = 0;
    while (pos < text.size() &&
           re.Match(input, pos, text.size(), re2::RE2::UNANCHORED, &match, 1)) {
        size_t begin = static_cast<size_t>(match.data() - text.data());
        size_t end = begin + match.size();
        size_t next = visit(begin, end);
        pos = std::max(next, begin + 1);
    }
}

std::unique_ptr<re2::RE2> compile(const char *pattern) {
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    auto re = std::make_unique<re2::RE2>(pattern, options);
    if (!re->ok()) throw Error("XX000", "internal PII pattern failed to compile: " + re->error());
    return re;
}

bool is_email_token(std::string_view local) {
    if (local.size() != 5 + 12 || local.substr(0, 5) != "user_") return false;
    for (char c : local.substr(5))
        if (!(is_digit(c) || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool has_ssn_keyword_before(std::string_view text, size_t begin) {
    size_t from = begin > 32 ? begin - 32 : 0;
    std::string window = lower(text.substr(from, begin - from));
    return window.find("ssn") != std::string::npos ||
           window.find("social security") != std::string::npos ||
           window.find("ss#") != std::string::npos;
}

bool in_range(std::string_view digits, const char *lo, const char *hi) {
    size_t n = std::strlen(lo);
    if (digits.size() < n) return false;
    std::string_view head = digits.substr(0, n);
    return head >= lo && head <= hi;
}

}  // namespace

const char *pii_type_name(PiiType type) {
    switch (type) {
        case PiiType::Email: return "email";
        case PiiType::Phone: return "phone";
        case PiiType::Ssn: return "ssn";
        case PiiType::CreditCard: return "credit_card";
        case PiiType::IPv4: return "ipv4";
        case PiiType::IPv6: return "ipv6";
    }
    return "unknown";
}

bool is_known_tld(std::string_view tld) {
    std::string needle = lower(tld);
    return std::binary_search(std::begin(kTlds), std::end(kTlds), needle,
                              [](const auto &a, const auto &b) {
                                  return std::string_view(a) < std::string_view(b);
                              });
}

bool luhn_valid(std::string_view digits) {
    if (digits.empty()) return false;
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!is_digit(*it)) return false;
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

bool card_brand_valid(std::string_view d) {
    size_t n = d.size();
    auto starts = [&](const char *p) { return d.substr(0, std::strlen(p)) == p; };
    if (starts("4")) return n == 13 || n == 16 || n == 19;                       // Visa
    if (in_range(d, "51", "55") || in_range(d, "2221", "2720")) return n == 16;  // Mastercard
    if (starts("34") || starts("37")) return n == 15;                            // Amex
    if (starts("6011") || starts("65") || in_range(d, "644", "649") ||
        in_range(d, "622126", "622925"))
        return n >= 16 && n <= 19;                                               // Discover
    if (in_range(d, "3528", "3589")) return n >= 16 && n <= 19;                  // JCB
    if (in_range(d, "300", "305") || starts("36") || starts("38") || starts("39"))
        return n >= 14 && n <= 19;                                               // Diners
    if (starts("62")) return n >= 16 && n <= 19;                                 // UnionPay
    if (starts("50") || in_range(d, "56", "69")) return n >= 12 && n <= 19;      // Maestro
    return false;
}

bool ssn_valid(std::string_view area, std::string_view group, std::string_view serial) {
    if (area == "000" || area == "666" || area[0] == '9') return false;
    if (group == "00") return false;
    if (serial == "0000") return false;
    return true;
}

PiiAnonymizer::PiiAnonymizer()
    : email_(compile(kEmailPattern)),
      phone_(compile(kPhonePattern)),
      phone_extension_(compile(kPhoneExtensionPattern)),
      ssn_(compile(kSsnPattern)),
      ssn_bare_(compile(kSsnBarePattern)),
      card_(compile(kCardPattern)),
      ipv4_(compile(kIpv4Pattern)),
      ipv6_(compile(kIpv6Pattern)) {}

PiiAnonymizer::~PiiAnonymizer() = default;

void PiiAnonymizer::detect_emails(std::string_view text, std::vector<Detection> &out) const {
    if (text.find('@') == std::string_view::npos) return;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece groups[3];
    size_t pos = 0;
    while (pos < text.size() &&
           email_->Match(input, pos, text.size(), re2::RE2::UNANCHORED, groups, 3)) {
        size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        size_t end = begin + groups[0].size();
        size_t at_sign = static_cast<size_t>(groups[1].data() - text.data()) - 1;
        std::string_view local = text.substr(begin, at_sign - begin);
        std::string_view tld(groups[2].data(), groups[2].size());
        bool glued = is_word(at(text, end)) || at(text, end) == '-' ||
                     (at(text, end) == '.' && is_alnum(at(text, end + 1)));
        if (!glued && is_alnum(local.back()) && is_known_tld(tld) && !is_email_token(local))
            out.push_back({begin, end, PiiType::Email});
        pos = end > begin ? end : begin + 1;
    }
}

void PiiAnonymizer::detect_phones(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 7) return;
    for_each_match(*phone_, text, [&](size_t begin, size_t end) -> size_t {
        std::string_view candidate = text.substr(begin, end - begin);
        size_t digits = count_digits(candidate);
        bool international = candidate[0] == '+' || candidate.substr(0, 2) == "00";
        if (international && (digits < 8 || digits > 17)) return begin + 1;
        if (glued_to_digits(text, begin, end, "-.") || is_alnum(before(text, begin)))
            return begin + 1;
        // Take an extension ("x123", "ext. 45") into the span.
        re2::StringPiece rest(text.data() + end, text.size() - end);
        re2::StringPiece ext;
        if (phone_extension_->Match(rest, 0, rest.size(), re2::RE2::ANCHOR_START, &ext, 1) &&
            !is_digit(at(text, end + ext.size())))
            end += ext.size();
        out.push_back({begin, end, PiiType::Phone});
        return end;
    });
}

void PiiAnonymizer::detect_ssns(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 9) return;
    for_each_match(*ssn_, text, [&](size_t begin, size_t end) -> size_t {
        if (glued_to_digits(text, begin, end, "- ")) return begin + 1;
        std::string_view s = text.substr(begin, end - begin);
        if (!ssn_valid(s.substr(0, 3), s.substr(4, 2), s.substr(7, 4))) return begin + 1;
        out.push_back({begin, end, PiiType::Ssn});
        return end;
    });
    for_each_match(*ssn_bare_, text, [&](size_t begin, size_t end) -> size_t {
        if (is_digit(before(text, begin)) || is_digit(at(text, end))) return begin + 1;
        std::string_view s = text.substr(begin, end - begin);
        if (!ssn_valid(s.substr(0, 3), s.substr(3, 2), s.substr(5, 4))) return end;
        if (has_ssn_keyword_before(text, begin)) out.push_back({begin, end, PiiType::Ssn});
        return end;
    });
}

void PiiAnonymizer::detect_cards(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 13) return;
    for_each_match(*card_, text, [&](size_t begin, size_t end) -> size_t {
        std::string_view candidate = text.substr(begin, end - begin);
        char separator = '\0';
        for (char c : candidate) {
            if (is_digit(c)) continue;
            if (separator != '\0' && c != separator) return begin + 1;  // mixed styles
            separator = c;
        }
        const char *glue = separator == ' ' ? " " : "-";
        if (glued_to_digits(text, begin, end, glue)) return begin + 1;
        std::string digits = digits_of(candidate);
        if (!card_brand_valid(digits) || !luhn_valid(digits)) return begin + 1;
        out.push_back({begin, end, PiiType::CreditCard});
        return end;
    });
}

void PiiAnonymizer::detect_ipv4(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 4 || text.find('.') == std::string_view::npos) return;
    for_each_match(*ipv4_, text, [&](size_t begin, size_t end) -> size_t {
        char prev = before(text, begin);
        if (is_word(prev) || prev == '.') return begin + 1;
        if (is_word(at(text, end)) || (at(text, end) == '.' && is_digit(at(text, end + 1))))
            return begin + 1;
        std::string_view s = text.substr(begin, end - begin);
        size_t start = 0;
        for (int octet = 0; octet < 4; ++octet) {
            size_t dot = s.find('.', start);
            std::string_view part = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
            if (std::stoi(std::string(part)) > 255) return begin + 1;
            start = dot + 1;
        }
        out.push_back({begin, end, PiiType::IPv4});
        return end;
    });
}

void PiiAnonymizer::detect_ipv6(std::string_view text, std::vector<Detection> &out) const {
    if (text.find(':') == std::string_view::npos) return;
    for_each_match(*ipv6_, text, [&](size_t begin, size_t end) -> size_t {
        char prev = before(text, begin);
        if (is_word(prev) || prev == ':' || prev == '.') return begin + 1;
        if (is_word(at(text, end)) || at(text, end) == ':') return begin + 1;
        std::string_view candidate = text.substr(begin, end - begin);
        std::string address(candidate.substr(0, candidate.find_first_of("%/")));
        if (count_digits(address) == 0) return begin + 1;  // "a::dec", "beef::cafe" casts/words
        size_t groups = 0;
        for (size_t i = 0; i < address.size(); ++i)
            if (is_hex(address[i]) && (i == 0 || !is_hex(address[i - 1]))) ++groups;
        if (groups < 2) return begin + 1;  // "::1", "1::"
        unsigned char buf[16];
        if (inet_pton(AF_INET6, address.c_str(), buf) != 1) return begin + 1;
        out.push_back({begin, end, PiiType::IPv6});
        return end;
    });
}

std::vector<Detection> PiiAnonymizer::detect(std::string_view text) const {
    std::vector<Detection> all;
    detect_emails(text, all);
    detect_cards(text, all);
    detect_ssns(text, all);
    detect_phones(text, all);
    detect_ipv4(text, all);
    detect_ipv6(text, all);
    if (all.size() <= 1) return all;
    // Keep the longest span where detections overlap (ties: earliest first).
    std::stable_sort(all.begin(), all.end(), [](const Detection &a, const Detection &b) {
        return (a.end - a.begin) > (b.end - b.begin);
    });
    std::vector<Detection> kept;
    for (const Detection &d : all) {
        bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Detection &k) {
            return d.begin < k.end && k.begin < d.end;
        });
        if (!overlaps) kept.push_back(d);
    }
    std::sort(kept.begin(), kept.end(),
              [](const Detection &a, const Detection &b) { return a.begin < b.begin; });
    return kept;
}

std::string PiiAnonymizer::replacement(PiiType type, std::string_view value, std::string_view key) {
    switch (type) {
        case PiiType::Email: {
            size_t at_sign = value.rfind('@');
            std::string normalized = lower(value);
            return "user_" + keyed_token(key, "email", normalized) + "@" +
                   lower(value.substr(at_sign + 1));
        }
        case PiiType::Phone: {
            // The last four digits of the number itself, not of an extension.
            size_t ext = value.find_first_of("#xXeE");
            return "XXX-XXX-" + last_n(digits_of(value.substr(0, ext)), 4);
        }
        case PiiType::Ssn: return "XXX-XX-" + last_n(digits_of(value), 4);
        case PiiType::CreditCard: return "XXXX-XXXX-XXXX-" + last_n(digits_of(value), 4);
        case PiiType::IPv4: return "XXX.XXX.XXX." + std::string(value.substr(value.rfind('.') + 1));
        case PiiType::IPv6: {
            std::string address(value.substr(0, value.find_first_of("%/")));
            unsigned char buf[16] = {0};
            inet_pton(AF_INET6, address.c_str(), buf);
            char last[8];
            snprintf(last, sizeof last, "%x", (buf[14] << 8) | buf[15]);
            std::string out = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:";
            out += last;
            size_t slash = value.find('/');
            if (slash != std::string_view::npos) out += value.substr(slash);
            return out;
        }
    }
    return std::string();
}

bool PiiAnonymizer::anonymize(std::string_view text, std::string_view key, std::string &out) const {
    std::vector<Detection> found = detect(text);
    if (found.empty()) return false;
    std::string result;
    result.reserve(text.size() + 16 * found.size());
    size_t pos = 0;
    for (const Detection &d : found) {
        result.append(text.substr(pos, d.begin - pos));
        result.append(replacement(d.type, text.substr(d.begin, d.end - d.begin), key));
        pos = d.end;
    }
    result.append(text.substr(pos));
    out.swap(result);
    return true;
}

std::string PiiAnonymizer::anonymize(std::string_view text, std::string_view key) const {
    std::string out;
    if (!anonymize(text, key, out)) out.assign(text);
    return out;
}

std::string anonymize_database_name(std::string_view name, std::string_view key) {
    bool already_token = name.size() == 3 + 12 && name.substr(0, 3) == "db_" &&
                         std::all_of(name.begin() + 3, name.end(), [](char c) {
                             return is_digit(c) || (c >= 'a' && c <= 'f');
                         });
    if (already_token) return std::string(name);
    return "db_" + keyed_token(key, "database_name", name);
}

}  // namespace tde::core
