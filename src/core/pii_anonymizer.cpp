#include "core/pii_anonymizer.hpp"

#include <arpa/inet.h>
#include <re2/re2.h>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <unordered_map>

#include "core/error.hpp"
#include "core/keyed_hash.hpp"
#include "core/phone_detector.hpp"
#include "core/text_fold.hpp"

namespace tde::core {

namespace {

const char *const kTlds[] = {
#include "core/tld_list.inc"
};

const char *const kUnicodeTlds[] = {
#include "core/tld_unicode_list.inc"
};

// Every pattern runs on folded text (core/text_fold.hpp), so the separators
// are ASCII: no-break spaces and typographic dashes arrive as ' ' and '-'.

// ASCII-only classes, so letters of surrounding CJK or accented text are never
// taken into an address. The local part starts with an alphanumeric and has no
// "..": a dot must be followed by another local character. The domain is
// checked label by label afterwards (a real TLD from tld_list.inc).
constexpr const char *kEmailPattern =
    "[A-Za-z0-9][A-Za-z0-9_%+\\-]*(?:\\.[A-Za-z0-9_%+\\-]+)*"
    "@((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+(?:[Xx][Nn]--[A-Za-z0-9\\-]{1,59}|[A-Za-z]{2,63}))";

// A quoted local part ("john.doe"@example.com, "john smith"@example.com):
// RFC 5322 allows any characters but the quote, a backslash and line breaks
// between the quotes (here not '@' either: two addresses never make one); in
// a JSON string the quotes are escaped (\"j.d\"@example.com). The domain is
// the one of kEmailPattern, checked the same way; the quotes are part of the
// value.
constexpr const char *kEmailQuotedPattern =
    "\\\\?\"[^\"@\\\\\r\n]{1,64}\\\\?\""
    "@((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+(?:[Xx][Nn]--[A-Za-z0-9\\-]{1,59}|[A-Za-z]{2,63}))";

// Phones, part 1: the strict North American separator forms, kept as RE2
// patterns on purpose. libphonenumber (part 3) accepts only numbers that are
// VALID for their region, and the guide's own sample 555-123-4567 is not (its
// exchange starts with 1), nor are many made-up or mistyped numbers people
// still mean as phone numbers. Redacting a number that merely looks like a US
// phone is harmless; leaking a real one is not, so these shapes are masked
// whatever libphonenumber says:
//   (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX, NXX NXX XXXX (one separator
//   style), optionally after 1 / +1 / 001, and +1 followed by ten digits in
//   any grouping. N is any digit here, not only 2-9, so 555-123-4567 and
//   123-456-7890 are masked too. The spaces-only form inside a longer list
//   of numbers ("ids 101 102 1003 1004") needs a phone word nearby.
// The E.164 form of such a match is +1 and its ten digits.
constexpr const char *kPhoneNanpPattern =
    "(?:(?:\\+1|001|00 1)[ .\\-]?|1[ .\\-])?"
    "(?:\\(\\d{3}\\)[ .\\-]?\\d{3}[ .\\-]\\d{4}"
    "|\\d{3}-\\d{3}-\\d{4}"
    "|\\d{3}\\.\\d{3}\\.\\d{4}"
    "|\\d{3} \\d{3} \\d{4}"
    "|\\d{3} \\d{3}-\\d{4})"
    "|\\+1[ .\\-]?\\(?\\d{3}\\)?[ .\\-]?\\d{3}[ .\\-]?\\d{4}";

// Phones, part 2: anything written with an international prefix (+CC or
// 00CC), confirmed by libphonenumber as a possible number of that country.
// The country code may be bracketed: "(+49)(0)30 1234567".
constexpr const char *kPhoneInternationalPattern =
    "(?:\\+|00 ?)[1-9]\\d{0,3}\\)?(?:[ .\\-/]?(?:\\(\\d{1,4}\\)|\\d{1,6})){1,6}";

// Phones, part 3, is libphonenumber's PhoneNumberMatcher (core/phone_detector).

constexpr const char *kPhoneExtensionPattern =
    "[ ,]*(?:(?i:extension|ext\\.?|x)|#)[ .:]*\\d{1,6}";

constexpr const char *kSsnPattern = "\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{3}\\.\\d{2}\\.\\d{4}";
constexpr const char *kSsnBarePattern = "\\d{9}";
// Groups set apart by spaces around the dashes ("123 - 45 - 6789") or by
// wide gaps (an en dash between spaces folds to one: "123 – 45 – 6789"):
// read only next to an SSN keyword. (Bounded repeats: linear on any input.)
constexpr const char *kSsnSpacedPattern =
    "\\d{3}(?: {0,3}- {0,3}| {2,3})\\d{2}(?: {0,3}- {0,3}| {2,3})\\d{4}";

// Card numbers: grouped forms with one separator style per number (19-digit
// 4-4-4-4-3, 16-digit 4-4-4-4, Amex 15 / Diners 14 as 4-6-5 / 4-6-4 or
// 4-4-4-3 / 4-4-4-2) and bare
// runs of 13-19 digits. Brand, length and Luhn are checked afterwards.
constexpr const char *kCardPattern =
    "\\d{4}-\\d{4}-\\d{4}-\\d{4}(?:-\\d{3})?"
    "|\\d{4} \\d{4} \\d{4} \\d{4}(?: \\d{3})?"
    "|\\d{4}  \\d{4}  \\d{4}  \\d{4}"  // two spaces a gap, as copied from a PDF or typed
    "|\\d{4}\\.\\d{4}\\.\\d{4}\\.\\d{4}(?:\\.\\d{3})?"
    "|\\d{4}-\\d{4}-\\d{4}-\\d{2,3}"  // Amex 15 / Diners 14 written in fours
    "|\\d{4} \\d{4} \\d{4} \\d{2,3}"
    "|\\d{4} - \\d{4} - \\d{4} - \\d{4}"  // spaced dashes, slashes, underscores: next to a card word only
    "|\\d{4}/\\d{4}/\\d{4}/\\d{4}"
    "|\\d{4}_\\d{4}_\\d{4}_\\d{4}"
    "|\\d{4}-\\d{6}-\\d{4,5}"
    "|\\d{4} \\d{6} \\d{4,5}"
    "|\\d{12,19}";

constexpr const char *kIpv4Pattern = "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";

constexpr const char *kIpv6Pattern =
    "[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3}"
    "(?:%[0-9A-Za-z_.\\-]{1,32})?(?:/\\d{1,3})?";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_word(char c) { return is_alnum(c) || c == '_'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_email_local_char(char c) {
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
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

// The length of an ISO date ("2024-01-31", "2024/01/31": years 1900-2099, a
// valid month and day) starting at `i`, or 0. A date written so is no part of
// a phone number, card, SSN or address, so the screens below do not count its
// digits.
size_t iso_date_length(std::string_view s, size_t i) {
    if (i + 10 > s.size() || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '/' || s[i - 1] == '.')))
        return 0;
    const char sep = s[i + 4];
    if ((sep != '-' && sep != '/') || s[i + 7] != sep) return 0;
    for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(s[i + k])) return 0;
    if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) return 0;
    const int month = (s[i + 5] - '0') * 10 + (s[i + 6] - '0');
    const int day = (s[i + 8] - '0') * 10 + (s[i + 9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
    const char next = i + 10 < s.size() ? s[i + 10] : '\0';
    const char after = i + 11 < s.size() ? s[i + 11] : '\0';
    if (is_digit(next) || ((next == '-' || next == '/' || next == '.') && is_digit(after))) return 0;
    return 10;
}

// True when some stretch of the text holds `n` digits with only separators
// between them: no ASCII letter but an "x" (an extension, "2x3"), and no
// more than 12 bytes of anything else between two digits (the phone
// matcher allows four punctuation characters, three bytes each in UTF-8).
// Every phone rule needs seven digits in one such stretch.
// An ISO date ends a stretch.
bool digit_stretch(std::string_view s, size_t n) {
    size_t digits = 0, gap = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (is_digit(ch)) {
            if (digits == 0 || !is_digit(s[i - 1])) {
                if (const size_t date = iso_date_length(s, i)) {
                    i += date - 1;
                    digits = gap = 0;
                    continue;
                }
            }
            gap = 0;
            if (++digits >= n) return true;
        } else if ((is_alpha(ch) && ch != 'x' && ch != 'X') || ++gap > 12) {
            digits = 0;
        }
    }
    return false;
}

std::string last_n(const std::string &s, size_t n) {
    return s.size() <= n ? s : s.substr(s.size() - n);
}

char at(std::string_view text, size_t i) { return i < text.size() ? text[i] : '\0'; }
char before(std::string_view text, size_t i) { return i > 0 ? text[i - 1] : '\0'; }

// A word character touching a value on its left / right. SQL LIKE wildcards
// ('_', '%') between the value and a non-word character are not part of a
// word: '_212-555-0100%', '%123-45-6789_'.
bool word_before(std::string_view text, size_t begin) {
    if (!is_word(before(text, begin))) return false;
    if (before(text, begin) != '_') return true;
    size_t b = begin;
    while (b > 0 && (text[b - 1] == '_' || text[b - 1] == '%')) --b;
    return is_alnum(before(text, b));
}
bool word_after(std::string_view text, size_t end) {
    if (!is_word(at(text, end))) return false;
    if (at(text, end) != '_') return true;
    size_t e = end;
    while (e < text.size() && (text[e] == '_' || text[e] == '%')) ++e;
    return is_alnum(at(text, e));
}

// A dialer's pause or wait at `pos` before the digits of an extension
// ("4155550132p123", "555-0132w9", "P123"; a whole token, not "p123x").
bool dialer_pause_at(std::string_view text, size_t pos) {
    const char c = at(text, pos);
    if ((c != 'p' && c != 'w' && c != 'P' && c != 'W') || !is_digit(at(text, pos + 1))) return false;
    size_t e = pos + 1;
    while (e < text.size() && (is_digit(text[e]) || ((text[e] == 'p' || text[e] == 'w' || text[e] == 'P' ||
                                                      text[e] == 'W') && is_digit(at(text, e + 1)))))
        ++e;
    return !is_word(at(text, e));
}

// True when the digits at [begin, end) continue into more digits on either
// side, directly or across one separator ("1234-5678" inside "1234-5678-9").
bool glued_to_digits(std::string_view text, size_t begin, size_t end, const char *separators) {
    if (is_digit(before(text, begin))) return true;
    if (is_digit(at(text, end))) return true;
    if (begin >= 2 && std::strchr(separators, text[begin - 1]) && is_digit(text[begin - 2]))
        return true;
    if (at(text, end) != '\0' && std::strchr(separators, at(text, end)) && is_digit(at(text, end + 1)))
        return true;
    return false;
}

// True when a number written in groups with spaces at [begin, end) is part
// of a longer list of numbers ("ids 101 102 1003 1004"): digits glued to it,
// or a number one space away. A date or time there ("2024-03-15 212 555
// 0100", "10:30:00 212 555 0100") is a column of its own, not a list item.
bool spaced_number_in_list(std::string_view text, size_t begin, size_t end) {
    if (is_digit(before(text, begin)) || is_digit(at(text, end))) return true;
    auto date_or_time = [](std::string_view token) {
        return token.find(':') != std::string_view::npos || PhoneDetector::date_shaped(token);
    };
    if (begin >= 2 && text[begin - 1] == ' ' && is_digit(text[begin - 2])) {
        size_t b = begin - 1;
        while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\t' && text[b - 1] != '\n') --b;
        std::string_view token = text.substr(b, begin - 1 - b);
        while (!token.empty() && !is_digit(token.front())) token.remove_prefix(1);
        if (!date_or_time(token)) return true;
    }
    if (at(text, end) == ' ' && is_digit(at(text, end + 1))) {
        size_t e = end + 1;
        while (e < text.size() && text[e] != ' ' && text[e] != '\t' && text[e] != '\n') ++e;
        std::string_view token = text.substr(end + 1, e - end - 1);
        while (!token.empty() && !is_digit(token.back())) token.remove_suffix(1);
        if (!date_or_time(token)) return true;
    }
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
    // The message names the internal pattern's problem, never any input text.
    if (!re->ok()) throw Error("XX000", "internal PII pattern failed to compile: " + re->error());
    return re;
}

bool is_email_token(std::string_view local) {
    if (local.size() != 5 + 12 || local.substr(0, 5) != "user_") return false;
    for (char c : local.substr(5))
        if (!(is_digit(c) || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

struct Keyword {
    const char *text;
    bool whole_word;         // must also end at a word boundary ("tel", not "telemetry")
    bool upper_only = false;  // only written in capitals ("TIN", not "tin cans")
};

// A list of keywords with the set of their (lower-cased) first bytes, so that
// a scan rejects most positions with one lookup.
struct KeywordSet {
    const Keyword *words;
    size_t count;
    std::bitset<256> firsts;
    template <size_t N>
    explicit KeywordSet(const Keyword (&list)[N]) : words(list), count(N) {
        for (const Keyword &k : list) firsts.set(static_cast<unsigned char>(to_lower(k.text[0])));
    }
};

// True when one of `keywords` occurs in the `window_before` bytes before
// `begin` or the `window_after` bytes after `end`, starting at a word
// boundary (ASCII keywords are compared case-insensitively).
bool keyword_near(std::string_view text, size_t begin, size_t end, const KeywordSet &keywords,
                  size_t window_before, size_t window_after) {
    size_t from = begin > window_before ? begin - window_before : 0;
    size_t to = std::min(text.size(), end + window_after);
    // One pass over the window: at each word start whose (lower-cased) byte
    // begins a keyword, the keywords are compared in place (no copy).
    auto search = [&](size_t lo, size_t hi) {
        for (size_t p = lo; p < hi; ++p) {
            const char first = to_lower(text[p]);
            if (!keywords.firsts.test(static_cast<unsigned char>(first))) continue;
            // (A camelCase boundary is a word boundary: "customerSsn", "ssnNumber";
            // not after a single letter: "iPhone", "eSim" are product names.)
            auto camel = [&](size_t i) {
                return is_upper(text[i]) && text[i - 1] >= 'a' && text[i - 1] <= 'z' && i >= 2 &&
                       is_alpha(text[i - 2]);
            };
            if (p > lo && is_alpha(text[p - 1]) && !camel(p)) continue;
            for (size_t k = 0; k < keywords.count; ++k) {
                const Keyword &keyword = keywords.words[k];
                std::string_view word = keyword.text;
                if (word[0] != first || p + word.size() > hi) continue;
                bool same = true;
                for (size_t i = 1; i < word.size() && same; ++i) same = to_lower(text[p + i]) == word[i];
                if (!same) continue;
                const size_t after = p + word.size();
                if (keyword.whole_word && after < hi && is_alpha(text[after]) && !camel(after)) continue;
                if (keyword.upper_only &&
                    !std::all_of(text.begin() + p, text.begin() + after, [](char c) { return !(c >= 'a' && c <= 'z'); }))
                    continue;
                return true;
            }
        }
        return false;
    };
    return search(from, begin) || search(end, to);
}

const Keyword kSsnKeywordsList[] = {
    {"ssn", true},           {"ssns", true},       {"ss#", false},       {"social security", false},
    {"social-security", false}, {"social_security", false}, {"socialsecurity", false}, {"s.s.n", false},
    {"seguro social", false}, {"tin", true, true},
    {"soc sec", true},        {"soc. sec", true},  // the abbreviation on forms: "Soc. Sec. #"
};
const KeywordSet kSsnKeywords(kSsnKeywordsList);

// The word right before a dotted quad (spaces, ':' and '#' skipped) makes it a
// version or section number: "Version 1.2.3.4", "Section 4.2.1.3"; with
// `quad` (an IPv4 candidate) also a numbered part of a document.
bool word_in(std::string_view word, const std::string_view *list, size_t count);
bool ends_with(std::string_view s, std::string_view suffix);
// "version" in more languages (compared without case), and in scripts
// written without spaces, at the end of a run ("新版本 1.2.3.4", "バージョン：").
const std::string_view kVersionWords[] = {
    "\xd0\xb2\xd0\xb5\xd1\x80\xd1\x81\xd0\xb8\xd1\x8f", "\xd0\xb2\xd0\xb5\xd1\x80\xd1\x81\xd0\xb8\xd0\xb8", "\xd0\xb2\xd0\xb5\xd1\x80\xd1\x81\xd1\x96\xd1\x8f", "wersja", "wersji", "s\xc3\xbcr\xc3\xbcm",
    "s\xc3\xbcr\xc3\xbcm\xc3\xbc", "verze", "verzi", "versie", "versjon", "versio",
    "verzi\xc3\xb3", "verzija", "versiune", "\xce\xad\xce\xba\xce\xb4\xce\xbf\xcf\x83\xce\xb7"};
const std::string_view kVersionWordEndings[] = {"\xe7\x89\x88\xe6\x9c\xac", "\xe7\x89\x88\xe6\x9c\xac\xe5\x8f\xb7", "\xe7\x89\x88\xe6\x9c\xac\xe8\x99\x9f", "\xe3\x83\x90\xe3\x83\xbc\xe3\x82\xb8\xe3\x83\xa7\xe3\x83\xb3", "\xeb\xb2\x84\xec\xa0\x84"};

// What a column's name says it holds (defined with the table reader below).
int table_column_kind(std::string_view name);

// A column word at [b, ...) written as SQL: qualified or quoted ("t.release",
// "\"build\"") or after a keyword of a condition or a select list ("WHERE
// release", "AND version", "SELECT build").
bool sql_column_at(std::string_view text, size_t b) {
    if (b == 0) return false;
    const char quote = text[b - 1];
    if (quote == '.' || quote == '"' || quote == '`' || quote == '[') return true;
    size_t e = b;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '(' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
    size_t w = e;
    while (w > 0 && e - w < 8 && is_alpha(text[w - 1])) --w;
    if (w == e || (w > 0 && is_alpha(text[w - 1]))) return false;
    const std::string word = lower(text.substr(w, e - w));
    for (const char *k : {"where", "and", "or", "on", "when", "having", "not", "select", "by", "if", "case"})
        if (word == k) return true;
    return false;
}

bool version_word_before(std::string_view text, size_t begin, bool quad = false, int depth = 0,
                         bool sql_operator = false) {
    // The version before a list separator ("versions 4.2.0.1 and 4.2.0.2",
    // "v1.2.3.4, 1.2.3.5"): [.., at) ends with a dotted number that itself
    // follows a version word.
    // The listed version is a dotted quad too: "v1.2.3 and 192.168.1.23"
    // names a version and an address.
    auto after_listed_version = [&](size_t at) {
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\'' || text[at - 1] == '"')) --at;
        size_t v = at;
        while (v > 0 && (is_digit(text[v - 1]) || text[v - 1] == '.')) --v;
        return depth < 4 && v < at && std::count(text.begin() + v, text.begin() + at, '.') == 3 &&
               version_word_before(text, v, quad, depth + 1);
    };
    size_t e = begin;
    // "version 1.2", "version: 1.2", "version=1.2", "version '1.2'", {"version": "1.2"},
    // SQL comparisons: "version >= '1.2'", "version <> '1.2'", "version IN ('1.2'"
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ':' || text[e - 1] == '#' || text[e - 1] == '=' ||
                     text[e - 1] == '\'' || text[e - 1] == '"' || text[e - 1] == '<' || text[e - 1] == '>' ||
                     text[e - 1] == '!' || text[e - 1] == '('))
        --e;
    // (Glued to its word only inside a list: "v1.2.3.4, 1.2.3.5", or in a
    // script written without spaces: "新版本2.0.1.3".)
    if (e == begin && depth == 0 && !(begin > 0 && static_cast<unsigned char>(text[begin - 1]) >= 0x80)) return false;
    // ('<', '>', '!' and '(' make the comparison SQL's: "version >= '1.2'".)
    sql_operator = sql_operator || text.substr(e, begin - e).find_first_of("<>!(") != std::string_view::npos;
    if (e > 0 && text[e - 1] == ',') return after_listed_version(e - 1);
    if (e > 0 && text[e - 1] == '.') --e;  // "ver.", "rev.", "v."
    size_t b = e;
    while (b > 0 && (is_alpha(text[b - 1]) || static_cast<unsigned char>(text[b - 1]) >= 0x80)) --b;
    if (b == e) return false;
    const std::string word = lower(text.substr(b, e - b));
    // (A bracket only after SQL's IN: "firmware (192.168.1.1)" names a machine.)
    if (word != "in" && text.substr(e, begin - e).find('(') != std::string_view::npos) return false;
    if ((word == "and" || word == "or" || word == "und" || word == "et" || word == "to") && b > 0 &&
        text[b - 1] == ' ')
        if (after_listed_version(b - 1)) return true;  // "from 4.2.0.1 to 4.2.0.2" after a version word
    // A verb that only versions take before "from" / "to": "upgrade from
    // 4.2.0.1", "upgraded to 4.2.0.2", "bump ... to".
    if ((word == "from" || word == "to") && b > 0 && text[b - 1] == ' ') {
        size_t ve = b - 1;
        while (ve > 0 && text[ve - 1] == ' ') --ve;
        size_t vb = ve;
        while (vb > 0 && is_alpha(text[vb - 1])) --vb;
        const std::string verb = lower(text.substr(vb, ve - vb));
        for (const char *w : {"upgrade", "upgraded", "upgrading", "upgrades", "downgrade", "downgraded",
                              "downgrading", "bump", "bumped", "bumps", "bumping"})
            if (verb == w) return true;
        return false;
    }
    // An identifier ending in a version word ("app_version", "os_ver").
    if (b > 0 && text[b - 1] == '_' && (word == "version" || word == "ver")) return true;
    // An SQL operator word between a column and its value: "version IN (...)",
    // "build NOT LIKE '...'", "release BETWEEN '...' AND '...'"; written as
    // SQL (a bracket after IN, a quote after the others: in prose "the
    // firmware in 192.168.1.1" names a machine), NOT only before another.
    if (b > 0 && text[b - 1] == ' ' && depth < 4) {
        const std::string_view gap = text.substr(e, begin - e);
        const bool sql = (word == "in" && gap.find('(') != std::string_view::npos) ||
                         ((word == "like" || word == "ilike" || word == "between") &&
                          gap.find('\'') != std::string_view::npos) ||
                         (word == "not" && depth > 0);
        if (sql) return version_word_before(text, b, quad, depth + 1, true);
    }
    // A column named as one of versions ("build_number", "firmware_version";
    // "fw_version_id" is none: the same test as a pasted table's header).
    // (Names run 40 bytes at most: the scan back stops after 41.)
    if (b > 0 && text[b - 1] == '_') {
        size_t ib = b, ie = e;
        while (ib > 0 && b - ib <= 41 && (is_alnum(text[ib - 1]) || text[ib - 1] == '_')) --ib;
        while (ie < begin && (is_alnum(text[ie]) || text[ie] == '_')) ++ie;
        if (table_column_kind(text.substr(ib, ie - ib)) == 4) return true;
    }
    // An operator between a word that also names machines (a build box, a
    // release server, the firmware's device) and the number is SQL's only
    // where the word is a column of SQL ("WHERE release BETWEEN '1.2.3.4' AND
    // ...", "AND build < '16.0.0.0'"); in prose "the build in (10.0.0.1)",
    // "release > 10.0.0.5 is our gateway", "the firmware <10.0.0.7>" name
    // machines. ("requires version >= 10.2.0.1" is a version.)
    if (sql_operator && (word == "release" || word == "build" || word == "firmware" || word == "fw") &&
        !sql_column_at(text, b))
        return false;
    for (const char *w : {"version", "versions", "ver", "v", "release", "build", "firmware", "fw", "revision",
                          "rev", "section", "chapter", "§", "patch", "versión", "versão", "versione"})
        if (word == w) return true;
    if (word_in(text.substr(b, e - b), kVersionWords, std::size(kVersionWords))) return true;
    if (static_cast<unsigned char>(text[e - 1]) >= 0x80) {
        std::string_view head = text.substr(b, e - b);
        // (One particle after it: "バージョンは", "版本是", "버전은".)
        for (std::string_view particle : {"\xe3\x81\xaf", "\xe3\x81\x8c", "\xe6\x98\xaf", "\xe4\xb8\xba",
                                          "\xeb\x8a\x94", "\xec\x9d\x80", "\xec\x9d\xb4"})  // は が 是 为 는 은 이
            if (ends_with(head, particle)) {
                head.remove_suffix(particle.size());
                break;
            }
        for (std::string_view ending : kVersionWordEndings)
            if (ends_with(head, ending)) return true;
    }
    // Numbered parts of a document, for a dotted quad ("clause 10.2.1.3",
    // "Figure 3.2.1.4"; a phone number after "para" is Spanish "for").
    // ("Table 1.2.3.4" only capitalized: a routing or ARP table lists
    // addresses. "driver 1.2.3.4" is a driver's version; after "driver" a
    // phone number stays one.)
    if (quad && text.substr(b, e - b) == "Table") return true;
    if (quad)
        for (const char *w : {"clause", "paragraph", "article", "figure", "fig", "step", "driver", "requirement",
                              "req", "appendix", "annex", "abschnitt", "kapitel", "absatz", "artikel", "chapitre",
                              "paragraphe", "capítulo", "sección", "artículo", "capitolo", "articolo", "sezione"})
            if (word == w) return true;
    return false;
}

