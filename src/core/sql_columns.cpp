// What the SQL around a literal says about its value: see sql_columns.hpp.
#include "core/sql_columns.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/phone_detector.hpp"

namespace tde::core {

// A literal that is only a dotted quad of numbers ('1.2.3.4').
bool dotted_quad_only(std::string_view in) {
    int dots = 0;
    for (char c : in) {
        if (c == '.') ++dots;
        else if (c < '0' || c > '9') return false;
    }
    return dots == 3 && !in.empty() && in.front() != '.' && in.back() != '.';
}

// A JSON key or column name lower-cased, camelCase split with '_'
// ("mobilePhone" -> "mobile_phone", "PhoneNumber" -> "phone_number",
// "Phone Number" -> "phone_number").
std::string snake_lower(std::string_view name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c >= 'A' && c <= 'Z') {
            if (i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z') out.push_back('_');
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            out.push_back(c == '-' || c == ' ' || c == '.' ? '_' : c);
        }
    }
    return out;
}

namespace {

// The last key of a JSON path as snake_lower() names it: "phone",
// "$.contact.phone", "$.\"phone\"", "$.phones[0]", "{contact,phone}"
// (PostgreSQL's text[] path); empty when it ends in an array index
// ('{phones,0}', '$[0]').
std::string json_path_key(std::string_view path) {
    while (!path.empty() && (path.back() == ' ' || path.back() == '}')) path.remove_suffix(1);
    while (!path.empty() && path.back() == ']') {  // an index after the key: $.phones[0]
        const size_t open = path.rfind('[');
        if (open == std::string_view::npos) return std::string();
        path = path.substr(0, open);
    }
    size_t cut = path.find_last_of(".,{$");
    std::string_view key = cut == std::string_view::npos ? path : path.substr(cut + 1);
    while (!key.empty() && (key.front() == ' ' || key.front() == '"')) key.remove_prefix(1);
    while (!key.empty() && (key.back() == ' ' || key.back() == '"')) key.remove_suffix(1);
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ')) return std::string();
    if (std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::string();  // an array index ('{phones,0}')
    return snake_lower(key);
}

}  // namespace

// The column the SQL before a value (`before`: up to a literal's opening
// quote, or up to a number in the code) compares with it, as snake_lower()
// gives it: "app_version = '", "phone <> N'", "firmware_version IN
// ('10.2.0.1', '", "t.\"PhoneNumber\" LIKE '", "[Phone Number] = '",
// "phone::text = '", "phone_number IN (5551234567, "; empty when none.
std::string compared_column(std::string_view before) {
    // (A bounded tail: callers scan long texts value by value.)
    if (before.size() > 2048) before.remove_prefix(before.size() - 2048);
    size_t e = before.size();
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    // Oracle's q'[...]: its opening bracket.
    if (e >= 3 && std::strchr("[{(<!", before[e - 1]) != nullptr && before[e - 2] == '\'' &&
        (before[e - 3] == 'q' || before[e - 3] == 'Q'))
        --e;
    // A string's prefix before its opening quote: N'', E'', BigQuery's
    // r''/b'', Oracle's q'', MySQL's _utf8mb4''.
    auto skip_prefix = [&] {
        if (e > 0 && std::strchr("NnEeRrBbQq", before[e - 1]) != nullptr &&
            (e == 1 || !std::isalnum(static_cast<unsigned char>(before[e - 2])))) {
            --e;
        } else if (e > 1 && (std::isalnum(static_cast<unsigned char>(before[e - 1])) || before[e - 1] == '_')) {
            size_t w = e;
            while (w > 0 && (std::isalnum(static_cast<unsigned char>(before[w - 1])) || before[w - 1] == '_')) --w;
            if (before[w] == '_' && e - w > 1) e = w;  // a charset introducer
        }
    };
    // The opening quote (and $$), then its prefix.
    while (e > 0 && (before[e - 1] == '\'' || before[e - 1] == '"' || before[e - 1] == '`' || before[e - 1] == '$'))
        --e;
    skip_prefix();
    auto skip = [&] {
        while (e > 0 && (space(before[e - 1]) || std::strchr("'\"`(,", before[e - 1]) != nullptr)) --e;
    };
    skip();
    // Earlier items of an IN list ('10.2.0.1', '2125550100', an already
    // masked 'XXX-XXX-0123', N'...').
    auto item_char = [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == 'X' || c == '+';
    };
    for (int items = 0; items < 64 && e > 0 && item_char(before[e - 1]); ++items) {
        while (e > 0 && (item_char(before[e - 1]) || before[e - 1] == ' ')) --e;
        // The item's opening quote, then its prefix (N'...', r'...').
        while (e > 0 && (before[e - 1] == '\'' || before[e - 1] == '"')) --e;
        skip_prefix();
        skip();
    }
    auto ends_with_word = [&](std::string_view word) {
        if (e < word.size()) return false;
        for (size_t i = 0; i < word.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(before[e - word.size() + i])) != word[i]) return false;
        return e == word.size() || !std::isalnum(static_cast<unsigned char>(before[e - word.size() - 1]));
    };
    auto drop_word = [&](std::string_view word) {
        if (!ends_with_word(word)) return false;
        e -= word.size();
        while (e > 0 && space(before[e - 1])) --e;
        return true;
    };
    // = ANY (ARRAY['...', '...']), ILIKE ANY ('...'), IN UNNEST(['...']).
    if (e > 0 && before[e - 1] == '[') {
        --e;
        while (e > 0 && space(before[e - 1])) --e;
        drop_word("array");
        skip();
    }
    if (drop_word("any") || drop_word("some") || drop_word("all") || drop_word("unnest")) skip();
    // BETWEEN '...' AND '...': the second value's column is the first's.
    if (drop_word("and")) {
        if (e == 0 || before[e - 1] != '\'') return std::string();
        --e;
        while (e > 0 && (item_char(before[e - 1]) || before[e - 1] == ' ')) --e;
        if (e == 0 || before[e - 1] != '\'') return std::string();
        --e;
        skip_prefix();
        while (e > 0 && space(before[e - 1])) --e;
        if (!ends_with_word("between")) return std::string();
    }
    // IS [NOT] DISTINCT FROM
    if (drop_word("from")) {
        if (!drop_word("distinct")) return std::string();
        drop_word("not");
        if (!ends_with_word("is")) return std::string();
        e -= 2;
    } else if (drop_word("between") || drop_word("regexp") || drop_word("rlike")) {
        drop_word("not");
    } else if (ends_with_word("to")) {  // [NOT] SIMILAR TO
        drop_word("to");
        if (!drop_word("similar")) return std::string();
        drop_word("not");
    } else if (e > 0 && (before[e - 1] == '~' || (e > 1 && before[e - 1] == '*' && before[e - 2] == '~'))) {
        e -= before[e - 1] == '~' ? 1 : 2;  // PostgreSQL's ~, ~*, !~, !~*
        if (e > 0 && before[e - 1] == '!') --e;
    } else if (e > 0 && before[e - 1] == '=') {
        --e;
        if (e > 0 && (before[e - 1] == '!' || before[e - 1] == '<' || before[e - 1] == '>' || before[e - 1] == '=' ||
                      before[e - 1] == ':'))
            --e;  // !=, <=, >=, SQLite's ==, PL/SQL and PL/pgSQL's := (phone := '...')
    } else if (e > 1 && before[e - 1] == '>' && (before[e - 2] == '<' || before[e - 2] == '=')) {
        e -= 2;  // <>, and => of a named argument (f(phone => '...'))
    } else if (ends_with_word("in") || ends_with_word("like") || ends_with_word("ilike")) {
        e -= ends_with_word("in") ? 2 : ends_with_word("like") ? 4 : 5;
        while (e > 0 && space(before[e - 1])) --e;
        if (ends_with_word("not")) e -= 3;
    } else {
        return std::string();
    }
    // A function of the column ("regexp_replace(phone, '[^0-9]', '', 'g') =
    // '", "trim(c.phone) = '", "CAST(phone AS text) = '", "upper(trim(phone))
    // = '"): its first argument, when that is a name (or a call whose first
    // argument is one). A JSON function's key is the last of its path
    // ("JSON_VALUE(info, '$.contact.phone') = '": phone).
    while (e > 0 && space(before[e - 1])) --e;
    if (e > 0 && before[e - 1] == ')') {
        int depth = 0;
        size_t open = std::string_view::npos;
        for (size_t k = e; k > 0; --k) {
            const char c = before[k - 1];
            if (c == ')') ++depth;
            else if (c == '(' && --depth == 0) {
                open = k - 1;
                break;
            }
        }
        if (open == std::string_view::npos) return std::string();
        {
            size_t f = open;
            while (f > 0 && space(before[f - 1])) --f;
            size_t fb = f;
            while (fb > 0 && (std::isalnum(static_cast<unsigned char>(before[fb - 1])) || before[fb - 1] == '_')) --fb;
            std::string function(before.substr(fb, f - fb));
            for (char &c : function) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (function.compare(0, 4, "json") == 0 || function == "get_json_object") {
                size_t z = e - 1;  // the ')'
                while (z > open && space(before[z - 1])) --z;
                if (z > open + 1 && before[z - 1] == '\'') {
                    const size_t q = before.rfind('\'', z - 2);
                    if (q != std::string_view::npos && q > open) {
                        const std::string key = json_path_key(before.substr(q + 1, z - 2 - q));
                        if (!key.empty()) return key;
                    }
                }
            }
        }
        size_t a = open + 1, z = a;
        for (int calls = 0;; ++calls) {
            while (a < e && space(before[a])) ++a;
            z = a;
            while (z < e && (std::isalnum(static_cast<unsigned char>(before[z])) || before[z] == '_' ||
                             before[z] == '.' || before[z] == '"' || before[z] == '`' || before[z] == '[' ||
                             before[z] == ']'))
                ++z;
            if (z == a) return std::string();
            size_t after_name = z;
            while (after_name < e && space(before[after_name])) ++after_name;
            if (after_name < e && before[after_name] == '(' && calls < 8) {
                // A call as the first argument: its own first argument, when
                // the call keeps the column's value (lower, trim, nullif, ...);
                // of another call (coalesce(f(x), phone)) no column is known.
                size_t fb = z;
                while (fb > a && before[fb - 1] != '.') --fb;
                std::string inner(before.substr(fb, z - fb));
                for (char &c : inner) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                static const char *const kKeeps[] = {
                    "lower", "upper", "lcase", "ucase", "trim", "ltrim", "rtrim", "btrim", "nullif", "coalesce",
                    "ifnull", "nvl", "nvl2", "isnull", "cast", "try_cast", "safe_cast", "replace", "regexp_replace",
                    "translate", "unaccent", "initcap", "substr", "substring", "left", "right", "normalize",
                    "to_char", "str", "strip", "casefold", "collate"};
                bool keeps = false;
                for (const char *k : kKeeps) keeps = keeps || inner == k;
                if (!keeps) return std::string();
                a = after_name + 1;
                continue;
            }
            if (after_name < e && before[after_name] != ',' && before[after_name] != ')' &&
                !(std::tolower(static_cast<unsigned char>(before[after_name])) == 'a' && after_name + 2 < e &&
                  std::tolower(static_cast<unsigned char>(before[after_name + 1])) == 's' &&
                  space(before[after_name + 2])))
                return std::string();
            break;
        }
        e = z;  // read the first argument's name below
    }
    // A JSON key: data->>'phone', data->'contact'->>'phone', data #>> '{contact,phone}',
    // MySQL/SQLite data->>'$.contact.phone'.
    if (e >= 2 && before[e - 1] == '\'') {
        const size_t q = before.rfind('\'', e - 2);
        if (q == std::string_view::npos) return std::string();
        size_t o = q;
        while (o > 0 && space(before[o - 1])) --o;
        if (o >= 2 && before[o - 1] == '>' && before[o - 2] == '>') --o;
        if (o >= 2 && before[o - 1] == '>' && (before[o - 2] == '-' || before[o - 2] == '#'))
            return json_path_key(before.substr(q + 1, e - 2 - q));
        return std::string();
    }
    // The name: a delimited one ("...", `...`, [...]) whole, else a word; a
    // cast after it ("phone::text") is passed over.
    for (int names = 0; names < 2; ++names) {
        while (e > 0 && space(before[e - 1])) --e;
        size_t b = e;
        std::string_view name;
        if (e >= 2 && (before[e - 1] == '"' || before[e - 1] == '`' || before[e - 1] == ']')) {
            const char open = before[e - 1] == ']' ? '[' : before[e - 1];
            const size_t start = before.rfind(open, e - 2);
            if (start == std::string_view::npos) return std::string();
            b = start;
            name = before.substr(start + 1, e - start - 2);
        } else {
            while (b > 0 && (std::isalnum(static_cast<unsigned char>(before[b - 1])) || before[b - 1] == '_')) --b;
            name = before.substr(b, e - b);
        }
        if (names == 0 && b >= 2 && before[b - 1] == ':' && before[b - 2] == ':') {
            e = b - 2;
            continue;
        }
        return snake_lower(name);
    }
    return std::string();
}

