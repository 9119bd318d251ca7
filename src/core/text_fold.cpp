#include "core/text_fold.hpp"

#include <array>

#include <algorithm>
#include <cstdint>

namespace tde::core {

namespace {

constexpr char kDrop = '\0';
constexpr char kKeep = '\x01';

// What a code point folds to: an ASCII character, kDrop or kKeep.
char fold_code_point(uint32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFF01 + 0x21);
    switch (cp) {
        case 0x3000: case 0x00A0: case 0x202F: case 0x205F: return ' ';
        case 0x2212: case 0xFE58: case 0xFE63: return '-';
        case 0xFE6B: return '@';
        // Box drawing (psql's linestyle unicode, DuckDB's and SQLite's box
        // output): a table's separators and rules, as written in ASCII.
        case 0x2502: case 0x2503: case 0x2551: return '|';
        case 0x2500: case 0x2501: case 0x2550: return '-';
        case 0x250C: case 0x2510: case 0x2514: case 0x2518: case 0x251C: case 0x2524: case 0x252C: case 0x2534:
        case 0x253C: case 0x250F: case 0x2513: case 0x2517: case 0x251B: case 0x2523: case 0x252B: case 0x2533:
        case 0x253B: case 0x254B: case 0x2554: case 0x2557: case 0x255A: case 0x255D: case 0x2560: case 0x2563:
        case 0x2566: case 0x2569: case 0x256C: case 0x255E: case 0x2561: case 0x256A: case 0x256D: case 0x256E:
        case 0x256F: case 0x2570:
            return '+';
        case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        // Bidirectional marks, embeddings, overrides and isolates: invisible,
        // and they must not split a value ("john\u200e@example.com").
        case 0x200E: case 0x200F: case 0x061C:
        case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
        case 0x2066: case 0x2067: case 0x2068: case 0x2069:
            return kDrop;
        default: break;
    }
    // Decimal digits of other scripts: Arabic-Indic, Extended Arabic-Indic
    // (Persian, Urdu), N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya,
    // Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar,
    // Khmer, Mongolian; and the mathematical digits (bold, double-struck,
    // sans-serif, sans-serif bold, monospace: U+1D7CE..U+1D7FF), which look
    // like ASCII ones.
    if (cp >= 0x0660 && cp <= 0x1819) {
        for (uint32_t zero : {0x0660u, 0x06F0u, 0x07C0u, 0x0966u, 0x09E6u, 0x0A66u, 0x0AE6u, 0x0B66u, 0x0BE6u,
                              0x0C66u, 0x0CE6u, 0x0D66u, 0x0DE6u, 0x0E50u, 0x0ED0u, 0x0F20u, 0x1040u, 0x17E0u,
                              0x1810u})
            if (cp >= zero && cp <= zero + 9) return static_cast<char>('0' + (cp - zero));
    }
    if (cp >= 0x1D7CE && cp <= 0x1D7FF) return static_cast<char>('0' + (cp - 0x1D7CE) % 10);
    if (cp >= 0x2000 && cp <= 0x200A) return ' ';
    // Hyphens and the en dash (a separator in numbers: 555–123–4567) are
    // '-'; the em dash and the horizontal bar separate words and clauses
    // ("the owner—john@example.com—said"), so they are a space.
    if (cp >= 0x2010 && cp <= 0x2013) return '-';
    if (cp == 0x2014 || cp == 0x2015) return ' ';
    return kKeep;
}

// The value of a hexadecimal digit, -1 for any other character.
int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A '+' standing for a space in a form-encoded query value, between a
// letter or digit and a digit ("?phone=020+7946+0958", "q=call+415+555+0132",
// "card=4111+1111+1111+1111"): the value runs back to its '=' or '?' over
// URL characters only. Not an international prefix ("phone=+4420...": no
// digit before it) and not a sum in prose ("1+1 = 2": no '=' before it).
bool form_encoded_space(std::string_view text, size_t pos) {
    if (text[pos] != '+' || pos == 0 || pos + 1 >= text.size()) return false;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!is_ascii_alnum(text[pos - 1]) || !digit(text[pos + 1])) return false;
    for (size_t i = pos; i > 0 && pos - i < 96; --i) {
        const char c = text[i - 1];
        if (c == '=' || c == '?') return i >= 2 && is_ascii_alnum(text[i - 2]);
        if (!(is_ascii_alnum(c) || c == '%' || c == '+' || c == '.' || c == '-' || c == '_')) return false;
    }
    return false;
}