bool digit_groups(std::string_view raw, const char *separators, std::vector<std::string_view> &groups);

// A dotted quad that is a netmask: 255 first, octets of contiguous ones,
// not all ones (255.255.255.255 is an address).
bool netmask(std::string_view quad) {
    int octets[4] = {0, 0, 0, 0}, n = 0;
    for (char c : quad) {
        if (c == '.') {
            if (++n > 3) return false;
        } else if (is_digit(c)) {
            octets[n] = octets[n] * 10 + (c - '0');
        } else {
            return false;
        }
    }
    if (n != 3 || octets[0] != 255 || octets[3] == 255) return false;
    bool zeros = false;
    for (int o : octets) {
        if (zeros && o != 0) return false;
        if (o != 255) {
            if (o != 254 && o != 252 && o != 248 && o != 240 && o != 224 && o != 192 && o != 128 && o != 0)
                return false;
            zeros = true;
        }
    }
    return true;
}

// A dotted quad of 1-3 digit groups ("255.255.255.0", "16.1.0.2"): the
// IPv4 detector's to judge, never a phone number.
bool dotted_quad(std::string_view raw) {
    std::vector<std::string_view> groups;
    if (!digit_groups(raw, ".", groups) || groups.size() != 4) return false;
    for (std::string_view g : groups)
        if (g.size() > 3) return false;
    return true;
}

// Labels of product barcodes, whose EAN-13/GTIN check digits pass Luhn.
const Keyword kBarcodeKeywordsList[] = {
    {"ean", true}, {"gtin", true}, {"barcode", false}, {"bar code", false}, {"upc", true}, {"jan", true},
};
const KeywordSet kBarcodeKeywords(kBarcodeKeywordsList);

// A currency right before or after a number makes it an amount, not a
// phone number ("612 345 678 EUR", "€ 912 345 678").
bool currency_next_to(std::string_view text, size_t begin, size_t end) {
    size_t a = end;
    while (a < text.size() && text[a] == ' ') ++a;
    size_t e = a;
    while (e < text.size() && is_alpha(text[e])) ++e;
    const std::string after = lower(text.substr(a, e - a));
    for (const char *w : {"eur", "euro", "euros", "usd", "gbp", "jpy", "cny", "rmb", "inr", "chf", "yen", "yuan",
                          "dollar", "dollars", "pounds", "rupees", "won", "pesos", "reais", "brl", "aud", "cad"})
        if (after == w) return true;
    for (std::string_view symbol : {"\xe2\x82\xac", "$", "\xc2\xa3", "\xc2\xa5"}) {  // € $ £ ¥
        // ('$' glued to the end of a number is a regular expression's anchor:
        // "~ '^2125550100$'"; an amount writes it apart: "100 $".)
        if (text.compare(a, symbol.size(), symbol) == 0 && (symbol != "$" || a > end)) return true;
        size_t b = begin;
        while (b > 0 && text[b - 1] == ' ') --b;
        if (b >= symbol.size() && text.compare(b - symbol.size(), symbol.size(), symbol) == 0) return true;
    }
    return false;
}

// Context that makes a bare run of digits a phone number.
const Keyword kPhoneKeywordsList[] = {
    {"phone", false},     {"tel", true},        {"tel.", false},     {"telephone", false},
    {"tél", true},        {"ph", true},         {"ph#", false},      {"ph.", false},
    {"telefon", false},   {"teléfono", false},  {"téléphone", false}, {"call", false},
    {"mobile", false},    {"mobil", false},     {"mob", true},       {"cell", true},
    {"cellphone", false}, {"cellular", false},  {"fax", false},
    {"whatsapp", false},  {"sms", true},        {"text me", false},  {"dial", true},
    {"dialed", true},     {"dialing", true},    {"handy", false},    {"anruf", false},
    {"rufnummer", false}, {"móvil", false},     {"movil", false},    {"celular", false},
    {"llam", false},      {"appel", false},     {"电话", false},
    {"電話", false},      {"手机", false},      {"携帯", false},     {"номер", false},
    {"телефон", false},   {"msisdn", false},    {"telefoon", false}, {"\xd9\x87\xd8\xa7\xd8\xaa\xd9\x81", false},
    {"\xd8\xac\xd9\x88\xd8\xa7\xd9\x84", false},
    {"ani", true, true},  {"dnis", true, true}, {"wa.me/", false},
    {"telef\xc3\xb3n", false}, {"puhelin", false}, {"puh", true}, {"tfn", true}, {"telp", true}, {"telepon", false},
    {"\xd7\x98\xd7\x9c\xd7\xa4\xd7\x95\xd7\x9f", false},  // טלפון
    {"\xe0\xb9\x82\xe0\xb8\x97\xe0\xb8\xa3", false},        // โทร
};
const KeywordSet kPhoneKeywords(kPhoneKeywordsList);

bool in_range(std::string_view digits, const char *lo, const char *hi) {
    size_t n = std::strlen(lo);
    if (digits.size() < n) return false;
    std::string_view head = digits.substr(0, n);
    return head >= lo && head <= hi;
}

int two_digits(std::string_view s, size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }

// A bare 13-digit run in the range of millisecond Unix timestamps from
// 2000-01-01 to 2040-01-01, or a 14-digit YYYYMMDDhhmmss stamp.
bool looks_like_timestamp(std::string_view digits) {
    if (digits.size() == 13) return digits >= "0946684800000" && digits < "2208988800000";
    if (digits.size() == 14) {
        int year = two_digits(digits, 0) * 100 + two_digits(digits, 2);
        int month = two_digits(digits, 4), day = two_digits(digits, 6);
        int hour = two_digits(digits, 8), minute = two_digits(digits, 10), second = two_digits(digits, 12);
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
               hour <= 23 && minute <= 59 && second <= 60;
    }
    return false;
}

// The shortest acceptable end of an email's domain: `domain` is
// "label.label...tld" as matched; returns its length up to and including the
// right-most label that is a known TLD with at least one label before it, or
// 0 when there is none. `original` is the domain as written (`domain` is
// the detector's view of it, other letters as ASCII ones, byte for byte):
// a TLD of Cyrillic or Greek letters is looked up as written ("пример.рф").
size_t email_domain_length(std::string_view domain, std::string_view original, bool sentence_rule = true);

// The domain's length, or 0 (see above); the sentence rule only when it leaves
// a domain ("kate@gmail.Com" is an address).
size_t email_domain_length_or_title_case(std::string_view domain, std::string_view original) {
    size_t n = email_domain_length(domain, original, true);
    return n != 0 ? n : email_domain_length(domain, original, false);
}

std::string email_normalized(std::string_view address);

// A TLD in letters beyond ASCII ("рф", "бел", "ελ"), any case.
bool is_known_unicode_tld(std::string_view tld) {
    const std::string needle = email_normalized(tld);
    return std::binary_search(std::begin(kUnicodeTlds), std::end(kUnicodeTlds), needle,
                              [](const auto &a, const auto &b) { return std::string_view(a) < std::string_view(b); });
}

// Names that no public suffix list holds but company mail and test data use
// ("jane.doe@corp.local", "ops@acme.internal", "ann@example.test").
bool private_tld(std::string_view tld) {
    if (tld.size() < 3 || tld.size() > 11) return false;  // "lan" .. "localdomain"
    const std::string name = lower(tld);
    for (std::string_view n : {"local", "localdomain", "internal", "intranet", "corp", "lan", "test", "example",
                               "invalid"})
        if (name == n) return true;
    return false;
}

size_t email_domain_length(std::string_view domain, std::string_view original, bool sentence_rule) {
    size_t end = domain.size();
    auto has_upper = [](std::string_view s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    while (true) {
        size_t dot = domain.rfind('.', end - 1);
        if (dot == std::string_view::npos || dot == 0) return 0;
        std::string_view tld = domain.substr(dot + 1, end - dot - 1);
        // Internationalized TLDs are written in punycode ("xn--p1ai").
        bool punycode = tld.size() > 4 && lower(tld.substr(0, 4)) == "xn--";
        if (punycode) return end;
        bool alpha = tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), is_alpha);
        // "john@example.com.It bounced": a capitalised word after an
        // all-lower-case domain starts the next sentence, whatever TLD it spells.
        bool sentence = sentence_rule && tld[0] >= 'A' && tld[0] <= 'Z' && !has_upper(tld.substr(1)) &&
                        !has_upper(domain.substr(0, dot));
        const std::string_view written = original.substr(dot + 1, end - dot - 1);
        if (std::any_of(written.begin(), written.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
            if (alpha && is_known_unicode_tld(written)) return end;
        } else if (alpha && !sentence && (is_known_tld(tld) || private_tld(tld))) {
            return end;
        }
        end = dot;
    }
}

// True when `begin` is right after the masked part of a replacement
// ("XXX-XXX-", "XXX-XX-", "XXXX-", "XXX.", "XXXX:"): the digits there are the
// ones a replacement keeps, and a value starting with them would only be that
// tail joined to the text after it. Refusing such starts keeps anonymize()
// from chaining new detections through its own output.
bool after_mask(std::string_view text, size_t begin) {
    if (begin < 2 || text[begin - 2] != 'X') return false;
    std::string_view head = text.substr(0, begin);
    auto ends_with = [&](std::string_view mask) {
        return head.size() >= mask.size() && head.substr(head.size() - mask.size()) == mask;
    };
    return ends_with("XXX-XXX-") || ends_with("XXX-XX-") || ends_with("XXXX-XXXX-XXXX-") ||
           ends_with("XXX.XXX.XXX.") || ends_with("XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:");
}

// The digit groups of a North American number written without '+' are
// those of its plan: [1] 3-3-4, [1] 3-7, or one run (brackets and any
// separators; an extension after the number is not looked at). Other
// groupings that libphonenumber still reads as valid US numbers are
// versions and meeting ids: "Chrome 122.0.6261.112", "Zoom meeting ID 123
// 4567 8901".
bool nanp_grouping(std::string_view raw) {
    size_t sizes[6];
    size_t n = 0, run = 0;
    for (size_t i = 0; i <= raw.size(); ++i) {
        const char c = i < raw.size() ? raw[i] : ' ';
        if (is_digit(c)) {
            ++run;
            continue;
        }
        if (run > 0) {
            if (n == 6) return false;
            sizes[n++] = run;
            run = 0;
        }
        if (is_alpha(c) || c == '#' || c == ',' || c == ';') break;  // an extension
    }
    const size_t *g = sizes;
    if (n > 0 && g[0] == 1) ++g, --n;  // the trunk prefix 1
    if (n == 1) return g[0] == 10 || g[0] == 11;
    if (n == 2) return g[0] == 3 && g[1] == 7;
    return n == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4;
}

// The length of a bare HTML tag at text[pos] ("<td>", "</b>", "<br/>",
// "<br />": a name of letters and digits, no attributes), else 0.
size_t markup_tag_length(std::string_view text, size_t pos) {
    if (at(text, pos) != '<') return 0;
    size_t i = pos + 1;
    if (at(text, i) == '/') ++i;
    if (!is_alpha(at(text, i))) return 0;
    while (i < text.size() && i - pos < 12 && is_alnum(text[i])) ++i;
    while (at(text, i) == ' ') ++i;
    if (at(text, i) == '/') ++i;
    return at(text, i) == '>' ? i + 1 - pos : 0;
}

// True when a phone candidate at [begin, end) continues a longer token on
// either side ("INV-2024-000123", "172.16.254.1/24", "A12125550100").
// A phone label glued to the number by '.' or '(' ("Tel.030 12345678",
// "Mob.07911 123456", "Tél.01 42 68 53 00", "Fax(415)555-0133"), where
// another word glued to digits would make them a code.
bool phone_label_before(std::string_view text, size_t begin) {
    size_t e = begin;
    if (at(text, begin) == '(') {
        // the number's span starts at its bracket: the label is right before it
        if (e > 0 && text[e - 1] == '.') --e;  // "Tel.(020) 7946 0958"
    } else if (e > 0 && (text[e - 1] == '.' || text[e - 1] == '(')) {
        --e;
    } else {
        return false;
    }
    size_t b = e;
    while (b > 0 && (is_alpha(text[b - 1]) || static_cast<unsigned char>(text[b - 1]) >= 0x80)) --b;
    const std::string word = lower(text.substr(b, e - b));
    for (std::string_view label : {"tel", "t\xc3\xa9l", "telefon", "telefonnr", "tlf", "mob", "mobil", "mobile",
                                   "fax", "ph", "phone", "handy", "cell", "fon"}) {
        if (word.size() < label.size() || word.compare(word.size() - label.size(), label.size(), label) != 0) continue;
        // The label is a whole word (other scripts may run into it: "顧客TEL.").
        const size_t start = word.size() - label.size();
        if (start == 0 || !is_alpha(word[start - 1])) return true;
    }
    return false;
}

// Words that say the number after them is a phone number ("tel 06 12 34 56
// 78", "phone number: 555-0123"), and words that say so only of a number
// written like one ("call me at 555-0199", "mobile 07700 900123": not "call
// number 10023456", "mobile: 12500000 sessions"). Then the words that may
// stand between such a label and its number.
const std::string_view kPhoneLabels[] = {
    "phone", "phones", "telephone", "tel", "t\xc3\xa9l", "cellphone", "fax", "ph", "telefon", "telefono",
    "tel\xc3\xa9\x66ono", "t\xc3\xa9l\xc3\xa9phone", "telefone", "handy", "whatsapp", "tlf", "fon", "landline",
    "hotline", "telefonnummer", "telefonnr", "rufnummer", "handynummer", "mobilnummer", "faxnummer", "festnetz",
    "msisdn", "telefoon", "telefoonnummer", "telefonu",  // Dutch; Polish, Czech, Turkish "numer telefonu", "cep telefonu"
    "\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd",  // телефон
    "\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd\xd0\xb0", "\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd\xd1\x83", "\xd1\x82\xd0\xb5\xd0\xbb",  // телефона, телефону ("номер телефона"), тел ("тел. 8 912 ...")
    "\xd9\x87\xd8\xa7\xd8\xaa\xd9\x81", "\xd8\xa7\xd9\x84\xd9\x87\xd8\xa7\xd8\xaa\xd9\x81", "\xd8\xac\xd9\x88\xd8\xa7\xd9\x84",  // هاتف, الهاتف ("رقم الهاتف"), جوال
    "\xd8\xa7\xd9\x84\xd8\xac\xd9\x88\xd8\xa7\xd9\x84",  // الجوال ("رقم الجوال")
    "\xd8\xaa\xd9\x84\xd9\x81\xd9\x86",                  // تلفن (Persian)
    "s\xc4\x91t",                                          // sđt (Vietnamese: số điện thoại)
    "\xcf\x84\xce\xb7\xce\xbb", "\xcf\x84\xce\xb7\xce\xbb\xce\xad\xcf\x86\xcf\x89\xce\xbd\xce\xbf",  // τηλ, τηλέφωνο
    "\xe0\xa4\xab\xe0\xa5\x8b\xe0\xa4\xa8", "\xe0\xa4\xab\xe0\xa4\xbc\xe0\xa5\x8b\xe0\xa4\xa8",  // फोन, फ़ोन (Hindi)
    "telefonsz\xc3\xa1m", "telefonsz\xc3\xa1ma", "mobilsz\xc3\xa1m",  // Hungarian
    "telefonn\xc3\xad", "telef\xc3\xb3nne", "telef\xc3\xb3n",  // Czech telefonní, Slovak telefónne (číslo)
    "puhelin", "puhelinnumero", "puh",  // Finnish ("puh. 040 123 4567")
    "tfn",  // Swedish
    "telp", "tlp", "telepon", "telepono",  // Indonesian, Malay; Filipino
    "\xd7\x98\xd7\x9c\xd7\xa4\xd7\x95\xd7\x9f",  // Hebrew טלפון
    "\xd9\x81\xd9\x88\xd9\x86",  // Urdu فون; Egyptian Arabic تليفون
    "\xd8\xaa\xd9\x84\xd9\x8a\xd9\x81\xd9\x88\xd9\x86",
    "\xe0\xa6\xab\xe0\xa7\x8b\xe0\xa6\xa8",  // Bengali ফোন
    "\xe0\xae\xa4\xe0\xaf\x8a\xe0\xae\xb2\xe0\xaf\x88\xe0\xae\xaa\xe0\xaf\x87\xe0\xae\x9a\xe0\xae\xbf",  // Tamil தொலைபேசி
    "\xe0\xb0\xab\xe0\xb1\x8b\xe0\xb0\xa8\xe0\xb1\x8d",  // Telugu ఫోన్
    "\xe0\xb2\xab\xe0\xb3\x8b\xe0\xb2\xa8\xe0\xb3\x8d",  // Kannada ಫೋನ್
    "\xe0\xaa\xab\xe0\xab\x8b\xe0\xaa\xa8",  // Gujarati ફોન
    "\xe1\x83\xa2\xe1\x83\x94\xe1\x83\x9a",  // Georgian ტელ, ტელეფონი
    "\xe1\x83\xa2\xe1\x83\x94\xe1\x83\x9a\xe1\x83\x94\xe1\x83\xa4\xe1\x83\x9d\xe1\x83\x9c\xe1\x83\x98",
    "\xd5\xb0\xd5\xa5\xd5\xbc", "\xd5\x80\xd5\xa5\xd5\xbc",  // Armenian հեռ, Հեռ (not case-folded), հեռախոս, Հեռախոս
    "\xd5\xb0\xd5\xa5\xd5\xbc\xd5\xa1\xd5\xad\xd5\xb8\xd5\xbd", "\xd5\x80\xd5\xa5\xd5\xbc\xd5\xa1\xd5\xad\xd5\xb8\xd5\xbd",
    "\xd0\xbc\xd0\xbe\xd0\xb1",  // моб. (Russian, Ukrainian, Bulgarian)
    "\xc4\x91t",  // Vietnamese đt, (số điện) thoại
    "tho\xe1\xba\xa1i",
    "\xd1\x83\xd1\x82\xd0\xb0\xd1\x81"};  // Mongolian утас
const std::string_view kWeakPhoneLabels[] = {"mobile", "mob", "cell", "cel", "call", "callback", "dial", "sms", "contact",
                                             "simu",  // Swahili "(namba ya) simu"; also short for a simulation: "simu 20240101 results"
                                             "called", "calling", "calls", "phoned", "texted", "rang", "dialed",  // "called from 020 7946 0958"
                                             "reach",  // "reach me at 020 7946 0958"
                                             // "contact us / call us" in German, French, Spanish, Italian, Polish
                                             "telefonisch", "contactez", "contacter", "appelez", "cont\xc3\xa1" "ctenos", "cont\xc3\xa1" "ctanos", "contacte", "llame", "ll\xc3\xa1menos", "ll\xc3\xa1manos", "ll\xc3\xa1meme", "ll\xc3\xa1mame", "contatti", "contattaci", "chiamaci", "skontaktuj",
                                             "m\xc3\xb3vil", "movil", "celular", "telem\xc3\xb3vel", "mobiel",
                                             "portable", "r\xc3\xbc\x63kruf", "appeler", "rappeler", "llamar",
                                             "caller", "callerid",  // "caller id: 415 555 0123", "caller_id = 4155550123"
                                             "mobil", "cellulare", "natel",  // German/Nordic, Italian, Swiss
                                             "chiamare", "chiama", "richiamare", "ligar", "bel", "bellen",  // to call: Italian, Portuguese, Dutch
                                             "terugbellen", "zadzwo\xc5\x84", "zadzwoni\xc4\x87",  // Dutch, Polish (zadzwoń, zadzwonić)
                                             "\xce\xba\xce\xb9\xce\xbd\xce\xb7\xcf\x84\xcf\x8c",  // κινητό
                                             "\xe0\xa4\xae\xe0\xa5\x8b\xe0\xa4\xac\xe0\xa4\xbe\xe0\xa4\x87\xe0\xa4\xb2",  // मोबाइल
                                             "\xd9\x85\xd9\x88\xd8\xa8\xd8\xa7\xd9\x8a\xd9\x84",  // موبايل (Arabic)
                                             "\xd9\x85\xd9\x88\xd8\xa8\xd8\xa7\xdb\x8c\xd9\x84",  // موبایل (Persian)
                                             "\xd7\xa0\xd7\x99\xd7\x99\xd7\x93",  // נייד (Hebrew)
                                             "\xe0\xa6\xae\xe0\xa7\x8b\xe0\xa6\xac\xe0\xa6\xbe\xe0\xa6\x87\xe0\xa6\xb2",  // মোবাইল (Bengali)
                                             "\xd0\xbc\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9",  // мобильный
                                             "\xd1\x81\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9"};  // сотовый
const std::string_view kSwitchboard[] = {"switchboard"};
// "my number", "mi número", "meine Nummer", "мой номер": a first-person
// possessive before a number word makes it a phone label (Turkish
// "numaram", Korean "제 번호" are one word and a pair).
const std::string_view kOwnNumberWords[] = {"number", "n\xc3\xbamero", "numero", "num\xc3\xa9ro", "nummer", "numer",
                                            "\xd0\xbd\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x80", "numara"};  // номер
