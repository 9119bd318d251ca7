// tde_pairs_before_write(): the BEFORE INSERT OR UPDATE trigger of tde_pairs,
// the single place where a row is made safe (anonymized) and complete
// (query_type and table_names derived from sql_query).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/memo_cache.hpp"
#include "core/phone_detector.hpp"
#include "core/pii_anonymizer.hpp"
#include "core/sql_columns.hpp"
#include "core/sql_analyzer.hpp"
#include "pg/error_boundary.hpp"
#include "pg/rules.hpp"
#include "pg/secret.hpp"
#include "pg/sql_parser.hpp"
#include "pg/settings.hpp"

extern "C" {
#include "parser/parser.h"
#include "utils/numeric.h"
}

namespace {

using tde::pg::pg_guard;
using tde::core::compared_column;
using tde::core::dotted_quad_only;
using tde::core::insert_value_columns;
using tde::core::name_part_is;
using tde::core::phone_column_kind;
using tde::core::phone_shaped_literal;
using tde::core::snake_lower;
using tde::core::version_name;

using tde::core::MemoCache;

uint64_t anonymizer_generation = 0;  // bumped each time the detectors are rebuilt

// Patterns are compiled once per backend, on first use, and again only when
// tde.phone_regions changes.
const tde::core::PiiAnonymizer &anonymizer() {
    static std::unique_ptr<tde::core::PiiAnonymizer> instance;
    static std::string built_for;
    const char *regions = tde::pg::phone_regions_setting ? tde::pg::phone_regions_setting : "US";
    if (!instance || built_for != regions) {
        tde::core::PiiOptions options;
        options.phone_regions = tde::pg::split_regions(regions);
        instance = std::make_unique<tde::core::PiiAnonymizer>(options);
        built_for = regions;
        ++anonymizer_generation;
    }
    return *instance;
}

// Per-backend memos of the trigger's pure functions (core/memo_cache.hpp):
// pairs repeat their database name, metadata values, and often their SQL
// (paraphrased questions for the same query) and questions. Each memo is
// bounded in bytes and stores only values seen twice; together they hold at
// most about 4.5 MB per backend.
struct Memo {
    // Anonymization of one text (question, metadata string, literal): the
    // result, or nullopt when the text has nothing to replace.
    MemoCache<std::optional<std::string>> text{512 << 10, 1024};
    MemoCache<std::string> database_name{64 << 10, 256};
    // sql_query with its literals anonymized; key: sql_key() (dialect, the
    // scanner's settings, the SQL).
    MemoCache<std::optional<std::string>> sql_literals{512 << 10, 8192};
    // What derive_sql() found; key: sql_key(). Depends on nothing but the
    // key, so it is never flushed.
    MemoCache<tde::pg::DerivedSql> derived{1 << 20, 8192};
    // What the anonymization memos were computed with.
    uint64_t detectors = 0, secret = 0, rules = 0;
    std::string key;  // scratch for dialect + SQL keys

    // Drops every anonymization memo when the detectors (tde.phone_regions),
    // the secret (tde_rotate_secret) or the custom rules changed since.
    void sync_anonymization(uint64_t detectors_now, uint64_t secret_now, uint64_t rules_now) {
        if (detectors_now == detectors && secret_now == secret && rules_now == rules) return;
        text.clear();
        database_name.clear();
        sql_literals.clear();
        detectors = detectors_now;
        secret = secret_now;
        rules = rules_now;
    }

    // The key of a SQL text: the dialect and the two settings PostgreSQL's
    // scanner reads (they change where literals end, hence the literal spans
    // and the derivation), then the text.
    std::string_view sql_key(tde::core::SqlDialect dialect, std::string_view sql, bool other_dialect = false) {
        key.clear();
        key.push_back(static_cast<char>('0' + static_cast<int>(dialect)));
        key.push_back(other_dialect ? 'o' : '-');  // anonymize_sql_literals' named_other_dialect
        key.push_back(standard_conforming_strings ? 's' : 'n');
        key.push_back(static_cast<char>('0' + backslash_quote));
        key.append(sql);
        return key;
    }
};

Memo &memo() {
    static Memo instance;
    return instance;
}

size_t derived_bytes(const tde::pg::DerivedSql &d) {
    size_t n = d.query_type.size() + d.fingerprint.size() + d.normalized.size();
    for (const auto &t : d.table_names) n += t.size() + 32;
    return n;
}

struct PairColumns {
    int question, sql, database_type, database_name, table_names, query_type, metadata;
    int fingerprint, normalized, valid;  // optional (0 when absent)
};

PairColumns lookup_columns(TupleDesc desc) {
    PairColumns c;
    c.question = SPI_fnumber(desc, "natural_language_query");
    c.sql = SPI_fnumber(desc, "sql_query");
    c.database_type = SPI_fnumber(desc, "database_type");
    c.database_name = SPI_fnumber(desc, "database_name");
    c.table_names = SPI_fnumber(desc, "table_names");
    c.query_type = SPI_fnumber(desc, "query_type");
    c.metadata = SPI_fnumber(desc, "metadata");
    c.fingerprint = std::max(0, SPI_fnumber(desc, "sql_fingerprint"));
    c.normalized = std::max(0, SPI_fnumber(desc, "sql_normalized"));
    c.valid = std::max(0, SPI_fnumber(desc, "sql_valid"));
    for (int attnum : {c.question, c.sql, c.database_type, c.database_name, c.table_names,
                       c.query_type, c.metadata})
        if (attnum <= 0)
            throw tde::core::Error("42703", "tde_pairs_before_write(): table lacks a pairs column");
    return c;
}

// Column positions, looked up once per statement (cached in fn_extra, which
// lives as long as the trigger's FmgrInfo), not per row.
PairColumns find_columns(FunctionCallInfo fcinfo, Relation rel) {
    auto *cached = static_cast<PairColumns *>(fcinfo->flinfo->fn_extra);
    if (cached == nullptr) {
        PairColumns c = lookup_columns(RelationGetDescr(rel));
        cached = pg_guard([&] {
            return static_cast<PairColumns *>(MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(PairColumns)));
        });
        *cached = c;
        fcinfo->flinfo->fn_extra = cached;
    }
    return *cached;
}