// True where the fast path below must stop: a percent-escape or an escaped dot.
bool needs_fold(std::string_view text, size_t pos);

// URL percent-escapes of the characters personal data is written with
// ("frank%40example.com", "%2B1%20212%20555%200100"): the character, or '\0'.
// An escape escaped once more, as a URL inside another URL's query string is
// ("next=%2Fprofile%3Femail%3Djohn%2540example.com": "%25" is '%'), is the
// character too; `length` is set to the bytes the escape spans (3 or 5).
char percent_escape(std::string_view text, size_t pos, size_t *length = nullptr) {
    if (text[pos] != '%' || pos + 2 >= text.size()) return '\0';
    // Only inside a URL-encoded value ("frank%40example.com", "phone=%2B1%20212"),
    // never a SQL LIKE wildcard before a value ('%404-555-0163%').
    if (pos == 0) return '\0';
    const char prev = text[pos - 1];
    const bool after_escape = pos >= 3 && text[pos - 3] == '%';
    int hi = hex(text[pos + 1]), lo = hex(text[pos + 2]);
    if (hi < 0 || lo < 0) return '\0';
    // (An encoded opening bracket before an address's first hex digit or
    // colon also after a space, comma or ';': "?hosts=%5B2001:db8::1%5D,%5B2001:db8::2%5D",
    // "connect to %5B2001:db8::1%5D failed".)
    const bool opening_bracket = hi == 5 && lo == 0xB && pos + 3 < text.size() &&
                                 (hex(text[pos + 3]) >= 0 || text[pos + 3] == ':');
    if (!is_ascii_alnum(prev) && prev != '=' && !after_escape && !opening_bracket) return '\0';
    size_t len = 3;
    if (hi == 2 && lo == 5 && pos + 4 < text.size() && hex(text[pos + 3]) >= 0 && hex(text[pos + 4]) >= 0) {
        hi = hex(text[pos + 3]);  // "%2540": the escape "%40"
        lo = hex(text[pos + 4]);
        len = 5;
    }
    // (What follows is part of the value; a closing bracket may end it,
    // before any character but a letter or digit: "%5B2001:db8::1%5D:8080",
    // "%5D,%5B...", "%5D;", "%5D failed".)
    const char next = pos + len < text.size() ? text[pos + len] : '\0';
    const bool closing_bracket = hi == 5 && lo == 0xD && !is_ascii_alnum(next);
    if (pos + len < text.size() && !is_ascii_alnum(next) && next != '%' && !closing_bracket) return '\0';
    if (length != nullptr) *length = len;
    switch (hi * 16 + lo) {
        case 0x40: return '@';
        case 0x2B: return '+';
        case 0x20: return ' ';
        case 0x2E: return '.';
        case 0x2D: return '-';
        case 0x3A: return ':';
        // Delimiters of an encoded query string ("next=%2Fusers%3Femail%3Djohn%40example.com"):
        // they end what comes before, the label is no part of an address.
        case 0x3D: return '=';
        case 0x26: return '&';
        case 0x3F: return '?';
        case 0x2F: return '/';
        // The brackets of an IPv6 address in a URL inside a query value
        // ("?host=%5B2001:db8::1%5D:8080").
        case 0x5B: return '[';
        case 0x5D: return ']';
        default: return '\0';
    }
}