std::string column_compared_after(std::string_view after) {
    if (after.size() > 256) after = after.substr(0, 256);
    size_t i = 0;
    auto spaces = [&] {
        while (i < after.size() && (after[i] == ' ' || after[i] == '\t' || after[i] == '\r' || after[i] == '\n')) ++i;
    };
    spaces();
    if (after.compare(i, 2, "<>") == 0 || after.compare(i, 2, "!=") == 0 || after.compare(i, 2, "==") == 0) i += 2;
    else if (i < after.size() && after[i] == '=') ++i;
    else return std::string();
    spaces();
    // A possibly qualified name; its last part is the column.
    std::string_view name;
    for (;;) {
        if (i >= after.size()) return std::string();
        const char open = after[i];
        if (open == '"' || open == '`' || open == '[') {
            const char close = open == '[' ? ']' : open;
            const size_t end = after.find(close, i + 1);
            if (end == std::string_view::npos) return std::string();
            name = after.substr(i + 1, end - i - 1);
            i = end + 1;
        } else if (std::isalpha(static_cast<unsigned char>(open)) || open == '_') {
            const size_t start = i;
            while (i < after.size() && (std::isalnum(static_cast<unsigned char>(after[i])) || after[i] == '_')) ++i;
            name = after.substr(start, i - start);
        } else {
            return std::string();
        }
        if (i < after.size() && after[i] == '.') {
            ++i;
            continue;
        }
        break;
    }
    spaces();
    if (i < after.size() && after[i] == '(') return std::string();  // a function call
    return snake_lower(name);
}