const std::string_view kFirstPersonPossessives[] = {
    "my", "our", "mi", "mis", "meu", "minha", "mon", "notre", "mio", "meine", "mein", "unsere", "mijn", "onze",
    "m\xc3\xb3j", "moj", "nasz", "m\xc5\xafj", "muj",                                            // mój, můj
    "\xd0\xbc\xd0\xbe\xd0\xb9", "\xd0\xbd\xd0\xb0\xd1\x88", "\xd0\xbc\xd1\x96\xd0\xb9"};  // мой, наш, мій
const std::string_view kOwnNumberWholeWords[] = {"numaram", "numaram\xc4\xb1z"};
// "and" / "or" between two numbers of a list after a label ("to": a change
// from one number to another).
const std::string_view kListJoiners[] = {"and", "or", "to", "und", "oder", "et", "ou", "y", "o", "e", "en", "of", "i",
                                         "veya", "ve", "atau", "dan", "\xd0\xb8", "\xd0\xb8\xd0\xbb\xd0\xb8",  // и, или
                                         "\xd9\x88", "\xd8\xa3\xd9\x88"};  // و, أو
// "caller id" / "caller_id": "id" may stand between that label and its number.
const std::string_view kCaller[] = {"caller"};
const std::string_view kId[] = {"id"};
// Labels of scripts written without spaces, read at the end of a run of
// such text ("请统计手机13912345678", "電話番号090-1234-5678"), optionally followed
// by one "is" ("电话是...", "電話は..."). Strong, then weak (contact details).
const std::string_view kScriptPhoneLabels[] = {
    "\xe7\x94\xb5\xe8\xaf\x9d",                          // 电话
    "\xe9\x9b\xbb\xe8\xa9\xb1",                          // 電話
    "\xe6\x89\x8b\xe6\x9c\xba",                          // 手机
    "\xe6\x89\x8b\xe6\xa9\x9f",                          // 手機
    "\xe6\x90\xba\xe5\xb8\xaf",                          // 携帯
    "\xe7\x94\xb5\xe8\xaf\x9d\xe5\x8f\xb7\xe7\xa0\x81",  // 电话号码
    "\xe6\x89\x8b\xe6\x9c\xba\xe5\x8f\xb7\xe7\xa0\x81",  // 手机号码
    "\xe9\x9b\xbb\xe8\xa9\xb1\xe8\x99\x9f\xe7\xa2\xbc",  // 電話號碼
    "\xe6\x89\x8b\xe6\xa9\x9f\xe8\x99\x9f\xe7\xa2\xbc",  // 手機號碼
    "\xe6\x89\x8b\xe6\x9c\xba\xe5\x8f\xb7",              // 手机号
    "\xe9\x9b\xbb\xe8\xa9\xb1\xe7\x95\xaa\xe5\x8f\xb7",  // 電話番号
    "\xe6\x90\xba\xe5\xb8\xaf\xe7\x95\xaa\xe5\x8f\xb7",  // 携帯番号
    "\xec\xa0\x84\xed\x99\x94",                          // 전화
    "\xec\xa0\x84\xed\x99\x94\xeb\xb2\x88\xed\x98\xb8",  // 전화번호
    "\xed\x9c\xb4\xeb\x8c\x80\xed\x8f\xb0",              // 휴대폰
    "\xed\x95\xb8\xeb\x93\x9c\xed\x8f\xb0",              // 핸드폰
    "\xed\x95\xb8\xeb\x93\x9c\xed\x8f\xb0\xeb\xb2\x88\xed\x98\xb8",  // 핸드폰번호
    "\xed\x9c\xb4\xeb\x8c\x80\xed\x8f\xb0\xeb\xb2\x88\xed\x98\xb8",  // 휴대폰번호
    "\xed\x9c\xb4\xeb\x8c\x80\xec\xa0\x84\xed\x99\x94",  // 휴대전화
    "\xe0\xb9\x82\xe0\xb8\x97\xe0\xb8\xa3\xe0\xb8\xa8\xe0\xb8\xb1\xe0\xb8\x9e\xe0\xb8\x97\xe0\xb9\x8c",  // โทรศัพท์
    "\xe5\xba\xa7\xe6\x9c\xba",  // 座机 (landline)
    "\xe5\x9b\xba\xe8\xaf\x9d", "\xe4\xbc\xa0\xe7\x9c\x9f", "\xe5\x82\xb3\xe7\x9c\x9f",  // 固话 (landline), 传真, 傳真 (fax)
    "\xed\x8c\xa9\xec\x8a\xa4", "\xe3\x83\x95\xe3\x82\xa1\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9",  // 팩스 (Korean fax), ファックス
    // The telephone signs and emoji of signatures and social profiles: ☎ ☎️ ☏ ℡ ✆ 📞 📱 📠
    "\xe2\x98\x8e", "\xe2\x98\x8e\xef\xb8\x8f", "\xe2\x98\x8f", "\xe2\x84\xa1", "\xe2\x9c\x86", "\xf0\x9f\x93\x9e", "\xf0\x9f\x93\xb1", "\xf0\x9f\x93\xa0",
};
const std::string_view kWeakScriptPhoneLabels[] = {
    "\xe9\x80\xa3\xe7\xb5\xa1\xe5\x85\x88",              // 連絡先
    "\xe8\x81\x94\xe7\xb3\xbb\xe6\x96\xb9\xe5\xbc\x8f",  // 联系方式
    "\xec\x97\xb0\xeb\x9d\xbd\xec\xb2\x98",              // 연락처
    "\xe0\xb8\xa1\xe0\xb8\xb7\xe0\xb8\xad\xe0\xb8\x96\xe0\xb8\xb7\xe0\xb8\xad",  // มือถือ (Thai: mobile)
    "\xe6\x8b\xa8\xe6\x89\x93", "\xe6\x92\xa5\xe6\x89\x93", "\xe8\x87\xb4\xe7\x94\xb5", "\xec\x97\xb0\xeb\x9d\xbd",  // 拨打, 撥打 (dial), 致电 (call), 연락 (contact: "연락은 02-...")
    "\xe0\xb9\x82\xe0\xb8\x97\xe0\xb8\xa3",  // โทร (Thai "call", written without spaces: "ติดต่อโทร 02 123 4567")
    "\xe8\x87\xaa\xe5\xae\x85",  // 自宅 (home: "携帯は080-..., 自宅は03-...")
};
const std::string_view kScriptLabelFillers[] = {
    "\xe6\x98\xaf", "\xe4\xb8\xba", "\xe7\x82\xba", "\xe3\x81\xaf", "\xe3\x81\x8c",  // 是 为 為 は が
    "\xeb\x8a\x94", "\xec\x9d\x80", "\xea\xb0\x80", "\xec\x9d\xb4",  // Korean particles 는 은 가 이 ("전화번호는 02-...")
};
// Weak labels that a number word makes strong ("mobile number", "cell no.",
// "contact number"; not "call number": a call's id), and those words.
const std::string_view kNumberedPhoneLabels[] = {
    "mobile", "mob", "cell", "contact", "mobil",
    "\xe0\xa4\xae\xe0\xa5\x8b\xe0\xa4\xac\xe0\xa4\xbe\xe0\xa4\x87\xe0\xa4\xb2"};  // मोबाइल
const std::string_view kNumberWords[] = {"number", "no", "nr", "num", "phone",
                                         "\xe0\xa4\xa8\xe0\xa4\x82\xe0\xa4\xac\xe0\xa4\xb0"};  // नंबर
const std::string_view kPhoneLabelFillers[] = {
    "number", "numbers", "no", "nr", "num", "nummer", "numero", "n\xc3\xbamero", "is", "was", "at", "on", "via",
    "to", "me", "us", "him", "her", "them", "back", "the", "our", "their", "his", "my", "your", "customer", "client",
    "from", "requested", "again", "twice",  // "called from ...", "callback requested: ..."
    "user", "office", "home", "work", "main", "primary", "direct", "support", "line", "mobile", "cell", "phone",
    "le", "au", "al", "unter", "numara", "numaras\xc4\xb1", "\xd0\xba\xd0\xbb\xd0\xb8\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0",  // numarası, клиента
    "kom", "\xe0\xa4\xa8\xe0\xa4\x82\xe0\xa4\xac\xe0\xa4\xb0",  // Polish "tel. kom." (komórkowy), Hindi नंबर
    "il", "op", "pod", "para", "na", "cliente", "klant",  // "chiamare il", "bel klant op", "zadzwoń pod", "ligar para"
    "\xc4\x8d\xc3\xadslo", "\xc4\x8d\xc3\xadsla", "sz\xc3\xa1m", "nomor", "bimbit",  // číslo, čísla, szám, nomor, (tel.) bimbit
    "z\xc3\xa1kazn\xc3\xadka", "pelanggan", "ay",  // customer's (Czech, Slovak: zákazníka), Indonesian; Filipino "is"
    "\xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd9\x8a\xd9\x84",  // العميل
    "of", "for", "if", "any", "provided", "file", "listed", "as", "updated", "changed", "preferred", "optional",
    "alternate", "alternative", "secondary", "personal", "business", "private", "privat", "callbacks", "emergency",
    "new", "correct", "verified", "given", "entered", "saved", "registered",
    "es", "est", "\xc3\xa9", "\xc3\xa8", "ist", "lautet", "je", "jest", "de", "celular", "m\xc3\xb3vil",  // "is" (es, est, é, è, ist, je, jest)
    // articles and prepositions, and whose number it is: "Teléfono de contacto:",
    // "Téléphone du client :", "Telefonnummer des Kunden:", "number of record:"
    "du", "del", "des", "der", "la", "el", "da", "do", "della", "dello", "contacto", "contato", "contact", "record",
    "kunde", "kunden", "company", "empresa", "firma", "entreprise", "soci\xc3\xa9t\xc3\xa9", "azienda",
    "nous", "vous", "uns", "nos", "ci", "si\xc4\x99", "numerem", "telefonicznie",  // "contactez-nous au", "skontaktuj się pod numerem"
    "fijo", "fixo", "fixe", "\xeb\xb2\x88\xed\x98\xb8", "\xd0\xb4\xd0\xbb\xd1\x8f", "\xd1\x81\xd0\xb2\xd1\x8f\xd0\xb7\xd0\xb8"};  // landline (Spanish, Portuguese, French); 번호 (Korean: number), для связи

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// True when `word` is in `list` (lower-case entries), ASCII letters of the
// word compared without case, in place.
std::string email_normalized(std::string_view address);

bool word_in(std::string_view word, const std::string_view *list, size_t count) {
    // ("Телефон", "ТЕЛЕФОН": letters of other scripts compared without case
    // too, by the lower-casing email addresses get.)
    if (std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        const std::string lowered = email_normalized(word);
        for (size_t i = 0; i < count; ++i)
            if (list[i] == lowered) return true;
        return false;
    }
    for (size_t i = 0; i < count; ++i) {
        const std::string_view entry = list[i];
        if (entry.size() != word.size() || entry[0] != to_lower(word[0])) continue;
        bool same = true;
        for (size_t j = 1; j < word.size() && same; ++j) same = to_lower(word[j]) == entry[j];
        if (same) return true;
    }
    return false;
}

// [begin, end) of the next word (ASCII letters and any non-ASCII bytes) at or
// after `pos` if it starts right there.
size_t word_end(std::string_view text, size_t pos) {
    while (pos < text.size() && (is_alpha(text[pos]) || static_cast<unsigned char>(text[pos]) >= 0x80)) ++pos;
    return pos;
}

// The span of a phone number written at `begin` after a phone label (digits
// in groups joined by one space, '-', '.' or '/', brackets around a group:
// "(02) 9374 4000", "+44 (0)20 ..."), or {0, 0} when what is there is none: too
// few or too many digits, a date, an amount, a range of years, a word glued
// to it, or a span overlapping an earlier detection.
bool decimal_number(std::string_view text, size_t begin, size_t end);
bool amount_shaped(std::string_view raw);

// Grouped the way national numbers of regions without a trunk prefix are
// and counts are not: 8-12 digits in three or more groups of 2-5 digits, the
// last of 2-4 ("612 34 56 78", "40 12 34 56", "91 123 45 67", "512-345-678",
// "11 91234-5678"), or a short prefix and a long run ("333 1234567"). Spaces
// and dashes may mix; dots stand alone. Not thousands grouping with spaces or
// dots ("612 345 678", "1.234.567": dashes never group thousands), not a year
// first ("2024 03 15 10").
bool national_groups(std::string_view raw) {
    std::vector<std::string_view> groups;
    const bool dotted = raw.find('.') != std::string_view::npos;
    if (!digit_groups(raw, dotted ? "." : " -", groups)) {
        if (dotted) return false;
        // digit_groups() takes one separator style: split on both by hand.
        groups.clear();
        size_t start = 0;
        for (size_t i = 0; i <= raw.size(); ++i) {
            if (i < raw.size() && is_digit(raw[i])) continue;
            if (i < raw.size() && raw[i] != ' ' && raw[i] != '-') return false;
            if (i == start) return false;
            groups.push_back(raw.substr(start, i - start));
            start = i + 1;
        }
    }
    const size_t digits = count_digits(raw);
    if (digits < 8 || digits > 12) return false;
    const std::string_view first = groups[0];
    if (first.size() == 4 && (first.substr(0, 2) == "19" || first.substr(0, 2) == "20")) return false;
    if (groups.size() == 2)
        return first.size() >= 2 && first.size() <= 4 && groups[1].size() >= 6 && groups[1].size() <= 8 &&
               raw[first.size()] == ' ';
    // (A number ends in a group of 2-4 digits; "310-260-12345" is a cell
    // tower's id.)
    if (std::any_of(groups.begin(), groups.end(), [](std::string_view g) { return g.size() < 2 || g.size() > 5; }) ||
        groups.back().size() > 4)
        return false;
    const bool thousands = first.size() <= 3 && std::all_of(groups.begin() + 1, groups.end(),
                                                            [](std::string_view g) { return g.size() == 3; });
    return !(thousands && raw.find('-') == std::string_view::npos);
}

// Written the way phone numbers are and other numbers are not: a trunk
// prefix or international prefix ("0612345678", "07700 900123", "+44 ..."),
// a bracketed area code ("(02) 9374 4000"), North American groups
// ("555-0199", "212 555 0100", "212.555.0100"), or a national number's groups
// (national_groups).
bool written_like_phone(std::string_view raw) {
    if (raw.empty()) return false;
    if (raw[0] == '0' || raw[0] == '+' || raw[0] == '(') return true;
    if (national_groups(raw)) return true;
    std::vector<std::string_view> groups;
    if (!digit_groups(raw, " .-", groups)) return false;
    // (Also India's ten-digit mobile numbers, written 5-5 and starting with
    // 6-9: "98765 43210".)
    if (groups.size() == 2)
        return (groups[0].size() == 3 && groups[1].size() == 4) ||
               (groups[0].size() == 5 && groups[1].size() == 5 && groups[0][0] >= '6' && raw.find('.') == std::string_view::npos);
    return groups.size() == 3 && groups[0].size() == 3 && groups[1].size() == 3 && groups[2].size() == 4;
}

// A Chinese or Japanese counter or unit after a number makes it a quantity
// ("销售手机 1234567 台", "電話 1234567 件", "1234567 元").
bool cjk_counter_after(std::string_view text, size_t end) {
    if (at(text, end) == ' ') ++end;
    if (static_cast<unsigned char>(at(text, end)) < 0xE0) return false;
    for (std::string_view counter :
         {"\xe5\x8f\xb0", "\xe9\x83\xa8", "\xe4\xb8\xaa", "\xe5\x80\x8b", "\xe4\xbb\xb6", "\xe6\xac\xa1",
          "\xe5\x85\x83", "\xe5\x86\x86", "\xe4\xba\xba", "\xe5\x90\x8d", "\xe6\x9d\xa1", "\xe4\xbd\x8d",
          "\xe4\xb8\x87", "\xe4\xba\xbf", "\xe5\x84\x84", "\xe7\xa7\x92", "\xe5\x9b\x9e", "\xe6\x9e\x9a",
          "\xe8\xa1\x8c", "\xe5\x8f\xb7"})
        // 台 部 个 個 件 次 元 円 人 名 条 位 万 亿 億 秒 回 枚 行 号
        if (text.compare(end, counter.size(), counter) == 0) return true;
    return false;
}

// A counted noun or a unit of time right after a number makes it a quantity
// ("612 345 678 unidades", "call 15 30 45 60 minutes", "mobile 12 34 56 78
// users"), as a currency makes it an amount.
const std::string_view kCountWords[] = {
    // English
    "units", "users", "sessions", "visits", "views", "rows", "records", "items", "orders", "customers", "clients",
    "people", "times", "calls", "messages", "devices", "subscribers", "downloads", "installs", "minutes", "mins",
    "min", "seconds", "secs", "sec", "hours", "hrs", "days", "ms",
    // Spanish, Portuguese
    "unidades", "usuarios", "usu\xc3\xa1rios", "visitas", "pedidos", "clientes", "veces", "vezes", "minutos",
    "segundos", "llamadas", "chamadas", "mensajes", "mensagens", "registros", "filas", "linhas",
    // French
    "unit\xc3\xa9s", "utilisateurs", "visites", "commandes", "fois", "secondes", "appels", "lignes",
    // German, Dutch
    "st\xc3\xbc\x63k", "nutzer", "besuche", "bestellungen", "kunden", "mal", "minuten", "sekunden", "anrufe",
    "nachrichten", "zeilen", "datens\xc3\xa4tze", "vertr\xc3\xa4ge", "gebruikers", "bezoeken", "klanten", "keer",
    "seconden",
    // Italian, Polish
    "unit\xc3\xa0", "utenti", "visite", "ordini", "clienti", "volte", "minuti", "secondi", "chiamate", "messaggi",
    "righe", "sztuk", "razy", "minut", "sekund"};

bool count_word_after(std::string_view text, size_t end) {
    if (at(text, end) == ' ') ++end;
    const size_t e = word_end(text, end);
    return e > end && e - end <= 16 && word_in(text.substr(end, e - end), kCountWords, std::size(kCountWords));
}

// `blocked(begin, end)`: a value found before overlaps [begin, end) (other
// than a phone number inside it that ends where it ends, see below).
template <typename Blocked>
std::pair<size_t, size_t> labelled_number(std::string_view text, size_t begin, const Blocked &blocked) {
    size_t i = begin, end = begin, digits = 0, groups = 0;
    int open = 0;  // a bracket opened inside the number: "(02) 9374 4000", "+44 (0)20 ..."
    if (at(text, i) == '+') ++i;
    if (at(text, i) == '(' && is_digit(at(text, i + 1))) ++i, ++open;
    while (i < text.size()) {
        const char c = text[i];
        if (is_digit(c)) {
            if (i == begin || !is_digit(text[i - 1])) ++groups;
            ++digits;
            end = ++i;
        } else if (c == '(' && is_digit(at(text, i + 1)) && i > begin && open == 0) {
            ++i, ++open;
        } else if (c == ')' && open > 0 && is_digit(text[i - 1])) {
            --open;
            end = ++i;
        } else if (c == ')' && open == 0 && groups == 1 && text[begin] == '0' && i - begin >= 2 && i - begin <= 4 &&
                   is_digit(at(text, i + 1))) {
            ++i;  // a trunk-prefixed area code closed alone, as Korea writes it: "02)123-4567"
        } else if ((c == ' ' || c == '-' || c == '.' || c == '/') && i > begin &&
                   (is_digit(text[i - 1]) || text[i - 1] == ')') &&
                   (is_digit(at(text, i + 1)) || at(text, i + 1) == '(')) {
            ++i;
        } else if (c == ' ' && (at(text, i + 1) == '/' || at(text, i + 1) == '-') && at(text, i + 2) == ' ' &&
                   is_digit(at(text, i + 3)) && i > begin && is_digit(text[i - 1]) &&
                   (text[begin] == '0' || text[begin] == '+')) {
            i += 3;  // a trunk-prefixed area code set apart: "089 / 12 34 56 78", "0176 - 1234567"
        } else {
            break;
        }
    }
    const std::pair<size_t, size_t> none{0, 0};
    if (digits < 7 || digits > 15 || groups > 7 || end <= begin) return none;
    // Brackets around the whole number are not part of it: "(0612345678)".
    if (text[begin] == '(') {
        const size_t close = text.substr(begin, end - begin).find(')');
        if (close == std::string_view::npos) ++begin;
        else if (begin + close + 1 == end) ++begin, --end;
    }
    std::string_view raw = text.substr(begin, end - begin);
    if ((is_word(at(text, end)) && !dialer_pause_at(text, end)) || cjk_counter_after(text, end) ||
        count_word_after(text, end) ||
        PhoneDetector::date_shaped(raw, true) ||
        decimal_number(text, begin, end) ||
        currency_next_to(text, begin, end) || amount_shaped(raw) || dotted_quad(raw))
        return none;
    // A time after it ("2024-03-15 10:30"), a date at its start ("2024-03-15
    // 10"), a number with a decimal comma ("1234567,5").
    if ((at(text, end) == ':' || at(text, end) == ',') && is_digit(at(text, end + 1))) return none;
    {
        const size_t space = raw.find(' ');
        if (space != std::string_view::npos && PhoneDetector::date_shaped(raw.substr(0, space))) return none;
    }
    // A count written with thousands separators ("1 234 567", "1.234.567",
    // "12-345-678"): a first group of one or two digits, then groups of three
    // ("912 345 678" is how Spain writes phone numbers).
    {
        std::vector<std::string_view> groups;
        if (digit_groups(raw, " .-", groups) && groups.size() >= 2 && !groups[0].empty() && groups[0].size() <= 2 &&
            groups[0][0] != '0' &&
            std::all_of(groups.begin() + 1, groups.end(), [](std::string_view g) { return g.size() == 3; }))
            return none;
    }
    // A round count ("1500000", "12500000"): five zeros or more at the end of
    // a bare number that has no trunk prefix.
    if (std::all_of(raw.begin(), raw.end(), is_digit) && raw[0] != '0' && raw.size() >= 5 &&
        raw.substr(raw.size() - 5) == "00000")
        return none;
    // A range of years ("tel 2024-2025 budget").
    std::vector<std::string_view> parts;
    auto year = [](std::string_view g) { return g.size() == 4 && (g.substr(0, 2) == "19" || g.substr(0, 2) == "20"); };
    if (digit_groups(raw, " -/", parts) && parts.size() == 2 && year(parts[0]) && year(parts[1])) return none;
    // (A phone number found inside it that ends where it ends, without the
    // bracketed area code or prefix the label's number starts with, gives way
    // to it: "Telefone: (11) 98765-4321".)
    if (blocked(begin, end)) return none;
    return {begin, end};
}