// A text column's value as a view over detoasted memory (valid for the row);
// nullopt-like: returns false when NULL.
// The row's columns, deformed once (values point into the row).
struct RowColumns {
    Datum *values;
    bool *isnull;
};

bool text_column(const RowColumns &row, int attnum, std::string_view &out) {
    if (row.isnull[attnum - 1]) return false;
    const Datum value = row.values[attnum - 1];
    text *t = pg_guard([&] { return DatumGetTextPP(value); });
    out = std::string_view(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    return true;
}

Datum text_datum(const std::string &s) {
    return pg_guard([&] { return PointerGetDatum(cstring_to_text_with_len(s.data(), static_cast<int>(s.size()))); });
}

Datum text_array_datum(const std::vector<std::string> &items) {
    Datum *elems = pg_guard([&] { return static_cast<Datum *>(palloc(sizeof(Datum) * (items.size() + 1))); });
    for (size_t i = 0; i < items.size(); ++i) elems[i] = text_datum(items[i]);
    return pg_guard([&] {
        return PointerGetDatum(construct_array(elems, static_cast<int>(items.size()), TEXTOID, -1,
                                               false, TYPALIGN_INT));
    });
}

// Everything that anonymizes one piece of text: the built-in detectors, the
// database's key, and the custom rules.
struct Anonymization {
    const tde::core::PiiAnonymizer &detectors;
    const std::string &key;
    const tde::core::CustomRules &rules;

    // true (and `out` set) when `in` changed; otherwise `out` = `in`.
    bool apply(std::string_view in, std::string &out) const {
        // Most values hold nothing any detector could find (no '@', no long
        // digit run...): no memo lookup, no copy into the memo.
        if (rules.empty() && !tde::core::may_hold_pii(in)) {
            out.assign(in);
            return false;
        }
        Memo &m = memo();
        if (const auto *hit = m.text.find(in)) {
            if (!*hit) {
                out.assign(in);
                return false;
            }
            out = **hit;
            return true;
        }
        bool changed = detectors.anonymize(in, key, out);
        if (!changed) out.assign(in);
        if (!rules.empty() && rules.apply(out)) changed = true;
        if (changed)
            m.text.put(in, out, out.size());
        else
            m.text.put(in, std::nullopt, 0);
        return changed;
    }

    // apply() for a value read in its surroundings: a SQL literal after the
    // SQL before it (WHERE ssn = '123456789'), a metadata string after its
    // key ({"phone": "2125550100"}). Some detectors need a word near a bare
    // run of digits (an SSN, a phone number), and the word is in the
    // surroundings, not in the value. Values without a run of at least seven
    // digits (dates, amounts, formatted numbers: the common case) cannot be
    // such a number and take the memoized path.
    // `context` is called only when the value has such a run.
    template <typename Context>
    bool apply_in_context(Context context_of, std::string_view in, std::string &out) const {
        if (!has_long_digit_run(in)) return apply(in, out);
        const std::string context = context_of();
        if (context.empty()) return apply(in, out);
        // The context (on one line), a line break, then the value: detectors
        // treat a line break as the end of a value. Only the value's part of
        // the result is kept; should a detection have spanned the line break,
        // the value is anonymized on its own instead.
        // The context line starts with an ellipsis: a phone label reaches
        // its number across a line break only when the label starts its line
        // (a form's caption above its value, "Mobile:\n612 34 56 78"), and
        // the context is no caption: it only says what the value is near
        // ("cell_no" compared with it, a list of phone numbers before it).
        std::string combined;
        combined.reserve(4 + context.size() + 1 + in.size());
        combined.append("\xE2\x80\xA6 ");
        for (char c : context) combined.push_back(c == '\n' || c == '\r' ? ' ' : c);
        const size_t value_at = combined.size() + 1;
        combined.push_back('\n');
        combined.append(in);
        std::string result;
        if (!detectors.anonymize(combined, key, result)) return apply(in, out);
        const size_t cut = result.find('\n');
        if (cut == std::string::npos ||
            result.compare(cut + 1, std::string::npos, combined, value_at, std::string::npos) == 0)
            return apply(in, out);  // nothing changed in the value: the memoized path decides
        out.assign(result, cut + 1, std::string::npos);
        if (!rules.empty()) rules.apply(out);
        return true;
    }

    static bool has_long_digit_run(std::string_view in) {
        size_t run = 0;
        for (char c : in) {
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= 7) return true;
        }
        return false;
    }
};

// Up to this many bytes before a literal are its context (a list of values
// after one keyword: WHERE ssn IN ('...', '...', ...)).
constexpr size_t kLiteralContext = 160;
// ... and up to this many a column list naming a phone or SSN column.
constexpr size_t kMentionWindow = 600;

// `piece` (the anonymized content of a literal or comment, `in` before) made
// unable to end or change its literal: characters a custom rule's replacement
// added that could close a quote, start an escape or end a comment become
// '_'. (The built-in replacements never contain any.)
void keep_inside_literal(std::string_view in, std::string &piece) {
    if (piece.find_first_of("'\"\\`$]\n\r*/") == std::string::npos) return;
    for (char c : {'\'', '"', '\\', '`', '$', ']', '\n', '\r'})
        if (std::count(piece.begin(), piece.end(), c) > std::count(in.begin(), in.end(), c))
            std::replace(piece.begin(), piece.end(), c, '_');
    auto count_of = [](std::string_view s, std::string_view what) {
        size_t n = 0;
        for (size_t p = s.find(what); p != std::string_view::npos; p = s.find(what, p + 1)) ++n;
        return n;
    };
    for (std::string_view marker : {std::string_view("*/"), std::string_view("/*")})
        if (count_of(piece, marker) > count_of(in, marker))
            for (size_t p = piece.find(marker); p != std::string::npos; p = piece.find(marker, p + 1))
                piece[p + (marker[0] == '/' ? 0 : 1)] = '_';
}