// The '_'-separated parts of `name`, digits at their ends dropped ("phone1"
// is "phone"), empty parts skipped.
namespace {

std::vector<std::string_view> name_parts(std::string_view name) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('_', start);
        if (end == std::string_view::npos) end = name.size();
        std::string_view part = name.substr(start, end - start);
        while (!part.empty() && part.back() >= '0' && part.back() <= '9') part.remove_suffix(1);
        if (!part.empty()) parts.push_back(part);
        start = end + 1;
    }
    return parts;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

// True when one of the parts of `name` is one of `words`.
bool name_part_is(std::string_view name, std::initializer_list<std::string_view> words) {
    for (std::string_view part : name_parts(name))
        if (one_of(part, words)) return true;
    return false;
}

bool number_kind_name(std::string_view name) {
    for (std::string_view part : name_parts(name))
        if (!one_of(part, {"home", "work", "mobile", "cell", "office", "primary", "secondary", "main", "personal",
                           "business", "private", "other", "alt", "alternate", "landline", "emergency", "default",
                           "backup", "direct", "day", "night", "evening", "value", "number", "num", "no", "nr",
                           "international", "national", "local", "fax", "contact", "phone", "tel", "card",
                           "ssn", "raw", "formatted", "normalized"}))
            return false;
    return true;
}