// A bare run of digits right after a word naming something else ("log
// counter 2024031512", "order id 6502530000") is not a phone number, even
// with a phone word further away.
bool counter_label_before(std::string_view text, size_t begin) {
    size_t e = begin;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ':' || text[e - 1] == '#' || text[e - 1] == '=')) --e;
    size_t b = e;
    while (b > 0 && is_alpha(text[b - 1])) --b;
    if (b == e || e == begin) return false;
    const std::string word = lower(text.substr(b, e - b));
    for (const char *w : {"counter", "count", "id", "queryid", "seq", "sequence", "invoice", "ticket", "ref", "build", "batch",
                          "job", "offset", "timestamp", "ts", "epoch", "pid", "uid", "serial", "sku", "txn",
                          "order", "account", "device", "store", "project", "contract", "plan", "group", "agent",
                          "subscription", "site", "record", "case", "shipment", "tracking", "session", "request",
                          "transaction", "policy", "claim", "loan", "member", "employee", "vendor", "supplier",
                          "product", "item", "sensor", "node", "host", "cluster", "tenant", "workspace", "org"})
        if (word == w) return true;
    return false;
}

// A name for a 64-bit integer right before a 17-19 digit run (its minus
// sign skipped): pg_stat_statements' queryid and a snowflake id anywhere
// ("queryid 4611686018427387900"); a column or key named id ("id",
// "user_id", "userId", "ids") only where SQL or JSON compares it with the
// number ("WHERE id = ...", "id IN (...", "\"id\": ..."). Words that name an
// account, order, member or transaction say nothing of the digits' kind: a
// card number is often filed under them ("account 6212345678901234569").
bool int64_id_before(std::string_view text, size_t begin) {
    size_t e = begin;
    if (e > 0 && text[e - 1] == '-') --e;
    for (int step = 0; step < 2; ++step) {
        const size_t gap_end = e;
        while (e > 0 && gap_end - e < 8 && std::strchr(" :#=<>!\"'`([", text[e - 1]) != nullptr) --e;
        const std::string_view gap = text.substr(e, gap_end - e);
        size_t b = e;
        while (b > 0 && e - b < 64 && (is_alnum(text[b - 1]) || text[b - 1] == '_')) --b;
        if (b == e) return false;
        const std::string name = lower(text.substr(b, e - b));
        for (const char *w : {"queryid", "query_id", "queryids", "planid", "plan_id", "snowflake", "snowflake_id",
                              "snowflakeid"})
            if (name == w) return true;
        const bool compared = gap.find_first_of("=<>") != std::string_view::npos ||
                              (gap.size() >= 2 && (gap[0] == '"' || gap[0] == '\'' || gap[0] == '`') &&
                               gap.find(':') != std::string_view::npos);
        const bool id_name = name == "id" || name == "ids" || name == "uid" ||
                             (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0) ||
                             (e - b > 2 && text[e - 2] == 'I' && text[e - 1] == 'd' && !is_upper(text[e - 3]));
        if (id_name) return compared || (step == 1);
        // "id IN (...": the column before SQL's IN.
        if (step == 0 && name == "in" && gap.find('(') != std::string_view::npos && b > 0 && text[b - 1] == ' ') {
            e = b;
            continue;
        }
        return false;
    }
    return false;
}

// One dot between two runs of digits is a decimal number ("81234567.89",
// "40.7127753", "0.123456789"), unless its integer part is a national
// trunk-prefixed group ("030.12345678").
bool decimal_number(std::string_view text, size_t begin, size_t end) {
    size_t b = begin, e = end;
    while (b > 0 && (is_digit(text[b - 1]) || text[b - 1] == '.')) --b;
    while (e < text.size() && (is_digit(text[e]) || text[e] == '.')) ++e;
    for (size_t i = begin; i < end; ++i)
        if (!is_digit(text[i]) && text[i] != '.') return false;
    const std::string_view token = text.substr(b, e - b);
    const size_t dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == token.size() ||
        token.find('.', dot + 1) != std::string_view::npos)
        return false;
    return token[0] != '0' || dot == 1;
}

// One of the space- or comma-separated tokens of `raw` is a decimal number
// (an optional sign, digits, one dot, digits: "51.5074", "-0.1278"), not a
// group of a phone number. A trunk-prefixed group before the dot
// ("030.1234 5678") is a phone's.
bool holds_decimal_token(std::string_view raw) {
    if (raw.find('.') == std::string_view::npos || raw.find_first_of(" ,") == std::string_view::npos) return false;
    size_t start = 0;
    for (size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] != ' ' && raw[i] != ',') continue;
        std::string_view token = raw.substr(start, i - start);
        start = i + 1;
        if (!token.empty() && (token[0] == '-' || token[0] == '+')) token.remove_prefix(1);
        const size_t dot = token.find('.');
        if (dot == std::string_view::npos || dot == 0 || dot + 1 == token.size() ||
            token.find('.', dot + 1) != std::string_view::npos ||
            !std::all_of(token.begin(), token.begin() + dot, is_digit) ||
            !std::all_of(token.begin() + dot + 1, token.end(), is_digit))
            continue;
        if (token[0] != '0' || dot == 1) return true;
    }
    return false;
}

bool phone_glued(std::string_view text, size_t begin, size_t end) {
    const bool labelled = phone_label_before(text, begin);
    if ((!labelled && word_before(text, begin)) || (word_after(text, end) && !dialer_pause_at(text, end)) ||
        after_mask(text, begin))
        return true;
    // A '/' between two numbers separates a list ("2125550100/2125550101"),
    // between a word and a number it joins a path or code ("id/2125550100").
    char prev = before(text, begin);
    if (!labelled && (prev == '-' || prev == '.') && begin >= 2 && is_alnum(text[begin - 2])) return true;
    if (prev == '/' && begin >= 2 && is_alpha(text[begin - 2])) return true;
    char next = at(text, end);
    if ((next == '-' || next == '.') && is_alnum(at(text, end + 1))) return true;
    if (next == '/' && is_alpha(at(text, end + 1))) return true;
    return false;
}

// Dash-grouped identifiers that libphonenumber may still read as valid
// numbers of some region: year-serial order and batch numbers (2024-000123,
// 2024-12-3456, 2024/000123), ISBN-10/13 (4-06-263891-9, 978-3-16-148410-0), ZIP+4
// (02139-4307).
// The groups of digits of `raw` when it is only digit groups joined by one
// separator out of `separators` (each group non-empty); otherwise false.
bool digit_groups(std::string_view raw, const char *separators, std::vector<std::string_view> &groups) {
    groups.clear();
    char separator = '\0';
    size_t start = 0;
    for (size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && is_digit(raw[i])) continue;
        if (i < raw.size()) {
            if (std::strchr(separators, raw[i]) == nullptr || (separator != '\0' && raw[i] != separator))
                return false;
            separator = raw[i];
        }
        if (i == start) return false;
        groups.push_back(raw.substr(start, i - start));
        start = i + 1;
    }
    return true;
}

// 3 digits, '-', 8 digits: an air waybill's shape (and some landlines').
bool awb_shaped(std::string_view raw) {
    return raw.size() == 12 && raw[3] == '-' && std::all_of(raw.begin(), raw.begin() + 3, is_digit) &&
           std::all_of(raw.begin() + 4, raw.end(), is_digit);
}

const Keyword kAwbKeywordsList[] = {
    {"awb", true},  {"waybill", false}, {"way bill", false}, {"mawb", true},    {"hawb", true},
    {"cargo", false}, {"freight", false}, {"shipment", false}, {"tracking", false}, {"consignment", false},
};
const KeywordSet kAwbKeywords(kAwbKeywordsList);

bool code_shaped(std::string_view raw) {
    std::vector<std::string_view> groups;
    // A year and a zero-padded serial written with a space ("2024 000123"):
    // no numbering plan groups a number as four digits and a run of six.
    if (digit_groups(raw, " ", groups) && groups.size() == 2 && groups[0].size() == 4 &&
        (groups[0].substr(0, 2) == "19" || groups[0].substr(0, 2) == "20") && groups[1].size() >= 5 &&
        groups[1][0] == '0')
        return true;
    auto value = [](std::string_view g) {
        int v = 0;
        for (char c : g) v = v * 10 + (c - '0');
        return v;
    };
    // A year and a serial written with a slash, as invoices and case files
    // are numbered ("Rechnung 2024/000123", "factura 2023/004512").
    if (digit_groups(raw, "/", groups) && groups.size() == 2 && groups[0].size() == 4 && value(groups[0]) >= 1900 &&
        value(groups[0]) <= 2099 && groups[1].size() >= 4)
        return true;
    if (!digit_groups(raw, "-", groups) || groups.size() < 2) return false;
    if (groups.size() <= 3 && groups[0].size() == 4 && value(groups[0]) >= 1900 && value(groups[0]) <= 2099)
        return true;
    if (groups.size() == 4 && groups[0].size() == 1 && groups[3].size() == 1) return true;
    if (groups.size() == 5 && (groups[0] == "978" || groups[0] == "979")) return true;
    if (groups.size() == 2 && groups[0].size() == 5 && groups[1].size() == 4) return true;
    // An air waybill: airline prefix and serial whose last digit is the
    // first seven modulo 7 ("176-12345675"); landlines in the same shape
    // ("010-62345678") mostly fail that check.
    if (groups.size() == 2 && groups[0].size() == 3 && groups[1].size() == 8 &&
        value(groups[1].substr(0, 7)) % 7 == groups[1][7] - '0')
        return true;
    return false;
}

// True when [begin, end) is a whole segment of a URL path or a path
// ("https://example.com/p/212-555-0100/orders", "/contacts/+12125550100?x=1").
bool whole_path_segment(std::string_view text, size_t begin, size_t end) {
    if (before(text, begin) != '/') return false;
    const char next = at(text, end);
    return next == '\0' || std::strchr("/?#&\"' \t\n)]>", next) != nullptr;
}

// The strict North American shapes continue a code on their left
// ("INV-212-555-0100", "A-212-555-0100") or right ("800-555-0199-XL").
bool nanp_glued(std::string_view text, size_t begin, size_t end) {
    char prev = before(text, begin);
    // ("212-555-0100/212-555-0101" is a list: '/' after a digit does not glue;
    // a number written with separators that is a whole path segment is a
    // phone number in a URL: ".../contacts/212-555-0100/edit".)
    const bool path_segment = whole_path_segment(text, begin, end);
    if ((prev == '-' || (prev == '/' && !path_segment && begin >= 2 && !is_digit(text[begin - 2]))) && begin >= 2 &&
        is_alnum(text[begin - 2])) {
        // A run of X before it is a partial mask ("XXX-555-123-4567"), not a code.
        size_t b = begin - 1;
        while (b > 0 && text[b - 1] == 'X') --b;
        if (b == begin - 1 || (b > 0 && is_alnum(text[b - 1]))) return true;
    }
    return at(text, end) == '-' && is_alnum(at(text, end + 1));
}

// A ':' right before an IPv6 candidate is a label's colon ("addr:2001:db8::1",
// "IPv6:2001:db8::1", "地址：...") unless the word before it could itself be
// part of the address (hex digits or more colons).
bool colon_is_label(std::string_view text, size_t begin) {
    if (begin < 2) return begin == 1;
    size_t w = begin - 1;  // the colon
    if (text[w - 1] == ':') return false;
    size_t b = w;
    while (b > 0 && is_alnum(text[b - 1])) --b;
    if (b == w) return true;  // space, punctuation or non-ASCII before the colon
    // The kept digits of a mask ("XXXX-XXXX-XXXX-1111:2001:db8::1") are no
    // group, nor is the end of a dotted or dashed number ("v1.2.3:fe80::1",
    // "pages 12-15:2001:db8::1").
    if (after_mask(text, b) || before(text, b) == '.' || before(text, b) == '-') return true;
    for (size_t i = b; i < w; ++i)
        if (!is_hex(text[i])) return true;  // a word, not a hex group
    return false;
}

// "1::2", "10::5": two decimal groups of at most three digits around "::".
bool compressed_digits_only(std::string_view address) {
    size_t c = address.find("::");
    if (c == std::string_view::npos) return false;
    std::string_view head = address.substr(0, c), tail = address.substr(c + 2);
    auto short_number = [](std::string_view g) {
        return !g.empty() && g.size() <= 3 && std::all_of(g.begin(), g.end(), is_digit);
    };
    return short_number(head) && short_number(tail);
}

// European thousands grouping (1-3 digits, then groups of three, one
// separator style, optional decimals): "2.345.678.901", "12 345 678 901",
// "345.678.901,50".
bool amount_shaped(std::string_view raw) {
    size_t comma = raw.find(',');
    if (comma != std::string_view::npos) {
        std::string_view decimals = raw.substr(comma + 1);
        if (decimals.empty() || decimals.size() > 2 || !std::all_of(decimals.begin(), decimals.end(), is_digit))
            return false;
        raw = raw.substr(0, comma);
    }
    std::vector<std::string_view> groups;
    if (!digit_groups(raw, ". ", groups) || groups[0].size() > 3) return false;
    // An amount's leading group has no leading zero: "011 254 712 345 678"
    // is dialed from the US (011 the international prefix), "0 800 123 456" a
    // trunk prefix.
    if (groups[0][0] == '0') return false;
    for (size_t i = 1; i < groups.size(); ++i)
        if (groups[i].size() != 3) return false;
    // Three groups ("912 345 678") is how Spain writes phone numbers; an
    // amount needs four groups or decimals.
    return groups.size() >= 4 || (groups.size() == 3 && comma != std::string_view::npos);
}

// Disjoint spans, sorted, for overlap queries in O(log n).
class SpanSet {
public:
    // True when [begin, end) overlaps a span of the set.
    bool overlaps(size_t begin, size_t end) const {
        auto it = spans_.lower_bound(begin);  // first span starting at or after begin
        if (it != spans_.end() && it->first < end) return true;
        if (it != spans_.begin() && std::prev(it)->second > begin) return true;
        return false;
    }
    // Adds [begin, end), merged with any span it overlaps.
    void add(size_t begin, size_t end) {
        auto it = spans_.lower_bound(begin);
        if (it != spans_.begin() && std::prev(it)->second >= begin) --it;
        while (it != spans_.end() && it->first <= end) {
            begin = std::min(begin, it->first);
            end = std::max(end, it->second);
            it = spans_.erase(it);
        }
        spans_.emplace(begin, end);
    }

private:
    std::map<size_t, size_t> spans_;
};

// The values found so far, for detect_phones' questions about what lies
// next to a candidate, in O(log n) each (a scan of every value per candidate
// is quadratic on a text with many numbers).
class DetectionIndex {
public:
    void add(const Detection &d) {
        spans_.add(d.begin, d.end);
        by_begin_.emplace(d.begin, std::make_pair(d.end, d.type));
        by_end_.emplace(d.end, d.end - d.begin);
        if (d.type == PiiType::Phone) {
            size_t &phone_end = phone_ends_[d.begin];
            phone_end = std::max(phone_end, d.end);
        }
    }
    // The end of a phone number found at `begin`, else 0.
    size_t phone_end_at(size_t begin) const {
        const auto it = phone_ends_.find(begin);
        return it == phone_ends_.end() ? 0 : it->second;
    }
    // A phone number found before `begin` that a list's separator joins to
    // it (", ", "', '", "; "): an item of the same list ("phone IN
    // ('2125550100', '2125550101', ...)").
    bool phone_listed_before(std::string_view text, size_t begin) const {
        auto it = by_end_.upper_bound(begin);
        if (it == by_end_.begin()) return false;
        --it;
        const size_t e = it->first;
        if (e + 6 < begin) return false;
        const auto phone = phone_ends_.find(e - it->second);
        if (phone == phone_ends_.end() || phone->second != e) return false;
        const std::string_view gap = text.substr(e, begin - e);
        return gap.find_first_of(",;") != std::string_view::npos &&
               gap.find_first_not_of(" ,;'\"") == std::string_view::npos;
    }
    // A value overlaps [begin, end), other than a phone number that starts
    // inside it and ends where it ends. (One starting at or before `begin`
    // covers `begin`; the others start inside the span.)
    bool overlaps_other(size_t begin, size_t end) const {
        if (spans_.overlaps(begin, begin + 1)) return true;
        for (auto it = by_begin_.upper_bound(begin); it != by_begin_.end() && it->first < end; ++it)
            if (!(it->second.second == PiiType::Phone && it->second.first == end)) return true;
        return false;
    }
    // `window` bytes before `begin`, widened by the length of each value that
    // ends inside it (values between a phone word and its number do not use
    // up the window), the nearest first, at most `most` of them.
    size_t widened_window(size_t begin, size_t window, size_t most) const {
        auto it = by_end_.upper_bound(begin);
        for (size_t n = 0; n < most && it != by_end_.begin(); ++n) {
            --it;
            if (it->first + window < begin) break;
            window += it->second;
        }
        return window;
    }

private:
    SpanSet spans_;
    std::multimap<size_t, std::pair<size_t, PiiType>> by_begin_;
    std::multimap<size_t, size_t> by_end_;
    std::unordered_map<size_t, size_t> phone_ends_;
};

void sort_and_drop_overlaps(std::vector<Detection> &all) {
    if (all.size() <= 1) return;
    // Keep the longest span where detections overlap (ties: the detector that
    // ran first, then the earliest).
    std::stable_sort(all.begin(), all.end(), [](const Detection &a, const Detection &b) {
        return (a.end - a.begin) > (b.end - b.begin);
    });
    std::vector<Detection> kept;
    kept.reserve(all.size());
    SpanSet taken;
    for (Detection &d : all) {
        if (taken.overlaps(d.begin, d.end)) continue;
        taken.add(d.begin, d.end);
        kept.push_back(std::move(d));
    }
    std::sort(kept.begin(), kept.end(),
              [](const Detection &a, const Detection &b) { return a.begin < b.begin; });
    all.swap(kept);
}

std::string phone_replacement(std::string_view value, std::string_view normalized) {
    // The last four digits of the national number, never of an extension.
    std::string digits = digits_of(normalized);
    if (digits.empty()) {
        size_t ext = value.find_first_of("#xXeE");
        digits = digits_of(value.substr(0, ext));
    }
    return "XXX-XXX-" + last_n(digits, 4);
}

std::string ipv6_replacement(std::string_view value) {
    std::string address(value.substr(0, value.find_first_of("%/")));
    unsigned char buf[16] = {0};
    inet_pton(AF_INET6, address.c_str(), buf);
    std::string out;
    // An IPv4 address inside (::ffff:0:0/96, mapped; 64:ff9b::/96, NAT64;
    // or written with a dotted quad): the IPv4 mask's shape, the last octet
    // only (its last hex group would show two). Decided by the address, not
    // by how it is written, so "::ffff:c0a8:117" and "::ffff:192.168.1.23"
    // give the same mask.
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (address.find('.') != std::string::npos || std::memcmp(buf, kMapped, 12) == 0 ||
        std::memcmp(buf, kNat64, 12) == 0) {
        out = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXX.XXX.XXX." + std::to_string(buf[15]);
    } else {
        char last[8];
        std::snprintf(last, sizeof last, "%x", (buf[14] << 8) | buf[15]);
        out = "XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:XXXX:";
        out += last;
    }
    size_t slash = value.find('/');
    if (slash != std::string_view::npos) out += value.substr(slash);
    return out;
}

// The lower-case letter of an upper-case one of the scripts an address may
// hold (Latin-1, Latin Extended-A/B and Additional, Greek, Cyrillic), or `cp`
// itself; always one of the same UTF-8 length. Greek final sigma folds to
// sigma, as case-insensitive comparison does.
uint32_t lower_code_point(uint32_t cp) {
    auto even_upper = [&](uint32_t lo, uint32_t hi) { return cp >= lo && cp <= hi && (cp - lo) % 2 == 0; };
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
    if (cp == 0x130) return cp;  // "İ" lower-cases to two code points; kept
    if (even_upper(0x100, 0x137) || even_upper(0x139, 0x148) || even_upper(0x14A, 0x177) ||
        even_upper(0x179, 0x17E) || even_upper(0x1CD, 0x1DC) || even_upper(0x1DE, 0x1EF) ||
        even_upper(0x1F8, 0x21F) || even_upper(0x222, 0x233) || even_upper(0x460, 0x481) ||
        even_upper(0x48A, 0x4BF) || even_upper(0x4C1, 0x4CE) || even_upper(0x4D0, 0x4FF) ||
        even_upper(0x1E00, 0x1E95) || even_upper(0x1EA0, 0x1EFF))
        return cp + 1;
    if (cp == 0x178) return 0xFF;
    if (cp == 0x1A0 || cp == 0x1AF) return cp + 1;  // Ơ, Ư (Vietnamese)
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
    if (cp == 0x386) return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
    if (cp == 0x3C2) return 0x3C3;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp == 0x4C0) return 0x4CF;
    return cp;
}

// An address's normalized form (also its domain in the replacement): every
// letter lower-cased, so "ИВАН@Example.com" and "иван@example.com", or
// "JOSÉ@..." and "josé@...", are one address with one token.
std::string email_normalized(std::string_view address) {
    std::string out(address);
    for (size_t i = 0; i < out.size();) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) {
            out[i] = to_lower(out[i]);
            ++i;
            continue;
        }
        const size_t len = utf8_sequence_length(out, i);
        if (len == 2) {
            const uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(out[i + 1]) & 0x3Fu);
            const uint32_t lc = lower_code_point(cp);
            out[i] = static_cast<char>(0xC0 | (lc >> 6));
            out[i + 1] = static_cast<char>(0x80 | (lc & 0x3F));
        } else if (len == 3 && c == 0xE1) {
            const uint32_t cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(out[i + 1]) & 0x3Fu) << 6) |
                                (static_cast<unsigned char>(out[i + 2]) & 0x3Fu);
            const uint32_t lc = lower_code_point(cp);
            out[i + 1] = static_cast<char>(0x80 | ((lc >> 6) & 0x3F));
            out[i + 2] = static_cast<char>(0x80 | (lc & 0x3F));
        }
        i += len == 0 ? 1 : len;
    }
    // SQL's doubled apostrophe ('o''neil@...') is one: the token of the
    // address in the question.
    for (size_t a = out.find("''"); a != std::string::npos; a = out.find("''", a + 1)) out.erase(a, 1);
    return out;
}