// HTML character references ("john&#64;example.com", "&commat;", "&nbsp;",
// "&#x2011;") and JSON/JavaScript escapes ("john\\u0040example.com",
// "\\u00a0") of the characters the folding above handles, and the escaped
// line breaks and tabs "\\n", "\\r", "\\t" (a space): the length of the
// reference at text[pos] (0 when there is none) and what it folds to
// (an ASCII character or kDrop) in `folded`.
size_t escaped_reference(std::string_view text, size_t pos, char &folded) {
    uint32_t cp = 0;
    size_t len = 0;
    if (text[pos] == '\\') {
        // A line break or tab escaped in JSON, a log line or a C string
        // ("from 10.0.0.7\\nuser bob@example.com"): white space between
        // values, not a letter glued to the next one. (Not after another
        // backslash: "\\\\n" is a backslash and an "n".)
        if (pos + 1 < text.size() && (text[pos + 1] == 'n' || text[pos + 1] == 't' || text[pos + 1] == 'r')) {
            size_t run = pos;
            while (run > 0 && text[run - 1] == '\\') --run;
            if ((pos - run) % 2 != 0) return 0;
            folded = ' ';
            return 2;
        }
        // "\\x40" (C, Python, JavaScript, MySQL and PostgreSQL E'' strings) and
        // PostgreSQL's U&'' "\\0040" of an ASCII character, as "\\u0040" below
        // (the result must still be one of the characters folded here).
        if (pos + 4 <= text.size() && text[pos + 1] == 'x' && hex(text[pos + 2]) >= 0 && hex(text[pos + 3]) >= 0) {
            cp = static_cast<uint32_t>(hex(text[pos + 2]) * 16 + hex(text[pos + 3]));
            len = 4;
        } else if (pos + 5 <= text.size() && text[pos + 1] == '0' && text[pos + 2] == '0' && hex(text[pos + 3]) >= 0 &&
                   hex(text[pos + 4]) >= 0) {
            cp = static_cast<uint32_t>(hex(text[pos + 3]) * 16 + hex(text[pos + 4]));
            if (cp >= 0x80) return 0;
            len = 5;
        } else {
            if (pos + 6 > text.size() || text[pos + 1] != 'u') return 0;
            for (size_t i = pos + 2; i < pos + 6; ++i) {
                int h = hex(text[i]);
                if (h < 0) return 0;
                cp = cp * 16 + static_cast<uint32_t>(h);
            }
            len = 6;
        }
        {
            size_t run = pos;
            while (run > 0 && text[run - 1] == '\\') --run;
            if ((pos - run) % 2 != 0) return 0;  // "\\\\x40": a backslash, then "x40"
        }
    } else if (text[pos] == '&' && pos + 1 < text.size() && text[pos + 1] == '#') {
        size_t i = pos + 2;
        const bool is_hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (is_hex) ++i;
        const size_t digits_begin = i;
        for (; i < text.size() && i - digits_begin < 7; ++i) {
            int h = hex(text[i]);
            if (h < 0 || (!is_hex && h > 9)) break;
            cp = cp * (is_hex ? 16 : 10) + static_cast<uint32_t>(h);
        }
        if (i == digits_begin || i >= text.size() || text[i] != ';') return 0;
        len = i + 1 - pos;
    } else if (text[pos] == '&') {
        static const std::pair<std::string_view, uint32_t> kNamed[] = {
            {"&commat;", '@'}, {"&period;", '.'}, {"&plus;", '+'}, {"&colon;", ':'}, {"&hyphen;", '-'},
            {"&dash;", '-'}, {"&nbsp;", 0xA0}, {"&NonBreakingSpace;", 0xA0}, {"&shy;", 0xAD},
            {"&ZeroWidthSpace;", 0x200B}, {"&zwj;", 0x200D}, {"&zwnj;", 0x200C}, {"&ndash;", 0x2013},
            {"&minus;", 0x2212}};
        for (const auto &[name, code] : kNamed)
            if (text.compare(pos, name.size(), name) == 0) {
                cp = code;
                len = name.size();
                break;
            }
        if (len == 0) return 0;
    } else {
        return 0;
    }
    if (cp < 0x80) {
        if (cp != '@' && cp != '.' && cp != '+' && cp != '-' && cp != ':' && cp != ' ') return 0;
        folded = static_cast<char>(cp);
        return len;
    }
    folded = fold_code_point(cp);
    if (folded == kKeep) return 0;
    if (cp == 0x2013) {  // an en dash only between two digits (as above)
        const bool prev_digit = pos > 0 && text[pos - 1] >= '0' && text[pos - 1] <= '9';
        const bool next_digit = pos + len < text.size() && text[pos + len] >= '0' && text[pos + len] <= '9';
        if (!(prev_digit && next_digit)) return 0;
    }
    return len;
}

// An ideographic full stop (U+3002 "。", or the halfwidth U+FF61 "｡") that a
// CJK input method typed for the dot of an address ("zhangsan@163。com",
// "taro@example｡co｡jp"): one between ASCII letters or digits whose label
// follows an '@' (letters, digits, '-', '.' and such stops between them).
// Elsewhere it ends a sentence and stays. (The look back is bounded, and
// reuses what it found for the stop before, `memo`, when it gets there, so
// a run of stops costs one look back each.)
struct FullStopMemo {
    size_t end = std::string_view::npos;  // right after the last stop looked back from
    bool at = false;                      // whether that look back found an '@'
};