// A JSON document (or array literal) in a string literal ('{"phone":
// 2125550130}'): a mask that replaced a bare number there is written as a JSON
// string ("XXX-XXX-0130"), so that the document stays valid JSON (an array
// literal accepts the quotes too). Outside JSON strings of such a text only
// numbers, true, false and null are bare, so a bare run starting with 'X' is
// one of our masks. Not for literals delimited by '"' (MySQL, BigQuery),
// which the quotes would end.
void quote_json_masks(std::string_view in, std::string &piece, char delimiter) {
    const size_t first = in.find_first_not_of(" \t\r\n");
    if (delimiter == '"' || first == std::string_view::npos || (in[first] != '{' && in[first] != '[') ||
        piece.find("XX") == std::string::npos)
        return;
    std::string out;
    out.reserve(piece.size() + 8);
    bool in_string = false;
    for (size_t i = 0; i < piece.size(); ++i) {
        const char c = piece[i];
        if (in_string) {
            out.push_back(c);
            if (c == '\\' && i + 1 < piece.size()) out.push_back(piece[++i]);
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
            out.push_back(c);
        } else if (c == 'X' && (i == 0 || !std::isalnum(static_cast<unsigned char>(piece[i - 1])))) {
            size_t j = i;
            while (j < piece.size() && (std::isalnum(static_cast<unsigned char>(piece[j])) || piece[j] == '-' ||
                                        piece[j] == '.' || piece[j] == '_'))
                ++j;
            ((out += '"') += piece.substr(i, j - i)) += '"';
            i = j - 1;
        } else {
            out.push_back(c);
        }
    }
    piece.swap(out);
}

// True when `gap` (the text between two literals) only separates items of a
// list: blanks, commas, quotes, brackets, an N/E prefix.
bool list_gap(std::string_view gap) {
    for (size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '\'' || c == '"' || c == '(' ||
            c == ')' || c == '`')
            continue;
        if ((c == 'N' || c == 'n' || c == 'E' || c == 'e') && i + 1 < gap.size() && gap[i + 1] == '\'') continue;
        return false;
    }
    return true;
}

// A column list names the value's column far from it (INSERT INTO contacts
// (name, email, phone) VALUES ('Ann', 'a@b.io', '2125550100')): when the SQL
// before a literal mentions a phone or SSN column, the detectors are told so
// right before the value (a bare number is then read as one when it is valid).
void mention_columns(std::string_view scope, std::string &context) {
    std::string lower(scope);
    for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // At the start of a word or after '_' (phone_number, home_phone), not
    // inside one ("hotel", "lessn").
    auto mentions = [&](std::string_view word) {
        for (size_t p = lower.find(word); p != std::string::npos; p = lower.find(word, p + 1))
            if (p == 0 || !std::isalpha(static_cast<unsigned char>(lower[p - 1]))) return true;
        return false;
    };
    if (mentions("phone") || mentions("mobile") || mentions("tel") || mentions("fax")) context += " phone: ";
    if (mentions("ssn") || mentions("social_security") || mentions("social security")) context += " ssn: ";
}

// `sql` with each span's content anonymized into `out`; false when nothing changed.
// A literal that is a bare number masked as an SSN or a phone number makes the
// next literals of the same list ("ssn IN ('...', '...', ...)") read as such
// too, however far the list runs from its column name.
// Column or key names for card numbers and SSNs.
bool card_name(std::string_view name) { return name_part_is(name, {"card", "cc", "pan", "credit"}); }

bool ssn_name(std::string_view name) {
    return name_part_is(name, {"ssn", "ssns"}) || name.find("social_security") != std::string_view::npos;
}

// What a column or key name says about a value it holds: a dotted quad under
// a version name is a version (kept); a value written like a phone number
// under a phone name is one, whatever its region or validity ("mobile",
// "cell", "fax" alone: only when written the way phone numbers are or valid).
enum class Named { Nothing, Version, Phone };

Named named_value(const tde::core::PiiAnonymizer &detectors, std::string_view name, std::string_view value) {
    if (name.empty()) return Named::Nothing;
    if (dotted_quad_only(value)) return version_name(name) ? Named::Version : Named::Nothing;
    const int kind = phone_column_kind(name);
    if (kind > 0 && phone_shaped_literal(value) && (kind == 2 || detectors.phone_like(value, true))) return Named::Phone;
    return Named::Nothing;
}

// Dialects whose "..." are names (PostgreSQL, SQL Server, Oracle,
// Snowflake); MySQL's and BigQuery's are strings (literal spans already), and
// SQLite reads one that names no column as a string.
bool double_quotes_name(tde::core::SqlDialect dialect) {
    return dialect != tde::core::SqlDialect::SQLite && dialect != tde::core::SqlDialect::MySQL &&
           dialect != tde::core::SqlDialect::BigQuery;
}