std::string without_phone_words(std::string_view name) {
    std::string out;
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('_', start);
        if (end == std::string_view::npos) end = name.size();
        const std::string_view part = name.substr(start, end - start);
        bool phone_word = false;
        for (std::string_view w : {"phone", "mobile", "cell", "tel", "fax", "call", "sms", "dial"})
            phone_word = phone_word || part.substr(0, w.size()) == w;
        if (!part.empty() && !phone_word) (out += part) += ' ';
        start = end + 1;
    }
    return out;
}

// A column or key naming a version ("app_version", "firmware", "build").
bool version_name(std::string_view name) {
    // The last part: "fw_ip", "build_server_ip", "rev_proxy_ip" are addresses.
    const std::vector<std::string_view> parts = name_parts(name);
    return !parts.empty() && one_of(parts.back(), {"version", "versions", "ver", "vers", "firmware", "fw",
                                                   "release", "build", "revision", "rev"});
}

// How surely a column or key name holds phone numbers: 2 for "phone",
// "home_phone", "phone_number", "mobile_no", "tel1", "msisdn",
// "calling_number"; 1 for "mobile", "caller_id",
// "cell" or "fax" alone (also counts, places, spreadsheet cells); 0 for
// others ("phone_count", "phone_model", "mobile_user").
int phone_column_kind(std::string_view name) {
    const std::vector<std::string_view> parts = name_parts(name);
    if (parts.empty()) return 0;
    if (one_of(parts.back(), {"phone", "phones", "telephone", "telephones", "tel", "msisdn", "msisdns", "landline",
                              "landlines", "cellphone", "cellphones", "whatsapp"}))
        return 2;
    const bool numbered = parts.size() >= 2 && one_of(parts.back(), {"number", "numbers", "no", "nos", "nr", "nrs",
                                                                       "num", "nums", "e164"});
    if (numbered && one_of(parts[parts.size() - 2], {"phone", "telephone", "tel", "mobile", "fax", "contact"}))
        return 2;
    // Call records: "callerid", "calling_number", "called_no", "dialed_number";
    // "caller_id" may as well be a user's id (1).
    if (one_of(parts.back(), {"callerid", "ani", "dnis"})) return 2;
    const bool call_party = parts.size() >= 2 && one_of(parts[parts.size() - 2], {"caller", "callee", "calling",
                                                                                 "called", "dialed", "dialled"});
    if (call_party && numbered) return 2;
    if (call_party && parts.back() == "id") return 1;
    // ("cell_no" is as often a radio cell's id.)
    if (one_of(parts.back(), {"mobile", "cell", "fax"}) || (numbered && parts[parts.size() - 2] == "cell")) return 1;
    return 0;
}