bool address_full_stop(std::string_view text, size_t pos, size_t len, FullStopMemo &memo) {
    if (pos == 0 || pos + len >= text.size() || !is_ascii_alnum(text[pos - 1]) || !is_ascii_alnum(text[pos + len]))
        return false;
    auto look_back = [&]() {
        size_t b = pos;
        for (size_t steps = 0; b > 0 && steps < 256; ++steps) {
            if (b == memo.end) return memo.at;
            const char c = text[b - 1];
            if (is_ascii_alnum(c) || c == '-' || c == '.') {
                --b;
                continue;
            }
            if (c == '@') return true;
            if (b < 3) return false;
            const std::string_view three = text.substr(b - 3, 3);
            if (three == "\xef\xbc\xa0" || three == "\xef\xb9\xab") return true;  // ＠ ﹫
            if (three != "\xe3\x80\x82" && three != "\xef\xbd\xa1") return false;
            b -= 3;
        }
        return false;
    };
    memo.at = look_back();
    memo.end = pos + len;
    return memo.at;
}

// A line broken inside a value, the way a narrow column, a terminal or a
// PDF wraps it: after the dash between two digit groups ("650-253-\n0000",
// "078-05-\n1120") before a digit, or after the '@' of an address
// ("jane.doe@\nexample.com") before a letter or digit. text[pos] is '\r' or
// '\n'; returns the bytes of the break and of the indentation after it (they
// are dropped), 0 when it is none. Also a break written as an escape ("\\n").
size_t wrapped_break(std::string_view text, size_t pos) {
    if (pos < 2) return 0;
    const char prev = text[pos - 1];
    if (!((prev == '-' && text[pos - 2] >= '0' && text[pos - 2] <= '9') ||
          (prev == '@' && is_ascii_alnum(text[pos - 2]))))
        return 0;
    size_t e = pos;
    if (text[e] == '\\') {  // written as an escape in a JSON or C string: "650-253-\\n0000"
        if (text.compare(e, 4, "\\r\\n") == 0) e += 2;
        if (text.compare(e, 2, "\\n") != 0) return 0;
        e += 2;
    }
    if (e < text.size() && text[e] == '\r') ++e;
    if (e < text.size() && text[e] == '\n') ++e;
    for (size_t n = 0; e < text.size() && n < 16 && (text[e] == ' ' || text[e] == '\t'); ++n) ++e;
    if (e >= text.size()) return 0;
    const char next = text[e];
    return (prev == '-' ? (next >= '0' && next <= '9') : is_ascii_alnum(next)) ? e - pos : 0;
}

// An escape of one ASCII character at text[pos], whatever the character: a
// URL percent-escape ("%6A"), an HTML numeric reference ("&#106;",
// "&#x6A;") or a JSON / C escape ("\u006a", "\x6a"). Its length, 0 for none.
size_t ascii_escape(std::string_view text, size_t pos, char &decoded) {
    uint32_t cp = 0;
    size_t len = 0;
    const char c = text[pos];
    if (c == '%' && pos + 2 < text.size() && hex(text[pos + 1]) >= 0 && hex(text[pos + 2]) >= 0) {
        cp = static_cast<uint32_t>(hex(text[pos + 1]) * 16 + hex(text[pos + 2]));
        len = 3;
    } else if (c == '\\' && pos + 5 < text.size() && text[pos + 1] == 'u' && text[pos + 2] == '0' &&
               text[pos + 3] == '0' && hex(text[pos + 4]) >= 0 && hex(text[pos + 5]) >= 0) {
        cp = static_cast<uint32_t>(hex(text[pos + 4]) * 16 + hex(text[pos + 5]));
        len = 6;
    } else if (c == '\\' && pos + 3 < text.size() && text[pos + 1] == 'x' && hex(text[pos + 2]) >= 0 &&
               hex(text[pos + 3]) >= 0) {
        cp = static_cast<uint32_t>(hex(text[pos + 2]) * 16 + hex(text[pos + 3]));
        len = 4;
    } else if (c == '&' && pos + 3 < text.size() && text[pos + 1] == '#') {
        size_t i = pos + 2;
        const bool is_hex = text[i] == 'x' || text[i] == 'X';
        if (is_hex) ++i;
        const size_t first = i;
        for (; i < text.size() && i - first < 4; ++i) {
            const int h = hex(text[i]);
            if (h < 0 || (!is_hex && h > 9)) break;
            cp = cp * (is_hex ? 16 : 10) + static_cast<uint32_t>(h);
        }
        if (i == first || i >= text.size() || text[i] != ';') return 0;
        len = i + 1 - pos;
    }
    if (len == 0 || cp == 0 || cp >= 0x80) return 0;
    decoded = static_cast<char>(cp);
    return len;
}