bool anonymize_spans(const Anonymization &anon, std::string_view sql,
                     const std::vector<std::pair<size_t, size_t>> &spans, std::string &out, bool code_too = false,
                     bool double_quoted_names = true) {
    bool changed = false;
    std::string piece;
    size_t pos = 0;
    const char *list_kind = nullptr;  // "ssn", "phone" or none
    size_t list_end = 0;
    out.clear();
    // The SQL between literals: kept as written, unless (code_too) it holds
    // what a detector finds ("WHERE email = ann@example.com" with the quotes
    // forgotten, "phone = 2125550100"). Only the built-in detectors run there
    // (a custom rule's replacement could change the statement), and never
    // inside a quoted name ("john@example.com" as a column or role name
    // stays: identifiers are what training needs), except SQLite's "..."
    // (a string there when it names no column, and values are written so in
    // datasets derived from WikiSQL).
    std::string visible;
    auto quoted = [](const std::string &mask) { return "'" + mask + "'"; };
    auto append_code = [&](std::string_view code) {
        if (!code_too || !tde::core::may_hold_pii(code)) {
            out.append(code);
            return;
        }
        visible.assign(code);
        char close = '\0';
        for (char &c : visible) {
            if (close != '\0') {
                if (c == close) close = '\0';
                else c = ' ';
            } else if ((c == '"' && double_quoted_names) || c == '`') {
                close = c;
            } else if (c == '[') {
                close = ']';
            }
        }
        // Bare integers are personal data in code only where the column they
        // are compared with says so ("phone_number = 5551234567", "card IN
        // (4111111111111111, ...)"), not as ids, sequence starts or arguments
        // ("order_id = 4242424242424242", "CALL archive(2024010100)"): a
        // mask there would change what the statement means.
        auto bare = [](std::string_view raw) {
            return std::all_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        // The column of a bare number: the one it is compared with, else the
        // one an INSERT's column list gives it ("VALUES ('Cy', 2125550199)").
        const size_t code_at = static_cast<size_t>(code.data() - sql.data());
        auto column_of = [&](size_t b, size_t e) {
            std::string column = compared_column(code.substr(0, b));
            if (column.empty()) column = insert_value_columns(sql, {{code_at + b, code_at + e}}).front();
            return column;
        };
        std::vector<std::pair<std::pair<size_t, size_t>, std::string>> replacements;
        for (const tde::core::Detection &d : anon.detectors.detect(visible)) {
            const std::string_view raw = code.substr(d.begin, d.end - d.begin);
            if (bare(raw) && d.type == tde::core::PiiType::Phone && phone_column_kind(column_of(d.begin, d.end)) != 2)
                continue;
            if (bare(raw) && d.type == tde::core::PiiType::CreditCard &&
                !card_name(compared_column(code.substr(0, d.begin))))
                continue;
            // A number's mask becomes a string constant ('XXX-XXX-4567'), not
            // an expression of columns named XXX.
            std::string mask = tde::core::PiiAnonymizer::replacement(d.type, raw, anon.key);
            if (d.type != tde::core::PiiType::Email && d.type != tde::core::PiiType::IPv6) mask = quoted(mask);
            replacements.push_back({{d.begin, d.end}, std::move(mask)});
        }
        // Numbers compared with a phone column that no detector takes for one
        // (invalid, or of a region not configured).
        for (size_t i = 0; i < visible.size();) {
            if (!std::isdigit(static_cast<unsigned char>(visible[i]))) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < visible.size() && std::isdigit(static_cast<unsigned char>(visible[j]))) ++j;
            const bool token = (i == 0 || !(std::isalnum(static_cast<unsigned char>(visible[i - 1])) ||
                                            visible[i - 1] == '_' || visible[i - 1] == '.' || visible[i - 1] == '$')) &&
                               (j == visible.size() || !(std::isalnum(static_cast<unsigned char>(visible[j])) ||
                                                         visible[j] == '_' || visible[j] == '.'));
            if (token && j - i >= 7 && j - i <= 15 &&
                std::none_of(replacements.begin(), replacements.end(),
                             [&](const auto &r) { return r.first.first < j && i < r.first.second; }) &&
                phone_column_kind(column_of(i, j)) == 2)
                replacements.push_back({{i, j}, quoted(tde::core::PiiAnonymizer::replacement(
                                                    tde::core::PiiType::Phone, code.substr(i, j - i), anon.key))});
            i = j;
        }
        std::sort(replacements.begin(), replacements.end());
        size_t at = 0;
        for (const auto &[span, text] : replacements) {
            if (span.first < at) continue;
            out.append(code.substr(at, span.first - at));
            out.append(text);
            at = span.second;
            changed = true;
        }
        out.append(code.substr(at));
    };
    const std::vector<std::string> insert_columns = insert_value_columns(sql, spans);
    // The column compared with a literal: before it ("phone = '...'"), else
    // after it ("'...' = phone"; past the closing quote).
    auto compared_or_after = [&](std::string_view before, size_t literal_end) {
        std::string column = compared_column(before);
        if (column.empty() && literal_end < sql.size())
            column = tde::core::column_compared_after(sql.substr(literal_end + 1));
        return column;
    };
    for (size_t span_index = 0; span_index < spans.size(); ++span_index) {
        const size_t begin = spans[span_index].first, end = spans[span_index].second;
        if (begin < pos || end > sql.size()) continue;
        append_code(sql.substr(pos, begin - pos));
        const std::string_view in = sql.substr(begin, end - begin);
        const bool chained = list_kind != nullptr && begin >= list_end && list_gap(sql.substr(list_end, begin - list_end));
        // The surroundings as already anonymized (the text before the literal
        // in `out`): a second pass over the output then sees the same
        // context as this one (a long address shrunk to its token must not
        // bring a keyword into the window only then).
        // The column compared with the literal, or given it by an INSERT's
        // column list, when there is one: it says what the value is (a
        // version: "app_version = '1.2.3.4'" stays; a phone number: "phone =
        // '0612345678'" is one, whatever its region or validity) and is the
        // literal's whole context ("ssn IN ('123456789', ...)"; "order_ref =
        // '4155550123'" is no phone number, whatever tables are named).
        // (Read only for values it can change: dotted quads, phone-shaped
        // values, and values whose context the detectors ask for.)
        // (A LIKE pattern's wildcards around the value, "phone LIKE
        // '%2125550123%'", are no part of it.)
        const size_t core_begin = std::min(in.find_first_not_of("%*"), in.size());
        const size_t core_end = std::max(in.find_last_not_of("%*") + 1, core_begin);
        const std::string_view core = in.substr(core_begin, core_end - core_begin);
        const bool column_matters = in.size() <= 40 && (dotted_quad_only(in) || phone_shaped_literal(core) ||
                                                        Anonymization::has_long_digit_run(in));
        const std::string column = !column_matters                         ? std::string()
                                   : !insert_columns[span_index].empty() ? insert_columns[span_index]
                                                                         : compared_or_after(out, end);
        auto context_of = [&] {
            std::string context;
            if (!column.empty()) {
                context = column + ": ";
                // A column that is no phone column does not make its value a
                // phone number by the words in its name ("phone_count",
                // "mobile_user"): they are left out of the context.
                if (phone_column_kind(column) == 0) context = tde::core::without_phone_words(column) + ": ";
            } else {
                const size_t context_begin = out.size() > kLiteralContext ? out.size() - kLiteralContext : 0;
                context.assign(out, context_begin);
                // Column names are looked for further back (an INSERT's
                // column list before several rows of values).
                const size_t mention_begin = out.size() > kMentionWindow ? out.size() - kMentionWindow : 0;
                mention_columns(std::string_view(out).substr(mention_begin), context);
            }
            if (chained) (context += ' ') += list_kind, context += ": ";
            return context;
        };
        const Named named = named_value(anon.detectors, column, in);
        const bool wildcards = !column.empty() && core.size() < in.size();
        if (named == Named::Version) {
            piece.assign(in);
        } else if (named == Named::Phone) {
            piece = tde::core::PiiAnonymizer::replacement(tde::core::PiiType::Phone, in, anon.key);
            changed = changed || piece != in;
        } else if (wildcards && named_value(anon.detectors, column, core) == Named::Phone) {
            piece.assign(in.substr(0, core_begin));
            piece += tde::core::PiiAnonymizer::replacement(tde::core::PiiType::Phone, core, anon.key);
            piece += in.substr(core_end);
            changed = true;
        } else if (anon.apply_in_context(context_of, in, piece)) {
            changed = true;
            keep_inside_literal(in, piece);
            quote_json_masks(in, piece, begin > 0 ? sql[begin - 1] : '\0');
        }
        // A literal that is (now) wholly an SSN's or a phone number's mask,
        // however it was written ('123456789', '(212) 555-0100', an earlier
        // pass's 'XXX-XX-7816'): the next literals of its list are read as such.
        auto whole_mask = [&](std::string_view prefix, size_t size) {
            return piece.size() == size && piece.compare(0, prefix.size(), prefix) == 0 &&
                   std::all_of(piece.begin() + static_cast<std::ptrdiff_t>(prefix.size()), piece.end(),
                               [](char c) { return c >= '0' && c <= '9'; });
        };
        if (whole_mask("XXX-XX-", 11)) list_kind = "ssn";
        else if (whole_mask("XXX-XXX-", 12)) list_kind = "phone";
        else if (!chained) list_kind = nullptr;
        list_end = end;
        out.append(piece);
        pos = end;
    }
    append_code(sql.substr(pos));
    return changed;
}