// Replacement of a detection in folded (ASCII) form.
std::string replace_one(const Detection &d, std::string_view value, std::string_view key) {
    switch (d.type) {
        case PiiType::Email: {
            size_t at_sign = value.rfind('@');
            return "user_" + keyed_token(key, "email", d.normalized) + "@" +
                   email_normalized(value.substr(at_sign + 1));
        }
        case PiiType::Phone: return phone_replacement(value, d.normalized);
        case PiiType::Ssn: return "XXX-XX-" + last_n(digits_of(value), 4);
        case PiiType::CreditCard: return "XXXX-XXXX-XXXX-" + last_n(digits_of(value), 4);
        case PiiType::IPv4: return "XXX.XXX.XXX." + std::string(value.substr(value.rfind('.') + 1));
        case PiiType::IPv6: return ipv6_replacement(value);
    }
    return std::string();
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

PiiOptions normalized_options(const PiiOptions &options) {
    PiiOptions out;
    out.phone_regions.clear();
    for (const std::string &region : options.phone_regions) {
        if (!PiiAnonymizer::valid_region_code(region)) {
            // A region setting, not detected data; still only echoed when it
            // is short and plain.
            bool plain = region.size() <= 8 && std::all_of(region.begin(), region.end(), is_alnum);
            throw Error("22023", plain ? "unknown phone region code \"" + region + "\""
                                       : std::string("unknown phone region code"));
        }
        std::string code = upper(region);
        if (std::find(out.phone_regions.begin(), out.phone_regions.end(), code) ==
            out.phone_regions.end())
            out.phone_regions.push_back(code);
    }
    return out;
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
    if (n < 13 || n > 19) return false;
    auto starts = [&](const char *p) { return d.substr(0, std::strlen(p)) == p; };
    if (starts("4")) return n == 13 || n == 16 || n == 19;                       // Visa
    if (in_range(d, "51", "55") || in_range(d, "2221", "2720")) return n == 16;  // Mastercard
    if (starts("34") || starts("37")) return n == 15;                            // Amex
    if (starts("6011") || starts("65") || in_range(d, "644", "649") ||
        in_range(d, "622126", "622925"))
        return n >= 16 && n <= 19;                                               // Discover
    if (starts("35")) return n >= 16 && n <= 19;                                 // JCB
    if (starts("1800") || starts("2131")) return n == 15;                        // JCB (15 digits)
    if (in_range(d, "300", "305") || starts("36") || starts("38") || starts("39"))
        return n >= 14 && n <= 19;                                               // Diners
    if (starts("62")) return n >= 16 && n <= 19;                                 // UnionPay
    if (starts("50") || in_range(d, "56", "69")) return n >= 13 && n <= 19;      // Maestro
    // National schemes with their own prefixes: Mir (Russia, 2200-2204; 16
    // to 19 digits) and Troy (Turkey, 9792; 16).
    if (in_range(d, "2200", "2204")) return n >= 16 && n <= 19;
    if (starts("9792")) return n == 16;
    return false;
}

namespace {

// Maestro numbers may have as few as 12 digits; so short a number is a card
// only with a card word near it.
bool maestro12(std::string_view d) {
    return d.size() == 12 && (d.substr(0, 2) == "50" || in_range(d, "56", "69"));
}

const Keyword kCardKeywordsList[] = {
    {"card", false}, {"maestro", false}, {"debit", false}, {"credit", false}, {"cc", true}, {"pan", true},
    {"payment", false}, {"paid", true}, {"charge", false}, {"karte", false}, {"carte", false}, {"tarjeta", false},
    {"visa", true}, {"mastercard", false}, {"amex", true},
};
const KeywordSet kCardKeywords(kCardKeywordsList);

}  // namespace

bool ssn_valid(std::string_view area, std::string_view group, std::string_view serial) {
    if (area.size() != 3 || group.size() != 2 || serial.size() != 4) return false;
    if (area == "000" || area == "666" || area[0] == '9') return false;
    if (group == "00") return false;
    if (serial == "0000") return false;
    return true;
}

bool PiiAnonymizer::valid_region_code(std::string_view code) {
    if (code.size() != 2 || !is_alpha(code[0]) || !is_alpha(code[1])) return false;
    return PhoneDetector::supported_region(upper(code));
}

PiiAnonymizer::PiiAnonymizer() : PiiAnonymizer(PiiOptions()) {}

PiiAnonymizer::PiiAnonymizer(const PiiOptions &options)
    : options_(normalized_options(options)),
      phones_(std::make_unique<PhoneDetector>(options_.phone_regions)),
      email_(compile(kEmailPattern)),
      email_quoted_(compile(kEmailQuotedPattern)),
      phone_nanp_(compile(kPhoneNanpPattern)),
      phone_international_(compile(kPhoneInternationalPattern)),
      phone_extension_(compile(kPhoneExtensionPattern)),
      ssn_(compile(kSsnPattern)),
      ssn_bare_(compile(kSsnBarePattern)),
      ssn_spaced_(compile(kSsnSpacedPattern)),
      card_(compile(kCardPattern)),
      ipv4_(compile(kIpv4Pattern)),
      ipv6_(compile(kIpv6Pattern)) {}

PiiAnonymizer::~PiiAnonymizer() = default;

// True for the two-byte UTF-8 letters of the Latin, Greek and Cyrillic
// scripts and for combining accents (U+00C0-U+04FF but for ×, ÷ and ·).
bool two_byte_letter(unsigned char lead, unsigned char next) {
    if (next < 0x80 || next > 0xBF) return false;
    if (lead == 0xC3) return next != 0x97 && next != 0xB7;
    if (lead == 0xCE) return next >= 0x86 && next != 0x87;
    return lead >= 0xC4 && lead <= 0xD3;
}

// Names with an apostrophe make addresses too ("sean.o'brien@example.ie",
// "O'Brien.Sean@...", SQL's doubled "o''neil@..."): the address the pattern
// found after the apostrophe starts at the name before it when a letter
// touches the apostrophe on both sides. Not after a SQL string prefix
// (E'...', N'...', b'...', _utf8'...', _binary'...') or keyword.
size_t apostrophe_name_start(std::string_view text, size_t begin) {
    if (before(text, begin) != '\'') return begin;
    size_t q = begin - 1;
    if (before(text, q) == '\'') --q;
    if (!is_alpha(before(text, q))) return begin;
    size_t b = q;
    while (b > 0 && (is_alnum(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == '_' || text[b - 1] == '-' ||
                     text[b - 1] == '+'))
        --b;
    if (!is_alnum(text[b]) || (b > 0 && (text[b - 1] == '@' || text[b - 1] == '\\'))) return begin;
    const std::string head = lower(text.substr(b, q - b));
    if (head.find("..") != std::string::npos) return begin;
    // The name part before the apostrophe is a short particle ("o'", "d'")
    // or follows another part ("maria.dell'acqua"): never a word glued to a
    // quote ("LIKE'x@example.com'").
    if (head.find_first_of("._-+") == std::string::npos) {
        if (head.size() > 2) return begin;
        for (const char *prefix : {"e", "n", "b", "x", "r", "u", "q", "rb", "br", "nq", "in", "or", "is", "as", "on",
                                   "to"})
            if (head == prefix) return begin;
    }
    return b;
}

void PiiAnonymizer::detect_emails(std::string_view original, std::vector<Detection> &out) const {
    if (original.find('@') == std::string_view::npos) return;
    // Accented and other Latin, Greek or Cyrillic letters are part of an
    // address ("josé@example.com", "müller@example.de"): the patterns see
    // them as ASCII letters (two bytes for two bytes, so offsets hold), while
    // other scripts (CJK glued to an address) still end it.
    std::string letters_view;
    std::string_view text = original;
    for (size_t i = 0; i + 1 < original.size(); ++i) {
        const auto c = static_cast<unsigned char>(original[i]);
        if (c < 0x80) continue;
        if (two_byte_letter(c, static_cast<unsigned char>(original[i + 1]))) {
            if (letters_view.empty()) letters_view.assign(original);
            letters_view[i] = letters_view[i + 1] = 'a';
            ++i;
        } else if (c == 0xE1 && i + 2 < original.size() && static_cast<unsigned char>(original[i + 1]) >= 0xB8 &&
                   static_cast<unsigned char>(original[i + 1]) <= 0xBB &&
                   (static_cast<unsigned char>(original[i + 2]) & 0xC0) == 0x80) {
            // Latin Extended Additional (U+1E00-U+1EFF: Vietnamese "ễ", "ị")
            if (letters_view.empty()) letters_view.assign(original);
            letters_view[i] = letters_view[i + 1] = letters_view[i + 2] = 'a';
            i += 2;
        }
    }
    if (!letters_view.empty()) text = letters_view;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece groups[2];
    size_t pos = 0;
    while (pos < text.size() &&
           email_->Match(input, pos, text.size(), re2::RE2::UNANCHORED, groups, 2)) {
        size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        size_t match_end = begin + groups[0].size();
        size_t domain_begin = static_cast<size_t>(groups[1].data() - text.data());
        pos = match_end;
        std::string_view local = text.substr(begin, domain_begin - 1 - begin);
        // Part of a longer token that is not a valid local part ("a..b@",
        // "x.-y@"): not an address. SQL LIKE wildcards right before the
        // address ('%john@example.com%', '_ohn@example.com') are not part of
        // it: the address after them is found.
        // (Nor is an SQL comment's "--" glued to it: "--ann@example.com".)
        if (is_email_local_char(before(text, begin))) {
            size_t b = begin;
            while (b > 0 && (text[b - 1] == '%' || text[b - 1] == '_')) --b;
            if (b == begin && begin >= 2 && text[begin - 1] == '-' && text[begin - 2] == '-') {
                while (b > 0 && text[b - 1] == '-') --b;
            }
            if (b == begin || is_email_local_char(before(text, b))) continue;
        }
        if (!is_alnum(local.back()) || is_email_token(local)) continue;
        begin = apostrophe_name_start(text, begin);
        size_t domain_length =
            email_domain_length_or_title_case(text.substr(domain_begin, match_end - domain_begin),
                                              original.substr(domain_begin, match_end - domain_begin));
        if (domain_length == 0) continue;
        size_t end = domain_begin + domain_length;
        const std::string_view domain = text.substr(domain_begin, domain_length);
        // "deploy@XXX.XXX.XXX.5": an IPv4 mask, not a domain; "logo@2x.mov": an asset name.
        if (domain.find_first_not_of("X.") == std::string_view::npos) continue;
        {
            size_t label_end = domain.find('.');
            std::string_view first = domain.substr(0, label_end);
            if (first.size() >= 2 && (first.back() == 'x' || first.back() == 'X') &&
                std::all_of(first.begin(), first.end() - 1, is_digit))
                continue;
        }
        // "x@example.com2", "x@example.comx": a longer word. A suffix after
        // '_' or '-' ("john@example.com_backup", "john@example.com-old", the
        // markdown emphasis of "_kate@example.com_") leaves the address whole.
        char next = at(text, end);
        if (is_alnum(next) || next == '@') continue;
        // The SSH login of a git host ("git@github.com:acme/repo.git",
        // "ssh://git@gitlab.example.com/acme/repo"): the account every user
        // of the host shares, no one's address.
        if (local.size() == 3 && lower(local) == "git" &&
            ((next == ':' && (is_alnum(at(text, end + 1)) || at(text, end + 1) == '/' || at(text, end + 1) == '~')) ||
             (begin >= 6 && text.compare(begin - 6, 6, "ssh://") == 0)))
            continue;
        out.push_back({begin, end, PiiType::Email, email_normalized(original.substr(begin, end - begin))});
    }
    // A LIKE pattern that gives the local part and leaves the domain open
    // ("WHERE email LIKE 'jane.doe@%'", "ILIKE '%jane.doe@%'"): the local
    // part names the person whatever the domain.
    SpanSet like_taken;
    bool like_taken_built = false;
    for (size_t a = text.find("@%"); a != std::string_view::npos; a = text.find("@%", a + 2)) {
        size_t e = a + 2;
        while (e < text.size() && (is_alnum(text[e]) || text[e] == '%' || text[e] == '_' || text[e] == '.' || text[e] == '-'))
            ++e;
        if (at(text, e) != '\'' && at(text, e) != '"') continue;
        size_t b = a;
        while (b > 0 && is_email_local_char(text[b - 1]) && text[b - 1] != '%') --b;
        const char quote = before(text, b) == '%' ? before(text, b - 1) : before(text, b);
        if (quote != at(text, e) || a - b < 2 || !is_alnum(text[b]) || !is_alnum(text[a - 1])) continue;
        const std::string_view local = text.substr(b, a - b);
        if (is_email_token(local) || std::none_of(local.begin(), local.end(), is_alpha)) continue;
        // Only a person's local part: two alphabetic words joined by one '.'
        // or '_' ("jane.doe", "j.doe", "john_smith"); package specs ('react-dom@%',
        // 'requests@%', 'v2@%') and role accounts ('noreply@%', 'error@%')
        // are no one's.
        {
            const size_t join = local.find_first_of("._");
            const auto alphabetic = [](std::string_view w) {
                return !w.empty() && std::all_of(w.begin(), w.end(), is_alpha);
            };
            if (join == std::string_view::npos || !alphabetic(local.substr(0, join)) || join + 3 > local.size() ||
                !alphabetic(local.substr(join + 1)))
                continue;
        }
        if (!like_taken_built) {  // (built once: no scan of all detections per pattern)
            for (const Detection &d : out) like_taken.add(d.begin, d.end);
            like_taken_built = true;
        }
        if (like_taken.overlaps(b, a + 1)) continue;
        like_taken.add(b, a + 1);
        out.push_back({b, a + 1, PiiType::Email, email_normalized(original.substr(b, a + 1 - b))});
    }
    // Quoted local parts (kEmailQuotedPattern), which the loop above cannot
    // start at: the quote before '@' is no local character.
    if (text.find("\"@") == std::string_view::npos) return;
    pos = 0;
    while (pos < text.size() &&
           email_quoted_->Match(input, pos, text.size(), re2::RE2::UNANCHORED, groups, 2)) {
        const size_t begin = static_cast<size_t>(groups[0].data() - text.data());
        const size_t match_end = begin + groups[0].size();
        const size_t domain_begin = static_cast<size_t>(groups[1].data() - text.data());
        pos = domain_begin;  // a closing quote may open the next match
        // Spaces only between the quotes: no address.
        if (text.substr(begin, domain_begin - 1 - begin).find_first_not_of(" \"\\") == std::string_view::npos) continue;
        const size_t domain_length =
            email_domain_length_or_title_case(text.substr(domain_begin, match_end - domain_begin),
                                              original.substr(domain_begin, match_end - domain_begin));
        if (domain_length == 0) continue;
        const size_t end = domain_begin + domain_length;
        const char next = at(text, end);
        if (is_alnum(next) || next == '@') continue;
        // (JSON's escaping backslashes dropped: one token for both spellings.)
        std::string value(original.substr(begin, end - begin));
        value.erase(std::remove(value.begin(), value.end(), '\\'), value.end());
        out.push_back({begin, end, PiiType::Email, email_normalized(value)});
        pos = end;
    }
}

void PiiAnonymizer::detect_phones(std::string_view text, std::vector<Detection> &out) const {
    if (!digit_stretch(text, 7)) return;
    // An extension ("x123", "ext. 45", "#12") right after a number joins its span.
    auto extension_end = [&](size_t end) {
        re2::StringPiece rest(text.data() + end, text.size() - end);
        re2::StringPiece ext;
        if (phone_extension_->Match(rest, 0, rest.size(), re2::RE2::ANCHOR_START, &ext, 1) &&
            !is_alnum(at(text, end + ext.size())))
            return end + ext.size();
        return end;
    };

    // 1. Strict North American shapes (see kPhoneNanpPattern).
    for_each_match(*phone_nanp_, text, [&](size_t begin, size_t end) -> size_t {
        // "555 123 4567" written with spaces only must not be three numbers
        // out of a longer list ("ids 101 102 1003 1004").
        std::string_view shape = text.substr(begin, end - begin);
        bool spaces_only = shape.find_first_of("-.()") == std::string_view::npos;
        if (spaces_only && spaced_number_in_list(text, begin, end) &&
            !keyword_near(text, begin, end, kPhoneKeywords, 40, 0))
            return begin + 1;
        if (glued_to_digits(text, begin, end, "-.") || (word_before(text, begin) && !phone_label_before(text, begin)) ||
            (is_alpha(at(text, end)) && extension_end(end) == end && !dialer_pause_at(text, end)) ||
            after_mask(text, begin) ||
            nanp_glued(text, begin, end) || decimal_number(text, begin, end))
            return begin + 1;
        std::string digits = digits_of(text.substr(begin, end - begin));
        std::string normalized = "+1" + last_n(digits, 10);
        end = extension_end(end);
        out.push_back({begin, end, PiiType::Phone, std::move(normalized)});
        return end;
    });

    // 2. Anything written with an international prefix that is a possible
    // number of its country, valid or not (a privacy net under step 3).
    if (text.find('+') != std::string_view::npos || text.find("00") != std::string_view::npos) {
        for_each_match(*phone_international_, text, [&](size_t begin, size_t end) -> size_t {
            // Nothing continues to the left of a "+" or "00" prefix except a
            // word or digit glued to it ("Tel.+49 ..." is a label); "00" right
            // after a group of digits is inside a longer grouped number (an
            // IBAN: "DE89 3704 0044 0532 ...").
            if (word_before(text, begin) || after_mask(text, begin)) return begin + 1;
            if (text[begin] == '0' && before(text, begin) == ' ' && begin >= 2 && is_digit(text[begin - 2]))
                return begin + 1;
            // The pattern takes up to six groups: a count, year or time after
            // the number ("+44 20 7946 0958 10 days ago") joins it. Try the
            // candidate without its trailing space-separated groups too: the
            // longest valid number wins, else the longest possible one, and a
            // trailing year or short count is left out when the number is
            // valid without it.
            std::vector<size_t> cuts{end};
            for (size_t i = end; i > begin + 1; --i)
                if ((text[i - 1] == ' ' || text[i - 1] == '/') && is_digit(text[i - 2])) cuts.push_back(i - 1);
            size_t best = 0;
            bool best_valid = false;
            PhoneCandidate chosen;
            for (size_t cut : cuts) {
                std::string_view raw = text.substr(begin, cut - begin);
                size_t digits = count_digits(raw);
                if (digits < 8 || digits > 17) continue;
                if (PhoneDetector::date_shaped(raw, true)) continue;
                // Right edge: a longer token ("+49 30 1234567-ABC"), except a
                // second number's tail ("+44 20 7946 0958/0959").
                char next = at(text, cut);
                // (A dialer's pause or wait before an extension, "+14155550132p123"
                // or "w123", ends the number.)
                const bool pause = dialer_pause_at(text, cut);
                if ((is_word(next) && !pause) || ((next == '-' || next == '.') && is_alnum(at(text, cut + 1))) ||
                    (next == '/' && is_alpha(at(text, cut + 1)) && !whole_path_segment(text, begin, cut)))
                    continue;
                // "00" forms written as one run of digits are more often
                // zero-padded identifiers than phone numbers.
                if (raw[0] == '0' && std::all_of(raw.begin(), raw.end(), is_digit) &&
                    !keyword_near(text, begin, cut, kPhoneKeywords, 40, 0))
                    continue;
                PhoneCandidate c;
                bool valid = false;
                if (!phones_->parse_international(raw, c, &valid)) continue;
                // A bracketed country code ("(+49)(0)30 ...") only for a valid
                // number: "(+12) 34 56 78" is a signed count in brackets.
                {
                    size_t d = raw[0] == '+' ? 1 : 2;
                    while (d < raw.size() && (is_digit(raw[d]) || raw[d] == ' ')) ++d;
                    if (at(raw, d) == ')' && !valid) continue;
                }
                // "00 44 20 7946 0958": a prefix written apart from its
                // country code counts only for a valid number, and not after
                // a time ("10:00 44 ...").
                if (raw.substr(0, 3) == "00 " && (!valid || before(text, begin) == ':')) continue;
                // A signed round count ("+12000000 rows", "+3500000 users"):
                // one run of digits ending in five zeros that is no valid number.
                if (!valid && raw[0] == '+' && raw.size() >= 6 && raw.substr(raw.size() - 5) == "00000" &&
                    std::all_of(raw.begin() + 1, raw.end(), is_digit) &&
                    !keyword_near(text, begin, cut, kPhoneKeywords, 40, 0))
                    continue;
                if (best != 0) {
                    // `best` is longer: keep it unless this one is valid and it
                    // is not, or it only adds a year or a short count.
                    std::string_view extra = text.substr(cut + 1, best - cut - 1);
                    bool year = extra.size() == 4 && (extra.substr(0, 2) == "19" || extra.substr(0, 2) == "20");
                    bool short_count = extra.size() <= 2 && std::all_of(extra.begin(), extra.end(), is_digit);
                    if (!(valid && (!best_valid || year || short_count))) continue;
                }
                best = cut;
                best_valid = valid;
                chosen = std::move(c);
                if (valid && cut == end) break;
            }
            if (best == 0) return begin + 1;
            end = extension_end(best);
            // "(+49)(0)30 ...": the bracket opened before the country code is the number's.
            {
                const size_t close = text.substr(begin, end - begin).find(')');
                if (before(text, begin) == '(' && close != std::string_view::npos &&
                    text.substr(begin, close).find('(') == std::string_view::npos)
                    --begin;
            }
            out.push_back({begin, end, PiiType::Phone, std::move(chosen.e164)});
            return end;
        });
    }

    // 3. libphonenumber's matcher, Leniency::VALID, for every configured
    // region, on the digit runs not already covered by a detection.
    std::vector<std::pair<size_t, size_t>> covered;
    covered.reserve(out.size());
    for (const Detection &d : out) covered.emplace_back(d.begin, d.end);
    DetectionIndex found;
    for (const Detection &d : out) found.add(d);
    std::vector<PhoneCandidate> valid;
    // A bare run of digits needs a phone word near it (below); with none in
    // the whole text the matcher can skip such runs (looked for only when
    // there is such a run).
    phones_->find_valid(text, valid, covered, [&] {
        return !keyword_near(text, text.size(), text.size(), kPhoneKeywords, text.size(), 0);
    });
    for (PhoneCandidate &c : valid) {
        size_t begin = c.begin, end = c.end;
        // The matcher's span may start at a bracket: "(2125550100)". A
        // bracketed area code is part of the number: "(212) 5550100".
        while (begin < end && !is_digit(text[begin]) && text[begin] != '+' &&
               !(text[begin] == '(' && text.substr(begin, end - begin).find(')') != std::string_view::npos))
            ++begin;
        if (begin < end && text[end - 1] == ')' && std::count(text.begin() + begin, text.begin() + end, '(') == 0)
            --end;
        if (begin >= end) continue;
        // "SELECT 1 -- 6502530000", "LIMIT 1 -6502530000": a count before an
        // SQL comment or a minus sign, not the trunk prefix; the number
        // starts after it (the same North American number).
        // (What is left is read as written alone: a bare run needs a phone word.)
        bool trunk_cut = false;
        if (text[begin] == '1' && c.e164.rfind("+1", 0) == 0) {
            size_t d = begin + 1;
            while (d < end && !is_digit(text[d])) ++d;
            const std::string_view gap = text.substr(begin + 1, d - begin - 1);
            if (d < end && gap.size() >= 2 && gap.find('-') != std::string_view::npos) begin = d, trunk_cut = true;
        }
        if (phone_glued(text, begin, end)) continue;
        std::string_view raw = text.substr(begin, end - begin);
        if (PhoneDetector::date_shaped(raw, true)) continue;
        // The fraction of a second of a time ("00:01:02.345678") and decimal
        // numbers side by side (coordinates "51.5074 -0.1278").
        // (A time's minutes and colon before: "hh:mm:"; not a label with a
        // digit, "phone2:2125550100".)
        const bool after_minutes = begin >= 4 && text[begin - 1] == ':' && is_digit(text[begin - 2]) &&
                                   is_digit(text[begin - 3]) && text[begin - 4] == ':';
        if (after_minutes || holds_decimal_token(raw)) continue;
        // A lone zero before a slash is no trunk prefix (the area code follows
        // it: "030/1234567") but the high half of a PostgreSQL WAL position
        // ("checkpoint at 0/3000060", a German number to the matcher).
        if (raw.size() > 2 && raw[0] == '0' && raw[1] == '/') continue;
        if ((code_shaped(raw) || (c.e164.rfind("+1", 0) == 0 && !nanp_grouping(raw))) &&
            !keyword_near(text, begin, end, kPhoneKeywords, 40, 24))
            continue;
        // An air waybill whatever its check digit, where the text says so.
        if (awb_shaped(raw) && keyword_near(text, begin, end, kAwbKeywords, 40, 16)) continue;
        // Amounts ("2.345.678.901 €"), versions ("Build 16.0.5555.1212") and
        // day ranges ("2024-03-05/06").
        if (amount_shaped(raw) || version_word_before(text, begin) || decimal_number(text, begin, end)) continue;
        // Two groups of five digits ("zip codes 90230-90299", "60657 60614")
        // are no North American number, whatever its digits, and a range of
        // codes in any region ("75001-75020": same first three digits, rising).
        {
            // ("20000 - 25000" is the same range.)
            std::string compact(raw);
            for (size_t dash = compact.find(" - "); dash != std::string::npos; dash = compact.find(" - "))
                compact.replace(dash, 3, "-");
            std::vector<std::string_view> groups;
            if (digit_groups(compact, " -", groups) && groups.size() == 2 && groups[0].size() == 5 &&
                groups[1].size() == 5 &&
                (c.e164.rfind("+1", 0) == 0 ||
                 (groups[0] < groups[1] && (groups[0][0] == groups[1][0] ||
                                            (groups[0].substr(3) == "00" && groups[1].substr(3) == "00")))))
                continue;
        }
        // (A count: "612 345 678 unidades"; a number written with a trunk or
        // international prefix or a bracketed area code is a phone's.)
        if (currency_next_to(text, begin, end) || dotted_quad(raw) ||
            (is_digit(raw[0]) && raw[0] != '0' && count_word_after(text, end)))
            continue;
        {
            size_t slash = raw.find('/');
            if (slash != std::string_view::npos && PhoneDetector::date_shaped(raw.substr(0, slash))) continue;
        }
        // A bare run of digits ("log counter 2024031512", "id 6502530000") is
        // a phone number only where the text says so.
        // (Also after a count cut off before it: "x - 1 - 2024031512".)
        bool bare = std::all_of(raw.begin(), raw.end(), is_digit);
        // (Values found before it, an address between the phone word and the
        // number, do not use up the window.)
        // (An item of a list whose item before is a phone number is one too:
        // "phone IN ('2125550100', '2125550101', ...)", however long.)
        if (bare && (counter_label_before(text, begin) ||
                     !(found.phone_listed_before(text, begin) ||
                       keyword_near(text, begin, end, kPhoneKeywords, found.widened_window(begin, 40, 16), 24))))
            continue;
        end = extension_end(end);
        out.push_back({begin, end, PiiType::Phone, std::move(c.e164)});
        found.add(out.back());
    }

    // 4. A number right after a phone label ("tel 06 12 34 56 78", "Phone:
    // 020 7946 0958", "phone number 555-0123"): a national number of a region
    // that is not configured, or one that no numbering plan knows, is still
    // somebody's number when the text says so.
    for (size_t p = 0; p < text.size(); ++p) {
        const auto lead = static_cast<unsigned char>(text[p]);
        if (!(is_alpha(text[p]) || lead >= 0xC0) ||
            (p > 0 && (is_alpha(text[p - 1]) || static_cast<unsigned char>(text[p - 1]) >= 0x80)))
            continue;
        size_t q = word_end(text, p);
        const std::string_view word = text.substr(p, q - p);
        p = q - 1;
        // (Compared in place: most words are no label.)
        bool strong = word_in(word, kPhoneLabels, std::size(kPhoneLabels));
        bool weak = !strong && word_in(word, kWeakPhoneLabels, std::size(kWeakPhoneLabels));
        if (!strong && !weak && static_cast<unsigned char>(word.back()) >= 0x80) {
            std::string_view head = word;
            for (std::string_view filler : kScriptLabelFillers)
                if (ends_with(head, filler)) {
                    head.remove_suffix(filler.size());
                    break;
                }
            strong = std::any_of(std::begin(kScriptPhoneLabels), std::end(kScriptPhoneLabels),
                                 [&](std::string_view label) { return ends_with(head, label); });
            weak = !strong && std::any_of(std::begin(kWeakScriptPhoneLabels), std::end(kWeakScriptPhoneLabels),
                                          [&](std::string_view label) { return ends_with(head, label); });
        }
        // The one-letter labels of a signature block or business card ("T: 020
        // 7946 0958", "M: 07700 900123", "F: ..."), capital, followed by its
        // colon and after no other word ("Size M: 0123456"): weak.
        if (!strong && !weak && word.size() == 1 && std::strchr("TMFP", word[0]) != nullptr && at(text, q) == ':') {
            size_t b = p;
            while (b > 0 && text[b - 1] == ' ') --b;
            weak = b == 0 || !is_alnum(text[b - 1]);
        }
        // German compounds: "Rückrufnummer", "Festnetznummer", "Servicerufnummer"
        // (strong); "Kundentelefon", "Diensttelefon" (weak: also the device).
        if (!strong && !weak && word.size() > 8) {
            // (ASCII suffixes compared without case, in place.)
            auto ends_ci = [&](std::string_view suffix) {
                if (word.size() < suffix.size()) return false;
                const std::string_view tail = word.substr(word.size() - suffix.size());
                for (size_t i = 0; i < suffix.size(); ++i)
                    if (to_lower(tail[i]) != suffix[i]) return false;
                return true;
            };
            if (ends_ci("nummer") || ends_ci("nr")) {
                for (std::string_view suffix : {"telefonnummer", "rufnummer", "handynummer", "mobilnummer", "faxnummer",
                                                "festnetznummer", "telefonnr"})
                    if (ends_ci(suffix)) strong = true;
            } else if (ends_ci("telefon")) {
                weak = true;
            }
        }
        if (!strong && !weak && word_in(word, kSwitchboard, 1)) strong = true;
        // A camelCase name (a JSON key or a variable in pasted code:
        // "phoneNumber", "mobilePhone", "contactPhone"): a phone label as its
        // last part, or as its first part followed by a number word, is a weak
        // label (a product name is no label: "iPhone 12345678 sold",
        // "smartPhone 12345678"; its first part has two letters or more).
        if (!strong && !weak && word.size() > 4 && static_cast<unsigned char>(word[0]) < 0x80) {
            std::string_view parts[4];
            size_t n = 0, start = 0;
            for (size_t i = 1; i <= word.size() && n < 4; ++i)
                if (i == word.size() || (is_upper(word[i]) && word[i - 1] >= 'a' && word[i - 1] <= 'z')) {
                    parts[n++] = word.substr(start, i - start);
                    start = i;
                }
            auto label = [](std::string_view part) {
                return word_in(part, kPhoneLabels, std::size(kPhoneLabels)) ||
                       word_in(part, kWeakPhoneLabels, std::size(kWeakPhoneLabels));
            };
            if (n >= 2 && start == word.size() && parts[0].size() >= 2 &&
                (label(parts[n - 1]) || (label(parts[0]) && std::all_of(parts + 1, parts + n, [](std::string_view part) {
                                            return word_in(part, kNumberWords, std::size(kNumberWords));
                                        }))))
                weak = true;
        }
        if (!strong && !weak && word_in(word, kOwnNumberWholeWords, std::size(kOwnNumberWholeWords))) strong = true;
        if (!strong && !weak && word_in(word, kOwnNumberWords, std::size(kOwnNumberWords))) {
            // (The possessive right before it: "my number", "il mio numero".)
            const size_t word_begin = q - word.size();
            size_t e = word_begin;
            while (e > 0 && text[e - 1] == ' ') --e;
            size_t b = e;
            while (b > 0 && (is_alpha(text[b - 1]) || static_cast<unsigned char>(text[b - 1]) >= 0x80)) --b;
            if (b < e && e < word_begin && word_in(text.substr(b, e - b), kFirstPersonPossessives,
                                          std::size(kFirstPersonPossessives)))
                strong = true;
        }
        // Call records' ANI (the caller's number) and DNIS (the number
        // dialed), written in capitals ("ANI=4155550132 DNIS=8005550199"),
        // and a WhatsApp link, whose path is a number in international
        // format without its '+' ("wa.me/4915112345678").
        if (!strong && !weak && (word == "ANI" || word == "DNIS")) strong = true;
        if (!strong && !weak && (word == "wa" || word == "WA") && text.compare(q, 4, ".me/") == 0) {
            strong = true;
            q += 4;
        }
        if (!strong && !weak) continue;
        const bool numbered_label = !strong && word_in(word, kNumberedPhoneLabels, std::size(kNumberedPhoneLabels));
        const bool caller_label = weak && word_in(word, kCaller, 1);
        // Separators and at most four filler words up to the number ("phone
        // (home): ...", "call our support line at ...").
        size_t pos = q;
        bool strong_now = strong;
        // A line break only after a label that starts its line (spaces or a
        // list's or table's markup before it): a form's label above its value.
        // Words before it on its line make it part of a phrase or a key
        // path, not the value's caption ("zip: phone:" then the value).
        const bool starts_line = [&] {
            size_t b = q - word.size();
            while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '*' ||
                             text[b - 1] == '|' || text[b - 1] == '#' || text[b - 1] == '-' || text[b - 1] == '>'))
                --b;
            return b == 0 || text[b - 1] == '\n' || text[b - 1] == '\r';
        }();
        // A value given to the label ("mobile = '7911123456'" in SQL,
        // "mobile=..." in a URL, "\"mobile\": \"...\"" in JSON) rather than a
        // number written in prose: stored numbers often lack the trunk prefix.
        bool assigned = false;
        for (int fillers = 0;;) {
            // (A line break or tab too: a form's label above or beside its
            // value, "Mobile:\n612 34 56 78"; and the markup of a table or of
            // emphasis around the label: "**Phone:** ...", "| Phone | ... |",
            // "<td>Phone</td><td>...", "Phone:<br>...", "phone => ...".)
            while (pos < text.size()) {
                const char c = text[pos];
                if ((c == '\n' || c == '\r') && !starts_line) break;
                if (c == ' ' || c == ':' || c == '#' || c == '\n' || c == '\r' || c == '\t' || c == '=' || c == '.' ||
                    c == '-' || c == ')' || c == '"' || c == '\'' || c == '_' || c == '*' || c == '|' || c == '`' ||
                    c == '>' || c == ']' || c == '}' || c == ',' ||
                    ((c == '(' || c == '[' || c == '{') && (is_alpha(at(text, pos + 1)) ||
                                                             static_cast<unsigned char>(at(text, pos + 1)) >= 0xC0))) {
                    assigned = assigned || c == '=' || c == '"' || c == '\'';
                    ++pos;
                } else if (const size_t tag = markup_tag_length(text, pos)) {
                    pos += tag;
                } else if (c == '/' && pos == q && strong && (is_digit(at(text, pos + 1)) || at(text, pos + 1) == '+')) {
                    ++pos;  // a path segment named after the number: "/api/phone/2125550147/calls"
                } else {
                    break;
                }
            }
            size_t w = word_end(text, pos);
            const std::string_view filler = text.substr(pos, w - pos);
            // (A word in brackets annotates the label: "Phone (UK):",
            // "Tel. (Büro)", "Phone [work]".)
            const char open_bracket = before(text, pos), close_bracket = at(text, w);
            const bool annotation = w > pos && w - pos <= 16 &&
                                    ((open_bracket == '(' && close_bracket == ')') ||
                                     (open_bracket == '[' && close_bracket == ']') ||
                                     (open_bracket == '{' && close_bracket == '}'));
            const bool known_filler = word_in(filler, kPhoneLabelFillers, std::size(kPhoneLabelFillers));
            if (w == pos || fillers == 4 ||
                !(annotation || known_filler || (caller_label && fillers == 0 && word_in(filler, kId, 1))))
                break;
            // (Any other word in brackets only for a number written like a
            // phone number: "phone (count): 12345678" is a count.)
            if (annotation && !known_filler) strong_now = false;
            if (numbered_label && word_in(filler, kNumberWords, std::size(kNumberWords))) strong_now = true;
            pos = w;
            ++fillers;
        }
        // The numbers: a list after the label continues ("phones 555-0100,
        // 555-0101 and 555-0102").
        // (A number an earlier step found is an item of the list too: "phone
        // 415-555-0132, 020 7946 0958" goes on after the first; the list
        // goes on however long it is, each item read once.)
        for (size_t listed = 0;; ++listed) {
            size_t end = found.phone_end_at(pos);
            if (end == 0) {
                const auto [b, number_end] =
                    labelled_number(text, pos, [&](size_t nb, size_t ne) { return found.overlaps_other(nb, ne); });
                if (number_end == 0) break;
                std::string_view raw = text.substr(b, number_end - b);
                // After a weak label only what is written like a phone number, or
                // is a valid one: "call me at 555-0199", "mobile 07700 900123",
                // "contact: 2125550199".
                if (!strong_now && !phone_like(raw, assigned)) break;
                // (India's 5-5 grouping, "98765 43210", is also how two amounts
                // stand side by side: after a weak label not two round hundreds
                // ("mobile 70000 80000"), not before another number, and without
                // a caption ("Mobile:", "mobile no.") not before a word and a
                // number: "Revenue by channel: mobile 75123 82456 desktop 50123
                // 61456" is a row of columns.)
                if (!strong_now && raw.size() == 11 && raw[5] == ' ' && raw[0] >= '6' &&
                    std::all_of(raw.begin(), raw.begin() + 5, is_digit) && std::all_of(raw.begin() + 6, raw.end(), is_digit) &&
                    !phones_->valid_in_regions(raw, !assigned)) {
                    const std::string_view caption = text.substr(q, b - q);
                    bool captioned = caption.find_first_of(":#=") != std::string_view::npos;
                    for (size_t i = 0; !captioned && i < caption.size(); ++i)
                        if (is_alpha(caption[i]) && (i == 0 || !is_alpha(caption[i - 1]))) {
                            const size_t we = word_end(caption, i);
                            captioned = word_in(caption.substr(i, we - i), kNumberWords, std::size(kNumberWords));
                        }
                    size_t after = number_end;
                    while (after < text.size() && text[after] == ' ') ++after;
                    const bool round = raw.substr(3, 2) == "00" && raw.substr(9, 2) == "00";
                    if (round || is_digit(at(text, after))) break;
                    if (!captioned) {
                        size_t w = word_end(text, after);
                        if (w > after && w - after <= 24) {
                            while (w < text.size() && (text[w] == ' ' || text[w] == ':')) ++w;
                            size_t d = w;
                            while (d < text.size() && is_digit(text[d])) ++d;
                            if (d - w >= 3) break;
                        }
                    }
                }
                std::string normalized = digits_of(raw);
                if (raw[0] == '+') normalized.insert(0, "+");
                end = extension_end(number_end);
                out.push_back({b, end, PiiType::Phone, std::move(normalized)});
                found.add(out.back());
            }
            p = end - 1;
            // The next item: ", ", "; ", " and ", " or ", " / ".
            // (Also the Arabic comma and semicolon and the ideographic comma:
            // "٠٥٠١٢٣٤٥٦٧، ٠٥٥١٢٣٤٥٦٧"; "and" / "or" in more languages.)
            size_t next = end;
            // (An annotation after the number: "07700 900123 (personal), 07700 900124 (work)".)
            {
                size_t a = next;
                while (a < text.size() && text[a] == ' ') ++a;
                if (at(text, a) == '(' && is_alpha(at(text, a + 1))) {
                    const size_t w = word_end(text, a + 1);
                    if (w - a - 1 <= 16 && at(text, w) == ')') next = w + 1;
                }
            }
            while (next < text.size()) {
                if (text[next] == ' ' || text[next] == ',' || text[next] == ';' || text[next] == '/') {
                    ++next;
                } else if (text.compare(next, 2, "\xd8\x8c") == 0 || text.compare(next, 2, "\xd8\x9b") == 0) {
                    next += 2;
                } else if (text.compare(next, 3, "\xe3\x80\x81") == 0) {
                    next += 3;
                } else {
                    break;
                }
            }
            size_t w = word_end(text, next);
            const std::string joiner = lower(text.substr(next, w - next));
            if (word_in(joiner, kListJoiners, std::size(kListJoiners))) {
                next = w;
                while (next < text.size() && text[next] == ' ') ++next;
            } else if (w != next || next == end) {
                break;
            }
            pos = next;
        }
    }
}