// A local part written as escapes of its letters and digits, the way
// obfuscated addresses are on web pages or in tracking links
// ("&#106;&#97;&#110;&#101;&#64;example.com", "e=%6A%61%6E%65%40example.com",
// "\u006a\u0061\u006e\u0065\u0040example.com"): true when the escape at
// text[pos] is one of such a run that reaches the address's '@' (escaped or
// not) over escaped or plain local characters. `run_end` remembers where a
// run found before ends, so that each escape of it is not looked at again.
// (`fail_end` likewise remembers where a run that reached no '@' ended.)
bool escaped_local_char(std::string_view text, size_t pos, size_t &run_end, size_t &fail_end) {
    if (pos < run_end) return true;
    if (pos < fail_end) return false;
    // (A percent-escape only inside a URL-encoded value: not a LIKE wildcard.)
    if (text[pos] == '%' && !(pos > 0 && (is_ascii_alnum(text[pos - 1]) || text[pos - 1] == '=')))
        return false;
    auto local = [](char ch) { return is_ascii_alnum(ch) || ch == '.' || ch == '_' || ch == '-' || ch == '+'; };
    size_t escapes = 0;
    // (A local part has at most 64 characters: 384 bytes of escapes.)
    size_t i = pos;
    for (; i < text.size() && i - pos < 384;) {
        char decoded;
        const size_t len = ascii_escape(text, i, decoded);
        if (len != 0 && decoded == '@') {
            if (escapes == 0) return false;
            run_end = i;
            return true;
        }
        if (len != 0 && local(decoded)) {
            ++escapes;
            i += len;
        } else if (text[i] == '@') {
            if (escapes == 0) return false;
            run_end = i;
            return true;
        } else if (len == 0 && local(text[i])) {
            ++i;
        } else {
            fail_end = i;
            return false;
        }
    }
    fail_end = i;
    return false;
}

bool needs_fold(std::string_view text, size_t pos) {
    if (text[pos] == '+') return form_encoded_space(text, pos);
    char folded;
    if ((text[pos] == '&' || text[pos] == '\\') && escaped_reference(text, pos, folded) != 0) return true;
    if (text[pos] == '\\')
        return pos > 0 && pos + 2 < text.size() && text[pos + 1] == '.' && is_ascii_alnum(text[pos - 1]) &&
               is_ascii_alnum(text[pos + 2]);
    return percent_escape(text, pos) != '\0';
}

uint32_t decode(std::string_view text, size_t pos, size_t len) {
    auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(text[pos + i])); };
    switch (len) {
        case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
        case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        case 4:
            return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                   (b(3) & 0x3F);
        default: return b(0);
    }
}

}  // namespace

namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The end of the run of letters, digits and '-' from `pos` (a domain label).
size_t label_end(std::string_view text, size_t pos) {
    while (pos < text.size() && (is_ascii_alnum(text[pos]) || text[pos] == '-')) ++pos;
    return pos;
}