// Spans cut at backslash escapes the way PostgreSQL's E'' strings read them
// (\n, \x41, \u00e9, \101): for text whose dialect is not known for sure, so
// that no value glues to an escape's letters or hex digits and no
// replacement eats into an escape (which would change or break it).
std::vector<std::pair<size_t, size_t>> cut_at_escapes(std::string_view sql,
                                                      const std::vector<std::pair<size_t, size_t>> &spans) {
    std::vector<std::pair<size_t, size_t>> out;
    out.reserve(spans.size());
    for (const auto &span : spans) tde::core::split_at_pg_escapes_resuming(sql, span, out);
    return out;
}

// `sql` with personal data inside its string literals and comments
// anonymized (identifiers and the statement's shape untouched); false when
// nothing changed. When PostgreSQL's scanner rejected the text (bad SQL, or
// another dialect's), or the pair names a database type the extension has no
// lexer for (oracle, bigquery, ...), the literals of the other dialects are
// anonymized too, one pass each (MySQL "..." strings, backslash escapes and #
// comments; SQL Server [..] names that contain quotes): a text whose dialect
// is not known for sure must not leak what one of them reads as a string.
// SQL without a database type is read as PostgreSQL's (its "..." are names).
bool anonymize_sql_literals_once(const Anonymization &anon, std::string_view sql, tde::core::SqlDialect dialect,
                                 bool named_other_dialect, std::string &out, bool *several_passes) {
    // Nothing in the whole text that a detector could find: no literal holds
    // any, so the scan is skipped (the common case: SQL with short numbers).
    if (anon.rules.empty() && !tde::core::may_hold_pii(sql)) return false;
    // No quote, dollar, comment or MySQL-string character: no literal to
    // scan, only the code.
    if (sql.find_first_of("'\"$-/#`[") == std::string_view::npos)
        return anonymize_spans(anon, sql, {}, out, /*code_too=*/true,
                               /*double_quoted_names=*/double_quotes_name(dialect));
    // Prose around the SQL ("Here's the query: SELECT ... WHERE email =
    // '...'"): an apostrophe in the prose may shift every quote pair, and the
    // prose itself is free text. Such text gets every dialect's literal
    // passes and then the detectors over the whole text.
    const bool prose = !tde::core::starts_like_sql(sql, dialect);
    bool scanned = true;
    std::vector<std::pair<size_t, size_t>> spans = tde::pg::literal_spans(sql, dialect, &scanned);
    if (named_other_dialect) spans = cut_at_escapes(sql, spans);
    bool changed = anonymize_spans(anon, sql, spans, out, /*code_too=*/true,
                                   /*double_quoted_names=*/double_quotes_name(dialect));
    // Text filed without a type, or as PostgreSQL's, where a standard string
    // ends in a backslash may be MySQL's ('O\'Brien'): PostgreSQL's scanner
    // reads its quotes out of phase without rejecting it. (E'...' strings are
    // cut at their escapes: none of their spans ends in one.)
    const bool mysql_escapes =
        (dialect == tde::core::SqlDialect::Unknown || dialect == tde::core::SqlDialect::PostgreSQL) &&
        std::any_of(spans.begin(), spans.end(), [&](const std::pair<size_t, size_t> &span) {
            return span.second > span.first && span.second < sql.size() && sql[span.second - 1] == '\\' &&
                   sql[span.second] == '\'';
        });
    std::string current, next;
    const bool unsure = !scanned || named_other_dialect || prose || mysql_escapes;
    if (!unsure) return changed;
    *several_passes = true;
    // Oracle's q'[...]' strings only where the text has one.
    const bool q_quotes = [&] {
        for (size_t p = sql.find('\''); p != std::string_view::npos; p = sql.find('\'', p + 1))
            if (p > 0 && (sql[p - 1] == 'q' || sql[p - 1] == 'Q') &&
                (p == 1 || !std::isalnum(static_cast<unsigned char>(sql[p - 2])) || sql[p - 2] == 'n' ||
                 sql[p - 2] == 'N'))
                return true;
        return false;
    }();
    for (tde::core::SqlDialect other : {tde::core::SqlDialect::MySQL, tde::core::SqlDialect::SQLServer,
                                        tde::core::SqlDialect::Oracle}) {
        if (other == tde::core::SqlDialect::Oracle && (!q_quotes || dialect == other)) continue;
        current = changed ? out : std::string(sql);
        if (anonymize_spans(anon, current, cut_at_escapes(current, tde::core::sql_literal_spans(current, other)), next)) {
            out.swap(next);
            changed = true;
        }
    }
    if (prose) {
        current = changed ? out : std::string(sql);
        if (anon.apply(current, next)) {
            out.swap(next);
            changed = true;
        }
    }
    return changed;
}