bool PiiAnonymizer::phone_like(std::string_view raw, bool assigned) const {
    return written_like_phone(raw) || phones_->valid_in_regions(raw, !assigned);
}

void PiiAnonymizer::detect_ssns(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 9) return;
    // "SSN123-45-6789": the keyword glued to the number is not a longer word.
    auto after_ssn_word = [&](size_t begin) {
        return begin >= 3 && lower(text.substr(begin - 3, 3)) == "ssn" && !is_alpha(before(text, begin - 3));
    };
    for_each_match(*ssn_, text, [&](size_t begin, size_t end) -> size_t {
        // Glue across the number's own separator only ("Room 12 410-54-7231"
        // is a room and an SSN; "1 123 45 6789" is not an SSN).
        const char *glue = text[begin + 3] == ' ' ? " " : "-.";
        if (glued_to_digits(text, begin, end, glue) || (word_before(text, begin) && !after_ssn_word(begin)) ||
            word_after(text, end) || after_mask(text, begin))
            return begin + 1;
        std::string_view s = text.substr(begin, end - begin);
        if (!ssn_valid(s.substr(0, 3), s.substr(4, 2), s.substr(7, 4))) return begin + 1;
        // Written with dots only after the keyword ("SSN 123.45.6789").
        if (s[3] == '.' && !keyword_near(text, begin, end, kSsnKeywords, 48, 12)) return begin + 1;
        out.push_back({begin, end, PiiType::Ssn, digits_of(s)});
        return end;
    });
    // Spaced groups ("ssn is 123 - 45 - 6789"), next to the keyword only;
    // the plain forms ("123-45-6789") were read above.
    for_each_match(*ssn_spaced_, text, [&](size_t begin, size_t end) -> size_t {
        const std::string_view s = text.substr(begin, end - begin);
        if (s.find(' ') == std::string_view::npos) return begin + 1;
        // (More digits one spaced dash away are a longer run: "123 - 45 - 6789 - 10".)
        auto spaced_digit_after = [&](size_t e) {
            size_t n = 0;
            while (e < text.size() && n < 7 && (text[e] == ' ' || text[e] == '-')) ++e, ++n;
            return n > 0 && is_digit(at(text, e));
        };
        auto spaced_digit_before = [&](size_t b) {
            size_t n = 0;
            while (b > 0 && n < 7 && (text[b - 1] == ' ' || text[b - 1] == '-')) --b, ++n;
            return n > 0 && b > 0 && is_digit(text[b - 1]) && std::string_view(text.data() + b, n).find('-') != std::string_view::npos;
        };
        if (is_digit(before(text, begin)) || is_digit(at(text, end)) || spaced_digit_before(begin) ||
            (spaced_digit_after(end) && text.substr(end, 8).find('-') != std::string_view::npos) ||
            word_before(text, begin) || word_after(text, end) || after_mask(text, begin))
            return begin + 1;
        const std::string digits = digits_of(s);
        if (!ssn_valid(std::string_view(digits).substr(0, 3), std::string_view(digits).substr(3, 2),
                       std::string_view(digits).substr(5, 4)) ||
            !keyword_near(text, begin, end, kSsnKeywords, 48, 12))
            return begin + 1;
        out.push_back({begin, end, PiiType::Ssn, digits});
        return end;
    });
    // A list of numbers after the keyword ("SSNs: 123456789, 234567890, ...")
    // continues from one found number to the next.
    size_t last_end = std::string_view::npos;
    for_each_match(*ssn_bare_, text, [&](size_t begin, size_t end) -> size_t {
        if (word_before(text, begin) || word_after(text, end) || after_mask(text, begin)) return end;
        // A bare number right after a word naming an id is that id ("Customer
        // ID 123456789 (not SSN)", "member 123456789").
        if (counter_label_before(text, begin)) return end;
        std::string_view s = text.substr(begin, end - begin);
        if (!ssn_valid(s.substr(0, 3), s.substr(3, 2), s.substr(5, 4))) return end;
        bool in_list = last_end != std::string_view::npos && begin >= last_end && begin - last_end <= 8 &&
                       text.substr(last_end, begin - last_end).find_first_of("0123456789") == std::string_view::npos;
        if (in_list || keyword_near(text, begin, end, kSsnKeywords, 48, 12)) {
            out.push_back({begin, end, PiiType::Ssn, std::string(s)});
            last_end = end;
        }
        return end;
    });
}

void PiiAnonymizer::detect_cards(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 12) return;
    size_t last_integer_end = std::string_view::npos;  // the end of the last 64-bit integer read
    for_each_match(*card_, text, [&](size_t begin, size_t end) -> size_t {
        std::string_view candidate = text.substr(begin, end - begin);
        char separator = '\0';
        for (char c : candidate)
            if (!is_digit(c)) separator = c;
        // "4111 1111 1111 1111 5555 ...": the fifth group belongs to the next
        // number when the four groups alone are a card and five are not.
        if (separator == ' ' && candidate.size() == 23) {
            const std::string five = digits_of(candidate);
            const bool five_ok = !is_digit(at(text, end)) && card_brand_valid(five) && luhn_valid(five);
            const std::string four = five.substr(0, 16);
            if (!five_ok && card_brand_valid(four) && luhn_valid(four)) {
                end = begin + 19;
                candidate = text.substr(begin, end - begin);
            }
        }
        // Glued to further digits: directly, or across the number's own
        // separator for dashes and bare runs. A number written in groups of
        // four with spaces is complete on its own: a date, year or second
        // card after or before it ("4111 1111 1111 1111 12/26") is not part of it.
        bool glued = separator == ' '
                         ? is_digit(before(text, begin)) || is_digit(at(text, end))
                         : glued_to_digits(text, begin, end, separator == '.' ? "." : "-");
        if (glued || word_before(text, begin) || word_after(text, end) || after_mask(text, begin))
            return begin + 1;
        std::string digits = digits_of(candidate);
        // (A minus sign only in SQL or JSON: after a bracket, comma or
        // operator, "VALUES (-8345678901234567890, 1)"; "refund to
        // -6212345678901234569" is prose. A list after such a number goes on:
        // "queryid -8345678901234567890 and -4611686018427387900".)
        bool integer = false;
        if (separator == '\0' && digits.size() >= 17) {
            integer = int64_id_before(text, begin);
            if (!integer && before(text, begin) == '-') {
                size_t s = begin - 1;
                while (s > 0 && text[s - 1] == ' ') --s;
                integer = s == 0 || std::strchr("(,=[{:<>", text[s - 1]) != nullptr;
            }
            if (!integer && last_integer_end != std::string_view::npos && begin > last_integer_end &&
                begin - last_integer_end <= 8) {
                std::string gap = lower(text.substr(last_integer_end, begin - last_integer_end));
                gap.erase(std::remove_if(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == ',' || c == '-'; }),
                          gap.end());
                integer = gap.empty() || gap == "and" || gap == "or";
            }
            if (integer) last_integer_end = end;
        }
        // A '+' right before a run of digits is an international prefix
        // ("+4915112345678"): a phone number's, when it is a possible one.
        if (before(text, begin) == '+') {
            PhoneCandidate phone;
            if (phones_->parse_international("+" + digits, phone)) return end;
        }
        if (separator == '\0' && looks_like_timestamp(digits)) return end;
        if (digits.size() == 12 ? !(maestro12(digits) && keyword_near(text, begin, end, kCardKeywords, 40, 16))
                                : !card_brand_valid(digits))
            return begin + 1;
        if (!luhn_valid(digits)) return begin + 1;
        // A 64-bit integer (pg_stat_statements' queryid, a snowflake id) is
        // written in 17-19 digits, as few cards are: after a name for such an
        // id (int64_id_before), or written negative in SQL or JSON, it is that
        // integer unless the text speaks of a card ("queryid
        // 4611686018427387900", "VALUES (-8345678901234567890, 1)").
        // (A minus sign only in SQL or JSON: after a bracket, comma or
        // operator, "VALUES (-8345678901234567890, 1)"; "refund to
        // -6212345678901234569" is prose. A list after such a number goes on:
        // "queryid -8345678901234567890 and -4611686018427387900".)
        if (integer && !keyword_near(text, begin, end, kCardKeywords, 40, 16)) return end;
        // (Groups joined by " - ", '/' or '_' are lists, dates or keys unless
        // the text speaks of a card: "Card 4111 - 1111 - 1111 - 1111".)
        if ((separator == '/' || separator == '_' || candidate.find(" - ") != std::string_view::npos) &&
            !keyword_near(text, begin, end, kCardKeywords, 40, 16))
            return begin + 1;
        // A product barcode (EAN-13/GTIN share the check digit scheme).
        if (separator == '\0' && digits.size() <= 14 &&
            keyword_near(text, begin, end, kBarcodeKeywords, 30, 0))
            return end;
        out.push_back({begin, end, PiiType::CreditCard, std::move(digits)});
        return end;
    });
}