// Unbracketed capitals: "jane.doe AT example DOT com", "jane.doe AT
// example.com". " AT " (after a lower-case letter or a digit, so all-caps
// prose such as "LOOK AT THIS" is none) counts only when a domain label and
// " DOT " or '.' and a letter follow ("ts AT TIME ZONE" is none); " DOT "
// only when a label before it follows such an " AT ", '@' or another dot
// (at most eight labels back). Returns the bytes spanned, 0 for none.
size_t capital_symbol(std::string_view text, size_t pos, char &symbol) {
    const char before = text[pos - 1];
    if (text.compare(pos, 4, " AT ") == 0 && pos + 4 < text.size() && is_ascii_alnum(text[pos + 4]) &&
        !(before >= 'A' && before <= 'Z')) {
        const size_t e = label_end(text, pos + 4);
        const bool dot_next = (text.compare(e, 5, " DOT ") == 0 && e + 5 < text.size() && is_ascii_alpha(text[e + 5])) ||
                              (e + 1 < text.size() && text[e] == '.' && is_ascii_alpha(text[e + 1]));
        if (!dot_next) return 0;
        symbol = '@';
        return 4;
    }
    if (text.compare(pos, 5, " DOT ") == 0 && pos + 5 < text.size() && is_ascii_alpha(text[pos + 5])) {
        size_t b = pos;
        for (int hops = 0; hops < 8; ++hops) {
            while (b > 0 && (is_ascii_alnum(text[b - 1]) || text[b - 1] == '-')) --b;
            if (b == pos || b == 0) return 0;
            if (text[b - 1] == '@') break;
            if (b >= 4 && text.compare(b - 4, 4, " AT ") == 0) break;
            if (text[b - 1] == '.') {
                --b;
            } else if (b >= 5 && text.compare(b - 5, 5, " DOT ") == 0) {
                b -= 5;
            } else {
                return 0;
            }
            if (hops == 7) return 0;
        }
        symbol = '.';
        return 5;
    }
    return 0;
}

}  // namespace

size_t spelled_out_symbol(std::string_view text, size_t pos, char &symbol) {
    const char c = text[pos];
    if (c != ' ' && c != '(' && c != '[' && c != '{' && c != '<') return 0;
    if (pos == 0 || !is_ascii_alnum(text[pos - 1])) return 0;
    if (c == ' ' && pos + 1 < text.size() && (text[pos + 1] == 'A' || text[pos + 1] == 'D'))
        if (size_t n = capital_symbol(text, pos, symbol)) return n;
    size_t i = pos;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i + 2 >= text.size()) return 0;
    char close;
    switch (text[i]) {
        case '(': close = ')'; break;
        case '[': close = ']'; break;
        case '{': close = '}'; break;
        case '<': close = '>'; break;  // "jane.doe<at>example<dot>com"
        default: return 0;
    }
    auto lower = [](char c) { return static_cast<char>(c | 0x20); };
    // Inside the brackets: "at" or "dot" (any case), or the symbol itself as
    // defanged addresses write it ("jane[@]example[.]com", "10[.]0[.]0[.]1"),
    // with optional spaces around it ("[ at ]"). The closing bracket must
    // follow, so "[atom]" or "(.5)" are no symbol.
    size_t j = i + 1;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j + 1 < text.size() && lower(text[j]) == 'a' && lower(text[j + 1]) == 't') {
        symbol = '@';
        j += 2;
    } else if (j + 2 < text.size() && lower(text[j]) == 'd' && lower(text[j + 1]) == 'o' &&
               lower(text[j + 2]) == 't') {
        symbol = '.';
        j += 3;
    } else if (close != '>' && j < text.size() && (text[j] == '@' || text[j] == '.')) {
        // (Not in angle brackets: "<@>" is PostgreSQL's earthdistance
        // operator, "h.loc <@> s.store".)
        symbol = text[j];
        j += 1;
    } else {
        return 0;
    }
    while (j < text.size() && text[j] == ' ') ++j;
    if (j >= text.size() || text[j] != close) return 0;
    i = j + 1;
    while (i < text.size() && text[i] == ' ') ++i;
    return i < text.size() && is_ascii_alnum(text[i]) ? i - pos : 0;
}

size_t spelled_out_start(std::string_view text, size_t bracket) {
    size_t start = bracket;
    while (start > 0 && text[start - 1] == ' ') --start;
    char symbol;
    return spelled_out_symbol(text, start, symbol) ? start : std::string_view::npos;
}