// anonymize_sql_literals_once() until nothing changes when it took several
// passes: a later pass shortens text before a literal that an earlier pass
// read in context, so its output may not be a fixed point after one round.
bool anonymize_sql_literals(const Anonymization &anon, std::string_view sql, tde::core::SqlDialect dialect,
                            bool named_other_dialect, std::string &out) {
    bool several = false;
    if (!anonymize_sql_literals_once(anon, sql, dialect, named_other_dialect, out, &several)) return false;
    std::string next;
    for (int round = 0; several && round < 3; ++round) {
        several = false;
        if (!anonymize_sql_literals_once(anon, out, dialect, named_other_dialect, next, &several)) break;
        out.swap(next);
    }
    return true;
}

// A database_type naming a dialect without a lexer of its own ("oracle",
// "bigquery"), as opposed to none at all (NULL, "", "unknown", "sql").
bool named_other_dialect(tde::core::SqlDialect dialect, std::string_view database_type) {
    if (dialect != tde::core::SqlDialect::Unknown) return false;
    // Compared without blanks and case, without allocating (runs per row).
    auto same = [&](std::string_view word) {
        size_t w = 0;
        for (char c : database_type) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            if (w == word.size() || std::tolower(static_cast<unsigned char>(c)) != word[w]) return false;
            ++w;
        }
        return w == word.size();
    };
    for (std::string_view none : {"", "unknown", "sql", "ansi", "ansisql", "other", "generic", "none", "null"})
        if (same(none)) return false;
    return true;
}

// Result buffer of anonymize_for_c(), reused; static so that no C++ object
// with a destructor lives on the stack of the C-style jsonb walker.
std::string &scratch() {
    static std::string buffer;
    return buffer;
}

// Called from C-style code: never throws. Returns 1 when `scratch()` holds a
// changed value, 0 when unchanged, -1 on failure.
// Called from C-style code: never throws. True when a JSON number under this
// key may be personal data (a phone, card or SSN key): only those numbers are
// read as text.
bool number_key_for_c(const char *key, size_t key_len) noexcept {
    try {
        if (key == nullptr) return false;
        const std::string name = snake_lower(std::string_view(key, key_len));
        return phone_column_kind(name) == 2 || card_name(name) || ssn_name(name);
    } catch (...) {
        return false;
    }
}

// Called from C-style code: never throws. True when a key says nothing of
// its own about the number under it, so that an enclosing phone, card or SSN
// key does ({"phone": {"home": 2125550100}}, {"card": {"primary": ...}}):
// kinds of a number (home, work, mobile, primary, ...) and item numbers
// ("1", "phone2"), not ids, counts or times ({"phone": {"verified_at": ...}}).
bool neutral_key_for_c(const char *key, size_t key_len) noexcept {
    try {
        return key == nullptr || tde::core::number_kind_name(snake_lower(std::string_view(key, key_len)));
    } catch (...) {
        return false;
    }
}

// `numeric`: the value is a JSON number's text.
int anonymize_for_c(const Anonymization *a, const char *own_key, size_t own_key_len, const char *key, size_t key_len,
                    const char *data, size_t len, bool numeric) noexcept {
    try {
        std::string_view value(data, len);
        const std::string name = own_key != nullptr ? snake_lower(std::string_view(own_key, own_key_len)) : std::string();
        const Named named = named_value(a->detectors, name, value);
        // {"app_version": "1.2.3.4"} is a version.
        if (named == Named::Version) return 0;
        if (numeric) {
            // (A whole number written as a float, "2125550100.0", as tools
            // that store phone numbers in float columns write them.)
            const size_t dot = value.find('.');
            if (dot != std::string_view::npos && dot > 0 &&
                std::all_of(value.begin() + dot + 1, value.end(), [](char c) { return c == '0'; }))
                value = value.substr(0, dot);
            const bool integer = std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            // A number is personal data only where its own key says so:
            // {"phone": 2125550100}, {"msisdn": 33612345678}, {"card_number":
            // 4111111111111111}, {"ssn": 123456789}; counts and ids stay.
            if (phone_column_kind(name) == 2 && integer && (value.size() >= 10 || a->detectors.phone_like(value, true))) {
                scratch() = tde::core::PiiAnonymizer::replacement(tde::core::PiiType::Phone, value, a->key);
                return 1;
            }
            const bool card = card_name(name);
            const bool ssn = ssn_name(name);
            if (!integer || (!card && !ssn)) return 0;
            auto context_of = [&] { return std::string(card ? "card: " : "ssn: "); };
            return a->apply_in_context(context_of, value, scratch()) ? 1 : 0;
        }
        // A value whose own key names a phone number ({"phone": "0612345678"},
        // {"mobilePhone": ...}) is one when written like one, in any format
        // ({"mobile": ...}, {"cell": ...}: when written the way phone numbers are).
        if (named == Named::Phone) {
            scratch() = tde::core::PiiAnonymizer::replacement(tde::core::PiiType::Phone, value, a->key);
            return scratch() != value ? 1 : 0;
        }
        if (key == nullptr) return a->apply(value, scratch()) ? 1 : 0;
        auto context_of = [&] { return std::string(key, key_len) + ": "; };
        return a->apply_in_context(context_of, value, scratch()) ? 1 : 0;
    } catch (...) {
        return -1;
    }
}

constexpr int kMaxMetadataDepth = 100;