void PiiAnonymizer::detect_ipv4(std::string_view text, std::vector<Detection> &out) const {
    if (count_digits(text) < 4 || text.find('.') == std::string_view::npos) return;
    size_t last_version_end = std::string_view::npos;  // the end of the last dotted quad read as a version
    for_each_match(*ipv4_, text, [&](size_t begin, size_t end) -> size_t {
        char prev = before(text, begin);
        // ("10.0.0.5..10.0.0.9": a range, the second address starts after "..".)
        if (word_before(text, begin) || (prev == '.' && !(begin >= 2 && text[begin - 2] == '.')) ||
            after_mask(text, begin))
            return begin + 1;
        if (word_after(text, end) || (at(text, end) == '.' && is_digit(at(text, end + 1))))
            return begin + 1;
        // Version strings: "Version 1.2.3.4", "release 10.0.0.1", "1.2.3.4-beta",
        // "Chrome/120.0.0.0", "Section 4.2.1.3".
        if ((at(text, end) == '-' || at(text, end) == '+') && is_alpha(at(text, end + 1))) return end;
        // ("Chrome/120.0.0.0" is a product's version; "/hosts/10.0.0.5" and
        // "example.com/203.0.113.7" are paths holding an address.)
        if (prev == '/' && begin >= 2 && is_alpha(text[begin - 2])) {
            size_t w = begin - 1;
            while (w > 0 && (is_alnum(text[w - 1]) || text[w - 1] == '_' || text[w - 1] == '-')) --w;
            const char lead = before(text, w);
            if (lead != '/' && lead != '.' && lead != ':') return end;
        }
        // (An item of a list whose item before was read as a version is one
        // too, however long the list: "firmware_version IN ('10.2.0.1', ...,
        // '10.2.0.6')"; in linear time.)
        auto listed_after_version = [&] {
            if (last_version_end == std::string_view::npos || begin <= last_version_end ||
                begin - last_version_end > 12)
                return false;
            std::string gap;
            for (char c : text.substr(last_version_end, begin - last_version_end))
                if (c != ' ' && c != '\'' && c != '"' && c != ',') gap += to_lower(c);
            return gap.empty() ? text.substr(last_version_end, begin - last_version_end).find(',') != std::string_view::npos
                               : gap == "and" || gap == "or" || gap == "und" || gap == "et" || gap == "to";
        };
        if (listed_after_version() || version_word_before(text, begin, true)) {
            last_version_end = end;
            return end;
        }
        std::string_view s = text.substr(begin, end - begin);
        int octet = 0;
        for (char c : s) {
            if (c == '.') {
                octet = 0;
                continue;
            }
            octet = octet * 10 + (c - '0');
            if (octet > 255) return begin + 1;
        }
        // A netmask (255.255.255.0, 255.255.0.0) names no host.
        if (netmask(s)) return end;
        // An amount in thousands groups: a currency next to it ("1.200.000.000
        // EUR", "€ 1.200.250.100") or a decimal comma ("1.200.250.100,50").
        if (currency_next_to(text, begin, end)) return end;
        if (at(text, end) == ',' && is_digit(at(text, end + 1))) {
            size_t e = end + 1;
            while (e < text.size() && is_digit(text[e])) ++e;
            if (e - end - 1 <= 2 && at(text, e) != '.') return end;
        }
        out.push_back({begin, end, PiiType::IPv4, std::string(s)});
        return end;
    });
}

void PiiAnonymizer::detect_ipv6(const FoldedText &folded, std::vector<Detection> &out) const {
    const std::string_view text = folded.text();
    if (text.find(':') == std::string_view::npos) return;
    // A fullwidth colon (U+FF1A) before an address written in ASCII
    // ("节点1：2001:db8::1", "2024-03-15：fe80::1") separates it from what is
    // before, whatever that is.
    auto fullwidth_colon_at = [&](size_t i) {
        return folded.changed() && text[i] == ':' &&
               folded.original().compare(folded.to_original(i), 3, "\xef\xbc\x9a") == 0;
    };
    auto fullwidth_colon_before = [&](size_t begin) {
        if (!fullwidth_colon_at(begin - 1)) return false;
        const size_t first = folded.to_original(begin);
        return first < folded.original().size() && static_cast<unsigned char>(folded.original()[first]) < 0x80;
    };
    for_each_match(*ipv6_, text, [&](size_t begin, size_t end) -> size_t {
        char prev = before(text, begin);
        // (Markdown emphasis is no word: "_2001:db8::1_", "__fe80::1__".)
        if (word_before(text, begin) || prev == '.' || after_mask(text, begin)) return begin + 1;
        if (prev == ':' && !colon_is_label(text, begin) && !fullwidth_colon_before(begin)) return begin + 1;
        // An address is written with one kind of colon: a fullwidth one among
        // ASCII ones ("节点1：2001:db8::1", "10:30:00：2001:db8::1") ends what
        // is before it; the address starts after it.
        // ("2001:db8::1：212-555-0100": the address ends before it.)
        bool cut_at_fullwidth = false;
        if (folded.changed()) {
            size_t first_fullwidth = 0, last_fullwidth = 0, first_ascii = 0;
            for (size_t i = begin; i < end; ++i) {
                if (text[i] != ':') continue;
                if (fullwidth_colon_at(i)) {
                    if (first_fullwidth == 0) first_fullwidth = i + 1;
                    if (first_ascii == 0) last_fullwidth = i + 1;  // the last one before an ASCII colon
                } else if (first_ascii == 0) {
                    first_ascii = i + 1;
                }
            }
            if (first_fullwidth != 0 && first_ascii != 0) {
                if (first_fullwidth < first_ascii) return last_fullwidth;
                end = first_fullwidth - 1;
                cut_at_fullwidth = true;
            }
        }
        // The last group of a number written in dashed groups ("212-555-0100:
        // 2001:db8::1" with a CJK colon): the number ends there. (A range's
        // second address follows an address: "2001:db8::1-2001:db8::ff".)
        if (prev == '-' && begin >= 2 && is_digit(text[begin - 2])) {
            size_t b = begin - 1;
            while (b > 0 && (is_digit(text[b - 1]) || text[b - 1] == '-')) --b;
            if (!is_alnum(before(text, b)) && before(text, b) != ':') return begin + 1;
        }
        // A zone ends before a sentence's full stop ("fe80::1%eth0."); a
        // single trailing colon is punctuation ("2001:db8::1: refused").
        while (end > begin && (text[end - 1] == '.' || text[end - 1] == '-' || text[end - 1] == '_') &&
               text.substr(begin, end - begin).find('%') != std::string_view::npos)
            --end;
        if (end - begin > 2 && text[end - 1] == ':' && text[end - 2] != ':' && !is_hex(at(text, end)) &&
            at(text, end) != ':')
            --end;
        const bool zone_or_prefix = text.substr(begin, end - begin).find_first_of("%/") != std::string_view::npos;
        // The last group running into a number written in dashed groups
        // ("2001:db8::1:212-555-0100" with a CJK colon): the address ends
        // before that group, the number is a value of its own.
        if (!zone_or_prefix && !cut_at_fullwidth && at(text, end) == '-' && is_digit(at(text, end + 1))) {
            size_t e = end + 1;
            while (e < text.size() && (is_digit(text[e]) || text[e] == '-')) ++e;
            const size_t colon = text.rfind(':', end - 1);
            if (!is_alnum(at(text, e)) && at(text, e) != ':' && colon != std::string_view::npos && colon > begin + 1)
                end = text[colon - 1] == ':' ? colon + 1 : colon;
        }
        // (After a zone or a prefix a colon is punctuation: "fe80::1%eth0:22".)
        if (word_after(text, end) ||
            (!zone_or_prefix && !cut_at_fullwidth && at(text, end) == ':' &&
             (is_hex(at(text, end + 1)) || at(text, end + 1) == ':')))
            return begin + 1;
        std::string_view candidate = text.substr(begin, end - begin);
        size_t slash = candidate.find('/');
        if (slash != std::string_view::npos) {
            int prefix = 0;
            for (char c : candidate.substr(slash + 1)) prefix = prefix * 10 + (c - '0');
            if (prefix > 128) return begin + 1;
        }
        std::string address(candidate.substr(0, candidate.find_first_of("%/")));
        size_t groups = 0;
        for (size_t i = 0; i < address.size(); ++i)
            if (is_hex(address[i]) && (i == 0 || !is_hex(address[i - 1]))) ++groups;
        // Without a digit, "a::dec" and "beef::cafe" are casts or words; an
        // address of letters needs three groups and a single colon between
        // two of them ("dead:beef::cafe").
        if (count_digits(address) == 0) {
            bool single_colon = false;
            for (size_t i = 1; i + 1 < address.size(); ++i)
                if (address[i] == ':' && address[i - 1] != ':' && address[i + 1] != ':') single_colon = true;
            if (!single_colon || groups < 3 || address.size() < 12) return begin + 1;  // not "a::b:c"
        }
        if (groups < 2) return begin + 1;  // "::1", "1::"
        // "1::dec": a number cast to a type whose name happens to be hex.
        size_t compressed = address.find("::");
        if (groups == 2 && compressed != std::string::npos) {
            std::string_view head(address.data(), compressed);
            std::string_view tail(address.data() + compressed + 2, address.size() - compressed - 2);
            if (!head.empty() && std::all_of(head.begin(), head.end(), is_digit) && !tail.empty() &&
                std::all_of(tail.begin(), tail.end(), is_alpha))
                return begin + 1;
        }
        // Slice notation "arr[1::2]", "[10::5]": two short decimal groups around "::".
        if (groups == 2 && compressed_digits_only(address)) return end;
        // An EUI-64 / MAC-style identifier: eight groups of exactly two hex digits.
        if (groups == 8 && address.size() == 23 && address.find("::") == std::string::npos) {
            bool pairs = true;
            for (size_t i = 0; i < address.size(); ++i)
                if ((i % 3 == 2) != (address[i] == ':')) pairs = false;
            if (pairs) return end;
        }
        // Eight groups of decimal digits only, the first shorter than four
        // ("ratio 1:2:3:4:5:6:7:8", "ports 80:443:8080:8443:9000:9090:3000:5000"):
        // a list of numbers. Allocated addresses written in full start with a
        // four-digit group (2001:4860:4860:0000:...) or have letters.
        if (groups == 8 && compressed == std::string::npos && address.find_first_of("abcdefABCDEF.") == std::string::npos &&
            address.find(':') < 4)
            return end;
        unsigned char buf[16];
        if (inet_pton(AF_INET6, address.c_str(), buf) != 1) return begin + 1;
        char canonical[INET6_ADDRSTRLEN] = {0};
        inet_ntop(AF_INET6, buf, canonical, sizeof canonical);
        out.push_back({begin, end, PiiType::IPv6, canonical});
        return end;
    });
}

namespace {

// What a pasted table's header says about a column: 2 a phone column
// ("phone", "Mobile Phone", "phone_number", "telefon", "tel1"), 1 one whose
// name is only a weak label ("mobile", "cell": also counts and places), 3 an
// SSN column ("ssn", "customer_ssn", "social_security_number"), 4 a column
// of versions, 0 none ("phone_model", "phone_count", "cell_id", "ssn_last4").
int table_column_kind(std::string_view name) {
    if (name.empty() || name.size() > 40) return 0;
    std::string_view parts[6];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
        const bool end = i == name.size();
        const char c = end ? ' ' : name[i];
        // ('#', '(' and ')' too: "Phone #", "Phone (mobile)".)
        const bool boundary = c == '_' || c == ' ' || c == '-' || c == '.' || c == '/' || c == '#' || c == '(' ||
                              c == ')' ||
                              (!end && i > 0 && is_upper(c) && name[i - 1] >= 'a' && name[i - 1] <= 'z');
        if (!boundary && (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80)) continue;
        if (!boundary) return 0;  // another character: no column name
        if (i > start) {
            if (n == 6) return 0;
            parts[n++] = name.substr(start, i - start);
        }
        start = (c == '_' || c == ' ' || c == '-' || c == '.' || c == '/' || c == '#' || c == '(' || c == ')') ? i + 1
                                                                                                                 : i;
    }
    static const std::string_view kOther[] = {"id", "ids", "count", "cnt", "model", "type", "brand", "make", "os",
                                              "verified", "valid", "ext", "extension", "country", "code", "prefix",
                                              "carrier", "status", "plan", "hash", "last4", "last", "len", "length",
                                              "format", "is", "has", "flag", "opt", "consent", "area", "sid",
                                              "tower", "size", "price", "battery", "date", "at", "time"};
    // (Nouns only: "call", "contact", "reach" head no column of numbers.)
    static const std::string_view kTableWeak[] = {"mobile", "mob", "cell", "cellular", "mobil", "celular", "movil",
                                                  "m\xc3\xb3vil", "mobiel", "cellulare", "natel", "portable",
                                                  "telem\xc3\xb3vel", "caller", "callerid"};
    // The words that may follow the label in a column's name ("phone_number",
    // "Phone No", "tel_home", "ssn_nr"); any other word after it makes the
    // label part of something else ("tel_aviv_sales", "Tel Aviv", "mobile_sessions").
    static const std::string_view kQualifiers[] = {"number", "num", "no", "nr", "nbr", "nummer", "numero",
                                                   "n\xc3\xbamero", "num\xc3\xa9ro", "home", "work", "office",
                                                   "mobile", "cell", "main", "primary", "secondary", "alt", "other",
                                                   "personal", "business", "private", "contact", "e164", "raw",
                                                   "de", "du", "da", "do", "of"};
    if (n > 4) return 0;  // a phrase, not a column's name
    int kind = 0;
    bool social = false, security = false;
    for (size_t i = 0; i < n; ++i) {
        std::string_view part = parts[i];
        while (!part.empty() && is_digit(part.back())) part.remove_suffix(1);  // "phone2", "tel1"
        if (part.empty()) continue;
        if (word_in(part, kOther, std::size(kOther))) return 0;
        if (kind != 0 && !social && !word_in(part, kQualifiers, std::size(kQualifiers)) &&
            !word_in(part, kPhoneLabels, std::size(kPhoneLabels)))
            return 0;  // a word after the label that says what else it is
        if (word_in(part, kPhoneLabels, std::size(kPhoneLabels))) kind = std::max(kind, 2);
        else if (static_cast<unsigned char>(part.back()) >= 0x80) {  // "전화번호", "手机号码", "電話番号"
            std::string_view head = part;
            for (std::string_view filler : kScriptLabelFillers)
                if (ends_with(head, filler)) {
                    head.remove_suffix(filler.size());
                    break;
                }
            if (std::any_of(std::begin(kScriptPhoneLabels), std::end(kScriptPhoneLabels),
                            [&](std::string_view label) { return ends_with(head, label); }))
                kind = std::max(kind, 2);
        }
        else if (word_in(part, kTableWeak, std::size(kTableWeak))) kind = std::max(kind, 1);
        static const std::string_view kSsn[] = {"ssn"}, kSocial[] = {"social"}, kSecurity[] = {"security", "sec"};
        if (word_in(part, kSsn, 1)) kind = 3;
        social = social || word_in(part, kSocial, 1);
        security = security || word_in(part, kSecurity, 2);
    }
    if (social && security) kind = 3;
    // A column of versions ("version", "app_version", "firmware",
    // "build", "build_version", "build_number"): a dotted quad there is no
    // address. Only words about versions ("driver_ip" holds addresses), and
    // the name ends in one or in a number word: "build_host",
    // "release_server" and a name ending in ip / ips / ip_address / addr
    // name machines and addresses whatever else they say.
    // (A word for a machine or an address anywhere else in the name wins:
    // "build_ip_no", "release_addr_num", "build_server_number"; a name
    // ending in "version" says what it holds: "server_version", "ip_version".)
    static const std::string_view kVersion[] = {"version", "versions", "ver", "firmware", "fw", "build", "release"};
    static const std::string_view kVersionLast[] = {"version", "versions", "ver", "firmware", "fw", "build",
                                                    "release", "number", "num", "no", "nr", "tag"};
    static const std::string_view kVersionNamed[] = {"version", "versions", "ver"};
    static const std::string_view kMachine[] = {"ip", "ips", "ipv4", "ipv6", "addr", "address", "addresses", "host",
                                                "hosts", "hostname", "server", "servers", "srv", "gateway", "gw",
                                                "router", "proxy", "peer", "endpoint", "inet", "nat", "subnet",
                                                "cidr", "dns", "lan", "wan", "machine", "box"};
    if (kind == 0 && n > 0) {
        std::string_view last = parts[n - 1];
        while (!last.empty() && is_digit(last.back())) last.remove_suffix(1);
        if (word_in(last, kVersionLast, std::size(kVersionLast)) &&
            std::any_of(parts, parts + n,
                        [](std::string_view part) { return word_in(part, kVersion, std::size(kVersion)); }) &&
            (word_in(last, kVersionNamed, std::size(kVersionNamed)) ||
             std::none_of(parts, parts + n,
                          [](std::string_view part) { return word_in(part, kMachine, std::size(kMachine)); })))
            return 4;
    }
    return kind;
}

// A line break at folded offset `pos`, real or written as an escape ("\n",
// "\r": a table pasted inside a JSON string or a log line, folded to a
// space): its length, else 0.
size_t line_break_at(const FoldedText &folded, size_t pos) {
    const std::string_view text = folded.text();
    if (text[pos] == '\n') return 1;
    if (text[pos] == '\r') return at(text, pos + 1) == '\n' ? 2 : 1;
    if (text[pos] == ' ' && folded.changed()) {
        const size_t o = folded.to_original(pos);
        if (folded.original().compare(o, 2, "\\n") == 0 || folded.original().compare(o, 2, "\\r") == 0) return 1;
    }
    return 0;
}

// The cells of one row between [begin, end), split at `delimiter` outside
// quotes ('"' in CSV; also '\'' in SQL), trimmed of spaces, quotes, brackets
// and emphasis.
void split_row(std::string_view text, size_t begin, size_t end, char delimiter, bool sql,
               std::vector<std::pair<size_t, size_t>> &cells) {
    cells.clear();
    char quote = '\0';
    size_t start = begin;
    for (size_t i = begin; i <= end; ++i) {
        const char c = i < end ? text[i] : delimiter;
        if (quote != '\0') {
            if (c == quote && i < end) quote = '\0';
            else if (i < end) continue;
        } else if (i < end && (c == '"' || (sql && c == '\''))) {
            quote = c;
            continue;
        }
        if (c != delimiter) continue;
        size_t b = start, e = i;
        auto trim = [](char ch) {
            return ch == ' ' || ch == '"' || ch == '\'' || ch == '`' || ch == '*' || ch == '[' || ch == ']' || ch == '\t';
        };
        while (b < e && trim(text[b])) ++b;
        while (e > b && trim(text[e - 1])) --e;
        cells.emplace_back(b, e);
        start = i + 1;
    }
}

}  // namespace

// A table pasted into a question: CSV, TSV or ';'-separated lines, a
// Markdown or pipe table, or an SQL INSERT's column list and its VALUES
// tuples. A column whose header names a phone number or an SSN says what its
// cells hold, however far a row is from the header ("id,name,phone\n1,Ann,
// 6502530000\n...", "INSERT INTO t (name, phone) VALUES ('Ann',
// '0612345678')"): a number there is read as after a label.
// Keys under a phone key that name no other thing: its value is the phone's.
const std::string_view kJsonNumberKeys[] = {"number", "value", "national_number", "nationalnumber", "e164", "raw",
                                            "formatted", "display", "international", "national", "home", "work",
                                            "office", "personal", "business", "main", "primary", "other", "private",
                                            "mobile", "cell", "landline", "fax", "digits", "full", "local"};