size_t utf8_sequence_length(std::string_view text, size_t pos) {
    auto byte = [&](size_t i) -> int {
        return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : -1;
    };
    auto cont = [&](size_t i) {
        int c = byte(i);
        return c >= 0x80 && c <= 0xBF;
    };
    int c0 = byte(0);
    if (c0 < 0) return 0;
    if (c0 < 0x80) return 1;
    if (c0 >= 0xC2 && c0 <= 0xDF) return cont(1) ? 2 : 0;
    if (c0 >= 0xE0 && c0 <= 0xEF) {
        int c1 = byte(1);
        if (c0 == 0xE0 && !(c1 >= 0xA0 && c1 <= 0xBF)) return 0;  // overlong
        if (c0 == 0xED && !(c1 >= 0x80 && c1 <= 0x9F)) return 0;  // surrogates
        return cont(1) && cont(2) ? 3 : 0;
    }
    if (c0 >= 0xF0 && c0 <= 0xF4) {
        int c1 = byte(1);
        if (c0 == 0xF0 && !(c1 >= 0x90 && c1 <= 0xBF)) return 0;  // overlong
        if (c0 == 0xF4 && !(c1 >= 0x80 && c1 <= 0x8F)) return 0;  // > U+10FFFF
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

bool valid_utf8(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        size_t len = utf8_sequence_length(text, pos);
        if (len == 0) return false;
        pos += len;
    }
    return true;
}

size_t FoldedText::to_original(size_t pos) const {
    if (!folded_) return pos;
    auto it = std::upper_bound(shifts_.begin(), shifts_.end(), pos,
                               [](size_t p, const std::pair<size_t, size_t> &s) { return p < s.first; });
    if (it == shifts_.begin()) return pos;
    return pos + std::prev(it)->second;
}

size_t FoldedText::to_original_end(size_t pos) const {
    size_t original = to_original(pos);
    if (!folded_) return original;
    auto it = std::lower_bound(drops_.begin(), drops_.end(), pos,
                               [](const std::pair<size_t, size_t> &d, size_t p) { return d.first < p; });
    if (it != drops_.end() && it->first == pos) original -= it->second;
    return original;
}

FoldedText fold_text(std::string_view original) {
    FoldedText out;
    out.original_ = original;
    // Fast path: pure ASCII without percent-escapes, escaped references or a
    // spelled-out at/dot needs no folding and no copy.
    // (One table lookup a byte: the bytes where folding may start.)
    static const auto may_start = [] {
        std::array<bool, 256> t{};
        for (int c = 0x80; c < 0x100; ++c) t[c] = true;
        for (unsigned char c : {'%', '\\', '&', '(', '[', '{', '<', '+', ' ', '\n', '\r'}) t[c] = true;
        return t;
    }();
    size_t first = 0;
    size_t fast_run_end = 0, fast_fail_end = 0;  // escaped_local_char
    for (; first < original.size(); ++first) {
        const auto c = static_cast<unsigned char>(original[first]);
        if (!may_start[c]) continue;
        if (c >= 0x80 || ((c == '%' || c == '\\' || c == '&' || c == '+') && needs_fold(original, first))) break;
        if ((c == '\n' || c == '\r' || c == '\\') && wrapped_break(original, first) != 0) break;
        if (c == '%' || c == '&' || c == '\\') {
            char decoded;
            if (ascii_escape(original, first, decoded) != 0 &&
                escaped_local_char(original, first, fast_run_end, fast_fail_end))
                break;
        }
        if (c == ' ') {  // " AT " / " DOT " in capitals (capital_symbol)
            char symbol;
            if (first + 1 < original.size() && (original[first + 1] == 'A' || original[first + 1] == 'D') &&
                spelled_out_symbol(original, first, symbol))
                break;
            continue;
        }
        if (c == '(' || c == '[' || c == '{' || c == '<') {
            const size_t start = spelled_out_start(original, first);
            if (start != std::string_view::npos) {
                first = start;  // the spaces before the bracket are part of it
                break;
            }
        }
    }
    if (first == original.size()) return out;

    size_t shift = 0;
    size_t pos = first;
    FullStopMemo stop_memo;
    size_t local_run_end = 0, local_fail_end = 0;  // escaped_local_char
    while (pos < original.size()) {
        unsigned char c = static_cast<unsigned char>(original[pos]);
        size_t len = c < 0x80 ? 1 : utf8_sequence_length(original, pos);
        char folded;
        if (len <= 1) {  // ASCII or a stray byte: copied as it is, except a regular
            // expression's escaped dot between two letters or digits
            // ('^kate@example\.com$', the backslash is dropped) and percent-escapes.
            len = 1;
            char reference = '\0';
            if (size_t w = (c == '\n' || c == '\r' || c == '\\') ? wrapped_break(original, pos) : 0) {
                folded = kDrop;  // "650-253-\n0000": the value goes on after the break
                len = w;
            } else if (size_t n = (c == '&' || c == '\\') ? escaped_reference(original, pos, reference) : 0) {
                folded = reference;
                len = n;
            } else if (size_t e = (c == '%' || c == '&' || c == '\\') ? ascii_escape(original, pos, reference) : 0;
                       e != 0 && escaped_local_char(original, pos, local_run_end, local_fail_end)) {
                folded = reference;  // "&#106;&#97;&#110;&#101;&#64;example.com"
                len = e;
            } else if (size_t m = spelled_out_symbol(original, pos, reference)) {
                folded = reference;
                len = m;
            } else if (c == '\\' && needs_fold(original, pos)) {
                folded = kDrop;

            } else if (c == '+' && form_encoded_space(original, pos)) {
                folded = ' ';
            } else if (char decoded = percent_escape(original, pos, &len)) {
                folded = decoded;
            } else {
                if (out.folded_) out.copy_.push_back(static_cast<char>(c));
                ++pos;
                continue;
            }
        } else {
            const uint32_t cp = decode(original, pos, len);
            folded = fold_code_point(cp);
            const bool middle_dot = cp == 0x00B7 || cp == 0x2027 || cp == 0x30FB || cp == 0xFF65 || cp == 0x2219 ||
                                    cp == 0x22C5;
            const bool arabic_separator = cp == 0x066B || cp == 0x066C;  // ٫ decimal, ٬ thousands
            if (cp == 0x2013 || cp == 0x30FC || cp == 0xFF70 || middle_dot || arabic_separator) {
                // The en dash separates digits (555–123–4567, 2019–2023) or words
                // ("john@example.com–thanks"): '-' only between two digits
                // (ASCII or any that fold to one: "０３ー１２３４", "١٩٢٫١٦٨").
                auto ascii_digit = [](int ch) { return ch >= '0' && ch <= '9'; };
                const int prev = out.folded_ ? (out.copy_.empty() ? -1 : static_cast<unsigned char>(out.copy_.back()))
                                             : (pos > 0 ? static_cast<unsigned char>(original[pos - 1]) : -1);
                const bool prev_digit = ascii_digit(prev);
                const size_t n = pos + len;
                bool next_digit = n < original.size() && ascii_digit(static_cast<unsigned char>(original[n]));
                if (!next_digit && n < original.size() && static_cast<unsigned char>(original[n]) >= 0x80) {
                    const size_t next_len = utf8_sequence_length(original, n);
                    next_digit = next_len > 1 && ascii_digit(fold_code_point(decode(original, n, next_len)));
                }
                // The katakana prolonged sound mark (ー, often typed for a dash in
                // Japanese numbers: 03ー1234ー5678) is a dash only between digits too.
                // A middle dot (·, ‧, ・, ･, ∙, ⋅) between digits groups them the way
                // a dot does ("415·555·0132", "03・1234・5678"); elsewhere it is text.
                // The Arabic decimal and thousands separators between digits are
                // '.' and ',' ("١٩٢٫١٦٨٫١٫١", "١٬٢٣٤٬٥٦٧").
                if (cp == 0x2013) folded = prev_digit && next_digit ? '-' : ' ';
                else if (!(prev_digit && next_digit)) folded = kKeep;
                else folded = middle_dot ? '.' : cp == 0x066B ? '.' : cp == 0x066C ? ',' : '-';
            }
            if ((cp == 0x3002 || cp == 0xFF61) && address_full_stop(original, pos, len, stop_memo)) folded = '.';
            if (folded == kKeep) {
                if (out.folded_) out.copy_.append(original.substr(pos, len));
                pos += len;
                continue;
            }
        }
        if (!out.folded_) {
            out.folded_ = true;
            out.copy_.reserve(original.size());
            out.copy_.assign(original.substr(0, pos));
        }
        size_t folded_pos = out.copy_.size();
        if (folded == kDrop) {
            shift += len;
            if (!out.drops_.empty() && out.drops_.back().first == folded_pos)
                out.drops_.back().second += len;
            else
                out.drops_.emplace_back(folded_pos, len);
        } else {
            out.copy_.push_back(folded);
            shift += len - 1;
            ++folded_pos;
        }
        if (!out.shifts_.empty() && out.shifts_.back().first == folded_pos)
            out.shifts_.back().second = shift;
        else
            out.shifts_.emplace_back(folded_pos, shift);
        pos += len;
    }
    return out;
}

}  // namespace tde::core