// A copy of `in` with every string value (not key) anonymized, or nullptr
// when nothing changed. C-style: may ERROR, holds no C++ objects.
Jsonb *anonymize_jsonb_strings(Jsonb *in, const Anonymization *a) {
    JsonbIterator *it = JsonbIteratorInit(&in->root);
    JsonbParseState *state = nullptr;
    JsonbValue v;
    JsonbValue *result = nullptr;
    bool changed = false;
    JsonbIteratorToken tok;
    // The key of the innermost object member holding a value: its context
    // ({"ssn": "..."}, {"phones": ["...", "..."]}, {"ssn": [{"n": 1}, "..."]}).
    // Containers save the key in force where they begin and restore it
    // where they end (a palloc'd stack: no C++ object lives here).
    const char *key = nullptr;
    size_t key_len = 0;
    struct SavedKey {
        const char *key;
        size_t len;
    };
    int depth = 0, capacity = 16;
    auto *saved = static_cast<SavedKey *>(palloc(sizeof(SavedKey) * static_cast<size_t>(capacity)));
    while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE) {
        if (tok == WJB_KEY && v.type == jbvString) {
            key = v.val.string.val;
            key_len = static_cast<size_t>(v.val.string.len);
        } else if (tok == WJB_BEGIN_OBJECT || tok == WJB_BEGIN_ARRAY) {
            // Deeper than any real metadata, and than common JSON readers
            // take (Python's json stops near 1,000): refused.
            if (depth >= kMaxMetadataDepth)
                ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                                errmsg("metadata is nested too deeply (at most %d levels)", kMaxMetadataDepth)));
            if (depth == capacity) {
                capacity *= 2;
                saved = static_cast<SavedKey *>(repalloc(saved, sizeof(SavedKey) * static_cast<size_t>(capacity)));
            }
            saved[depth++] = SavedKey{key, key_len};
        } else if ((tok == WJB_END_OBJECT || tok == WJB_END_ARRAY) && depth > 0) {
            --depth;
            key = saved[depth].key;
            key_len = saved[depth].len;
        }
        // A number with a long run of digits under a phone, card or SSN key,
        // its own or an enclosing one ({"card": 4111111111111111}, {"phone":
        // {"home": 2125550100}}), is read as its text; when that changes, the
        // value becomes the (masked) string.
        Numeric numeric = nullptr;
        const char *number_key = nullptr;
        size_t number_key_len = 0;
        if ((tok == WJB_VALUE || tok == WJB_ELEM) && v.type == jbvNumeric) {
            if (number_key_for_c(key, key_len)) {
                number_key = key;
                number_key_len = key_len;
            }
            const bool neutral = number_key == nullptr && neutral_key_for_c(key, key_len);
            for (int i = depth - 1; neutral && i >= 0 && number_key == nullptr; --i)
                if (saved[i].key != nullptr && number_key_for_c(saved[i].key, saved[i].len)) {
                    number_key = saved[i].key;
                    number_key_len = saved[i].len;
                }
        }
        if (number_key != nullptr) {
            char *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v.val.numeric)));
            if (Anonymization::has_long_digit_run(std::string_view(text))) {
                numeric = v.val.numeric;
                v.type = jbvString;
                v.val.string.val = text;
                v.val.string.len = static_cast<int>(std::strlen(text));
            }
        }
        if ((tok == WJB_VALUE || tok == WJB_ELEM) && v.type == jbvString) {
            // A bare number's context is the whole key path ({"phone": {"home":
            // "2125550100"}} reads "phone home"); other values need none.
            const char *context = key;
            size_t context_len = key_len;
            if (depth > 1 && Anonymization::has_long_digit_run(
                                 std::string_view(v.val.string.val, static_cast<size_t>(v.val.string.len)))) {
                StringInfoData path;
                initStringInfo(&path);
                for (int i = 0; i < depth; ++i)
                    if (saved[i].key != nullptr) {
                        appendBinaryStringInfo(&path, saved[i].key, static_cast<int>(saved[i].len));
                        appendStringInfoChar(&path, ' ');
                    }
                if (key != nullptr) appendBinaryStringInfo(&path, key, static_cast<int>(key_len));
                context = path.data;
                context_len = static_cast<size_t>(path.len);
            }
            int rc = anonymize_for_c(a, numeric != nullptr ? number_key : key, numeric != nullptr ? number_key_len : key_len,
                                     context, context_len, v.val.string.val, static_cast<size_t>(v.val.string.len),
                                     numeric != nullptr);
            if (rc < 0) ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR), errmsg("could not anonymize metadata")));
            if (rc == 1) {
                const std::string &out = scratch();
                v.val.string.len = static_cast<int>(out.size());
                v.val.string.val = pnstrdup(out.data(), out.size());
                changed = true;
            } else if (numeric != nullptr) {
                v.type = jbvNumeric;  // unchanged: stays the number it was
                v.val.numeric = numeric;
            }
        }
        bool is_scalar_token = tok == WJB_KEY || tok == WJB_VALUE || tok == WJB_ELEM;
        result = pushJsonbValue(&state, tok, is_scalar_token ? &v : nullptr);
    }
    if (!changed) return nullptr;
    // A top-level scalar is stored as a one-element "raw scalar" array.
    if (result->type == jbvArray && JB_ROOT_IS_SCALAR(in)) result->val.array.rawScalar = true;
    return JsonbValueToJsonb(result);
}

}  // namespace