// A literal written like a phone number (7 to 15 digits; spaces, '-', '.',
// brackets, a leading '+'), however invalid, and not like a date.
bool phone_shaped_literal(std::string_view in) {
    if (PhoneDetector::date_shaped(in, true)) return false;
    size_t digits = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c >= '0' && c <= '9') ++digits;
        else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || (c == '+' && i == 0))) return false;
    }
    return digits >= 7 && digits <= 15;
}

// For each span, the column an INSERT's column list gives its value
// ("INSERT INTO contacts (name, phone) VALUES ('Ann', '0612345678'), (...)"),
// lower-cased; empty where there is none (a value inside a function call, no
// column list, another statement).
std::vector<std::string> insert_value_columns(std::string_view sql,
                                              const std::vector<std::pair<size_t, size_t>> &spans) {
    std::vector<std::string> out(spans.size());
    // (Most SQL has no INSERT: one search, no scan.)
    const std::string_view insert = "insert", replace = "replace";
    auto same = [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; };
    if (std::search(sql.begin(), sql.end(), insert.begin(), insert.end(), same) == sql.end() &&
        std::search(sql.begin(), sql.end(), replace.begin(), replace.end(), same) == sql.end())
        return out;
    auto word_at = [&](size_t p, std::string_view word) {
        if (p + word.size() > sql.size() || (p > 0 && (std::isalnum(static_cast<unsigned char>(sql[p - 1])) ||
                                                       sql[p - 1] == '_')))
            return false;
        for (size_t i = 0; i < word.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(sql[p + i])) != word[i]) return false;
        const size_t after = p + word.size();
        return after == sql.size() || !(std::isalnum(static_cast<unsigned char>(sql[after])) || sql[after] == '_');
    };
    // The next word after p (blanks skipped) is `word`.
    auto next_word_is = [&](size_t p, std::string_view word) {
        while (p < sql.size() && std::isspace(static_cast<unsigned char>(sql[p]))) ++p;
        return word_at(p, word);
    };
    // MySQL's VALUE (...): a word VALUE before a bracket.
    auto value_list_at = [&](size_t p) {
        if (!word_at(p, "value")) return false;
        p += 5;
        while (p < sql.size() && std::isspace(static_cast<unsigned char>(sql[p]))) ++p;
        return p < sql.size() && sql[p] == '(';
    };
    std::vector<std::string> columns;
    enum { kNone, kInsert, kColumns, kAfterColumns, kOutput, kValues } state = kNone;
    int output_depth = 0;
    int depth = 0;
    size_t index = 0, next_span = 0;
    std::string name;
    bool quoted = false;  // inside a delimited column name ("Phone Number", [Phone Number])
    bool table_read = false;  // kInsert: the table's name was read
    for (size_t p = 0; p < sql.size(); ++p) {
        // Literal contents are skipped; a span starting here gets its column.
        while (next_span < spans.size() && spans[next_span].first < p) ++next_span;  // (overlapping spans)
        if (next_span < spans.size() && p == spans[next_span].first) {
            if (state == kValues && depth == 1 && index < columns.size()) out[next_span] = columns[index];
            p = spans[next_span].second > p ? spans[next_span].second - 1 : p;
            ++next_span;
            continue;
        }
        const char c = sql[p];
        if (c == ';') {
            state = kNone;
            continue;
        }
        switch (state) {
            case kNone:
                // INSERT, and MySQL/SQLite REPLACE INTO (not the REPLACE() function).
                if (word_at(p, "insert") || (word_at(p, "replace") && next_word_is(p + 7, "into"))) {
                    state = kInsert;
                    columns.clear();
                    table_read = false;
                    p += 5;
                }
                break;
            case kInsert:  // up to the column list's bracket
                if (c == '(') {
                    state = kColumns;
                    name.clear();
                } else if (word_at(p, "values") || (table_read && (p == 0 || sql[p - 1] != '.') && value_list_at(p)) || word_at(p, "select")) {
                    state = kNone;
                } else if (c == '"' || c == '`' || c == '[') {  // a delimited table name
                    const size_t close = sql.find(c == '[' ? ']' : c, p + 1);
                    p = close == std::string_view::npos ? sql.size() : close;
                    table_read = true;
                } else if ((std::isalnum(static_cast<unsigned char>(c)) || c == '_') &&
                           (p == 0 || !(std::isalnum(static_cast<unsigned char>(sql[p - 1])) || sql[p - 1] == '_'))) {
                    // A word: the table's name (or a part of it) unless it is
                    // one of INSERT's own words. MySQL's VALUE (...) is read
                    // only after the name (INSERT INTO value (a) VALUES ...).
                    size_t q = p;
                    while (q < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[q])) || sql[q] == '_')) ++q;
                    std::string w(sql.substr(p, q - p));
                    for (char &ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                    if (!(w == "into" || w == "ignore" || w == "low_priority" || w == "high_priority" ||
                          w == "delayed" || w == "or" || w == "replace" || w == "rollback" || w == "abort" ||
                          w == "fail" || w == "overwrite" || w == "table" || w == "all" || w == "first"))
                        table_read = true;
                    p = q - 1;
                }
                break;
            case kColumns:
                // A comment in the list (a column per line, each with its note).
                if (!quoted && c == '-' && p + 1 < sql.size() && sql[p + 1] == '-') {
                    while (p + 1 < sql.size() && sql[p + 1] != '\n' && sql[p + 1] != '\r') ++p;
                    break;
                }
                if (!quoted && c == '/' && p + 1 < sql.size() && sql[p + 1] == '*') {
                    const size_t close = sql.find("*/", p + 2);
                    p = close == std::string_view::npos ? sql.size() : close + 1;
                    break;
                }
                if (c == ',' || c == ')') {
                    columns.push_back(snake_lower(name));  // as compared_column() names it
                    name.clear();
                    if (c == ')') state = kAfterColumns;
                } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                           (c == ' ' && !name.empty() && quoted)) {
                    name.push_back(c);
                } else if (c == '.') {
                    name.clear();  // a qualified column: its last part
                } else if (c == '"' || c == '`' || c == '[' || c == ']') {
                    quoted = c != ']' && !quoted;
                }
                break;
            case kAfterColumns:
                if (word_at(p, "overriding")) {  // PostgreSQL OVERRIDING {SYSTEM | USER} VALUE before VALUES
                    size_t q = p + 10;
                    auto skip_word = [&](std::string_view w) {
                        size_t r = q;
                        while (r < sql.size() && std::isspace(static_cast<unsigned char>(sql[r]))) ++r;
                        if (!word_at(r, w)) return false;
                        q = r + w.size();
                        return true;
                    };
                    if ((skip_word("system") || skip_word("user")) && skip_word("value")) p = q - 1;
                } else if (word_at(p, "values") || value_list_at(p)) {  // (MySQL's VALUE (...) is VALUES)
                    state = kValues;
                    depth = 0;
                    p += word_at(p, "values") ? 5 : 4;
                } else if (word_at(p, "output")) {  // T-SQL INSERT t (cols) OUTPUT inserted.id [INTO ...] VALUES
                    state = kOutput;
                    output_depth = 0;
                    p += 5;
                } else if (!std::isspace(static_cast<unsigned char>(c))) {
                    state = kNone;
                }
                break;
            case kOutput:
                if (c == '(') {
                    ++output_depth;
                } else if (c == ')') {
                    --output_depth;
                } else if (output_depth == 0 && word_at(p, "values")) {
                    state = kValues;
                    depth = 0;
                    p += 5;
                } else if (output_depth == 0 && (word_at(p, "select") || word_at(p, "exec") || word_at(p, "execute") ||
                                                 word_at(p, "default"))) {
                    state = kNone;
                }
                break;
            case kValues:  // ARRAY[...] and {...} nest like brackets
                if (c == '(' || c == '[' || c == '{') {
                    if (++depth == 1) index = 0;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (--depth < 0) state = kNone;
                } else if (c == ',' && depth == 1) {
                    ++index;
                } else if (depth == 0 && word_at(p, "into")) {
                    state = kInsert;  // Oracle/Snowflake INSERT ALL ... VALUES (...) INTO t2 (cols) VALUES ...
                    columns.clear();
                    table_read = false;
                    p += 3;
                } else if (depth == 0 && word_at(p, "row")) {
                    p += 2;  // MySQL VALUES ROW(...), ROW(...)
                } else if (depth == 0 && std::isalpha(static_cast<unsigned char>(c))) {
                    state = kNone;  // ON CONFLICT, RETURNING, ...
                }
                break;
        }
    }
    return out;
}

}  // namespace tde::core