void PiiAnonymizer::detect_table_cells(const FoldedText &folded, std::vector<Detection> &out) const {
    const std::string_view text = folded.text();
    std::vector<std::pair<size_t, size_t>> header, cells;
    // The detections by their start (a cell's overlaps are looked up, not
    // looked for in all of `out`: linear on a table of many rows); those
    // dropped are marked, and erased once at the end.
    // (Built at the first cell read: most text has no table.)
    std::multimap<size_t, size_t> by_begin;
    size_t longest = 0;
    std::vector<char> dropped;
    bool any_dropped = false, indexed = false;
    auto index = [&] {
        if (indexed) return;
        indexed = true;
        dropped.assign(out.size(), 0);
        for (size_t i = 0; i < out.size(); ++i) {
            by_begin.emplace(out[i].begin, i);
            longest = std::max(longest, out[i].end - out[i].begin);
        }
    };
    auto add = [&](Detection d) {
        by_begin.emplace(d.begin, out.size());
        longest = std::max(longest, d.end - d.begin);
        out.push_back(std::move(d));
        dropped.push_back(0);
    };
    auto take = [&](size_t b, size_t e, int kind) {
        if (b >= e || (!is_digit(text[b]) && text[b] != '+' && text[b] != '(')) return;
        index();
        if (kind == 4) {  // "1.2.3.4" under "version" is a version
            for (auto [it, last] = by_begin.equal_range(b); it != last; ++it) {
                const Detection &d = out[it->second];
                if (d.type == PiiType::IPv4 && d.end == e) dropped[it->second] = 1, any_dropped = true;
            }
            return;
        }
        // (A phone number found inside the cell gives way to the whole cell:
        // "(11) 91234-5678" where a region read "91234-5678".)
        for (auto it = by_begin.lower_bound(e); it != by_begin.begin();) {
            --it;
            if (it->first + longest <= b) break;  // none before it reaches the cell
            const Detection &d = out[it->second];
            if (dropped[it->second] == 0 && d.begin < e && b < d.end &&
                (kind == 3 || d.type != PiiType::Phone || d.begin < b || d.end > e || d.end - d.begin == e - b))
                return;
        }
        if (kind == 3) {
            const std::string digits = digits_of(text.substr(b, e - b));
            std::string_view raw = text.substr(b, e - b);
            const bool shaped = raw.size() == 9 ||
                                (raw.size() == 11 && raw[3] == raw[6] && (raw[3] == '-' || raw[3] == ' ' || raw[3] == '.'));
            if (digits.size() == 9 && shaped &&
                ssn_valid(std::string_view(digits).substr(0, 3), std::string_view(digits).substr(3, 2),
                          std::string_view(digits).substr(5, 4)))
                add({b, e, PiiType::Ssn, digits});
            return;
        }
        // (The cell ends the number: an escaped line break is a space here.)
        // (Overlaps were looked at above: none to pass again.)
        const auto [nb, ne] = labelled_number(text.substr(0, e), b, [](size_t, size_t) { return false; });
        if (ne != e || nb < b) return;  // the whole cell, nothing else
        std::string_view raw = text.substr(nb, ne - nb);
        if (kind == 1 && !written_like_phone(raw)) return;  // (a count in a "mobile" column: "month;mobile;tablet")
        // A bare run of digits must have a phone number's length, and be no
        // date ("20240315") nor a timestamp in milliseconds ("1700000000123").
        if (std::all_of(raw.begin(), raw.end(), is_digit)) {
            if (raw.size() < 7 || (raw.size() > 12 && raw.compare(0, 2, "00") != 0)) return;
            if (raw.size() == 8 && (raw.compare(0, 2, "19") == 0 || raw.compare(0, 2, "20") == 0)) {
                const int month = (raw[4] - '0') * 10 + (raw[5] - '0'), day = (raw[6] - '0') * 10 + (raw[7] - '0');
                if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return;
            }
        }
        std::string normalized = digits_of(raw);
        if (raw[0] == '+') normalized.insert(0, "+");
        add({nb, ne, PiiType::Phone, std::move(normalized)});
    };
    // 1. Delimited lines under a header line.
    const bool lines = text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos ||
                       (folded.changed() && folded.original().find("\\n") != std::string_view::npos);
    if (lines) {
        char delimiter = '\0';
        std::vector<int> kinds;
        size_t line = 0, rows = 0;
        // A row that is a header itself: every cell a name (a letter first,
        // then letters, digits, '_' or spaces), one of them snake_case or a
        // rule on the next line ("order_id,order_number"; "| job | epoch |"
        // over "|---|---|").
        // A line of prose: no digit in it, and a cell of three words or more.
        auto prose_line = [&](const std::vector<std::pair<size_t, size_t>> &row) {
            bool sentence = false;
            for (const auto &[b, e] : row) {
                const std::string_view v = text.substr(b, e - b);
                if (std::any_of(v.begin(), v.end(), is_digit)) return false;
                sentence = sentence || std::count(v.begin(), v.end(), ' ') >= 2;
            }
            return sentence;
        };
        auto header_like = [&](const std::vector<std::pair<size_t, size_t>> &row, size_t, size_t end) {
            bool snake = false;
            size_t named = 0;
            for (const auto &[b, e] : row) {
                if (b >= e) continue;  // (the outer cells of "| a | b |")
                ++named;
                if (!is_alpha(text[b])) return false;
                for (size_t i = b; i < e; ++i) {
                    if (!is_alnum(text[i]) && text[i] != '_' && text[i] != ' ') return false;
                    snake = snake || (text[i] == '_' && i > b && i + 1 < e);
                }
            }
            if (named < 2) return false;
            if (snake) return true;
            size_t n = end, brk = 0;
            while (n < text.size() && (brk = line_break_at(folded, n)) != 0) n += brk;
            size_t ne = n;
            while (ne < text.size() && line_break_at(folded, ne) == 0) ++ne;
            const std::string_view next = text.substr(n, ne - n);
            return next.find('-') != std::string_view::npos &&
                   next.find_first_not_of("-+=:| ") == std::string_view::npos;
        };
        while (line < text.size()) {
            size_t e = line, brk = 0;
            while (e < text.size() && (brk = line_break_at(folded, e)) == 0) ++e;
            // An empty line ("\r\n" escaped, a blank line) or a rule under the
            // header ("------+------" in psql's output, "|---|:---:|") goes on
            // with the table.
            const bool blank = e == line || text.substr(line, e - line).find_first_not_of(" \t") == std::string_view::npos;
            if (blank || text.substr(line, e - line).find_first_not_of("-+=:| ") == std::string_view::npos) {
                // A blank line after rows ends the table (not the second half
                // of an escaped "\r\n", nor one right under the header).
                const bool half_crlf =
                    line > 0 && (text[line - 1] == '\r' ||
                                 (text[line - 1] == ' ' && folded.changed() &&
                                  folded.original().compare(folded.to_original(line - 1), 2, "\\r") == 0));
                if (blank && rows > 0 && !half_crlf) delimiter = '\0';
                line = e + brk;
                if (brk == 0) break;
                continue;
            }
            if (delimiter != '\0') {
                split_row(text, line, e, delimiter, false, cells);
                size_t last = e;
                while (last > line && text[last - 1] == ' ') --last;
                if (cells.size() != kinds.size() || before(text, last) == ':') {
                    delimiter = '\0';  // the table ended (a caption: "...:"); this line may start another
                } else if (header_like(cells, line, e)) {
                    delimiter = '\0';  // another table's header
                } else if (prose_line(cells)) {
                    delimiter = '\0';  // a sentence with as many commas as the table has: prose after it
                } else {
                    ++rows;
                    for (size_t k = 0; k < cells.size(); ++k)
                        if (kinds[k] != 0) take(cells[k].first, cells[k].second, kinds[k]);
                }
            }
            // "COPY t (a, b) FROM STDIN [WITH CSV];" then its rows (tabs, or commas for CSV).
            if (delimiter == '\0' && e - line > 20 && lower(text.substr(line, 5)) == "copy ") {
                const std::string head = lower(text.substr(line, e - line));
                const size_t open = head.find('('), close = head.find(')'), from = head.find(" from stdin");
                if (open != std::string::npos && close != std::string::npos && open < close && close < from) {
                    split_row(text, line + open + 1, line + close, ',', true, header);
                    kinds.assign(header.size(), 0);
                    bool any = false;
                    for (size_t k = 0; k < header.size(); ++k) {
                        kinds[k] = table_column_kind(text.substr(header[k].first, header[k].second - header[k].first));
                        any = any || kinds[k] != 0;
                    }
                    if (any) {
                        rows = 0;
                        delimiter = head.find("csv", from) != std::string::npos ? ',' : '\t';
                        line = e + brk;
                        if (brk == 0) break;
                        continue;
                    }
                }
            }
            if (delimiter == '\0') {
                for (char d : {'\t', '|', ';', ','}) {
                    if (text.substr(line, e - line).find(d) == std::string_view::npos) continue;
                    split_row(text, line, e, d, false, header);
                    bool any = false, names = header.size() >= 2;
                    size_t prose = 0;
                    kinds.assign(header.size(), 0);
                    for (size_t k = 0; k < header.size() && names; ++k) {
                        const std::string_view name = text.substr(header[k].first, header[k].second - header[k].first);
                        // (A column's name: no number; a cell that is a sentence names
                        // no column, judged per cell; most cells sentences: no header.)
                        if (!name.empty() && is_digit(name[0])) names = false;
                        if (name.size() > 40 || std::count(name.begin(), name.end(), ' ') > 2 ||
                            name.find_first_of("?!:=<>") != std::string_view::npos) {
                            ++prose;
                            continue;
                        }
                        kinds[k] = table_column_kind(name);
                        any = any || kinds[k] != 0;
                    }
                    if (prose * 2 >= header.size()) names = false;
                    // A phone column among other devices or channels is a
                    // category of a pivot ("week,phone,tablet,desktop",
                    // "channel,phone,email,chat"): counts, no numbers.
                    static const std::string_view kCategories[] = {
                        "tablet", "desktop", "laptop", "pc", "tv", "web", "email", "mail", "chat", "sms", "app",
                        "ios", "android", "social", "store", "online", "in_person", "walk_in", "video", "whatsapp",
                        "letter", "kiosk", "console", "watch", "other", "total"};
                    bool pivot = false;
                    for (size_t k = 0; k < header.size() && !pivot; ++k)
                        pivot = kinds[k] == 0 &&
                                word_in(lower(text.substr(header[k].first, header[k].second - header[k].first)),
                                        kCategories, std::size(kCategories));
                    if (pivot)
                        for (size_t k = 0; k < header.size(); ++k)
                            if (kinds[k] == 1 || kinds[k] == 2) {
                                const std::string name =
                                    lower(text.substr(header[k].first, header[k].second - header[k].first));
                                if (name.find_first_of(" _-") == std::string::npos) kinds[k] = 0;  // "phone", not "phone_number"
                            }
                    any = std::any_of(kinds.begin(), kinds.end(), [](int kind) { return kind != 0; });
                    if (names && any) delimiter = d, rows = 0;
                    break;
                }
            }
            line = e + brk;
            if (brk == 0) break;
        }
    }
    // 1b. An HTML table: the cells of a row of <th> name the columns of the
    // rows of <td> after it.
    if (text.find("<th") != std::string_view::npos || text.find("<TH") != std::string_view::npos) {
        std::vector<int> kinds;
        auto lower_at = [&](size_t i, std::string_view tag) {
            if (text.size() - i < tag.size()) return false;
            for (size_t k = 0; k < tag.size(); ++k)
                if (to_lower(text[i + k]) != tag[k]) return false;
            return true;
        };
        size_t column = 0;
        bool header_row = false;
        for (size_t i = text.find('<'); i != std::string_view::npos && i < text.size(); i = text.find('<', i + 1)) {
            if (lower_at(i, "<tr")) {
                column = 0;
                header_row = false;
                continue;
            }
            // (A table's header names no column of the next table.)
            if (lower_at(i, "<table") || lower_at(i, "</table")) {
                kinds.clear();
                column = 0;
                header_row = false;
                continue;
            }
            const bool th = lower_at(i, "<th") && !is_alpha(at(text, i + 3));
            const bool td = lower_at(i, "<td") && !is_alpha(at(text, i + 3));
            if (!th && !td) continue;
            // (Both looked for in a bounded window: linear on any input.)
            const size_t tag = text.substr(i, 200).find('>');
            if (tag == std::string_view::npos) continue;
            const size_t open_end = i + tag;
            // colspan="N": the cell spans N columns.
            size_t span = 1;
            {
                const std::string attrs = lower(text.substr(i, tag));
                const size_t cs = attrs.find("colspan");
                if (cs != std::string::npos) {
                    size_t j = cs + 7;
                    while (j < attrs.size() && (attrs[j] == ' ' || attrs[j] == '=' || attrs[j] == '"' || attrs[j] == '\''))
                        ++j;
                    size_t n = 0;
                    while (j < attrs.size() && is_digit(attrs[j]) && n < 1000) n = n * 10 + (attrs[j++] - '0');
                    if (n > 1 && n <= 100) span = n;
                }
            }
            const size_t cell = text.substr(open_end, 122).find("</");
            if (cell == std::string_view::npos) continue;
            const size_t close = open_end + cell;
            size_t b = open_end + 1, e = close;
            while (b < e && text[b] == ' ') ++b;
            while (e > b && text[e - 1] == ' ') --e;
            if (th) {
                if (!header_row) kinds.clear(), header_row = true;
                kinds.insert(kinds.end(), span, table_column_kind(text.substr(b, e - b)));
            } else if (span == 1 && column < kinds.size() && kinds[column] != 0) {
                take(b, e, kinds[column]);
            }
            column += span;
            i = close;
        }
    }
    // 2. A JSON object or array under a phone or SSN key ({"phone": {"country_code":
    // "44", "number": "2079460958"}}, {"phones": [{"type": "home", "value":
    // "0612345678"}]}): its values are the key's, but for those under a key
    // naming something else ("id", "type", "ext", "country_code").
    for (size_t q = text.find("\":"); q != std::string_view::npos; q = text.find("\":", q + 2)) {
        size_t k = q;
        while (k > 0 && text[k - 1] != '"' && q - k < 40) --k;
        if (k == 0 || text[k - 1] != '"') continue;
        const std::string_view key = text.substr(k, q - k);
        const int kind = table_column_kind(key);
        if (kind == 0) continue;
        // ("cell" alone is a spreadsheet's cell here: {"cell": {"ref": "B2", "value": ...}}.)
        if (kind == 1 && (lower(key) == "cell" || lower(key) == "cells")) continue;
        size_t p = q + 2;
        while (p < text.size() && text[p] == ' ') ++p;
        if (at(text, p) != '{' && at(text, p) != '[') continue;
        // Only values directly under the key, or under its objects' own
        // value keys ("number", "value", ...): an object or array under a key
        // naming something else ("sync": {"batch_ids": [...]}) is skipped whole.
        std::vector<char> read;  // per depth: its values are the key's
        bool skip_value = false;  // the current key names something else
        for (size_t i = p; i < text.size() && i < p + 800; ++i) {
            const char c = text[i];
            if (c == '{' || c == '[') {
                read.push_back(read.empty() || (read.back() != 0 && !skip_value));
                skip_value = false;
            } else if (c == '}' || c == ']') {
                read.pop_back();
                if (read.empty()) break;
                skip_value = false;
            } else if (c == ',') {
                skip_value = false;
            } else if (c == '"' || is_digit(c) || c == '+') {
                size_t b = i, e = i;
                if (c == '"') {
                    e = text.find('"', i + 1);
                    if (e == std::string_view::npos) break;
                    b = i + 1;
                    i = e;
                } else {
                    while (e < text.size() && (is_digit(text[e]) || text[e] == '+')) ++e;
                    i = e - 1;
                }
                size_t n = i + 1;
                while (n < text.size() && text[n] == ' ') ++n;
                if (at(text, n) == ':') {  // a key
                    const std::string_view name = text.substr(b, e - b);
                    skip_value = table_column_kind(name) == 0 &&
                                 !word_in(name, kJsonNumberKeys, std::size(kJsonNumberKeys));
                    i = n;
                } else if (!skip_value && !read.empty() && read.back() != 0) {
                    take(b, e, kind);
                }
            }
        }
    }
    // 3. INSERT INTO t (a, b, ...) VALUES (...), (...).
    auto values_at = [&](size_t v) {
        static constexpr char kValues[] = "values";
        if (text.size() - v < 6 || is_word(before(text, v)) || is_word(at(text, v + 6))) return false;
        for (size_t i = 0; i < 6; ++i)
            if (to_lower(text[v + i]) != kValues[i]) return false;
        return true;
    };
    // (A longer VALUES tuple is not read: its cells are no short row of values.)
    static constexpr size_t kMaxTupleLength = 2000;
    // (Most text has no ')': the scan for "values" is skipped.)
    const size_t first_close = text.find(')');
    for (size_t v = first_close == std::string_view::npos ? text.size() : first_close;
         (v = text.find_first_of("vV", v)) != std::string_view::npos; ++v) {
        if (!values_at(v)) continue;
        size_t c = v;
        while (c > 0 && (text[c - 1] == ' ' || text[c - 1] == '\n' || text[c - 1] == '\t')) --c;
        if (before(text, c) != ')') continue;
        const size_t close = c - 1, open = text.rfind('(', close);
        if (open == std::string_view::npos || close - open > 400) continue;
        split_row(text, open + 1, close, ',', true, header);
        std::vector<int> kinds(header.size(), 0);
        bool any = false;
        for (size_t k = 0; k < header.size(); ++k) {
            kinds[k] = table_column_kind(text.substr(header[k].first, header[k].second - header[k].first));
            any = any || kinds[k] != 0;
        }
        if (!any) continue;
        size_t p = v + 6;
        for (int rows = 0; rows < 1000; ++rows) {
            while (p < text.size() && (text[p] == ' ' || text[p] == '\n' || text[p] == '\t' || text[p] == ',')) ++p;
            if (at(text, p) != '(') break;
            // The tuple's end, outside quotes, looked for in a bounded window
            // (a tuple that never closes costs no scan to the end of the text
            // per VALUES: linear on any input).
            size_t q = p + 1;
            char quote = '\0';
            int depth = 0;
            const size_t limit = std::min(text.size(), p + kMaxTupleLength);
            for (; q < limit; ++q) {
                const char ch = text[q];
                if (quote != '\0') {
                    if (ch == quote) quote = '\0';
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '(') {
                    ++depth;
                } else if (ch == ')') {
                    if (depth-- == 0) break;
                }
            }
            if (q >= limit) break;
            split_row(text, p + 1, q, ',', true, cells);
            if (cells.size() == kinds.size())
                for (size_t k = 0; k < cells.size(); ++k)
                    if (kinds[k] != 0) take(cells[k].first, cells[k].second, kinds[k]);
            p = q + 1;
        }
    }
    if (any_dropped) {
        size_t kept = 0;
        for (size_t i = 0; i < out.size(); ++i)
            if (dropped[i] == 0) {
                if (kept != i) out[kept] = std::move(out[i]);
                ++kept;
            }
        out.resize(kept);
    }
}

std::vector<Detection> PiiAnonymizer::detect_folded(const FoldedText &folded) const {
    const std::string_view text = folded.text();
    std::vector<Detection> all;
    // Order matters only for ties in length (the earlier detector wins).
    detect_emails(text, all);
    detect_cards(text, all);
    detect_ssns(text, all);
    detect_ipv6(folded, all);
    detect_ipv4(text, all);
    const size_t first_phone = all.size();
    detect_phones(text, all);
    detect_table_cells(folded, all);
    // Phone numbers are the loosest detector: a candidate that overlaps an
    // address, card or SSN found by the stricter rules gives way to it
    // ("172.16.254.1/24" is an IPv4 address, whatever some region's
    // numbering plan says), whichever span is longer.
    if (first_phone > 0 && all.size() > first_phone) {
        SpanSet strict;
        for (size_t i = 0; i < first_phone; ++i) strict.add(all[i].begin, all[i].end);
        auto overlaps_strict = [&](const Detection &p) { return strict.overlaps(p.begin, p.end); };
        all.erase(std::remove_if(all.begin() + static_cast<std::ptrdiff_t>(first_phone), all.end(),
                                 overlaps_strict),
                  all.end());
    }
    sort_and_drop_overlaps(all);
    return all;
}

std::vector<Detection> PiiAnonymizer::detect(std::string_view text) const {
    // (No may_hold_pii() shortcut here: the unit tests check that shortcut
    // against what the detectors find without it.)
    FoldedText folded = fold_text(text);
    std::vector<Detection> found = detect_folded(folded);
    if (folded.changed()) {
        for (Detection &d : found) {
            d.begin = folded.to_original(d.begin);
            d.end = folded.to_original_end(d.end);
        }
    }
    return found;
}

std::string PiiAnonymizer::replacement(PiiType type, std::string_view value, std::string_view key) {
    FoldedText folded = fold_text(value);
    std::string_view v = folded.text();
    Detection d{0, v.size(), type, std::string()};
    if (type == PiiType::Email) d.normalized = email_normalized(v);
    return replace_one(d, v, key);
}

bool PiiAnonymizer::anonymize(std::string_view text, std::string_view key, std::string &out) const {
    // A replacement never matches a detector by itself, but one can meet the
    // text around it ("4567" next to other digits); a few rounds until nothing
    // is found make the output a fixed point, so anonymizing it again changes
    // nothing.
    constexpr int kMaxRounds = 8;
    if (!may_hold_pii(text)) return false;
    std::string current;
    bool changed = false;
    std::string_view input = text;
    for (int round = 0; round < kMaxRounds; ++round) {
        FoldedText folded = fold_text(input);
        std::string_view scanned = folded.text();
        std::vector<Detection> found = detect_folded(folded);
        if (found.empty()) break;
        std::string result;
        result.reserve(input.size() + 16 * found.size());
        size_t pos = 0;
        for (const Detection &d : found) {
            size_t begin = folded.to_original(d.begin);
            size_t end = folded.to_original_end(d.end);
            if (begin < pos) continue;  // cannot happen: detections do not overlap
            result.append(input.substr(pos, begin - pos));
            result.append(replace_one(d, scanned.substr(d.begin, d.end - d.begin), key));
            pos = end;
        }
        result.append(input.substr(pos));
        current.swap(result);
        input = current;
        changed = true;
    }
    if (!changed) return false;
    out.swap(current);
    return true;
}

std::string PiiAnonymizer::anonymize(std::string_view text, std::string_view key) const {
    std::string out;
    if (!anonymize(text, key, out)) out.assign(text);
    return out;
}

bool may_hold_pii(std::string_view text) {
    // (An if-chain: measured faster here than a table-driven switch or a
    // branch-free scan, both of which lose the early exits.)
    bool colon = false, digit = false;
    size_t colons = 0, stretch_digits = 0, stretch_dots = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 || c == '@' || c == '%' || c == '\\') return true;
        if (c == '&') {  // an HTML character reference ("&#64;", "&commat;"), not "R&D" or "a && b"
            size_t j = i + 1;
            if (j < text.size() && text[j] == '#') return true;
            while (j < text.size() && j < i + 10 && is_alpha(text[j])) ++j;
            if (j > i + 1 && j < text.size() && text[j] == ';') return true;
        }
        if ((c == '(' || c == '[' || c == '{' || c == '<') && spelled_out_start(text, i) != std::string_view::npos)
            return true;  // "jane.doe [at] example [dot] com"
        if (c == ' ' && i + 1 < text.size() && (text[i + 1] == 'A' || text[i + 1] == 'D')) {
            char symbol;  // "jane.doe AT example DOT com"
            if (spelled_out_symbol(text, i, symbol)) return true;
        }
        if (c >= '0' && c <= '9') {
            digit = true;
            // An ISO date ("WHERE created_at > '2023-06-01'") ends a stretch.
            if ((i == 0 || !is_digit(text[i - 1])) && (c == '1' || c == '2')) {
                if (const size_t date = iso_date_length(text, i)) {
                    i += date - 1;
                    stretch_digits = stretch_dots = 0;
                    if (colon) return true;
                    continue;
                }
            }
            if (++stretch_digits >= 7 || (stretch_digits >= 4 && stretch_dots >= 3)) return true;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            stretch_digits = stretch_dots = 0;
        } else if (c == '.') {
            if (++stretch_dots >= 3 && stretch_digits >= 4) return true;
        } else if (c == ':') {
            colon = true;
            if (++colons >= 3) return true;  // an IPv6 address of letters ("dead:beef::cafe")
        }
        if (colon && digit) return true;
    }
    return false;
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