TDE_FUNCTION(tde_pairs_before_write) {
    if (!CALLED_AS_TRIGGER(fcinfo))
        throw tde::core::Error("39P01", "tde_pairs_before_write() must be called as a trigger");
    auto *trigdata = reinterpret_cast<TriggerData *>(fcinfo->context);
    TriggerEvent event = trigdata->tg_event;
    if (!TRIGGER_FIRED_BEFORE(event) || !TRIGGER_FIRED_FOR_ROW(event) ||
        !(TRIGGER_FIRED_BY_INSERT(event) || TRIGGER_FIRED_BY_UPDATE(event)))
        throw tde::core::Error("39P01",
                               "tde_pairs_before_write() must fire BEFORE INSERT OR UPDATE FOR EACH ROW");

    Relation rel = trigdata->tg_relation;
    TupleDesc desc = RelationGetDescr(rel);
    HeapTuple tuple = TRIGGER_FIRED_BY_UPDATE(event) ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
    PairColumns cols = find_columns(fcinfo, rel);

    RowColumns row = pg_guard([&] {
        RowColumns r{static_cast<Datum *>(palloc(sizeof(Datum) * desc->natts)),
                     static_cast<bool *>(palloc(sizeof(bool) * desc->natts))};
        heap_deform_tuple(tuple, desc, r.values, r.isnull);
        return r;
    });
    // Read before anything is replaced: the SQL and its database type as given.
    std::string_view sql;
    std::string_view database_type;
    if (!text_column(row, cols.sql, sql)) sql = std::string_view();
    if (!text_column(row, cols.database_type, database_type)) database_type = std::string_view();
    bool changed_any = false;
    auto set_column = [&](int attnum, Datum value, bool isnull) {
        row.values[attnum - 1] = value;
        row.isnull[attnum - 1] = isnull;
        changed_any = true;
    };

    Memo &m = memo();
    std::optional<Anonymization> anon_holder;
    if (tde::pg::anonymize_enabled) {
        Oid nsp = RelationGetNamespace(rel);
        anon_holder.emplace(Anonymization{anonymizer(), tde::pg::current_secret(nsp), tde::pg::current_rules(nsp)});
        m.sync_anonymization(anonymizer_generation, tde::pg::secret_generation(), tde::pg::rules_generation());
    }
    const Anonymization *anon = anon_holder ? &*anon_holder : nullptr;
    if (anon != nullptr) {
        std::string_view question;
        std::string anonymized;
        if (text_column(row, cols.question, question) && anon->apply(question, anonymized))
            set_column(cols.question, text_datum(anonymized), false);
        std::string_view database_name;
        if (text_column(row, cols.database_name, database_name) && !database_name.empty()) {
            const std::string *token = m.database_name.find(database_name);
            std::string computed;
            if (token == nullptr) {
                computed = tde::core::anonymize_database_name(database_name, anon->key);
                token = m.database_name.put(database_name, computed, computed.size());
                if (token == nullptr) token = &computed;
            }
            if (*token != database_name) set_column(cols.database_name, text_datum(*token), false);
        }
        // database_type is free text too (an address typed into it must not
        // reach disk); its dialect is read from the value as given.
        std::string database_type_out;
        if (!row.isnull[cols.database_type - 1] && anon->apply(database_type, database_type_out))
            set_column(cols.database_type, text_datum(database_type_out), false);
        const Datum metadata = row.values[cols.metadata - 1];
        Jsonb *jb = row.isnull[cols.metadata - 1] ? nullptr : pg_guard([&] { return DatumGetJsonbP(metadata); });
        if (jb != nullptr && JB_ROOT_COUNT(jb) > 0) {  // '{}' (the usual case) has nothing to walk
            Jsonb *changed = pg_guard([&] { return anonymize_jsonb_strings(jb, anon); });
            if (changed != nullptr) set_column(cols.metadata, PointerGetDatum(changed), false);
        }
    }

    tde::core::SqlDialect dialect = tde::core::dialect_from_database_type(database_type);

    std::string anonymized_sql;
    if (anon != nullptr && tde::pg::anonymize_sql_literals && !sql.empty()) {
        const bool other_dialect = named_other_dialect(dialect, database_type);
        const std::string_view key = m.sql_key(dialect, sql, other_dialect);  // valid until the next sql_key()
        const std::optional<std::string> *hit = m.sql_literals.find(key);
        bool changed;
        if (hit != nullptr) {
            changed = hit->has_value();
            if (changed) anonymized_sql = **hit;
        } else {
            changed = anonymize_sql_literals(*anon, sql, dialect, other_dialect, anonymized_sql);
            if (changed)
                m.sql_literals.put(key, anonymized_sql, anonymized_sql.size());
            else
                m.sql_literals.put(key, std::nullopt, 0);
        }
        if (changed) {
            set_column(cols.sql, text_datum(anonymized_sql), false);
            sql = anonymized_sql;
        }
    }

    if (tde::pg::derive_sql_info) {
        const std::string_view key = m.sql_key(dialect, sql);
        const tde::pg::DerivedSql *cached = m.derived.find(key);
        tde::pg::DerivedSql computed;
        if (cached == nullptr) {
            computed = tde::pg::derive_sql(sql, dialect);
            cached = m.derived.put(key, computed, derived_bytes(computed));
            if (cached == nullptr) cached = &computed;
        }
        const tde::pg::DerivedSql &derived = *cached;
        set_column(cols.query_type, text_datum(derived.query_type), false);
        set_column(cols.table_names, text_array_datum(derived.table_names), false);
        if (cols.fingerprint > 0)
            set_column(cols.fingerprint, derived.fingerprint.empty() ? 0 : text_datum(derived.fingerprint),
                       derived.fingerprint.empty());
        if (cols.normalized > 0)
            set_column(cols.normalized, derived.normalized.empty() ? 0 : text_datum(derived.normalized),
                       derived.normalized.empty());
        if (cols.valid > 0) set_column(cols.valid, BoolGetDatum(derived.valid == 1), derived.valid < 0);
    } else if (anon != nullptr) {
        // Derived columns given as they are (a bulk load of rows derived
        // before): no raw value reaches disk through them either. The
        // normalized SQL is SQL (its literals and comments are anonymized like
        // sql_query's); query_type is free text.
        std::string_view given;
        std::string out;
        if (cols.normalized > 0 && text_column(row, cols.normalized, given) && !given.empty() &&
            tde::pg::anonymize_sql_literals &&
            anonymize_sql_literals(*anon, given, dialect, named_other_dialect(dialect, database_type), out))
            set_column(cols.normalized, text_datum(out), false);
        if (text_column(row, cols.query_type, given) && anon->apply(given, out))
            set_column(cols.query_type, text_datum(out), false);
    }
    if (!changed_any) return PointerGetDatum(tuple);

    // What heap_modify_tuple_by_cols() does, without deforming the row again.
    HeapTuple result = pg_guard([&] {
        HeapTuple formed = heap_form_tuple(desc, row.values, row.isnull);
        formed->t_data->t_ctid = tuple->t_data->t_ctid;
        formed->t_self = tuple->t_self;
        formed->t_tableOid = tuple->t_tableOid;
        return formed;
    });
    return PointerGetDatum(result);
}
