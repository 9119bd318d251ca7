// SQL analyzer: a dialect-aware lexer (Lexer) turns the text into tokens,
// the token stream is split into statements at ';', and StatementAnalyzer
// applies keyword rules to each statement. See sql_analyzer.hpp.
#include "core/sql_analyzer.hpp"

#include "core/keyed_hash.hpp"


#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace tde::core {
namespace {

// ---------------------------------------------------------------------------
// Character helpers (ASCII only; bytes >= 0x80 count as identifier letters,
// but for the Unicode spaces of unicode_space()).

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_word_start(unsigned char c) { return is_alpha(c) || c == '_' || c >= 0x80; }
bool is_word_char(unsigned char c) { return is_word_start(c) || is_digit(c) || c == '$'; }

// Bytes of the Unicode space character (White_Space: U+0085, U+00A0, U+1680,
// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) in UTF-8 at s[i], or
// 0. SQL copied from web pages, chat tools and word processors carries
// no-break and thin spaces between its words; every dialect's own scanner
// would read them as identifier letters ("SELECT\u00a0*" as one word), but no
// one writes them inside a name, so the analyzer takes them for blanks. So
// are the invisible word breaks that the same tools leave (U+200B zero width
// space, U+2060 word joiner, U+FEFF zero width no-break space); U+200C and
// U+200D, which join letters inside Persian, Indic and emoji text, are not.
size_t unicode_space(std::string_view s, size_t i) {
    auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    const unsigned char c = at(0);
    if (c == 0xC2) return at(1) == 0xA0 || at(1) == 0x85 ? 2 : 0;
    if (c == 0xE1) return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0;
    if (c == 0xE3) return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;
    if (c == 0xEF) return at(1) == 0xBB && at(2) == 0xBF ? 3 : 0;
    if (c != 0xE2) return 0;
    if (at(1) == 0x80) {
        const unsigned char d = at(2);
        return (d >= 0x80 && d <= 0x8B) || d == 0xA8 || d == 0xA9 || d == 0xAF ? 3 : 0;
    }
    return at(1) == 0x81 && (at(2) == 0x9F || at(2) == 0xA0) ? 3 : 0;
}

// Bytes of an invisible word break at s[i] (U+200B, U+2060, U+FEFF), or 0.
// Inside a word (between two of its letters) it is dropped, not a blank:
// `customer_\u200Border_items` is one name.
size_t zero_width_break(std::string_view s, size_t i) {
    if (i + 2 >= s.size()) return 0;
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (b(0) == 0xE2 && ((b(1) == 0x80 && b(2) == 0x8B) || (b(1) == 0x81 && b(2) == 0xA0))) return 3;
    return b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF ? 3 : 0;
}

// The ASCII punctuation that a fullwidth form at s[i] stands for (U+FF1B
// '；', U+FF0C '，', U+FF08 '（', U+FF09 '）': what an East Asian input
// method types), or 0. No one means them as letters of a name: `FROM users；`
// ends a statement.
char fullwidth_punct(std::string_view s, size_t i) {
    if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xEF || static_cast<unsigned char>(s[i + 1]) != 0xBC)
        return 0;
    switch (static_cast<unsigned char>(s[i + 2])) {
        case 0x9B: return ';';
        case 0x8C: return ',';
        case 0x88: return '(';
        case 0x89: return ')';
        default: return 0;
    }
}

// Length of the opening of a MySQL executable comment at s[i] (`/*!`, with
// up to six version digits: `/*!40101`; MariaDB `/*M!100100`), or 0.
size_t mysql_exec_comment(std::string_view s, size_t i) {
    if (s.compare(i, 3, "/*!") != 0 && s.compare(i, 4, "/*M!") != 0) return 0;
    size_t j = i + (s[i + 2] == '!' ? 3 : 4);
    for (int k = 0; k < 6 && j < s.size() && is_digit(static_cast<unsigned char>(s[j])); ++k) ++j;
    return j - i;
}

std::string ascii_upper(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view k : list)
        if (w == k) return true;
    return false;
}

// PostgreSQL's U&"..." escapes undone: \XXXX and \+XXXXXX code points (a
// UTF-16 surrogate pair as two \XXXX), a doubled escape character for itself
// (`esc`: the UESCAPE character, '\\' by default). An escape that is not
// well formed is kept as written.
std::string unicode_unescape(std::string_view in, char esc) {
    auto hex = [&](size_t at, size_t n, unsigned long &v) {
        if (at + n > in.size()) return false;
        v = 0;
        for (size_t k = at; k < at + n; ++k) {
            const unsigned char h = static_cast<unsigned char>(in[k]);
            const int d = is_digit(h) ? h - '0' : ((h | 0x20) >= 'a' && (h | 0x20) <= 'f') ? (h | 0x20) - 'a' + 10 : -1;
            if (d < 0) return false;
            v = v * 16 + static_cast<unsigned long>(d);
        }
        return true;
    };
    auto put = [](std::string &o, unsigned long cp) {
        if (cp < 0x80) {
            o.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            o.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            o.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            o.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            o.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    };
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        unsigned long cp = 0, lo = 0;
        if (in[i] != esc) {
            out.push_back(in[i++]);
        } else if (i + 1 < in.size() && in[i + 1] == esc) {
            out.push_back(esc);
            i += 2;
        } else if (i + 1 < in.size() && in[i + 1] == '+' && hex(i + 2, 6, cp) && cp != 0 && cp <= 0x10FFFF &&
                   (cp < 0xD800 || cp > 0xDFFF)) {
            put(out, cp);
            i += 8;
        } else if (hex(i + 1, 4, cp) && cp >= 0xD800 && cp <= 0xDBFF && i + 5 < in.size() && in[i + 5] == esc &&
                   hex(i + 6, 4, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            put(out, 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00));
            i += 10;
        } else if (hex(i + 1, 4, cp) && cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
            put(out, cp);
            i += 5;
        } else {
            out.push_back(in[i++]);
        }
    }
    return out;
}

size_t markdown_fence_line(std::string_view s, size_t from);
bool fence_tagged(std::string_view s, size_t q);
bool prose_around_fence(std::string_view t);

// ---------------------------------------------------------------------------
// Tokens and lexer.

enum class TokKind { Word, Ident, String, Number, Punct, Separator, Comment };

struct Token {
    TokKind kind;
    std::string text;   // Word, Number: as written; Ident: inner text, escapes undone; Punct: the char
    std::string upper;  // Word only: ASCII upper-case, for keyword comparison
    size_t begin = 0, end = 0;    // the whole token in the input
    size_t cbegin = 0, cend = 0;  // String / Ident / Comment: the content (no quotes, prefix or markers)
    EscapeStyle escapes = EscapeStyle::None;  // String: how its content escapes characters
    bool unterminated = false;                // Ident: no closing delimiter (runs to the end)
};

class Lexer {
public:
    // With `comments`, comments become Comment tokens (the analyzer skips them).
    // With `unknown_fallback`, an Unknown dialect (text that PostgreSQL's parser
    // rejected) is read the way other dialects write what PostgreSQL does not:
    // T-SQL [names] and #temp tables, MySQL/BigQuery/Hive # comments (the
    // analyzer's table names only: fingerprints and literal spans keep
    // PostgreSQL's reading of `[` and `#`).
    Lexer(std::string_view sql, SqlDialect dialect, bool comments = false, bool unknown_fallback = false)
        : s_(sql), d_(dialect), comments_(comments), unknown_fallback_(unknown_fallback) {}

    // Unknown dialect (fallback): read '...' with MySQL's backslash escapes.
    void use_backslash_escapes() { backslash_fallback_ = true; }
    // A '...' string ran to the end of the text (after run()).
    bool unterminated_string() const { return unterminated_string_; }
    // A '...' string without backslash escapes ended in a backslash glued to
    // a word after it ('O\'Brien': "O\", then Brien) or ran to the end: a
    // reading with backslash escapes may be the one meant.
    bool backslash_suspect() const { return backslash_suspect_ || unterminated_string_; }

    std::vector<Token> run() {
        if (s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;  // a byte-order mark
        // Prose before a Markdown code fence ("Here's the query:\n```sql\n...",
        // a chat model's answer): the SQL starts after the fence. Analyzer only.
        if (!comments_) {
            const size_t fence = s_.find("```", i_) == std::string_view::npos ? std::string_view::npos
                                                                             : markdown_fence_line(s_, i_);
            // Before a fence with an info string (```sql) there is prose
            // whatever its first word ("Update: here is the fixed version"),
            // unless it is a statement ended by ';'.
            if (fence != std::string_view::npos) {
                const std::string_view before = s_.substr(i_, fence - i_);
                size_t last = before.find_last_not_of(" \t\r\n");
                const bool ends_statement = last != std::string_view::npos && before[last] == ';';
                if ((fence_tagged(s_, fence) && !ends_statement) || !starts_like_sql(before, d_) ||
                    prose_around_fence(before))
                    i_ = fence;
            }
        }
        while (i_ < s_.size()) step();
        return std::move(out_);
    }

private:
    bool pg_like() const { return d_ == SqlDialect::PostgreSQL || d_ == SqlDialect::Unknown; }
    bool fallback() const { return d_ == SqlDialect::Unknown && unknown_fallback_; }
    bool mysql() const { return d_ == SqlDialect::MySQL; }
    bool bigquery() const { return d_ == SqlDialect::BigQuery; }
    // '...' strings where a backslash escapes the next character.
    bool backslash_strings() const {
        return d_ == SqlDialect::MySQL || d_ == SqlDialect::BigQuery || d_ == SqlDialect::Snowflake ||
               (fallback() && backslash_fallback_);
    }
    // How a backslash string's escapes read (MySQL's \% and \_ keep the backslash).
    EscapeStyle backslash_style() const { return mysql() ? EscapeStyle::MySqlBackslash : EscapeStyle::PgBackslash; }
    bool backtick_idents() const {
        return d_ == SqlDialect::MySQL || d_ == SqlDialect::SQLite || d_ == SqlDialect::Unknown ||
               d_ == SqlDialect::BigQuery;
    }
    bool bracket_idents() const {
        return d_ == SqlDialect::SQLServer || d_ == SqlDialect::SQLite || fallback();
    }
    unsigned char peek(size_t off) const {
        return i_ + off < s_.size() ? static_cast<unsigned char>(s_[i_ + off]) : 0;
    }
    // A letter of a word at i_ + off (a Unicode space is a blank, not a letter).
    bool word_start_at(size_t off) const { return is_word_start(peek(off)) && unicode_space(s_, i_ + off) == 0; }
    // A token from start_ to i_; the content span is [cb_, ce_) (set by readers of quoted text).
    void push(TokKind kind, std::string text, EscapeStyle escapes = EscapeStyle::None, bool unterminated = false) {
        if (i_ > s_.size()) i_ = s_.size();
        out_.push_back(Token{kind, std::move(text), {}, start_, i_, cb_, ce_, escapes, unterminated});
    }
    void content(size_t b, size_t e) {
        cb_ = std::min(b, s_.size());
        ce_ = std::max(cb_, std::min(e, s_.size()));
    }

    void step();
    bool step_comment_or_quote(unsigned char c);
    void skip_line_comment(size_t marker);
    void skip_block_comment();
    void read_string(char quote, bool backslash, EscapeStyle unicode = EscapeStyle::None);
    void read_triple_quoted(char quote, bool raw);
    void read_oracle_q_quote();
    bool try_bigquery_string(unsigned char c);
    void read_ident(char close);
    bool try_dollar_quote();
    bool try_delimiter_command();
    // A DELIMITER's custom statement end at i_ (read even inside a word: `END$$`).
    // (Called for every byte: the flag spares a string compare.)
    bool at_delimiter() const { return custom_delimiter_ && s_.compare(i_, delimiter_.size(), delimiter_) == 0; }
    bool try_prefixed_string(unsigned char c);
    bool temp_table_position() const;
    void skip_copy_data();
    bool try_sqlplus_command();
    bool at_statement_line_start() const;
    bool try_psql_meta_command();
    bool try_sqlite_dot_command();
    bool try_markdown_fence();
    bool try_jinja();
    bool mysql_digit_identifier(size_t at) const;
    void read_word();
    void read_number();

    std::string_view s_;
    SqlDialect d_;
    bool comments_;
    bool unknown_fallback_;
    size_t i_ = 0;
    size_t start_ = 0;        // first byte of the token being read
    size_t cb_ = 0, ce_ = 0;  // its content span
    std::string delimiter_ = ";";  // what ends a statement (the mysql client's DELIMITER command)
    bool custom_delimiter_ = false;  // delimiter_ is not ";"
    bool exec_comment_ = false;      // inside a MySQL /*! ... */ (read as SQL)
    bool backslash_fallback_ = false;
    bool unterminated_string_ = false;
    bool backslash_suspect_ = false;
    bool fence_open_ = false;  // inside a Markdown code fence (try_markdown_fence)
    size_t next_fence_ = std::string_view::npos;  // the fence after prose skipped past a closing one
    size_t statement_first_ = 0;  // out_ index of the current statement's first token
    size_t meta_line_end_ = std::string_view::npos;  // where a psql \copy line ends
    std::vector<Token> out_;
};

// SQL*Plus commands in an Oracle script: PROMPT, REM[ARK], SPOOL, WHENEVER,
// [UN]DEFINE, ACCEPT, PAUSE and @file lines, which end at the line's end
// without a ';'. Like the mysql client's DELIMITER and T-SQL's GO they are no
// statements of the database: at a line's start where a statement begins
// (i_), the whole line is skipped. Analyzer only.
bool Lexer::at_statement_line_start() const {
    if (!out_.empty() && out_.back().kind != TokKind::Separator) return false;
    for (size_t k = i_; k > 0; --k) {
        const char b = s_[k - 1];
        if (b == '\n' || b == '\r') break;
        if (b != ' ' && b != '\t') return false;
    }
    return true;
}

// psql's meta-commands in a PostgreSQL script (\c db, \set x 1, \i file,
// \timing, ...) end at the line's end and are no SQL: at a line's start where
// a statement begins the line is skipped. \copy t FROM 'f' is COPY run by the
// client: it is read as `copy t FROM 'f'`, ended at the line's end. Analyzer
// only.
bool Lexer::try_psql_meta_command() {
    if (!at_statement_line_start()) return false;
    size_t e = i_ + 1;
    while (e < s_.size() && is_alpha(static_cast<unsigned char>(s_[e]))) ++e;
    size_t line_end = s_.find_first_of("\n\r", e);
    if (line_end == std::string_view::npos) line_end = s_.size();
    if (ascii_upper(s_.substr(i_ + 1, e - i_ - 1)) == "COPY") {
        ++i_;  // read on from `copy`
        meta_line_end_ = line_end;
    } else {
        i_ = line_end;
    }
    return true;
}

// The sqlite3 shell's dot-commands (.mode csv, .headers on, .tables, .open
// f.db, .read f.sql) in a SQLite script: client commands, no SQL, ended at the
// line's end. Like psql's, a line that starts with one where a statement
// begins is skipped (a '.' then a letter never starts SQL). Analyzer only.
bool Lexer::try_sqlite_dot_command() {
    if (!at_statement_line_start()) return false;
    const size_t line_end = s_.find_first_of("\n\r", i_);
    i_ = line_end == std::string_view::npos ? s_.size() : line_end;
    return true;
}

// The first line at or after `from` (a line's start) that is a Markdown code
// fence: ``` after blanks. Its ``` position, or npos.
// A backtick fence's info string holds no backtick (CommonMark): MySQL's
// ```weird``` at a line's start is a quoted name, no fence.
bool fence_at(std::string_view s, size_t q) {
    if (s.compare(q, 3, "```") != 0) return false;
    size_t k = q + 3;
    while (k < s.size() && s[k] == '`') ++k;
    for (; k < s.size() && s[k] != '\n' && s[k] != '\r'; ++k)
        if (s[k] == '`') return false;
    return true;
}

// The fence at q has an info string (```sql, ```postgresql): it opens a block.
bool fence_tagged(std::string_view s, size_t q) {
    size_t k = q + 3;
    while (k < s.size() && s[k] == '`') ++k;
    for (; k < s.size() && s[k] != '\n' && s[k] != '\r'; ++k)
        if (!is_space(static_cast<unsigned char>(s[k]))) return true;
    return false;
}

// Text around a Markdown fence that reads as a sentence although its first
// word starts statements ("Update: here is the fixed version", "Show all
// orders:", "Use it when the table is large."): its first word glued to a
// ':' (not '::' or ':='), or its first or last non-blank line ending in ':',
// or its first ending in '.' or '!'. (SQL lines end otherwise.)
bool prose_around_fence(std::string_view t) {
    size_t b = 0;
    while (b < t.size() && (is_space(static_cast<unsigned char>(t[b])) || unicode_space(t, b) > 0))
        b += unicode_space(t, b) > 0 ? unicode_space(t, b) : 1;
    size_t w = b;
    while (w < t.size() && (is_alpha(static_cast<unsigned char>(t[w])) || t[w] == '_')) ++w;
    if (w > b && w < t.size() && t[w] == ':' && (w + 1 >= t.size() || (t[w + 1] != ':' && t[w + 1] != '=')))
        return true;
    size_t first_end = t.find_first_of("\n\r", b);
    if (first_end == std::string_view::npos) first_end = t.size();
    while (first_end > b && is_space(static_cast<unsigned char>(t[first_end - 1]))) --first_end;
    if (first_end > b && (t[first_end - 1] == ':' || t[first_end - 1] == '.' || t[first_end - 1] == '!')) return true;
    size_t last_end = t.size();
    while (last_end > b && is_space(static_cast<unsigned char>(t[last_end - 1]))) --last_end;
    return last_end > b && t[last_end - 1] == ':';
}

size_t markdown_fence_line(std::string_view s, size_t from) {
    for (size_t p = from; p < s.size();) {
        size_t q = p;
        while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
        if (fence_at(s, q)) return q;
        p = s.find_first_of("\n\r", q);
        if (p == std::string_view::npos) break;
        ++p;
    }
    return std::string_view::npos;
}

// A Markdown code fence (```sql before the SQL, ``` after it: a chat model's
// answer stored as it came) on a line of its own: no SQL in any dialect (an
// empty `` name is none either). It ends the statement before it and is
// skipped; the text after a closing fence, up to the next opening one, is
// prose ("This query counts ..."): skipped too, unread (its apostrophes open
// no strings). Analyzer only.
bool Lexer::try_markdown_fence() {
    if (!fence_at(s_, i_)) return false;
    for (size_t k = i_; k > 0; --k) {
        const char b = s_[k - 1];
        if (b == '\n' || b == '\r') break;
        if (b != ' ' && b != '\t') return false;
    }
    size_t line_end = s_.find_first_of("\n\r", i_);
    if (line_end == std::string_view::npos) line_end = s_.size();
    // An opening fence: one with an info string (```sql), the first thing
    // read, or the one after skipped prose; a bare ``` after SQL read outside
    // a fence closes that SQL as it closes a fenced block.
    bool tagged = false;
    for (size_t k = i_ + 3; k < line_end && !tagged; ++k) tagged = s_[k] != '`' && !is_space(static_cast<unsigned char>(s_[k]));
    const bool opening = !fence_open_ && (tagged || out_.empty() || i_ == next_fence_);
    if (!out_.empty() && out_.back().kind != TokKind::Separator) {
        push(TokKind::Separator, ";");
        statement_first_ = out_.size();
    }
    fence_open_ = opening;
    i_ = line_end;
    if (!opening) {
        // Prose after a closing fence is skipped up to the next fence; more
        // SQL there is read (and a bare fence after it closes it).
        next_fence_ = markdown_fence_line(s_, i_);
        const size_t to = next_fence_ == std::string_view::npos ? s_.size() : next_fence_;
        const std::string_view rest = s_.substr(i_, to - i_);
        if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos && starts_like_sql(rest, d_) &&
            !prose_around_fence(rest))
            next_fence_ = std::string_view::npos;
        else
            i_ = to;
    }
    return true;
}

bool Lexer::try_sqlplus_command() {
    if (!at_statement_line_start()) return false;
    size_t e = i_;
    if (s_[i_] == '@') {
        e = i_ + 1;
    } else {
        while (e < s_.size() && is_alpha(static_cast<unsigned char>(s_[e]))) ++e;
        if (!one_of(ascii_upper(s_.substr(i_, e - i_)), {"PROMPT", "REM", "REMARK", "SPOOL", "WHENEVER", "DEFINE",
                                                          "UNDEFINE", "ACCEPT", "PAUSE"}) ||
            (e < s_.size() && !is_space(static_cast<unsigned char>(s_[e]))))
            return false;
    }
    while (e < s_.size() && s_[e] != '\n' && s_[e] != '\r') ++e;
    i_ = e;
    return true;
}

// A psql script's `COPY t ... FROM STDIN;` (pg_dump's output) is followed by
// its rows, up to a line `\.`: data, not SQL. After the ';' of such a
// statement (out_ ends with it), the lines up to and with `\.` are skipped
// (to the end of the text if it has none). Analyzer only: the tokens of
// fingerprints and literal spans keep every byte.
void Lexer::skip_copy_data() {
    const size_t n = out_.size() - 1;  // the ';'
    if (statement_first_ >= n || out_[statement_first_].kind != TokKind::Word || out_[statement_first_].upper != "COPY")
        return;
    bool stdin_source = false;
    for (size_t k = statement_first_ + 1; k < n && !stdin_source; ++k)
        stdin_source = out_[k].kind == TokKind::Word && out_[k].upper == "STDIN" && out_[k - 1].kind == TokKind::Word &&
                       out_[k - 1].upper == "FROM";
    if (!stdin_source) return;
    // The rows start on the next line (psql reads them line by line after the
    // command); with more SQL on the command's own line, nothing is skipped.
    size_t eol = i_;
    while (eol < s_.size() && (s_[eol] == ' ' || s_[eol] == '\t' || s_[eol] == '\r')) ++eol;
    if (eol < s_.size() && s_[eol] != '\n') return;
    for (size_t p = eol < s_.size() ? eol : std::string_view::npos; p != std::string_view::npos; p = s_.find('\n', p)) {
        ++p;  // a line's start
        if (s_.compare(p, 2, "\\.") == 0 && (p + 2 == s_.size() || s_[p + 2] == '\n' || s_[p + 2] == '\r')) {
            i_ = p + 2;
            return;
        }
    }
    i_ = s_.size();
}

void Lexer::step() {
    const unsigned char c = peek(0);
    start_ = i_;
    cb_ = ce_ = i_;
    if (meta_line_end_ != std::string_view::npos && i_ >= meta_line_end_) {
        meta_line_end_ = std::string_view::npos;
        if (out_.empty() || out_.back().kind != TokKind::Separator) {
            push(TokKind::Separator, ";");  // the end of a psql \copy line ends its statement
            statement_first_ = out_.size();
        }
    }
    if (is_space(c)) {
        ++i_;
    } else if (const size_t n = unicode_space(s_, i_)) {
        i_ += n;
    } else if (const char fw = fullwidth_punct(s_, i_)) {
        if (fw == ';') {
            push(TokKind::Separator, ";");
            statement_first_ = out_.size();
        } else {
            push(TokKind::Punct, std::string(1, fw));
        }
        i_ += 3;
    } else if (exec_comment_ && c == '*' && peek(1) == '/') {
        exec_comment_ = false;  // the end of a MySQL /*! ... */ (its content was read as SQL)
        i_ += 2;
    } else if (at_delimiter()) {
        push(TokKind::Separator, ";");  // a statement's end under DELIMITER
        i_ += delimiter_.size();
    } else if ((c == 'D' || c == 'd') && (mysql() || fallback()) && try_delimiter_command()) {
        // handled
    } else if (c == '`' && !comments_ && try_markdown_fence()) {
        // handled
    } else if (step_comment_or_quote(c)) {
        // handled
    } else if (c == '$' && (pg_like() || d_ == SqlDialect::Snowflake) && try_dollar_quote()) {
        // handled
    } else if (try_prefixed_string(c)) {
        // handled
    } else if (c == '#' && d_ == SqlDialect::SQLServer && (peek(1) == '#' || word_start_at(1))) {
        read_word();
    } else if (c == '#' && d_ == SqlDialect::PostgreSQL && !comments_ && (peek(1) == '#' || word_start_at(1)) &&
               temp_table_position()) {
        // Redshift (read as PostgreSQL) #temp tables where a table name goes:
        // PostgreSQL's `#` operator (XOR) never follows INTO, FROM, JOIN, ...
        // Analyzer only.
        read_word();
    } else if (c == '#' && fallback()) {
        // A T-SQL/Redshift #temp table where a table name goes (INTO #t,
        // TABLE #t, FROM #t, JOIN #t, ...); anywhere else the rest of the line
        // is a MySQL/BigQuery/Hive comment, as the anonymizer's MySQL pass
        // reads it in text of no known dialect.
        if ((peek(1) == '#' || word_start_at(1)) && temp_table_position())
            read_word();
        else
            skip_line_comment(1);
    } else if ((c == '@' || is_alpha(c)) && d_ == SqlDialect::Oracle && !comments_ && try_sqlplus_command()) {
        // handled
    } else if (c == '\\' && pg_like() && !comments_ && is_alpha(peek(1)) && try_psql_meta_command()) {
        // handled
    } else if (c == '.' && d_ == SqlDialect::SQLite && !comments_ && is_alpha(peek(1)) && try_sqlite_dot_command()) {
        // handled
    } else if (c == '{' && !comments_ && (peek(1) == '{' || peek(1) == '%' || peek(1) == '#') && try_jinja()) {
        // handled
    } else if (c == '{' && !comments_ && (peek(1) | 0x20) == 'o' && (peek(2) | 0x20) == 'j' && is_space(peek(3))) {
        // The ODBC outer-join escape `{oj t1 LEFT OUTER JOIN t2 ON ...}` (JDBC /
        // ODBC drivers rewrite it): its content is the FROM item. Analyzer only.
        i_ += 3;
    } else if (is_word_start(c) || (mysql() && is_digit(c) && mysql_digit_identifier(i_))) {
        read_word();
    } else if (is_digit(c) || (c == '.' && is_digit(peek(1)) && !(mysql() && mysql_digit_identifier(i_ + 1))) ||
               (c == '$' && is_digit(peek(1)))) {
        read_number();
    } else if (c == ';') {
        push(TokKind::Separator, ";");
        ++i_;
        if (!comments_ && pg_like()) skip_copy_data();
        statement_first_ = out_.size();
    } else {
        push(TokKind::Punct, std::string(1, static_cast<char>(c)));
        ++i_;
    }
}

// Comments, strings and quoted identifiers that start with a fixed character.
bool Lexer::step_comment_or_quote(unsigned char c) {
    if (c == '-' && peek(1) == '-') {
        skip_line_comment(2);
    } else if (c == '/' && peek(1) == '*' && mysql() && !exec_comment_ && mysql_exec_comment(s_, i_) > 0) {
        // MySQL executes what is in /*! ... */ and /*!50001 ... */ (MariaDB
        // /*M! ... */): mysqldump writes statements and attributes so. Its
        // content is read as SQL; the closing */ is skipped in step().
        i_ += mysql_exec_comment(s_, i_);
        exec_comment_ = true;
    } else if (c == '/' && peek(1) == '*') {
        skip_block_comment();
    } else if (c == '#' && (mysql() || bigquery())) {
        skip_line_comment(1);
    } else if (c == '/' && peek(1) == '/' && d_ == SqlDialect::Snowflake) {
        skip_line_comment(2);
    } else if ((c == '\'' || c == '"') && bigquery()) {
        try_bigquery_string(c);
    } else if (c == '\'') {
        read_string('\'', backslash_strings());
    } else if (c == '"') {
        if (mysql())
            read_string('"', true);
        else
            read_ident('"');
    } else if (c == '`' && backtick_idents()) {
        read_ident('`');
    } else if (c == '[' && bracket_idents()) {
        read_ident(']');
    } else {
        return false;
    }
    return true;
}

// i_ is on the comment's marker (`--`, `#`, `//`), `marker` bytes long.
void Lexer::skip_line_comment(size_t marker) {
    i_ += marker;
    const size_t b = i_;
    // A line ends at LF or CR (a lone CR: classic Mac line ends, as
    // PostgreSQL's and SQL Server's scanners read them).
    while (i_ < s_.size() && s_[i_] != '\n' && !(s_[i_] == '\r' && peek(1) != '\n')) ++i_;
    if (!comments_) return;
    size_t e = i_;
    if (e > b && s_[e - 1] == '\r') --e;
    content(b, e);
    push(TokKind::Comment, {});
}

void Lexer::skip_block_comment() {
    // PostgreSQL and SQL Server nest /* */ comments; MySQL and SQLite do not.
    const bool nests = pg_like() || d_ == SqlDialect::SQLServer;
    size_t depth = 1;
    i_ += 2;
    const size_t b = i_;
    size_t e = s_.size();
    while (i_ < s_.size()) {
        if (nests && peek(0) == '/' && peek(1) == '*') {
            ++depth;
            i_ += 2;
        } else if (peek(0) == '*' && peek(1) == '/') {
            i_ += 2;
            if (--depth == 0) {
                e = i_ - 2;
                break;
            }
        } else {
            ++i_;
        }
    }
    if (!comments_) return;
    content(b, e);
    push(TokKind::Comment, {});
}

// i_ is on the opening quote. Doubled quotes always escape; backslash
// escapes only where `backslash` is set (MySQL, PostgreSQL E'...'). `unicode`:
// EscapeStyle::Unicode for PostgreSQL U&'...'.
void Lexer::read_string(char quote, bool backslash, EscapeStyle unicode) {
    ++i_;
    const size_t b = i_;
    size_t e = s_.size();
    while (i_ < s_.size()) {
        const char ch = s_[i_];
        if (backslash && ch == '\\') {
            i_ += 2;
        } else if (ch == quote) {
            if (peek(1) != static_cast<unsigned char>(quote)) {
                e = i_;
                ++i_;
                break;
            }
            i_ += 2;
        } else {
            ++i_;
        }
    }
    if (e == s_.size()) unterminated_string_ = true;
    if (!backslash && e < s_.size() && e > b && s_[e - 1] == '\\' && i_ < s_.size() &&
        is_word_char(static_cast<unsigned char>(s_[i_])))
        backslash_suspect_ = true;
    content(b, e);
    push(TokKind::String, {}, backslash ? backslash_style() : unicode);
}

// BigQuery '''...''' / """...""" (i_ on the first of the three quotes);
// `raw`: r'''...''' (backslashes are text, but still keep a quote from ending it).
void Lexer::read_triple_quoted(char quote, bool raw) {
    i_ += 3;
    const size_t b = i_;
    size_t e = s_.size();
    while (i_ < s_.size()) {
        if (s_[i_] == '\\') {
            i_ += 2;
        } else if (s_[i_] == quote && peek(1) == static_cast<unsigned char>(quote) &&
                   peek(2) == static_cast<unsigned char>(quote)) {
            e = i_;
            i_ += 3;
            break;
        } else {
            ++i_;
        }
    }
    content(b, e);
    push(TokKind::String, {}, raw ? EscapeStyle::None : EscapeStyle::PgBackslash);
}

// A BigQuery string at i_: '...', "...", their triple-quoted forms, each
// with an optional r/b/rb/br prefix (i_ on the prefix or the quote).
bool Lexer::try_bigquery_string(unsigned char c) {
    size_t q = i_;
    bool raw = false;
    for (int k = 0; k < 2 && q < s_.size() && ((s_[q] | 0x20) == 'r' || (s_[q] | 0x20) == 'b'); ++k) {
        raw = raw || (s_[q] | 0x20) == 'r';
        ++q;
    }
    if (q >= s_.size() || (s_[q] != '\'' && s_[q] != '"')) return false;
    if (q > i_ && is_alpha(c) && q - i_ == 2 && (s_[i_] | 0x20) == (s_[i_ + 1] | 0x20)) return false;  // "rr'"
    const char quote = s_[q];
    i_ = q;
    if (peek(1) == static_cast<unsigned char>(quote) && peek(2) == static_cast<unsigned char>(quote)) {
        read_triple_quoted(quote, raw);
        return true;
    }
    // Backslashes always keep a quote from ending the string; in a raw
    // string they are text (no escapes to keep whole).
    ++i_;
    const size_t b = i_;
    size_t e = s_.size();
    while (i_ < s_.size()) {
        if (s_[i_] == '\\') {
            i_ += 2;
        } else if (s_[i_] == quote) {
            e = i_;
            ++i_;
            break;
        } else {
            ++i_;
        }
    }
    content(b, e);
    push(TokKind::String, {}, raw ? EscapeStyle::None : EscapeStyle::PgBackslash);
    return true;
}

// Oracle q'X...X' / nq'X...X' (i_ on the opening quote after the prefix):
// X is any character but space, tab or newline; [ { ( < close with ] } ) >.
void Lexer::read_oracle_q_quote() {
    const unsigned char open = peek(1);
    if (open == 0 || open == ' ' || open == '\t' || open == '\n' || open == '\r') {
        read_string('\'', false);
        return;
    }
    const char close = open == '[' ? ']' : open == '{' ? '}' : open == '(' ? ')' : open == '<' ? '>'
                                                                                                 : static_cast<char>(open);
    i_ += 2;
    const size_t b = i_;
    size_t e = s_.size();
    while (i_ < s_.size()) {
        if (s_[i_] == close && peek(1) == '\'') {
            e = i_;
            i_ += 2;
            break;
        }
        ++i_;
    }
    content(b, e);
    push(TokKind::String, {});
}

// i_ is on the opening delimiter; a doubled closing delimiter escapes it.
void Lexer::read_ident(char close) {
    std::string text;
    ++i_;
    const size_t b = i_;
    size_t e = s_.size();
    while (i_ < s_.size()) {
        const char ch = s_[i_];
        if (ch == close) {
            if (peek(1) != static_cast<unsigned char>(close)) {
                e = i_;
                ++i_;
                break;
            }
            i_ += 2;
        } else {
            ++i_;
        }
        text.push_back(ch);
    }
    content(b, e);
    push(TokKind::Ident, std::move(text), EscapeStyle::None, e == s_.size());
}

// The mysql client's `DELIMITER $$` line (scripts of stored procedures): not
// SQL, but what ends the statements after it (`END$$`) until the next
// DELIMITER line. i_ is on a `D` that starts a line. Returns false when it
// is no such command. The line is read as a comment.
bool Lexer::try_delimiter_command() {
    constexpr std::string_view kWord = "DELIMITER";
    if (s_.size() - i_ <= kWord.size() || ascii_upper(s_.substr(i_, kWord.size())) != kWord ||
        (s_[i_ + kWord.size()] != ' ' && s_[i_ + kWord.size()] != '\t'))
        return false;
    for (size_t k = i_; k > 0 && s_[k - 1] != '\n'; --k)
        if (!is_space(static_cast<unsigned char>(s_[k - 1]))) return false;
    // Between statements only (a column named delimiter may start a line).
    for (size_t k = out_.size(); k > 0; --k) {
        if (out_[k - 1].kind == TokKind::Comment) continue;
        if (out_[k - 1].kind != TokKind::Separator) return false;
        break;
    }
    size_t j = i_ + kWord.size();
    while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
    size_t e = j;
    while (e < s_.size() && !is_space(static_cast<unsigned char>(s_[e]))) ++e;
    if (e == j) return false;
    delimiter_.assign(s_.substr(j, e - j));
    custom_delimiter_ = delimiter_ != ";";
    while (e < s_.size() && s_[e] != '\n') ++e;
    i_ = e;
    if (comments_) push(TokKind::Comment, {});  // (an empty content: no literal to scan)
    return true;
}

// Jinja templating of dbt models (and of Airflow / Superset SQL): `{# ... #}`
// is a comment, `{% ... %}` a template statement (if, for, set, macro: no
// SQL; the SQL between `{% if %}` and `{% endif %}` is read), and
// `{{ ... }}` an expression. `{{ ref('m') }}` / `{{ ref('pkg', 'm') }}`
// stands for model m's relation and `{{ source('s', 't') }}` for the table
// s.t: they are read as those (quoted) names; any other expression ({{ this
// }}, {{ var('x') }}, {{ config(...) }}) as nothing. Each runs to its closing
// marker (or the end of the text). Analyzer only: fingerprints and literal
// spans keep every byte. i_ is on the '{'.
bool Lexer::try_jinja() {
    const char kind = static_cast<char>(peek(1));
    const std::string_view close = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
    const size_t body = i_ + 2;
    // The closing marker outside the expression's strings and its own braces
    // ({{ config(partition_by={'field': 'd', 'opts': {'x': 1}}) }}).
    size_t end = std::string_view::npos;
    char quote = 0;
    int depth = 0;
    for (size_t k = body; k < s_.size(); ++k) {
        const char ch = s_[k];
        if (quote != 0) {
            if (ch == '\\') ++k;
            else if (ch == quote) quote = 0;
        } else if ((ch == '\'' || ch == '"') && kind != '#') {
            quote = ch;
        } else if (ch == '{' && kind == '{') {
            ++depth;
        } else if (ch == '}' && kind == '{' && depth > 0) {
            --depth;
        } else if (s_.compare(k, 2, close) == 0) {
            end = k;
            break;
        }
    }
    const size_t stop = end == std::string_view::npos ? s_.size() : end;
    i_ = end == std::string_view::npos ? s_.size() : end + 2;
    if (kind != '{') return true;
    // {{- ref('a', "b", v=2) -}}: the function's name, then its positional string arguments.
    std::string_view e = s_.substr(body, stop - body);
    size_t p = 0;
    auto blanks = [&] {
        while (p < e.size() && (is_space(static_cast<unsigned char>(e[p])) || e[p] == '-' || e[p] == '+')) ++p;
    };
    blanks();
    size_t w = p;
    while (w < e.size() && (is_alpha(static_cast<unsigned char>(e[w])) || e[w] == '_')) ++w;
    const std::string fn = ascii_lower(e.substr(p, w - p));
    if (fn != "ref" && fn != "source") return true;
    p = w;
    while (p < e.size() && is_space(static_cast<unsigned char>(e[p]))) ++p;
    if (p >= e.size() || e[p] != '(') return true;
    ++p;
    std::vector<std::string> args;
    for (;;) {
        while (p < e.size() && is_space(static_cast<unsigned char>(e[p]))) ++p;
        if (p >= e.size() || (e[p] != '\'' && e[p] != '"')) break;  // a keyword argument or the ')'
        const char q = e[p];
        const size_t a = p + 1;
        const size_t b = e.find(q, a);
        if (b == std::string_view::npos) return true;
        args.emplace_back(e.substr(a, b - a));
        p = b + 1;
        while (p < e.size() && is_space(static_cast<unsigned char>(e[p]))) ++p;
        if (p >= e.size() || e[p] != ',') break;
        ++p;
    }
    if (args.empty() || args.back().empty()) return true;
    // The names take the template's span (start_ .. i_), without content.
    if (fn == "source" && args.size() >= 2) {
        push(TokKind::Ident, args[0]);
        push(TokKind::Punct, ".");
        push(TokKind::Ident, args[1]);
    } else if (fn == "ref") {
        push(TokKind::Ident, args.back());
    }
    return true;
}

// PostgreSQL $$...$$ / $tag$...$tag$. Returns false when `$` starts no tag.
bool Lexer::try_dollar_quote() {
    size_t j = i_ + 1;
    if (j < s_.size() && pg_like() && is_word_start(static_cast<unsigned char>(s_[j]))) {  // Snowflake: $$ only
        while (j < s_.size() && (is_word_start(static_cast<unsigned char>(s_[j])) ||
                                 is_digit(static_cast<unsigned char>(s_[j]))))
            ++j;
    }
    if (j >= s_.size() || s_[j] != '$') return false;
    const std::string_view tag = s_.substr(i_, j - i_ + 1);
    const size_t close = s_.find(tag, j + 1);
    i_ = close == std::string_view::npos ? s_.size() : close + tag.size();
    content(j + 1, close == std::string_view::npos ? s_.size() : close);
    push(TokKind::String, {});
    return true;
}

// E'...', N'...', B'...', X'...' (a one-letter prefix glued to a quote);
// PostgreSQL U&'...'.
bool Lexer::try_prefixed_string(unsigned char c) {
    if (bigquery() && ((c | 0x20) == 'r' || (c | 0x20) == 'b')) return try_bigquery_string(c);
    if (d_ == SqlDialect::Oracle) {
        size_t q = (c | 0x20) == 'n' ? 1 : 0;
        if ((peek(q) | 0x20) == 'q' && peek(q + 1) == '\'') {
            i_ += q + 1;
            read_oracle_q_quote();
            return true;
        }
    }
    if ((c == 'u' || c == 'U') && peek(1) == '&' && peek(2) == '"' && pg_like()) {  // U&"name"
        i_ += 2;
        read_ident('"');
        return true;
    }
    if ((c == 'u' || c == 'U') && peek(1) == '&' && peek(2) == '\'' && pg_like()) {
        i_ += 2;
        read_string('\'', false, EscapeStyle::Unicode);
        return true;
    }
    if (peek(1) != '\'') return false;
    const unsigned char u = static_cast<unsigned char>(c & ~0x20);
    if (u != 'E' && u != 'N' && u != 'B' && u != 'X') return false;
    if (!is_alpha(c)) return false;
    ++i_;
    read_string('\'', backslash_strings() || (u == 'E' && pg_like()));
    return true;
}

// The token before i_ is a word after which a table name goes (or the '.'
// of tempdb..#t).
bool Lexer::temp_table_position() const {
    auto it = out_.rbegin();
    while (it != out_.rend() && it->kind == TokKind::Comment) ++it;
    if (it == out_.rend()) return false;
    const Token &prev = *it;
    if (prev.kind == TokKind::Punct && prev.text == ",") {
        // A list of tables (FROM #a x, #b y; TRUNCATE #a, #b): back over
        // names, aliases and parenthesized groups to the word that opened
        // it, not past a clause's word (SELECT a, #b is the # operator's).
        int depth = 0, steps = 0;
        for (++it; it != out_.rend() && steps < 200; ++it, ++steps) {
            const Token &t = *it;
            if (t.kind == TokKind::Comment) continue;
            if (t.kind == TokKind::Punct && t.text == ")") ++depth;
            else if (t.kind == TokKind::Punct && t.text == "(") {
                if (depth-- == 0) return false;
            } else if (depth > 0) {
                continue;
            } else if (t.kind == TokKind::Word) {
                if (one_of(t.upper, {"FROM", "JOIN", "UPDATE", "TRUNCATE", "TABLE", "ANALYZE", "VACUUM"})) return true;
                if (one_of(t.upper, {"SELECT", "WHERE", "ON", "SET", "BY", "HAVING", "VALUES", "RETURNING", "LIMIT",
                                     "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "CASE", "IN", "WINDOW", "QUALIFY",
                                     "OFFSET", "USING", "INTO", "DISTINCT", "ALL", "ANY", "SOME", "RETURN",
                                     "ARRAY", "ROW", "IS", "BETWEEN", "LIKE", "ILIKE"}))
                    return false;
            } else if (t.kind == TokKind::Ident) {
                continue;
            } else if (!(t.kind == TokKind::Punct && (t.text == "." || t.text == ","))) {
                return false;
            }
        }
        return false;
    }
    if (prev.kind == TokKind::Punct) return prev.text == ".";
    return prev.kind == TokKind::Word && one_of(prev.upper, {"INTO", "TABLE", "FROM", "JOIN", "UPDATE", "DELETE",
                                                              "INSERT", "EXISTS", "APPLY", "USING", "TRUNCATE",
                                                              "ANALYZE"});
}

// MySQL names may begin with a digit (2023_sales, 3pt_pct, 1st_quarter) if
// they are no number: at `at` (a digit) the run of word characters is one
// unless it is all digits, hex 0x.. / binary 0b.., or a mantissa with an
// exponent (1e5, 2E-3; 1.5 and 1.5e3 run to the '.', digits). After a '.'
// the same run is a qualified name's part (stats.2024_season), not .2024.
bool Lexer::mysql_digit_identifier(size_t at) const {
    size_t j = at;
    while (j < s_.size() && is_word_char(static_cast<unsigned char>(s_[j])) && unicode_space(s_, j) == 0) ++j;
    const std::string_view w = s_.substr(at, j - at);
    size_t d = 0;
    while (d < w.size() && is_digit(static_cast<unsigned char>(w[d]))) ++d;
    if (d == w.size()) return false;  // digits
    auto all = [&](size_t from, bool (*ok)(unsigned char)) {
        if (from >= w.size()) return false;
        for (size_t k = from; k < w.size(); ++k)
            if (!ok(static_cast<unsigned char>(w[k]))) return false;
        return true;
    };
    if (w[0] == '0' && d == 1 && (w[1] == 'x' || w[1] == 'X'))
        return !all(2, [](unsigned char x) { return is_digit(x) || ((x | 0x20) >= 'a' && (x | 0x20) <= 'f'); });
    if (w[0] == '0' && d == 1 && (w[1] == 'b' || w[1] == 'B'))
        return !all(2, [](unsigned char x) { return x == '0' || x == '1'; });
    if (w[d] == 'e' || w[d] == 'E') {
        if (d + 1 == w.size()) return !(j < s_.size() && (s_[j] == '+' || s_[j] == '-'));  // 1e+5, 1e-3
        return !all(d + 1, [](unsigned char x) { return is_digit(x); });
    }
    return true;
}

void Lexer::read_word() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] == '#') ++i_;  // T-SQL #tmp / ##tmp
    // Oracle's unquoted names may hold '#' after their first letter (emp#1,
    // SYS.COL$ and ORDER#): no Oracle operator is written with it.
    const bool hash = d_ == SqlDialect::Oracle;
    auto letter = [&](size_t at) {
        return at < s_.size() && (is_word_char(static_cast<unsigned char>(s_[at])) || (hash && s_[at] == '#')) &&
               unicode_space(s_, at) == 0 && fullwidth_punct(s_, at) == 0;
    };
    // A break between a keyword and a word (FROM\u200Busers, users\u200BWHERE)
    // is a blank: the word before it (from `from`) or after it (at `after`).
    auto keyword_beside_break = [&](size_t from, size_t after) {
        size_t e = after;
        while (letter(e)) ++e;
        for (std::string_view w : {s_.substr(from, i_ - from), s_.substr(after, e - after)})
            if (one_of(ascii_upper(w), {"SELECT", "FROM", "WHERE", "JOIN", "ON", "AND", "OR", "AS", "BY", "GROUP",
                                        "ORDER", "INTO", "UPDATE", "SET", "VALUES", "INSERT", "DELETE", "LEFT",
                                        "RIGHT", "INNER", "OUTER", "FULL", "CROSS", "HAVING", "LIMIT", "UNION",
                                        "ALL", "DISTINCT", "NOT", "IN", "IS", "NULL", "LIKE", "BETWEEN", "CASE",
                                        "WHEN", "THEN", "ELSE", "END", "WITH", "TABLE", "USING", "OFFSET", "TOP",
                                        "EXISTS", "RETURNING", "DESC", "ASC", "WINDOW", "OVER", "QUALIFY"}))
                return true;
        return false;
    };
    std::string dropped;  // the word without invisible word breaks inside it (when it has any)
    size_t kept = start;  // s_[start, kept) is in `dropped`
    for (;;) {
        if (letter(i_) && !at_delimiter()) {
            ++i_;
        } else if (const size_t z = i_ > start ? zero_width_break(s_, i_) : 0;
                   z > 0 && letter(i_ + z) && !keyword_beside_break(kept > start ? kept : start, i_ + z)) {
            dropped.append(s_.data() + kept, i_ - kept);
            i_ += z;
            kept = i_;
        } else {
            break;
        }
    }
    if (kept != start) dropped.append(s_.data() + kept, i_ - kept);
    const std::string_view w = kept != start ? std::string_view(dropped) : s_.substr(start, i_ - start);
    out_.push_back(Token{TokKind::Word, std::string(w), ascii_upper(w), start, i_, start, start});
}

// Numbers, including 1.5e-3, 0x1F, .5 and PostgreSQL parameters $1.
void Lexer::read_number() {
    ++i_;
    while (i_ < s_.size()) {
        const unsigned char ch = peek(0);
        const unsigned char prev = static_cast<unsigned char>(s_[i_ - 1]);
        if ((is_word_char(ch) || ch == '.') && unicode_space(s_, i_) == 0 && !at_delimiter()) {
            ++i_;
        } else if ((ch == '+' || ch == '-') && (prev == 'e' || prev == 'E') && is_digit(peek(1))) {
            i_ += 2;
        } else {
            break;
        }
    }
    push(TokKind::Number, std::string(s_.substr(start_, i_ - start_)));
}

// ---------------------------------------------------------------------------
// Statement splitting and parenthesis matching over the whole token stream.

struct Range {
    size_t begin;
    size_t end;
};

// True when a line break lies in sql[from, to).
bool line_break_between(std::string_view sql, size_t from, size_t to) {
    return from < to && to <= sql.size() && sql.substr(from, to - from).find_first_of("\n\r") != std::string_view::npos;
}

// Tokens [i, i + n) are T-SQL's batch separator: `GO` alone on its line, with
// an optional count (`GO 5`), as sqlcmd and SSMS read it. It ends the
// statement before it like a ';' (scripts generated by SSMS put no ';'
// between `SET ANSI_NULLS ON`, `GO` and `CREATE TABLE ...`). Returns n (1 or
// 2), or 0. Only in T-SQL and SQL of an unknown type.
size_t batch_separator(std::string_view sql, const std::vector<Token> &toks, size_t i, SqlDialect dialect) {
    if (dialect != SqlDialect::SQLServer && dialect != SqlDialect::Unknown) return 0;
    if (toks[i].kind != TokKind::Word || toks[i].upper != "GO") return 0;
    if (i > 0 && !line_break_between(sql, toks[i - 1].end, toks[i].begin)) return 0;
    size_t n = 1;
    if (i + 1 < toks.size() && toks[i + 1].kind == TokKind::Number &&
        !line_break_between(sql, toks[i].end, toks[i + 1].begin))
        n = 2;
    if (i + n < toks.size() && !line_break_between(sql, toks[i + n - 1].end, toks[i + n].begin)) return 0;
    return n;
}

std::vector<Range> split_statements(std::string_view sql, const std::vector<Token> &toks, SqlDialect dialect) {
    std::vector<Range> out;
    size_t start = 0;
    for (size_t i = 0; i <= toks.size(); ++i) {
        size_t skip = 1;
        if (i < toks.size() && toks[i].kind != TokKind::Separator) {
            skip = batch_separator(sql, toks, i, dialect);
            if (skip == 0) continue;
        }
        if (i > start) out.push_back(Range{start, i});
        start = i + skip;
        i += skip - 1;
    }
    return out;
}

// For every '(' the index just past its matching ')' (or the statement end).
std::vector<size_t> match_parens(const std::vector<Token> &toks, const std::vector<Range> &stmts) {
    std::vector<size_t> after(toks.size(), 0);
    std::vector<size_t> stack;
    for (const Range &r : stmts) {
        stack.clear();
        for (size_t i = r.begin; i < r.end; ++i) {
            if (toks[i].kind != TokKind::Punct) continue;
            if (toks[i].text[0] == '(') {
                stack.push_back(i);
            } else if (toks[i].text[0] == ')' && !stack.empty()) {
                after[stack.back()] = i + 1;
                stack.pop_back();
            }
        }
        for (size_t open : stack) after[open] = r.end;
    }
    return after;
}

// Words that never name a table or alias when unquoted.
bool is_keyword(const std::string &upper) {
    static const std::unordered_set<std::string> kKeywords = {
        "ALL", "ALTER", "AND", "ANY", "APPLY", "AS", "ASC", "BEGIN", "BETWEEN", "BY",
        "CASE", "CHECK", "CONSTRAINT", "CREATE", "CROSS", "DECLARE", "DEFAULT", "DELETE",
        "DESC", "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXEC", "EXECUTE", "EXISTS",
        "FETCH", "FOR", "FORCE", "FOREIGN", "FROM", "FULL", "GO", "GROUP", "HAVING", "IF",
        "IGNORE", "ILIKE", "IN", "INDEXED", "INNER", "INSERT", "INTERSECT", "INTO", "IS",
        "JOIN", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCK", "MERGE", "MINUS", "NATURAL",
        "NOT", "NULL", "OFFSET", "ON", "ONLY", "OPTION", "OR", "ORDER", "OUTER", "OUTPUT",
        "PARTITION", "PIVOT", "PRIMARY", "PROCEDURE", "QUALIFY", "REFERENCES", "REPLACE",
        "RETURN", "RETURNING", "RIGHT", "SELECT", "SET", "STRAIGHT_JOIN", "TABLE",
        "TABLESAMPLE", "THEN", "TO", "TOP", "TRUNCATE", "UNION", "UNIQUE", "UNPIVOT",
        "UPDATE", "USE", "USING", "VALUES", "WHEN", "WHERE", "WHILE", "WINDOW", "WITH"};
    return kKeywords.count(upper) != 0;
}

// Keywords that end a FROM / USING / UPDATE-target list at their level.
bool ends_relation_list(const std::string &upper) {
    return one_of(upper, {"WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH",
                          "UNION", "INTERSECT", "EXCEPT", "MINUS", "WINDOW", "RETURNING", "SET",
                          "VALUES", "FOR", "WHEN", "OPTION", "QUALIFY", "IF", "BEGIN", "END",
                          "ELSE", "DECLARE", "EXEC", "EXECUTE", "RETURN", "GO", "CREATE",
                          "ALTER", "DROP", "TRUNCATE"});
}

const char *verb_type(const std::string &upper) {
    // FROM: DuckDB's FROM-first query; PIVOT / UNPIVOT: DuckDB's statements of that name
    if (one_of(upper, {"SELECT", "TABLE", "VALUES", "FROM", "PIVOT", "UNPIVOT"})) return "SELECT";
    if (one_of(upper, {"INSERT", "REPLACE", "UPSERT"})) return "INSERT";  // UPSERT: CockroachDB, Phoenix
    if (upper == "UPDATE") return "UPDATE";
    if (upper == "DELETE") return "DELETE";
    if (upper == "MERGE") return "MERGE";
    if (upper == "CREATE") return "CREATE";
    if (upper == "ALTER") return "ALTER";
    if (upper == "DROP") return "DROP";
    if (upper == "TRUNCATE") return "TRUNCATE";
    return "OTHER";
}

// A word that begins a statement in some dialect (upper-case).
bool is_statement_word(std::string_view upper) {
    static const std::unordered_set<std::string_view> kWords = {
        // DML, DDL and queries
        "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "CREATE", "ALTER", "DROP",
        "TRUNCATE", "VALUES", "TABLE", "RENAME", "COMMENT", "UNDROP", "PURGE", "FLASHBACK",
        // utility and maintenance
        "EXPLAIN", "DESCRIBE", "DESC", "SHOW", "COPY", "VACUUM", "ANALYZE", "ANALYSE", "CLUSTER", "REINDEX",
        "REFRESH", "CHECKPOINT", "LOCK", "UNLOCK", "GRANT", "REVOKE", "DENY", "OPTIMIZE", "REPAIR", "CHECK",
        "CHECKSUM", "FLUSH", "KILL", "HANDLER", "LOAD", "UNLOAD", "BULK", "BACKUP", "RESTORE", "DBCC", "PRAGMA",
        "ATTACH", "DETACH", "IMPORT", "EXPORT", "INSTALL", "UNINSTALL", "SUMMARIZE", "PIVOT", "UNPIVOT", "MSCK",
        "PUT", "GET", "LIST", "LS", "REMOVE", "RM", "SECURITY", "AUDIT", "NOAUDIT", "CACHE", "UNCACHE", "USE",
        "HELP", "CHANGE", "STOP", "PURGE", "XA",
        // sessions, transactions and procedural code
        "SET", "RESET", "DISCARD", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE",
        "SAVE", "PREPARE", "DEALLOCATE", "EXECUTE", "EXEC", "CALL", "DO", "DECLARE", "IF", "WHILE", "LOOP",
        "REPEAT", "FOR", "FETCH", "MOVE", "OPEN", "CLOSE", "LISTEN", "UNLISTEN", "NOTIFY", "PRINT", "RAISERROR",
        "THROW", "RAISE", "SIGNAL", "RESIGNAL", "RETURN", "WAITFOR", "GOTO", "BREAK", "CONTINUE", "REVERT",
        "RECEIVE", "SEND", "ENABLE", "DISABLE", "GO", "ASSERT", "READTEXT", "WRITETEXT", "UPDATETEXT", "SETUSER",
        "CONNECT", "DISCONNECT", "REASSIGN", "FROM", "DELIMITER", "EXCHANGE"};
    return kWords.count(upper) > 0;
}

// ---------------------------------------------------------------------------
// Per-statement rules.

enum class Verb { None, Select, Insert, Update, Delete, Merge, Create, Other };

// State of one parenthesis level while scanning.
struct Level {
    Verb verb = Verb::None;
    bool from_list = false;   // a ',' here introduces another relation
    bool candidates = false;  // relations in the list may be aliases (UPDATE/DELETE targets)
    bool saw_output = false;  // T-SQL OUTPUT ... INTO target
    bool multi_insert = false;  // Oracle/Snowflake INSERT ALL/FIRST: every INTO names a target
    size_t depth = 0;         // nesting depth, not counting parenthesised joins
    size_t list = 0;          // the relation list being read (see NameRef::list)
};

struct ParsedName {
    std::string text;
    size_t parts = 0;
    bool quoted = false;
    bool star = false;  // `db.*` (MySQL GRANT): not a table
    size_t at = 0;      // token index of its first part
};

struct NameRef {
    std::string name;
    bool single;
    bool candidate;
    size_t depth;
    size_t at;            // token index
    bool target = false;  // an INSERT/UPDATE/DELETE target
    bool aliased = false;  // followed by an alias (its exposed name is the alias)
    size_t list = 0;       // which relation list it is in: each UPDATE/DELETE target
                           // list, FROM and USING starts a new one (0: none)
    bool quoted = false;   // its first part is a delimited identifier
};

// A CTE name and the tokens [begin, end) where it hides a table of that name:
// from the end of its own body (from WITH for a recursive list) to the end of
// the parentheses around its WITH (or of the statement).
struct CteScope {
    std::string name;
    size_t begin;
    size_t end;
    bool quoted;  // written as a delimited identifier
};

class StatementAnalyzer {
public:
    StatementAnalyzer(std::string_view sql, const std::vector<Token> &toks, const std::vector<size_t> &after_paren,
                      Range r, SqlDialect dialect)
        : sql_(sql), t_(toks), after_(after_paren), b_(r.begin), e_(r.end), d_(dialect) {
        levels_.emplace_back();
    }

    // query_type of this statement, or nullptr when it does not start with a word.
    const char *query_type() const;
    // True when its first word (after any '(') begins a statement in some dialect.
    bool starts_with_statement_word() const;
    // Adds this statement's tables to `out`.
    void collect(std::set<std::string> &out);

private:
    // Token access (all bounds-checked against the statement end).
    bool word_at(size_t i, std::string_view kw) const {
        return i < e_ && t_[i].kind == TokKind::Word && t_[i].upper == kw;
    }
    bool word_in(size_t i, std::initializer_list<std::string_view> kws) const {
        return i < e_ && t_[i].kind == TokKind::Word && one_of(t_[i].upper, kws);
    }
    bool punct_at(size_t i, char c) const {
        return i < e_ && t_[i].kind == TokKind::Punct && t_[i].text[0] == c;
    }
    bool name_start(size_t i) const {
        if (i >= e_) return false;
        return t_[i].kind == TokKind::Ident || (t_[i].kind == TokKind::Word && !is_keyword(t_[i].upper));
    }
    bool prev_word_in(std::initializer_list<std::string_view> kws) const {
        return pos_ > start_ && word_in(pos_ - 1, kws);
    }
    bool prev_punct(char c) const { return pos_ > start_ && punct_at(pos_ - 1, c); }
    // T-SQL's TOP (n) / TOP n at i (`UPDATE top SET ...` names a table top).
    bool top_clause_at(size_t i) const {
        return word_at(i, "TOP") && (punct_at(i + 1, '(') || (i + 1 < e_ && t_[i + 1].kind == TokKind::Number));
    }
    bool subquery_start(size_t i) const { return word_in(i, {"SELECT", "WITH", "VALUES", "TABLE"}); }
    size_t skip_parens(size_t i) const { return punct_at(i, '(') ? after_[i] : i; }
    // Oracle and Snowflake fold unquoted names to upper case, so a quoted
    // name written the way they store an unquoted one ("HR"."EMPLOYEES") is
    // that name: it is read as unquoted (lower-cased here, like the others).
    bool quoted_as_written(const Token &tk) const { return tk.kind == TokKind::Ident && quoted_keeps_case(tk.text); }
    bool quoted_keeps_case(const std::string &s) const {
        if (d_ != SqlDialect::Oracle && d_ != SqlDialect::Snowflake) return true;
        if (s.empty() || !((s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_')) return true;
        return !std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || is_digit(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
                   c == '#';
        });
    }
    // The content of a String token (between its quotes, escapes not undone).
    std::string_view string_content(const Token &tk) const {
        return tk.cend <= sql_.size() && tk.cbegin <= tk.cend ? sql_.substr(tk.cbegin, tk.cend - tk.cbegin)
                                                               : std::string_view();
    }
    std::string norm(const Token &tk) const {
        // PostgreSQL's U&"d\0061ta" is the name its parser reads ("data"; the
        // tokens keep the escapes, as its scanner's do).
        if (tk.kind == TokKind::Ident && tk.begin + 1 < sql_.size() && (sql_[tk.begin] | 0x20) == 'u' &&
            sql_[tk.begin + 1] == '&')
            return norm_length(unicode_unescape(tk.text, uescape_after(sql_, tk.end)));
        return norm_length(quoted_as_written(tk) ? tk.text : ascii_lower(tk.text));
    }
    std::string norm_length(std::string name) const {
        // PostgreSQL cuts a name to NAMEDATALEN - 1 = 63 bytes (at a character's
        // start), as its parser does for the valid SQL it reads.
        if (d_ == SqlDialect::PostgreSQL && name.size() > 63) {
            size_t cut = 63;
            while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
            name.resize(cut);
        }
        return name;
    }
    // How an alias is compared with an UPDATE/DELETE target: T-SQL, SQLite and
    // BigQuery compare names without case, delimited or not (UPDATE [u] ...
    // FROM dbo.Users AS [U]); elsewhere the normalised names are compared.
    std::string alias_key(const std::string &name) const {
        const bool fold = d_ == SqlDialect::SQLServer || d_ == SqlDialect::SQLite || d_ == SqlDialect::BigQuery;
        return fold ? ascii_lower(name) : name;
    }
    Level &cur() { return levels_.back(); }
    void end_list() {
        cur().from_list = false;
        cur().candidates = false;
    }
    void skip_words(std::initializer_list<std::string_view> kws) {
        while (word_in(pos_, kws)) ++pos_;
    }
    void skip_top_clause();
    size_t find_word_at_depth0(size_t i, std::string_view kw) const;

    // Names.
    size_t parse_cte_list(size_t i, std::vector<CteScope> *scopes, size_t scope_end = 0) const;
    bool in_cte_scope(const NameRef &r) const;
    // A single-part UPDATE/DELETE target naming the last part of a qualified
    // relation of the same statement level in another relation list.
    bool exposes(const NameRef &r) const;
    bool table_hints_at(size_t i) const;
    bool is_update_statistics(size_t i) const;
    bool set_option_on() const;
    size_t skip_search_cycle(size_t i) const;
    bool mid_statement_create() const;
    bool cursor_fetch() const;
    bool parse_name(ParsedName &n);
    bool parse_identifier_call(ParsedName &n);
    bool ansi_quoted_name(size_t i) const;
    std::string name_part(size_t i) const;
    void glue_dashed_project(ParsedName &n);
    void glue_db_link(ParsedName &n);
    void record(const ParsedName &n, bool candidate);
    bool record_name();
    void parse_name_list(bool skip_columns, bool skip_to_comma);
    void parse_from_item(bool candidate);
    // Returns true when an alias followed.
    bool parse_alias();
    // BigQuery: the name that `name` of the current relation list exposes to
    // the items after it (see correlated_path).
    void add_range_var(const std::string &name);
    bool correlated_path(const ParsedName &n) const;
    bool is_dual(const ParsedName &n) const;
    bool legacy_bigquery_name(ParsedName &n);
    bool file_path(const ParsedName &n) const;

    // Statement-level dispatch.
    void dispatch(size_t p, bool allow_explain);
    bool dispatch_utility(const std::string &kw, size_t q);
    void on_cluster(size_t q);
    void on_comment(size_t q);
    void on_rename(size_t q);
    void on_drop_or_alter(size_t q, bool alter);
    void on_create(size_t q);
    void on_publication(size_t q);
    void on_create_stream();
    void on_copy(size_t q);
    void on_copy_into();
    void on_maintenance(size_t q, bool vacuum);
    void on_grant(size_t q);
    void on_explain(size_t q);
    void on_show(size_t q);

    // Generic scan over a token range.
    void scan(size_t from, size_t to, Verb verb);
    bool qualified_part(size_t i) const;
    bool join_hint_word() const;
    void scan_punct(char c);
    bool scan_keyword(const std::string &kw);
    bool scan_ddl_keyword(const std::string &kw);
    void on_from();
    void on_using();
    void on_into();
    void on_insert();
    void on_replace();
    void on_update();
    void on_delete();
    void on_merge();
    bool on_table_query();

    std::string_view sql_;
    const std::vector<Token> &t_;
    const std::vector<size_t> &after_;
    size_t b_, e_;
    SqlDialect d_;
    size_t pos_ = 0;
    size_t start_ = 0;  // first token of the current scan (no "previous token" before it)
    bool in_create_ = false;
    bool recording_target_ = false;  // record() marks names as DML targets
    size_t last_item_ref_ = static_cast<size_t>(-1);  // the ref of the FROM item being parsed, if any
    size_t restart_ = static_cast<size_t>(-1);  // a CREATE | ALTER inside the statement, read next
    std::vector<Level> levels_;
    std::vector<NameRef> refs_;
    size_t lists_ = 0;  // relation lists started so far
    std::set<std::pair<std::string, size_t>> aliases_;
    std::vector<std::pair<std::string, size_t>> range_vars_;  // BigQuery: (lower-case name, list)
    std::vector<CteScope> ctes_;
};

// ---- query type ------------------------------------------------------------

bool StatementAnalyzer::starts_with_statement_word() const {
    size_t q = b_;
    while (punct_at(q, '(')) ++q;
    if (q >= e_ || t_[q].kind != TokKind::Word) return false;
    return is_statement_word(t_[q].upper);
}

const char *StatementAnalyzer::query_type() const {
    size_t q = b_;
    while (punct_at(q, '(')) ++q;
    if (q >= e_ || t_[q].kind != TokKind::Word) return nullptr;
    if (is_update_statistics(q)) return "OTHER";  // T-SQL maintenance
    if (t_[q].upper == "FROM") {
        // Hive's multi-insert FROM src INSERT OVERWRITE TABLE t1 SELECT ...
        // INSERT INTO TABLE t2 SELECT ... is an INSERT; DuckDB's FROM t
        // [SELECT ...] a SELECT.
        for (size_t i = q + 1; i < e_; i = punct_at(i, '(') ? skip_parens(i) : i + 1)
            if (word_in(i, {"SELECT", "INSERT"})) return t_[i].upper == "INSERT" ? "INSERT" : "SELECT";
        return "SELECT";
    }
    if (t_[q].upper != "WITH") return verb_type(t_[q].upper);
    // Oracle 12c's WITH FUNCTION | PROCEDURE ... declares PL/SQL for the query
    // after it (its ';'s split the text, so the query is not in this range):
    // only a query may follow.
    if ((d_ == SqlDialect::Oracle || d_ == SqlDialect::Unknown) && word_in(q + 1, {"FUNCTION", "PROCEDURE"}))
        return "SELECT";
    size_t i = parse_cte_list(q + 1, nullptr);
    if (i == std::string::npos) {
        // No CTE list: ClickHouse's WITH <expr> AS name[, ...] SELECT ... (a
        // named expression, `WITH 10 AS n`, `WITH (SELECT max(d) FROM t) AS m`).
        // The statement is what follows at the outermost level.
        for (i = q + 1; i < e_; i = punct_at(i, '(') ? skip_parens(i) : i + 1)
            if (word_in(i, {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"})) return verb_type(t_[i].upper);
        return "OTHER";
    }
    while (punct_at(i, '(')) ++i;
    if (i >= e_) return "SELECT";  // truncated after the CTE list
    if (t_[i].kind != TokKind::Word || t_[i].upper == "WITH") return "OTHER";
    return verb_type(t_[i].upper);
}

// After a recursive CTE's body (i): SQL's `SEARCH {DEPTH | BREADTH} FIRST BY
// cols SET col` and `CYCLE cols SET col [TO v DEFAULT v] [USING col]`
// (PostgreSQL 14, Oracle, DB2). Returns the index after them.
size_t StatementAnalyzer::skip_search_cycle(size_t i) const {
    while (word_in(i, {"SEARCH", "CYCLE"})) {
        size_t k = i + 1;
        while (k < e_ && k < i + 32 && !word_at(k, "SET") && !punct_at(k, '(')) ++k;
        if (!word_at(k, "SET")) return i;
        i = k + 2;
        if (word_at(i, "TO")) i += 2;
        if (word_at(i, "DEFAULT")) i += 2;
        if (word_at(i, "USING")) i += 2;
    }
    return i;
}

// `[RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (...) [, ...]` starting
// at i (just after WITH). Returns the index after the list, or npos if no
// CTE matched. Matched names are added to *scopes, in scope until
// `scope_end`: a CTE of a recursive list (WITH RECURSIVE; any list in T-SQL,
// SQLite and an unknown dialect, where recursion needs no keyword) from the
// WITH on, others after their own body (`WITH x AS (SELECT * FROM x)` reads
// the table x).
size_t StatementAnalyzer::parse_cte_list(size_t i, std::vector<CteScope> *scopes, size_t scope_end) const {
    const size_t with_at = i > 0 ? i - 1 : 0;
    const bool recursive = word_at(i, "RECURSIVE") || d_ == SqlDialect::SQLServer || d_ == SqlDialect::SQLite ||
                           d_ == SqlDialect::Oracle || d_ == SqlDialect::Snowflake || d_ == SqlDialect::Unknown;
    if (word_at(i, "RECURSIVE")) ++i;
    size_t end = std::string::npos;
    // T-SQL WITH XMLNAMESPACES ('uri' AS ns) [, cte AS (...)] declares XML
    // namespaces for the statement, no CTE.
    if (word_at(i, "XMLNAMESPACES") && punct_at(i + 1, '(')) {
        end = i = skip_parens(i + 1);
        if (!punct_at(i, ',')) return end;
        ++i;
    }
    while (name_start(i)) {
        const size_t name_i = i++;
        i = skip_parens(i);
        if (!word_at(i, "AS")) break;
        ++i;
        if (word_at(i, "NOT")) ++i;
        if (word_at(i, "MATERIALIZED")) ++i;
        if (!punct_at(i, '(')) break;
        i = skip_parens(i);
        i = skip_search_cycle(i);
        if (scopes)
            scopes->push_back(CteScope{norm(t_[name_i]), recursive ? with_at : i, scope_end,
                                       quoted_as_written(t_[name_i])});
        end = i;
        if (!punct_at(i, ',')) break;
        ++i;
    }
    return end;
}

bool StatementAnalyzer::exposes(const NameRef &r) const {
    const std::string name = ascii_lower(r.name);
    for (const NameRef &other : refs_) {
        // Only an item of another list (the FROM or USING that the target list
        // refers to): in the target's own list (MySQL `UPDATE users JOIN
        // legacy.users`, `UPDATE orders, archive.orders`) both are tables.
        if (other.single || other.aliased || other.depth != r.depth || other.list == r.list) continue;
        const size_t dot = other.name.rfind('.');
        if (dot != std::string::npos && ascii_lower(other.name.substr(dot + 1)) == name) return true;
    }
    return false;
}

bool StatementAnalyzer::in_cte_scope(const NameRef &r) const {
    // In T-SQL, MySQL and SQLite a delimited name ([Cte], `Cte`) is not case-sensitive.
    const bool fold = d_ == SqlDialect::SQLServer || d_ == SqlDialect::MySQL || d_ == SqlDialect::SQLite;
    // Snowflake and Oracle fold unquoted names to upper case: "SOURCE" and
    // source are one name ("Source" is another). Names here are lower-cased
    // unless quoted, so an unquoted one compares in upper case.
    const bool upper = d_ == SqlDialect::Snowflake || d_ == SqlDialect::Oracle;
    auto upper_key = [](const std::string &name, bool quoted) { return quoted ? name : ascii_upper(name); };
    for (const CteScope &c : ctes_) {
        if (r.at < c.begin || r.at >= c.end) continue;
        if (upper ? upper_key(c.name, c.quoted) == upper_key(r.name, r.quoted)
                  : c.name == r.name || (fold && ascii_lower(c.name) == ascii_lower(r.name)))
            return true;
    }
    return false;
}

// T-SQL table hints written in parentheses right after a table name, without
// WITH: `FROM Users (NOLOCK)`, `(INDEX(ix), UPDLOCK)`. Not a table function.
bool StatementAnalyzer::table_hints_at(size_t i) const {
    if (d_ != SqlDialect::SQLServer && d_ != SqlDialect::Unknown) return false;
    return punct_at(i, '(') &&
           word_in(i + 1, {"NOLOCK", "READUNCOMMITTED", "READCOMMITTED", "READCOMMITTEDLOCK", "REPEATABLEREAD",
                           "SERIALIZABLE", "SNAPSHOT", "UPDLOCK", "HOLDLOCK", "ROWLOCK", "PAGLOCK", "TABLOCK",
                           "TABLOCKX", "NOWAIT", "READPAST", "XLOCK", "INDEX", "FORCESEEK", "FORCESCAN",
                           "NOEXPAND", "KEEPIDENTITY", "KEEPDEFAULTS", "IGNORE_CONSTRAINTS", "IGNORE_TRIGGERS",
                           "SPATIAL_WINDOW_MAX_CELLS"});
}

// T-SQL `UPDATE STATISTICS t [...]` (a maintenance statement, not an UPDATE)
// at i. STATISTICS is reserved in T-SQL; an unknown dialect needs no SET.
bool StatementAnalyzer::is_update_statistics(size_t i) const {
    if (!word_at(i, "UPDATE") || !word_at(i + 1, "STATISTICS")) return false;
    if (d_ == SqlDialect::SQLServer) return true;
    return d_ == SqlDialect::Unknown && name_start(i + 2) && find_word_at_depth0(i + 2, "SET") >= e_;
}

// The ON before pos_ ends a T-SQL session option: `SET NOCOUNT ON`, `SET
// XACT_ABORT, ANSI_NULLS ON`, `SET IDENTITY_INSERT dbo.t ON` (a SET, then
// names, dots and commas only, then ON). T-SQL needs no ';' after it, so a
// statement may follow directly (`SET NOCOUNT ON UPDATE t SET ...`), where
// elsewhere ON UPDATE / ON DELETE are a foreign key's actions.
bool StatementAnalyzer::set_option_on() const {
    if (d_ != SqlDialect::SQLServer && d_ != SqlDialect::Unknown) return false;
    if (pos_ < start_ + 3 || !word_at(pos_ - 1, "ON")) return false;
    for (size_t i = pos_ - 2, k = 0; i >= start_ && k < 16; --i, ++k) {
        if (word_at(i, "SET")) return i + 1 < pos_ - 1;
        if (!(t_[i].kind == TokKind::Word || t_[i].kind == TokKind::Ident || punct_at(i, '.') || punct_at(i, ',')) ||
            (t_[i].kind == TokKind::Word && is_keyword(t_[i].upper)))
            return false;
        if (i == start_) break;
    }
    return false;
}

// CREATE or ALTER at pos_ (not a statement's first word) begins another
// statement: [OR REPLACE | OR ALTER] [TEMP | ...] TABLE | VIEW and a name, at the
// outermost level, not in a privilege list (GRANT CREATE TABLE TO u, GRANT
// SELECT, CREATE VIEW ON SCHEMA s).
bool StatementAnalyzer::mid_statement_create() const {
    if (pos_ == start_ || levels_.size() != 1 || prev_punct(',') || prev_word_in({"GRANT", "REVOKE", "DENY", "OR"}))
        return false;
    size_t i = pos_ + 1;
    if (word_at(pos_, "CREATE") && word_at(i, "OR") && word_in(i + 1, {"REPLACE", "ALTER"})) i += 2;
    while (word_in(i, {"TEMP", "TEMPORARY", "GLOBAL", "LOCAL", "UNLOGGED", "MATERIALIZED", "TRANSIENT", "SECURE"})) ++i;
    return word_in(i, {"TABLE", "VIEW"}) && (name_start(i + 1) || (word_at(i + 1, "IF") && word_at(i + 2, "NOT")));
}

// FETCH at pos_ reads a cursor: FROM or IN within its next three tokens.
bool StatementAnalyzer::cursor_fetch() const {
    for (size_t i = pos_ + 1; i < e_ && i <= pos_ + 3; ++i)
        if (word_in(i, {"FROM", "IN"})) return true;
    return false;
}

// ---- collection --------------------------------------------------------------

void StatementAnalyzer::collect(std::set<std::string> &out) {
    std::vector<size_t> open;  // '(' around the current token
    for (size_t i = b_; i < e_; ++i) {
        if (punct_at(i, '(')) {
            open.push_back(i);
        } else if (punct_at(i, ')')) {
            if (!open.empty()) open.pop_back();
        } else if (word_at(i, "WITH")) {
            parse_cte_list(i + 1, &ctes_, open.empty() ? e_ : after_[open.back()]);
        }
    }
    dispatch(b_, true);
    while (restart_ < e_) {  // CREATE | ALTER inside the statement (mid_statement_create)
        const size_t r = restart_;
        restart_ = static_cast<size_t>(-1);
        dispatch(r, false);
    }
    const bool tsql_pseudo = d_ == SqlDialect::SQLServer || d_ == SqlDialect::Unknown;
    for (const NameRef &r : refs_) {
        if (r.single) {
            const std::string lower = ascii_lower(r.name);
            // In PostgreSQL a DML target is always a table, never a CTE of that name.
            const bool pg_target = r.target && (d_ == SqlDialect::PostgreSQL || d_ == SqlDialect::Unknown);
            if (lower == "excluded" || (!pg_target && in_cte_scope(r))) continue;
            if (tsql_pseudo && (lower == "inserted" || lower == "deleted")) continue;
            if (r.candidate && aliases_.count({alias_key(r.name), r.depth})) continue;
            // T-SQL/MySQL UPDATE t ... FROM s.t / DELETE t FROM s.t: the target is
            // the exposed name of the qualified item.
            if (r.candidate && exposes(r)) continue;
        }
        out.insert(r.name);
    }
}

// A possibly qualified name at pos_: part ('.' part)*, parts being words or
// delimited identifiers. `db..t` keeps the empty part; `db.*` sets star.
// A MySQL "..." where a name goes (FROM "orders", INSERT INTO "shop"."log"):
// a string to MySQL's default mode, which no table position takes, but the
// name itself under ANSI_QUOTES, as generated SQL writes it. Only read in
// name positions (after FROM, JOIN, INTO, UPDATE, TABLE, ...): elsewhere it
// stays a string (PREPARE s FROM "...", TRIM("0" FROM x) are no FROM lists).
bool StatementAnalyzer::ansi_quoted_name(size_t i) const {
    return d_ == SqlDialect::MySQL && i < e_ && t_[i].kind == TokKind::String && t_[i].begin < sql_.size() &&
           sql_[t_[i].begin] == '"';
}

// The text of the name part at token i: a word or delimited name normalised
// (norm), a MySQL "..." name with its escapes undone.
std::string StatementAnalyzer::name_part(size_t i) const {
    if (t_[i].kind != TokKind::String) return norm(t_[i]);
    const std::string_view c = string_content(t_[i]);
    std::string out;
    for (size_t k = 0; k < c.size(); ++k) {
        if ((c[k] == '\\' || (c[k] == '"' && k + 1 < c.size() && c[k + 1] == '"')) && k + 1 < c.size()) ++k;
        out.push_back(c[k]);
    }
    return out;
}

bool StatementAnalyzer::parse_name(ParsedName &n) {
    // OPTION, OUTPUT and LOCK start clauses only after a table's name, so
    // right after FROM, JOIN, INTO, UPDATE or TABLE they are one
    // (`SELECT * FROM option`, `UPDATE output SET ...`).
    // So is TABLE right after FROM or JOIN when no name or '(' follows it
    // (WikiSQL's `SELECT col FROM table WHERE ...`; FROM TABLE(f(...)) is a
    // table function).
    // So are MERGE, REPLACE, PARTITION, PROCEDURE, TRUNCATE and TOP right
    // after FROM, JOIN, INTO, UPDATE, TABLE or a FROM list's ',' (PostgreSQL
    // does not reserve them: `SELECT * FROM merge`, `UPDATE replace SET ...`;
    // T-SQL's TOP (n) comes before those words, and UPDATE TOP (n) is skipped
    // before this); merge(...) stays ClickHouse's table function.
    const bool clause_word_as_name =
        pos_ > start_ &&
        ((word_in(pos_, {"OPTION", "OUTPUT", "LOCK"}) && word_in(pos_ - 1, {"FROM", "JOIN", "INTO", "UPDATE", "TABLE"})) ||
         (word_at(pos_, "TABLE") && word_in(pos_ - 1, {"FROM", "JOIN"}) && !punct_at(pos_ + 1, '(') &&
          !punct_at(pos_ + 1, '.') && !name_start(pos_ + 1)) ||
         (word_in(pos_, {"MERGE", "REPLACE", "PARTITION", "PROCEDURE", "TRUNCATE", "TOP"}) &&
          (word_in(pos_ - 1, {"INTO", "UPDATE", "TABLE"}) ||
           ((word_in(pos_ - 1, {"FROM", "JOIN"}) || (punct_at(pos_ - 1, ',') && cur().from_list)) &&
            !punct_at(pos_ + 1, '(')))));
    if ((d_ == SqlDialect::Snowflake || d_ == SqlDialect::Unknown) && word_at(pos_, "IDENTIFIER") &&
        punct_at(pos_ + 1, '('))
        return parse_identifier_call(n);
    if (!name_start(pos_) && !clause_word_as_name && !ansi_quoted_name(pos_)) return false;
    n.at = pos_;
    n.quoted = quoted_as_written(t_[pos_]) || ansi_quoted_name(pos_);
    n.text = name_part(pos_++);
    n.parts = 1;
    if (d_ == SqlDialect::BigQuery && !n.quoted) glue_dashed_project(n);
    while (punct_at(pos_, '.')) {
        const size_t nx = pos_ + 1;
        if (nx < e_ && (t_[nx].kind == TokKind::Word || t_[nx].kind == TokKind::Ident || ansi_quoted_name(nx))) {
            n.text += "." + name_part(nx);
            pos_ += 2;
        } else if (punct_at(nx, '.')) {
            n.text += ".";
            ++pos_;
        } else {
            if (punct_at(nx, '*')) {
                n.star = true;
                pos_ += 2;
            }
            break;
        }
        ++n.parts;
    }
    if (!n.star && (d_ == SqlDialect::Oracle || d_ == SqlDialect::Unknown)) glue_db_link(n);
    return true;
}

// Snowflake (and Databricks) IDENTIFIER('db.sch.t') at pos_ names the table
// of its literal, parts quoted or not ('"My Table"'), read like the same name
// written outside; IDENTIFIER($var) / IDENTIFIER(:var) names one known only
// when it runs: no name, and pos_ stays (the call is skipped like any other).
bool StatementAnalyzer::parse_identifier_call(ParsedName &n) {
    const size_t open = pos_ + 1;
    if (after_[open] != open + 3 || t_[open + 1].kind != TokKind::String || !punct_at(open + 2, ')')) return false;
    const std::string_view c = string_content(t_[open + 1]);
    if (c.find('\\') != std::string_view::npos || c.find('\'') != std::string_view::npos) return false;
    std::string text;
    size_t parts = 0;
    bool first_quoted = false;
    for (size_t i = 0;;) {
        std::string part;
        const bool quoted = i < c.size() && c[i] == '"';
        if (quoted) {
            for (++i;; ++i) {
                if (i >= c.size()) return false;  // unterminated
                if (c[i] == '"' && (i + 1 >= c.size() || c[i + 1] != '"')) break;
                if (c[i] == '"') ++i;  // "" is one "
                part.push_back(c[i]);
            }
            ++i;
        } else {
            while (i < c.size() && is_word_char(static_cast<unsigned char>(c[i]))) part.push_back(c[i++]);
        }
        if (part.empty()) return false;
        const bool as_written = quoted && quoted_keeps_case(part);
        if (parts == 0) first_quoted = as_written;
        text += (parts > 0 ? "." : "") + (as_written ? part : ascii_lower(part));
        ++parts;
        if (i == c.size()) break;
        if (c[i] != '.') return false;
        ++i;
    }
    n.at = pos_;
    n.text = std::move(text);
    n.parts = parts;
    n.quoted = first_quoted;
    pos_ = open + 3;
    return true;
}

// Oracle `name@dblink`: a table of a remote database, kept with its link as
// written (employees@remote_db, hr.emp@sales.example.com@inst1), the link's
// unquoted parts lower-cased like the name's. pos_ is after the name; '@' and
// the link must touch what is before them. A link counts as one more part:
// the name is qualified, neither an alias nor a CTE.
void StatementAnalyzer::glue_db_link(ParsedName &n) {
    if (!punct_at(pos_, '@') || t_[pos_].begin != t_[pos_ - 1].end) return;
    size_t i = pos_;
    std::string link;
    while ((punct_at(i, '@') || (i > pos_ && punct_at(i, '.'))) && i + 1 < e_ &&
           (t_[i + 1].kind == TokKind::Word || t_[i + 1].kind == TokKind::Ident) &&
           t_[i + 1].begin == t_[i].begin + 1 && t_[i].begin == t_[i - 1].end) {  // (a Punct's end is its begin)
        link += t_[i].text + norm(t_[i + 1]);
        i += 2;
    }
    if (link.empty()) return;
    n.text += link;
    ++n.parts;
    pos_ = i;
}

// BigQuery lets a project id with dashes stand unquoted at the head of a
// path: FROM my-project.dataset.t (elsewhere `x-y` is a subtraction). pos_ is
// after the first word of `n`. The dashes must touch the words around them
// and a dataset must follow, or nothing is glued. The lexer reads a part that
// starts with a digit together with the rest of the path (`-123.ds.t` is '-'
// and the number 123.ds.t), so a number may bring its own parts.
void StatementAnalyzer::glue_dashed_project(ParsedName &n) {
    size_t i = pos_;
    std::string text = n.text;
    size_t dots = 0;
    while (dots == 0 && punct_at(i, '-') && i + 1 < e_ && t_[i].begin == t_[i - 1].end &&
           t_[i + 1].begin == t_[i].begin + 1 && (t_[i + 1].kind == TokKind::Word || t_[i + 1].kind == TokKind::Number)) {
        const std::string part = ascii_lower(t_[i + 1].text);
        dots = static_cast<size_t>(std::count(part.begin(), part.end(), '.'));
        text += "-" + part;
        i += 2;
    }
    if (i == pos_ || (dots == 0 && !punct_at(i, '.'))) return;
    if (!text.empty() && text.back() == '.') {  // 123.`dataset`: the number kept the dot
        if (i >= e_ || (t_[i].kind != TokKind::Word && t_[i].kind != TokKind::Ident)) return;
        text += norm(t_[i++]);
    }
    n.text = std::move(text);
    n.parts += dots;
    pos_ = i;
}

void StatementAnalyzer::record(const ParsedName &n, bool candidate) {
    if (n.star || n.text.empty()) return;
    last_item_ref_ = refs_.size();
    refs_.push_back(NameRef{n.text, n.parts == 1, candidate, cur().depth, n.at, recording_target_});
    refs_.back().list = cur().list;
    refs_.back().quoted = n.quoted;
}

bool StatementAnalyzer::record_name() {
    ParsedName n;
    if (!parse_name(n)) return false;
    record(n, false);
    return true;
}

// `[ONLY] name [*] [(cols)] [...] , ...` for TRUNCATE, DROP, LOCK, GRANT, VACUUM.
void StatementAnalyzer::parse_name_list(bool skip_columns, bool skip_to_comma) {
    while (pos_ < e_) {
        skip_words({"ONLY"});
        if (!record_name()) return;
        if (punct_at(pos_, '*')) ++pos_;
        if (skip_columns) pos_ = skip_parens(pos_);
        while (skip_to_comma && pos_ < e_ && !punct_at(pos_, ',')) pos_ = punct_at(pos_, '(') ? skip_parens(pos_) : pos_ + 1;
        if (!punct_at(pos_, ',')) return;
        ++pos_;
    }
}

// BigQuery's legacy SQL names a table in brackets where a relation goes:
// FROM [project:dataset.table], FROM [dataset.table] (#legacySQL queries).
// The name is kept as written between the brackets (pos_ on the '[').
bool StatementAnalyzer::legacy_bigquery_name(ParsedName &n) {
    if (d_ != SqlDialect::BigQuery || !punct_at(pos_, '[')) return false;
    size_t i = pos_ + 1;
    size_t dots = 0;
    for (; i < e_ && i < pos_ + 64 && !punct_at(i, ']'); ++i) {
        const Token &tk = t_[i];
        if (tk.kind == TokKind::Punct ? !(tk.text[0] == '.' || tk.text[0] == ':' || tk.text[0] == '-')
                                      : tk.kind != TokKind::Word && tk.kind != TokKind::Number)
            return false;
        if (tk.kind == TokKind::Punct && tk.text[0] == '.') ++dots;
        if (tk.kind == TokKind::Number) dots += static_cast<size_t>(std::count(tk.text.begin(), tk.text.end(), '.'));
    }
    if (!punct_at(i, ']') || i == pos_ + 1 || dots == 0) return false;
    n.at = pos_;
    n.text = std::string(sql_.substr(t_[pos_].begin + 1, t_[i].begin - t_[pos_].begin - 1));  // (a Punct's end is its begin)
    n.parts = dots + 1;
    n.quoted = true;
    pos_ = i + 1;
    return true;
}

// Spark/Databricks read files by path where a table goes: format.`path`
// (parquet.`/data/x.parquet`, json.`s3://b/k/`): files, no table. (A table
// format's path, delta.`/mnt/t`, is a table: R9AnySparkPathTable.) n is two
// parts, the first an unquoted file format, the second a delimited path.
bool StatementAnalyzer::file_path(const ParsedName &n) const {
    if (d_ != SqlDialect::Unknown || n.parts != 2 || n.quoted || n.at + 2 >= e_) return false;
    const Token &path = t_[n.at + 2];
    return path.kind == TokKind::Ident && path.text.find('/') != std::string::npos &&
           one_of(ascii_upper(t_[n.at].text), {"PARQUET", "CSV", "JSON", "ORC", "AVRO", "TEXT", "BINARYFILE"});
}

bool StatementAnalyzer::is_dual(const ParsedName &n) const {
    if (d_ != SqlDialect::MySQL && d_ != SqlDialect::Oracle && d_ != SqlDialect::Snowflake &&
        d_ != SqlDialect::Unknown)
        return false;
    // Oracle's dual@remote (the remote database's clock, SELECT SYSDATE FROM
    // dual@link) is dual too.
    const size_t at = n.text.find('@');
    const size_t parts = at == std::string::npos ? n.parts : n.parts - 1;
    return parts == 1 && !n.quoted && ascii_upper(n.text.substr(0, at)) == "DUAL";
}

// One FROM/JOIN/USING/APPLY item at pos_. Subqueries are left for the scan
// loop to descend into; parenthesised joins open a level in from-list mode.
void StatementAnalyzer::parse_from_item(bool candidate) {
    last_item_ref_ = static_cast<size_t>(-1);
    for (;;) {
        skip_words({"LATERAL", "ONLY"});
        if (word_at(pos_, "ROWS") && word_at(pos_ + 1, "FROM")) pos_ += 2;
        // Db2's data-change table reference: FROM {FINAL | NEW | OLD} TABLE
        // (INSERT | UPDATE | DELETE | MERGE ...): the rows of that statement.
        if (word_in(pos_, {"FINAL", "NEW", "OLD"}) && word_at(pos_ + 1, "TABLE") && punct_at(pos_ + 2, '(')) pos_ += 2;
        if (!punct_at(pos_, '(') || subquery_start(pos_ + 1)) break;
        ++pos_;
        Level l;
        l.verb = Verb::Select;
        l.from_list = true;
        l.candidates = candidate;
        l.depth = cur().depth;
        l.list = cur().list;
        levels_.push_back(l);
    }
    ParsedName n;
    if (legacy_bigquery_name(n)) {
        record(n, candidate);
        parse_alias();
        return;
    }
    // Databricks streaming reads: FROM STREAM(t) / STREAM(LIVE.t) is the table
    // t; FROM STREAM read_files(...) a table function read as a stream.
    // (`FROM stream s` stays a table named stream.)
    if (d_ == SqlDialect::Unknown && word_at(pos_, "STREAM")) {
        if (punct_at(pos_ + 1, '(') && name_start(pos_ + 2)) {
            const size_t close = after_[pos_ + 1];
            const size_t at = pos_;
            pos_ += 2;
            if (parse_name(n) && punct_at(pos_, ')') && pos_ + 1 == close) {
                record(n, candidate);
                pos_ = close;
                parse_alias();
                return;
            }
            pos_ = at;
            n = ParsedName{};
        } else if (name_start(pos_ + 1) && (punct_at(pos_ + 2, '(') || punct_at(pos_ + 2, '.'))) {
            ++pos_;  // STREAM f(...), STREAM db.t
        }
    }
    if (!parse_name(n)) return;
    if (punct_at(pos_, '(')) {
        if (table_hints_at(pos_)) {  // T-SQL `Users (NOLOCK)`
            record(n, candidate);
            pos_ = skip_parens(pos_);
            parse_alias();
            return;
        }
        // T-SQL full-text table functions: their first argument is a table;
        // so is CHANGETABLE's after CHANGES or VERSION (change tracking).
        if ((d_ == SqlDialect::SQLServer || d_ == SqlDialect::Unknown) && n.parts == 1 && !n.quoted &&
            one_of(ascii_upper(n.text), {"CONTAINSTABLE", "FREETEXTTABLE", "CHANGETABLE"})) {
            const size_t close = skip_parens(pos_);
            ++pos_;
            if (ascii_upper(n.text) == "CHANGETABLE") skip_words({"CHANGES", "VERSION"});
            ParsedName arg;
            if (parse_name(arg) && (punct_at(pos_, ',') || punct_at(pos_, ')'))) record(arg, false);
            pos_ = close;
            parse_alias();
        }
        // ClickHouse remote | remoteSecure | cluster | clusterAllReplicas
        // ('addr', db.t | db, t | 'db', 't' [, ...]): that table on other servers.
        if (d_ == SqlDialect::Unknown && n.parts == 1 && !n.quoted &&
            one_of(ascii_upper(n.text), {"REMOTE", "REMOTESECURE", "CLUSTER", "CLUSTERALLREPLICAS"}) &&
            pos_ + 2 < e_ && t_[pos_ + 1].kind == TokKind::String && punct_at(pos_ + 2, ',')) {
            const size_t close = skip_parens(pos_);
            pos_ += 3;
            ParsedName db;
            auto part = [&](size_t i) {  // a name or a string naming one
                return t_[i].kind == TokKind::String ? std::string(string_content(t_[i])) : norm(t_[i]);
            };
            const bool simple = pos_ + 2 < e_ && (name_start(pos_) || t_[pos_].kind == TokKind::String) &&
                                punct_at(pos_ + 1, ',') &&
                                (name_start(pos_ + 2) || t_[pos_ + 2].kind == TokKind::String);
            if (simple) {
                db.at = pos_;
                db.text = part(pos_) + "." + part(pos_ + 2);
                db.parts = 2;
                record(db, false);
            } else if (parse_name(db) && db.parts >= 2 && (punct_at(pos_, ',') || punct_at(pos_, ')'))) {
                record(db, false);
            }
            pos_ = close;
            parse_alias();
        }
        return;  // table function: generate_series(...), OPENJSON(...)
    }
    // A BigQuery wildcard table written without backticks (ds.events_*, as
    // generated queries often have it): the '*' touching the name is its end.
    if (d_ == SqlDialect::BigQuery && punct_at(pos_, '*') && t_[pos_].begin == t_[pos_ - 1].end) {
        n.text += '*';
        ++pos_;
    }
    if (correlated_path(n) || file_path(n))
        last_item_ref_ = static_cast<size_t>(-1);  // an array of an earlier item, files: not a table
    else if (!is_dual(n))
        record(n, candidate);
    if (punct_at(pos_, '*')) ++pos_;
    if (!parse_alias() && d_ == SqlDialect::BigQuery) {
        // Unaliased, a path exposes its last name (`ds.t` is t).
        const size_t dot = n.text.rfind('.');
        add_range_var(dot == std::string::npos ? n.text : n.text.substr(dot + 1));
    }
}

bool StatementAnalyzer::parse_alias() {
    auto take = [&] {
        const std::string alias = norm(t_[pos_++]);
        aliases_.insert({alias_key(alias), cur().depth});
        if (last_item_ref_ < refs_.size()) refs_[last_item_ref_].aliased = true;
        if (d_ == SqlDialect::BigQuery) add_range_var(alias);
        return true;
    };
    if (word_at(pos_, "AS")) {
        ++pos_;
        return pos_ < e_ && (t_[pos_].kind == TokKind::Word || t_[pos_].kind == TokKind::Ident) && take();
    }
    return name_start(pos_) && take();
}

void StatementAnalyzer::add_range_var(const std::string &name) {
    if (cur().list != 0) range_vars_.emplace_back(ascii_lower(name), cur().list);
}

// BigQuery's correlated join: in `FROM ds.t AS t, t.arr` (or `JOIN t.arr`) a
// path whose first name is the alias, or the implicit alias (last name), of an
// earlier item of the same FROM is an array field of that item's rows
// unnested, as UNNEST(t.arr) is, not a table: BigQuery resolves a path's first
// name against those names first. (Names are not case-sensitive there.)
bool StatementAnalyzer::correlated_path(const ParsedName &n) const {
    const size_t list = levels_.back().list;
    if (d_ != SqlDialect::BigQuery || n.parts < 2 || list == 0) return false;
    const Token &first = t_[n.at];
    const std::string head = ascii_lower(first.kind == TokKind::Word ? first.text : first.text.substr(0, first.text.find('.')));
    for (const auto &v : range_vars_)
        if (v.second == list && v.first == head) return true;
    return false;
}

// T-SQL `TOP (n) [PERCENT] [WITH TIES]` / `TOP n`.
void StatementAnalyzer::skip_top_clause() {
    // (TOP takes a number or a bracket: `UPDATE top SET ...` updates a table named top.)
    if (!top_clause_at(pos_)) return;
    ++pos_;
    if (punct_at(pos_, '('))
        pos_ = skip_parens(pos_);
    else if (pos_ < e_ && t_[pos_].kind == TokKind::Number)
        ++pos_;
    skip_words({"PERCENT"});
    if (word_at(pos_, "WITH") && word_at(pos_ + 1, "TIES")) pos_ += 2;
}

size_t StatementAnalyzer::find_word_at_depth0(size_t i, std::string_view kw) const {
    while (i < e_ && !word_at(i, kw)) i = punct_at(i, '(') ? skip_parens(i) : i + 1;
    return i;
}

// ---- statement-level dispatch --------------------------------------------------

void StatementAnalyzer::dispatch(size_t p, bool allow_explain) {
    size_t q = p;
    while (punct_at(q, '(')) ++q;
    if (q < e_ && t_[q].kind == TokKind::Word) {
        const std::string &kw = t_[q].upper;
        if (allow_explain && one_of(kw, {"EXPLAIN", "DESCRIBE", "DESC"})) {
            on_explain(q + 1);
            return;
        }
        if (dispatch_utility(kw, q)) return;
    }
    scan(p, e_, Verb::None);
}

bool StatementAnalyzer::dispatch_utility(const std::string &kw, size_t q) {
    pos_ = start_ = q + 1;
    if (kw == "TRUNCATE") {
        skip_words({"TABLE"});
        if (word_at(pos_, "IF") && word_at(pos_ + 1, "EXISTS")) pos_ += 2;  // Snowflake, ClickHouse, Spark
        parse_name_list(false, false);
    } else if (kw == "DROP" || kw == "ALTER") {
        on_drop_or_alter(q + 1, kw == "ALTER");
    } else if (kw == "CREATE") {
        on_create(q + 1);
    } else if (kw == "COPY") {
        on_copy(q + 1);
    } else if (kw == "VACUUM" || kw == "ANALYZE" || kw == "ANALYSE") {
        on_maintenance(q + 1, kw == "VACUUM");
    } else if (kw == "LOCK") {
        skip_words({"TABLE", "TABLES"});
        parse_name_list(false, true);
    } else if (kw == "GRANT" || kw == "REVOKE" || kw == "DENY") {  // (DENY: T-SQL)
        on_grant(q + 1);
    } else if (kw == "REFRESH") {
        // REFRESH MATERIALIZED VIEW [CONCURRENTLY] v; Spark/Databricks REFRESH
        // [FOREIGN] TABLE t (REFRESH FUNCTION f, REFRESH 'path' name none).
        if (word_at(pos_, "MATERIALIZED") && word_at(pos_ + 1, "VIEW")) {
            pos_ += 2;
        } else if (word_at(pos_, "FOREIGN") && word_at(pos_ + 1, "TABLE")) {
            pos_ += 2;
        } else if (word_at(pos_, "TABLE")) {
            ++pos_;
        } else {
            return true;
        }
        skip_words({"CONCURRENTLY"});
        record_name();
    } else if ((kw == "CACHE" || kw == "UNCACHE" || (kw == "MSCK" && word_at(pos_, "REPAIR"))) &&
               word_at(pos_ + (kw == "MSCK" || word_at(pos_, "LAZY")), "TABLE")) {
        // Spark/Databricks [UN]CACHE [LAZY] TABLE [IF EXISTS] t [AS query],
        // Hive MSCK REPAIR TABLE t: the table they work on.
        pos_ += kw == "MSCK" || word_at(pos_, "LAZY") ? 2 : 1;
        if (word_at(pos_, "IF") && word_at(pos_ + 1, "EXISTS")) pos_ += 2;
        record_name();
        scan(pos_, e_, Verb::Other);
    } else if (kw == "CLUSTER") {
        on_cluster(q + 1);
    } else if (kw == "REINDEX") {
        // REINDEX [(options)] TABLE [CONCURRENTLY] name; INDEX/SCHEMA/... name no table.
        pos_ = skip_parens(pos_);
        skip_words({"VERBOSE"});
        if (!word_at(pos_, "TABLE")) return true;
        ++pos_;
        skip_words({"CONCURRENTLY"});
        record_name();
    } else if (kw == "COMMENT" && word_at(pos_, "ON")) {
        on_comment(q + 2);
    } else if (kw == "SECURITY" && word_at(pos_, "LABEL")) {
        // PostgreSQL SECURITY LABEL [FOR provider] ON object IS 'label': read like COMMENT ON.
        pos_ += word_at(pos_ + 1, "FOR") ? 3 : 1;
        if (word_at(pos_, "ON")) on_comment(pos_ + 1);
    } else if (kw == "RENAME" && word_in(pos_, {"TABLE", "TABLES"})) {
        on_rename(q + 2);
    } else if (kw == "RENAME" && (d_ == SqlDialect::Oracle || d_ == SqlDialect::Unknown) && name_start(pos_) &&
               !word_in(pos_, {"DATABASE", "DICTIONARY", "USER", "ROLE", "SCHEMA", "COLUMN", "INDEX", "VIEW",
                               "SEQUENCE", "FUNCTION", "PROCEDURE", "TRIGGER", "CONSTRAINT", "PARTITION"})) {
        // Oracle RENAME old TO new (a table, view, sequence or synonym of the
        // user's schema): read like MySQL's RENAME TABLE.
        on_rename(q + 1);
    } else if ((kw == "ATTACH" || kw == "DETACH") && word_at(pos_, "TABLE") && d_ == SqlDialect::Unknown) {
        // ClickHouse {ATTACH | DETACH} TABLE [IF [NOT] EXISTS] t [ON CLUSTER
        // c] ...: the table they work on.
        ++pos_;
        if (word_at(pos_, "IF") && word_at(pos_ + 1, "NOT") && word_at(pos_ + 2, "EXISTS")) pos_ += 3;
        if (word_at(pos_, "IF") && word_at(pos_ + 1, "EXISTS")) pos_ += 2;
        record_name();
    } else if (kw == "FLUSH" && word_in(pos_, {"NO_WRITE_TO_BINLOG", "LOCAL"}) && word_in(pos_ + 1, {"TABLE", "TABLES"})) {
        pos_ += 2;  // MySQL FLUSH {NO_WRITE_TO_BINLOG | LOCAL} TABLES t, ...
        parse_name_list(false, true);
    } else if (one_of(kw, {"OPTIMIZE", "REPAIR", "CHECK", "CHECKSUM", "UNDROP", "FLASHBACK", "PURGE", "RESTORE",
                           "FLUSH"}) &&
               word_in(pos_, {"TABLE", "TABLES"})) {
        // MySQL table maintenance (and FLUSH TABLES t, ... [WITH READ LOCK |
        // FOR EXPORT]), Snowflake UNDROP TABLE, Oracle FLASHBACK
        // TABLE t[, ...] TO {BEFORE DROP | SCN | TIMESTAMP} and PURGE TABLE t,
        // Delta RESTORE TABLE t TO VERSION AS OF n: the tables it works on.
        ++pos_;
        parse_name_list(false, true);
    } else if ((kw == "OPTIMIZE" || kw == "SUMMARIZE") && d_ == SqlDialect::Unknown && name_start(pos_)) {
        // Databricks/Delta OPTIMIZE t [WHERE ...] [ZORDER BY (cols)] and
        // DuckDB SUMMARIZE t: the table they work on (with TABLE above;
        // SUMMARIZE SELECT ... is read as its query).
        record_name();
    } else if (kw == "EXCHANGE" && word_at(pos_, "TABLES")) {
        // ClickHouse EXCHANGE TABLES a AND b: the two tables trade names.
        ++pos_;
        if (record_name() && word_at(pos_, "AND")) {
            ++pos_;
            record_name();
        }
    } else if ((kw == "ENABLE" || kw == "DISABLE") && word_at(pos_, "TRIGGER")) {
        // T-SQL {ENABLE | DISABLE} TRIGGER {trg, ... | ALL} ON t: the trigger's
        // table, like CREATE TRIGGER's (ON DATABASE / ALL SERVER: none).
        const size_t on = find_word_at_depth0(pos_, "ON");
        if (on < e_ && !word_in(on + 1, {"DATABASE", "ALL"})) {
            pos_ = on + 1;
            record_name();
        }
    } else if (kw == "SHOW" && (d_ == SqlDialect::MySQL || d_ == SqlDialect::Unknown || d_ == SqlDialect::PostgreSQL)) {
        on_show(q + 1);
    } else if (kw == "SHOW" && d_ == SqlDialect::Snowflake) {
        // Snowflake SHOW COLUMNS IN TABLE t, SHOW GRANTS ON VIEW v, ...: the
        // table or view they describe (SHOW TABLES IN SCHEMA s names none).
        for (size_t i = pos_; i + 2 < e_; ++i) {
            if (word_in(i, {"IN", "ON"}) && word_in(i + 1, {"TABLE", "VIEW"})) {
                pos_ = i + 2;
                record_name();
                break;
            }
        }
    } else if (kw == "LOAD" && word_at(pos_, "DATA") && word_in(pos_ + 1, {"INTO", "OVERWRITE"})) {
        // BigQuery LOAD DATA {INTO | OVERWRITE} [{TEMP | TEMPORARY} TABLE] t
        // [(cols)] ... FROM FILES (...): the table it fills (MySQL's LOAD DATA
        // has INFILE first).
        pos_ += 2;
        if (word_in(pos_, {"TEMP", "TEMPORARY"}) && word_at(pos_ + 1, "TABLE")) pos_ += 2;
        record_name();
    } else if (kw == "LOAD" && word_in(pos_, {"DATA", "XML"})) {
        // MySQL LOAD {DATA | XML} [LOCAL] INFILE 'f' [REPLACE|IGNORE] INTO TABLE t: like COPY.
        const size_t into = find_word_at_depth0(pos_, "INTO");
        if (into < e_ && word_at(into + 1, "TABLE")) {
            pos_ = into + 2;
            record_name();
        }
    } else {
        return false;
    }
    return true;
}

// CLUSTER [VERBOSE] [(options)] name [USING index] | CLUSTER [VERBOSE] index ON name
void StatementAnalyzer::on_cluster(size_t q) {
    pos_ = q;
    skip_words({"VERBOSE"});
    pos_ = skip_parens(pos_);
    skip_words({"VERBOSE"});
    ParsedName n;
    if (!parse_name(n)) return;
    if (word_at(pos_, "ON")) {
        ++pos_;
        record_name();
    } else {
        record(n, false);
    }
}

// COMMENT ON TABLE | VIEW | MATERIALIZED VIEW | FOREIGN TABLE name IS ...;
// COMMENT ON COLUMN [schema.]table.column IS ... (the table).
void StatementAnalyzer::on_comment(size_t q) {
    pos_ = q;
    if (word_in(pos_, {"MATERIALIZED", "FOREIGN"}) && word_in(pos_ + 1, {"VIEW", "TABLE"})) {
        pos_ += 2;
        record_name();
        return;
    }
    if (word_in(pos_, {"TABLE", "VIEW"})) {
        ++pos_;
        record_name();
        return;
    }
    if (!word_at(pos_, "COLUMN")) return;
    ++pos_;
    ParsedName table;
    table.at = pos_;
    std::vector<std::string> parts;
    while (pos_ < e_ && (t_[pos_].kind == TokKind::Word || t_[pos_].kind == TokKind::Ident)) {
        parts.push_back(norm(t_[pos_++]));
        if (!punct_at(pos_, '.')) break;
        ++pos_;
    }
    if (parts.size() < 2) return;
    for (size_t k = 0; k + 1 < parts.size(); ++k) table.text += (k > 0 ? "." : "") + parts[k];
    table.parts = parts.size() - 1;  // without the column
    record(table, false);
}

// MySQL RENAME TABLE a TO b [, c TO d ...]: both names of each pair.
void StatementAnalyzer::on_rename(size_t q) {
    pos_ = q;
    while (record_name()) {
        if (!word_at(pos_, "TO")) return;
        ++pos_;
        if (!record_name() || !punct_at(pos_, ',')) return;
        ++pos_;
    }
}

// DROP/ALTER TABLE | VIEW | MATERIALIZED VIEW | FOREIGN TABLE [IF EXISTS] ...
// (and Snowflake's STREAM: a stream is read like a table, as in CREATE STREAM).
void StatementAnalyzer::on_drop_or_alter(size_t q, bool alter) {
    pos_ = q;
    skip_words({"TEMPORARY"});  // MySQL DROP TEMPORARY TABLE
    if (word_at(pos_, "TABLE") && word_at(pos_ + 1, "FUNCTION")) return;  // BigQuery: a function
    // T-SQL ALTER {PROCEDURE | PROC | FUNCTION | TRIGGER} redefines the object
    // with a body, read as CREATE's (elsewhere ALTER changes options only).
    if (alter && (d_ == SqlDialect::SQLServer || d_ == SqlDialect::Unknown) &&
        word_in(pos_, {"PROCEDURE", "PROC", "FUNCTION", "TRIGGER"})) {
        on_create(pos_);
        return;
    }
    if (alter && word_at(pos_, "PUBLICATION")) {
        on_publication(pos_ + 2);
        return;
    }
    if (word_in(pos_, {"TABLE", "VIEW", "STREAM"})) {
        ++pos_;
    } else if (word_in(pos_, {"MATERIALIZED", "FOREIGN", "SECURE", "DYNAMIC", "EXTERNAL", "SNAPSHOT", "EVENT"}) &&
               word_in(pos_ + 1, {"VIEW", "TABLE"})) {
        pos_ += 2;
        // Oracle {DROP | ALTER} MATERIALIZED VIEW LOG ON t: the log of the table t
        // (ClickHouse's view log ON CLUSTER c is a view named log).
        if (word_at(pos_ - 2, "MATERIALIZED") && word_at(pos_, "LOG") && word_at(pos_ + 1, "ON") &&
            !word_at(pos_ + 2, "CLUSTER"))
            pos_ += 2;
    } else if (word_at(pos_, "POLICY")) {
        // PostgreSQL ALTER POLICY p ON t: the table, as its parser reads it
        // (and CREATE POLICY); DROP POLICY p ON t drops no table and names none there.
        const size_t on = find_word_at_depth0(pos_, "ON");
        if (alter && on < e_) {
            pos_ = on + 1;
            record_name();
        }
        return;
    } else if (word_at(pos_, "INDEX")) {
        // MySQL/T-SQL DROP INDEX ix ON t, T-SQL ALTER INDEX {ix | ALL} ON t
        // REBUILD: the table, like CREATE INDEX's ON table (PostgreSQL's
        // ALTER/DROP INDEX name no table).
        const size_t on = find_word_at_depth0(pos_, "ON");
        if (on < e_) {
            pos_ = on + 1;
            record_name();
        } else if (!alter && d_ == SqlDialect::SQLServer) {
            // T-SQL's older DROP INDEX [schema.]table.index[, ...]: the table.
            ++pos_;
            if (word_at(pos_, "IF") && word_at(pos_ + 1, "EXISTS")) pos_ += 2;
            for (ParsedName n; parse_name(n) && n.parts >= 2;) {
                n.text.erase(n.text.rfind('.'));
                --n.parts;
                record(n, false);
                if (!punct_at(pos_, ',')) break;
                ++pos_;
                n = ParsedName{};
            }
        }
        return;
    } else {
        return;
    }
    if (word_at(pos_, "IF") && word_at(pos_ + 1, "EXISTS")) pos_ += 2;
    if (!alter) {
        parse_name_list(false, false);
        return;
    }
    skip_words({"ONLY"});
    if (!record_name()) return;
    if (punct_at(pos_, '*')) ++pos_;
    if (word_at(pos_, "APPEND") && word_at(pos_ + 1, "FROM")) {  // Redshift: t2's rows move into t
        pos_ += 2;
        record_name();
        return;
    }
    if (word_at(pos_, "SWAP") && word_at(pos_ + 1, "WITH")) {  // Snowflake: the two tables trade contents
        pos_ += 2;
        record_name();
        return;
    }
    if (word_at(pos_, "SWITCH")) {  // T-SQL SWITCH [PARTITION n] TO t2 [PARTITION n]: rows move to t2
        const size_t to = find_word_at_depth0(pos_, "TO");
        if (to < e_) {
            pos_ = to + 1;
            record_name();
        }
        return;
    }
    scan(pos_, e_, Verb::Other);  // REFERENCES, ATTACH PARTITION in the rest
}

// PostgreSQL CREATE PUBLICATION p FOR TABLE [ONLY] t [*] [(cols)] [WHERE
// (cond)], ..., TABLES IN SCHEMA s, ... and ALTER PUBLICATION p {ADD | SET |
// DROP} the same list (q just after the publication's name): the tables
// published (FOR ALL TABLES and schemas name none). The row filters' own
// tables, if any, are left to the scan.
void StatementAnalyzer::on_publication(size_t q) {
    pos_ = q;
    if (!word_in(pos_, {"FOR", "ADD", "SET", "DROP"})) return;
    ++pos_;
    bool tables = false;
    for (;;) {
        if (word_at(pos_, "TABLES") && word_at(pos_ + 1, "IN") && word_at(pos_ + 2, "SCHEMA")) {
            tables = false;
            pos_ += 3;
        } else if (word_at(pos_, "TABLE")) {
            tables = true;
            ++pos_;
        }
        if (tables) {
            skip_words({"ONLY"});
            if (!record_name()) return;
            if (punct_at(pos_, '*')) ++pos_;
            pos_ = skip_parens(pos_);
            if (word_at(pos_, "WHERE")) pos_ = skip_parens(pos_ + 1);
        } else if (name_start(pos_)) {
            ++pos_;  // a schema (or CURRENT_SCHEMA)
        } else {
            return;
        }
        if (!punct_at(pos_, ',')) return;
        ++pos_;
    }
}

void StatementAnalyzer::on_create(size_t q) {
    in_create_ = true;
    pos_ = q;
    for (;;) {
        if (word_at(pos_, "OR")) {
            pos_ += 2;  // OR REPLACE / OR ALTER
        } else if (word_in(pos_, {"GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "MATERIALIZED",
                                  "RECURSIVE", "FOREIGN", "VIRTUAL", "UNIQUE", "CLUSTERED",
                                  "NONCLUSTERED", "CONSTRAINT", "TRANSIENT", "SECURE", "DYNAMIC",
                                  "SNAPSHOT", "EXTERNAL", "ICEBERG", "HYBRID", "VOLATILE", "MULTISET"})) {
            ++pos_;
        } else if (pos_ < e_ && t_[pos_].kind == TokKind::Word && punct_at(pos_ + 1, '=')) {
            pos_ += 3;  // MySQL ALGORITHM=x, DEFINER=user[@host]
            if (punct_at(pos_, '@')) pos_ += 2;
        } else if (word_at(pos_, "SQL") && word_at(pos_ + 1, "SECURITY")) {
            pos_ += 3;
        } else if (word_at(pos_, "EVENT") && word_at(pos_ + 1, "TABLE")) {
            ++pos_;  // Snowflake CREATE EVENT TABLE e (MySQL's CREATE EVENT ev is no table)
        } else {
            break;
        }
    }
    if (word_at(pos_, "PUBLICATION")) {
        on_publication(pos_ + 2);
        return;
    }
    // Other products' attributes of the object (Oracle [NO] FORCE,
    // EDITIONABLE, BITMAP, PRIVATE; MySQL FULLTEXT / SPATIAL; T-SQL
    // COLUMNSTORE, PRIMARY XML; BigQuery SEARCH / VECTOR INDEX): up to three
    // bare words before TABLE, VIEW or INDEX (not CREATE TYPE t AS TABLE).
    if (!word_in(pos_, {"TABLE", "VIEW", "INDEX"})) {
        for (size_t k = 1; k <= 3 && pos_ + k < e_; ++k) {
            const Token &w = t_[pos_ + k - 1];
            if (w.kind != TokKind::Word || one_of(w.upper, {"AS", "ON", "FOR", "IS", "TYPE", "FUNCTION", "PROCEDURE",
                                                            "RETURNS", "SCHEMA", "DATABASE"}) ||
                punct_at(pos_ + k, '.'))
                break;
            if (word_in(pos_ + k, {"TABLE", "VIEW", "INDEX"})) {
                pos_ += k;
                break;
            }
        }
    }
    if (word_at(pos_, "TABLE") && word_at(pos_ + 1, "FUNCTION")) {
        // BigQuery CREATE TABLE FUNCTION f(args) AS SELECT ...: a function, whose
        // name is no more a table than CREATE FUNCTION's (nor is a call of it in
        // FROM); the tables its body reads are found by the scan.
        pos_ += 2;
    } else if (pos_ > 0 && word_at(pos_ - 1, "MATERIALIZED") && word_at(pos_, "VIEW") && word_at(pos_ + 1, "LOG") &&
               word_at(pos_ + 2, "ON") && !word_at(pos_ + 3, "CLUSTER")) {
        // Oracle CREATE MATERIALIZED VIEW LOG ON t: the log of the table t
        // (ClickHouse's view log ON CLUSTER c is a view named log).
        pos_ += 3;
        record_name();
    } else if (word_in(pos_, {"TABLE", "VIEW"})) {
        ++pos_;
        if (word_at(pos_, "IF") && word_at(pos_ + 1, "NOT") && word_at(pos_ + 2, "EXISTS")) pos_ += 3;
        const bool view = word_at(pos_ - 1, "VIEW");
        record_name();
        // ClickHouse CREATE MATERIALIZED VIEW mv [ON CLUSTER c] TO dest AS
        // SELECT ...: dest is the table the view's rows are written to.
        if (view && word_at(pos_, "ON") && word_at(pos_ + 1, "CLUSTER")) pos_ += 3;
        if (view && word_at(pos_, "TO")) {
            ++pos_;
            record_name();
        }
        // Snowflake COPY GRANTS (keep the replaced object's grants) names no source.
        if (word_at(pos_, "COPY") && word_at(pos_ + 1, "GRANTS") && !punct_at(pos_ + 2, '.')) pos_ += 2;
        // MySQL CREATE TABLE t LIKE s; Snowflake/BigQuery CREATE TABLE t CLONE s / COPY s;
        // Databricks CREATE TABLE t {SHALLOW | DEEP} CLONE s.
        if (word_in(pos_, {"SHALLOW", "DEEP"}) && word_at(pos_ + 1, "CLONE")) ++pos_;
        if (word_in(pos_, {"LIKE", "CLONE", "COPY"})) {
            ++pos_;
            record_name();
        }
        // ClickHouse CREATE TABLE t2 AS t [ENGINE = ...]: t2 takes t's structure
        // (AS SELECT, AS (query) and AS f(...), a table function, are no name).
        if (!view && word_at(pos_, "AS") && name_start(pos_ + 1) && !punct_at(pos_ + 2, '(') &&
            !(punct_at(pos_ + 2, '.') && pos_ + 4 < e_ && punct_at(pos_ + 4, '('))) {
            ++pos_;
            record_name();
        }
    } else if (word_in(pos_, {"INDEX", "TRIGGER"})) {
        const bool trigger = word_at(pos_, "TRIGGER");
        pos_ = find_word_at_depth0(pos_, "ON") + 1;
        skip_words({"ONLY"});
        if (!word_in(pos_, {"DATABASE", "ALL"})) record_name();
        if (!trigger) return;
    } else if (word_at(pos_, "STREAM")) {
        on_create_stream();
        return;
    } else if (word_at(pos_, "RULE")) {  // PostgreSQL CREATE RULE r AS ON event TO t [WHERE ...] DO ...
        const size_t on = find_word_at_depth0(pos_, "ON");
        if (word_at(on + 2, "TO")) {
            pos_ = on + 3;
            record_name();
        }
    } else if (word_at(pos_, "POLICY") || (word_at(pos_, "ROW") && word_at(pos_ + 1, "ACCESS") &&
                                           word_at(pos_ + 2, "POLICY"))) {
        // CREATE POLICY p ON t ... USING (...); BigQuery CREATE ROW ACCESS
        // POLICY p ON t GRANT TO (...) FILTER USING (...)
        pos_ = find_word_at_depth0(pos_, "ON") + 1;
        record_name();
    } else if (word_at(pos_, "STATISTICS")) {
        // PostgreSQL CREATE STATISTICS s [(kinds)] ON cols FROM t; T-SQL
        // CREATE STATISTICS s ON t (cols).
        const size_t from = find_word_at_depth0(pos_, "FROM");
        pos_ = (from < e_ ? from : find_word_at_depth0(pos_, "ON")) + 1;
        record_name();
        return;
    }
    scan(pos_, e_, Verb::Create);
}

// Snowflake CREATE STREAM [IF NOT EXISTS] s [COPY GRANTS] ON {TABLE | VIEW |
// EXTERNAL TABLE | DYNAMIC TABLE | EVENT TABLE | ICEBERG TABLE} src [AT | BEFORE
// (...)] ... | CLONE s2 (pos_ on STREAM). The stream is listed like CREATE
// VIEW's view: it is queried like a table (SELECT * FROM s, INSERT ... SELECT
// FROM s); so is its source. ON STAGE tracks files, no table. Other products'
// CREATE STREAM s ... AS SELECT (ksqlDB) go on to the scan.
void StatementAnalyzer::on_create_stream() {
    ++pos_;
    if (word_at(pos_, "IF") && word_at(pos_ + 1, "NOT") && word_at(pos_ + 2, "EXISTS")) pos_ += 3;
    if (!record_name()) return;
    if (word_at(pos_, "COPY") && word_at(pos_ + 1, "GRANTS")) pos_ += 2;
    if (word_at(pos_, "CLONE")) {
        ++pos_;
        record_name();
        return;
    }
    if (!word_at(pos_, "ON")) {
        scan(pos_, e_, Verb::Create);
        return;
    }
    ++pos_;
    if (word_in(pos_, {"EXTERNAL", "DYNAMIC", "EVENT", "ICEBERG"}) && word_at(pos_ + 1, "TABLE"))
        pos_ += 2;
    else if (word_in(pos_, {"TABLE", "VIEW"}))
        ++pos_;
    else
        return;
    record_name();
}

// COPY name [(cols)] FROM/TO ...  |  COPY (query) TO ...
void StatementAnalyzer::on_copy(size_t q) {
    pos_ = q;
    if (word_at(pos_, "INTO")) {  // Snowflake COPY INTO t FROM @stage | COPY INTO @stage FROM (query)
        ++pos_;
        on_copy_into();
        scan(pos_, e_, Verb::None);
        return;
    }
    if (punct_at(pos_, '(')) {
        const size_t close = skip_parens(pos_);
        scan(q + 1, close, Verb::None);
        return;
    }
    record_name();
}

// Snowflake COPY INTO t ... (pos_ after INTO): the table it loads; unloading
// into a stage or URL (COPY INTO @stage/path/ | 's3://...' FROM t), the table
// it reads after FROM (a FROM (query) is left to the scan).
void StatementAnalyzer::on_copy_into() {
    if (record_name()) return;
    const size_t from = find_word_at_depth0(pos_, "FROM");
    if (from >= e_) return;
    pos_ = from + 1;
    record_name();
}

// VACUUM [FULL|FREEZE|VERBOSE|ANALYZE] [(options)] [name [(cols)], ...]
// ANALYZE [VERBOSE] [(options)] [TABLE] [name [(cols)], ...]
void StatementAnalyzer::on_maintenance(size_t q, bool vacuum) {
    if (vacuum && d_ == SqlDialect::SQLite) return;  // SQLite VACUUM takes a schema name
    pos_ = q;
    const std::initializer_list<std::string_view> opts = {
        "FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE", "TABLE", "NO_WRITE_TO_BINLOG", "LOCAL",
        "COMPRESSION"};  // (Redshift ANALYZE COMPRESSION t)
    skip_words(opts);
    pos_ = skip_parens(pos_);
    skip_words(opts);
    // Redshift VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX | RECLUSTER] [t [TO n PERCENT]] [BOOST].
    if (vacuum && word_in(pos_, {"SORT", "DELETE"}) && word_at(pos_ + 1, "ONLY"))
        pos_ += 2;
    else if (vacuum && word_in(pos_, {"REINDEX", "RECLUSTER"}) && name_start(pos_ + 1))
        ++pos_;
    parse_name_list(true, false);
}

// GRANT/REVOKE ... ON [TABLE] name, ... : only table objects count.
void StatementAnalyzer::on_grant(size_t q) {
    pos_ = find_word_at_depth0(q, "ON") + 1;
    if (word_in(pos_, {"ALL", "SCHEMA", "SEQUENCE", "SEQUENCES", "FUNCTION", "FUNCTIONS",
                       "PROCEDURE", "PROCEDURES", "ROUTINE", "ROUTINES", "DATABASE", "DOMAIN",
                       "FOREIGN", "LANGUAGE", "LARGE", "TABLESPACE", "TYPE", "PARAMETER",
                       "SERVER", "TABLES"}))
        return;
    // The kind of object before its name: tables and views count (ON TABLE t,
    // Snowflake ON VIEW v, ON MATERIALIZED VIEW mv); any other kind written
    // as a word before the name names no table (Snowflake ON WAREHOUSE wh,
    // ON STAGE s, ON FILE FORMAT f, ON FUTURE TABLES IN SCHEMA s). A name is
    // followed by TO, FROM, ',', '.' or the end, never by another name.
    if (word_in(pos_, {"MATERIALIZED", "EXTERNAL", "DYNAMIC", "ICEBERG", "EVENT", "HYBRID", "SECURE"}) &&
        word_in(pos_ + 1, {"TABLE", "VIEW"})) {
        pos_ += 2;
    } else if (word_in(pos_, {"TABLE", "VIEW"})) {
        ++pos_;
    } else if (pos_ + 1 < e_ && t_[pos_].kind == TokKind::Word &&
               (t_[pos_ + 1].kind == TokKind::Word || t_[pos_ + 1].kind == TokKind::Ident) &&
               !word_in(pos_ + 1, {"TO", "FROM"})) {
        return;
    }
    if (pos_ < e_ && t_[pos_].kind == TokKind::Word && punct_at(pos_ + 1, ':') && punct_at(pos_ + 2, ':')) {
        if (!word_at(pos_, "OBJECT")) return;  // T-SQL SCHEMA::s, DATABASE::d ...
        pos_ += 3;
    }
    parse_name_list(false, false);
}

// EXPLAIN [ANALYZE] [VERBOSE] [(options)] [QUERY PLAN] [FORMAT=x] statement;
// MySQL EXPLAIN | DESCRIBE | DESC name [column | 'pattern'] (Oracle DESC name).
void StatementAnalyzer::on_explain(size_t q) {
    // Snowflake DESCRIBE [MATERIALIZED | SECURE | DYNAMIC | EXTERNAL] VIEW | TABLE
    // name (DESCRIBE TABLE is read as the TABLE query below).
    const size_t kind = word_in(q, {"MATERIALIZED", "SECURE", "DYNAMIC", "EXTERNAL"}) ? q + 1 : q;
    if (word_at(kind, "VIEW") || (kind > q && word_at(kind, "TABLE"))) {
        pos_ = start_ = kind + 1;
        record_name();
        return;
    }
    size_t i = skip_parens(q);
    while (i < e_ && !word_in(i, {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "TABLE",
                                  "VALUES", "REPLACE", "CREATE", "DECLARE", "EXECUTE"}))
        ++i;
    if (i < e_) {
        dispatch(i, false);
        return;
    }
    // MySQL DESCRIBE t, Oracle SQL*Plus DESC t.
    if (d_ != SqlDialect::MySQL && d_ != SqlDialect::Oracle && d_ != SqlDialect::Unknown) return;
    pos_ = q;
    // Spark/Hive/Databricks DESCRIBE [EXTENDED | FORMATTED | HISTORY | DETAIL]
    // [TABLE] t: the table (EXPLAIN EXTENDED is followed by a statement).
    if (!word_at(q - 1, "EXPLAIN") && word_in(pos_, {"EXTENDED", "FORMATTED", "HISTORY", "DETAIL"}) &&
        (name_start(pos_ + 1) || word_at(pos_ + 1, "TABLE")))
        ++pos_;
    if (!word_at(q - 1, "EXPLAIN") && word_at(pos_, "TABLE") && name_start(pos_ + 1)) ++pos_;
    if (word_in(pos_, {"ANALYZE", "EXTENDED", "PARTITIONS", "FORMAT", "VERBOSE", "QUERY", "PLAN"})) return;
    // Trino DESCRIBE {INPUT | OUTPUT} prepared_statement: no table.
    if (word_in(pos_, {"INPUT", "OUTPUT"}) && name_start(pos_ + 1) && !punct_at(pos_ + 1, '.')) return;
    record_name();
}

// MySQL SHOW CREATE TABLE | VIEW name; SHOW [EXTENDED] [FULL] {COLUMNS | FIELDS
// | INDEX | INDEXES | KEYS} {FROM | IN} name [{FROM | IN} db]: the table they
// describe, like DESCRIBE name (`t FROM db` is db.t, as MySQL reads it). Other
// SHOW statements (TABLES, DATABASES, TABLE STATUS FROM db, ...) list schema
// objects of a database, not a table.
void StatementAnalyzer::on_show(size_t q) {
    pos_ = q;
    if (word_at(pos_, "CREATE")) {
        if (!word_in(pos_ + 1, {"TABLE", "VIEW"})) return;
        pos_ += 2;
        record_name();
        return;
    }
    // Hive/Spark SHOW PARTITIONS t [PARTITION (...)], SHOW TBLPROPERTIES t [('key')]:
    // the table they describe.
    if (d_ == SqlDialect::Unknown && word_in(pos_, {"PARTITIONS", "TBLPROPERTIES"}) && name_start(pos_ + 1)) {
        ++pos_;
        record_name();
        return;
    }
    // Redshift SHOW {TABLE | VIEW} [schema.]name (its DDL); Trino SHOW STATS
    // FOR t | (query): the table they describe (MySQL's SHOW TABLE STATUS and
    // Spark's SHOW TABLE EXTENDED name none).
    if (word_in(pos_, {"TABLE", "VIEW"}) && name_start(pos_ + 1) &&
        (!word_in(pos_ + 1, {"STATUS", "EXTENDED"}) || punct_at(pos_ + 2, '.'))) {
        ++pos_;
        record_name();
        return;
    }
    if (word_at(pos_, "STATS") && word_at(pos_ + 1, "FOR")) {
        if (punct_at(pos_ + 2, '(')) {
            scan(pos_ + 2, e_, Verb::Other);
        } else {
            pos_ += 2;
            record_name();
        }
        return;
    }
    skip_words({"EXTENDED", "FULL"});
    if (!word_in(pos_, {"COLUMNS", "FIELDS", "INDEX", "INDEXES", "KEYS"}) || !word_in(pos_ + 1, {"FROM", "IN"})) return;
    pos_ += 2;
    ParsedName n;
    if (!parse_name(n)) return;
    ParsedName db;
    if (n.parts == 1 && word_in(pos_, {"FROM", "IN"})) {
        ++pos_;
        if (parse_name(db) && db.parts == 1 && !db.star) n.text = db.text + "." + n.text;
    }
    record(n, false);
}

// ---- generic scan ------------------------------------------------------------

void StatementAnalyzer::scan(size_t from, size_t to, Verb verb) {
    pos_ = start_ = from;
    levels_.assign(1, Level{});
    levels_[0].verb = verb;
    while (pos_ < to) {
        const Token &tk = t_[pos_];
        if (tk.kind == TokKind::Punct) {
            scan_punct(tk.text[0]);
        } else if (tk.kind != TokKind::Word || qualified_part(pos_) || !scan_keyword(tk.upper)) {
            ++pos_;
        }
    }
}

// A word after a '.' (t.from, r.update, e.order) is a part of a qualified
// name, never a keyword: MySQL's manual says so of reserved words after a
// period, and so do PostgreSQL's and the other grammars. So is a word glued
// to a Snowflake path's ':' (v:from::string, payload:type), but not a cast's.
bool StatementAnalyzer::qualified_part(size_t i) const {
    if (i <= start_) return false;
    if (punct_at(i - 1, '.')) return true;
    return d_ == SqlDialect::Snowflake && punct_at(i - 1, ':') && t_[i].begin == t_[i - 1].begin + 1 &&
           !(i - 1 > start_ && punct_at(i - 2, ':'));
}

void StatementAnalyzer::scan_punct(char c) {
    ++pos_;
    if (c == '(') {
        Level l;
        l.depth = cur().depth + 1;
        levels_.push_back(l);
    } else if (c == ')') {
        if (levels_.size() > 1) levels_.pop_back();
        // BigQuery: the alias of a subquery or UNNEST(...) in FROM is a range
        // variable too: FROM UNNEST(t.arr) AS a, a.inner (correlated_path).
        if (d_ == SqlDialect::BigQuery && cur().from_list) {
            const size_t i = word_at(pos_, "AS") ? pos_ + 1 : pos_;
            if (i < e_ && (i > pos_ ? t_[i].kind == TokKind::Word || t_[i].kind == TokKind::Ident : name_start(i)))
                add_range_var(norm(t_[i]));
        }
    } else if (c == ',' && cur().from_list) {
        parse_from_item(cur().candidates);
    }
}

// Returns true when it consumed the keyword (and possibly more tokens).
bool StatementAnalyzer::scan_keyword(const std::string &kw) {
    if (kw == "SELECT") {
        cur().verb = Verb::Select;
        end_list();
        ++pos_;
    } else if (kw == "FROM") {
        on_from();
    } else if ((kw == "PIVOT" || kw == "UNPIVOT") && pos_ == start_) {
        // DuckDB's PIVOT t ON col USING agg(...) / UNPIVOT t ON cols INTO ...:
        // a query of the one relation after it (its ON list names columns,
        // its INTO NAME / VALUE the new columns).
        ++pos_;
        cur().verb = Verb::Select;
        cur().list = ++lists_;
        parse_from_item(false);
        end_list();
        cur().verb = Verb::Other;
    } else if (kw == "LATERAL" && word_at(pos_ + 1, "VIEW")) {
        // Hive/Spark `LATERAL VIEW [OUTER] udtf(...) tbl [AS] col [, col ...]`
        // (after the FROM list's relations): a generator's rows. Its column
        // aliases are comma-separated, and the FROM list's ',' would read
        // them as tables (posexplode(a) p AS pos, val: no table `val`).
        pos_ += 2;
        skip_words({"OUTER"});
        while (name_start(pos_) || punct_at(pos_, '.')) ++pos_;  // the function's (qualified) name
        pos_ = skip_parens(pos_);
        if (name_start(pos_)) ++pos_;  // the table alias
        skip_words({"AS"});
        while (pos_ < e_ && (t_[pos_].kind == TokKind::Ident ||
                             (t_[pos_].kind == TokKind::Word && !is_keyword(t_[pos_].upper)))) {
            ++pos_;
            if (!punct_at(pos_, ',')) break;
            ++pos_;
        }
    } else if (kw == "JOIN" && join_hint_word()) {
        ++pos_;
    } else if (kw == "JOIN" && prev_word_in({"ARRAY"})) {
        // ClickHouse [LEFT] ARRAY JOIN arr [AS a], ...: array columns of the
        // rows before it unnested, no relations.
        end_list();
        ++pos_;
    } else if (kw == "JOIN" || kw == "APPLY" || (kw == "STRAIGHT_JOIN" && cur().from_list)) {
        ++pos_;
        cur().from_list = true;
        cur().candidates = false;
        parse_from_item(false);
    } else if (kw == "USING") {
        on_using();
    } else if (kw == "INTO") {
        on_into();
    } else if (kw == "INSERT" || (kw == "UPSERT" && word_at(pos_ + 1, "INTO"))) {
        on_insert();  // CockroachDB/Phoenix UPSERT INTO t ...: an INSERT that replaces rows
    } else if (kw == "REPLACE") {
        on_replace();
    } else if (kw == "UPDATE") {
        on_update();
    } else if (kw == "DELETE") {
        on_delete();
    } else if (kw == "MERGE") {
        on_merge();
    } else if (kw == "TABLE") {
        return on_table_query();
    } else if ((kw == "DROP" && word_in(pos_ + 1, {"TABLE", "VIEW"})) ||
               (kw == "TRUNCATE" && word_at(pos_ + 1, "TABLE"))) {
        end_list();  // mid-statement, e.g. T-SQL `IF ... DROP TABLE #t`
        pos_ += 2;
        if (word_at(pos_, "IF") && word_at(pos_ + 1, "EXISTS")) pos_ += 2;
        parse_name_list(false, false);
    } else if (kw == "COPY" && word_at(pos_ + 1, "INTO")) {
        // Snowflake COPY INTO t inside another statement (CREATE PIPE p AS COPY INTO t ...).
        end_list();
        pos_ += 2;
        on_copy_into();
    } else if ((kw == "CREATE" || kw == "ALTER") && mid_statement_create()) {
        // A CREATE | ALTER TABLE | VIEW inside another statement: T-SQL
        // scripts with no ';' (`SET NOCOUNT ON CREATE TABLE t ...`, `IF NOT
        // EXISTS (...) ALTER TABLE t ADD ...`, a procedure's body), CREATE
        // SCHEMA s CREATE TABLE s.t ... (its elements). The rest of the
        // statement is read from there, as a statement of its own (collect();
        // not from here: a script of many would nest as deep).
        restart_ = pos_;
        pos_ = e_;
    } else if (kw == "FETCH" && cursor_fetch()) {
        // FETCH [NEXT | PRIOR | FIRST | LAST | ABSOLUTE n | RELATIVE n] {FROM |
        // IN} cursor: a cursor, no relation (OFFSET ... FETCH NEXT n ROWS ONLY
        // has no FROM).
        end_list();
        cur().verb = Verb::None;
        while (!word_in(pos_, {"FROM", "IN"})) ++pos_;
        ++pos_;
        skip_words({"GLOBAL"});
        if (name_start(pos_)) ++pos_;
    } else if (kw == "OUTPUT") {
        cur().saw_output = true;
        end_list();
        ++pos_;
    } else if (ends_relation_list(kw)) {
        end_list();
        ++pos_;
    } else {
        return scan_ddl_keyword(kw);
    }
    return true;
}

// JOIN at pos_ joins no relation: MySQL index hints' `FOR JOIN` (USE INDEX
// FOR JOIN (i1)) and T-SQL query hints (OPTION (HASH JOIN, MERGE JOIN)),
// where no relation follows.
bool StatementAnalyzer::join_hint_word() const {
    return prev_word_in({"FOR"}) || pos_ + 1 >= e_ || punct_at(pos_ + 1, ',') || punct_at(pos_ + 1, ')');
}

// REFERENCES t, (LIKE t, PARTITION OF t, ATTACH/DETACH PARTITION t, INHERITS (t, ...).
bool StatementAnalyzer::scan_ddl_keyword(const std::string &kw) {
    if (kw == "REFERENCES") {
        ++pos_;
        record_name();
    } else if (kw == "LIKE" && in_create_ && (prev_punct('(') || prev_punct(','))) {
        ++pos_;
        record_name();
    } else if (kw == "PARTITION" && word_at(pos_ + 1, "OF")) {
        pos_ += 2;
        record_name();
    } else if (kw == "PARTITION" && prev_word_in({"ATTACH", "DETACH", "REPLACE", "MOVE"}) && !in_create_) {
        // PostgreSQL ATTACH | DETACH PARTITION child: a table. ClickHouse moves
        // a partition (an expression, ID 'id', ALL) between tables: {ATTACH |
        // REPLACE} PARTITION p FROM t2, MOVE PARTITION p TO TABLE t2.
        const bool pg_child = prev_word_in({"ATTACH", "DETACH"});
        ++pos_;
        if (pg_child && !word_in(pos_, {"ID", "ALL"}) && record_name()) return true;
        if (word_at(pos_, "ID")) ++pos_;
        pos_ = punct_at(pos_, '(') ? skip_parens(pos_) : pos_ + 1;
        if (word_at(pos_, "FROM") || (word_at(pos_, "TO") && word_at(pos_ + 1, "TABLE"))) {
            pos_ += word_at(pos_, "FROM") ? 1 : 2;
            record_name();
        }
    } else if (kw == "HISTORY_TABLE" && punct_at(pos_ + 1, '=')) {
        // T-SQL SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.t_history): the
        // table the old rows go to (created with the table if missing).
        pos_ += 2;
        record_name();
    } else if (kw == "INHERIT" && !in_create_) {
        // PostgreSQL ALTER TABLE child [NO] INHERIT parent (as its parser reads it).
        ++pos_;
        record_name();
    } else if (kw == "INHERITS" && in_create_ && punct_at(pos_ + 1, '(')) {
        const size_t close = skip_parens(pos_ + 1);
        pos_ += 2;
        parse_name_list(false, false);
        if (pos_ < close) pos_ = close;
    } else {
        return false;
    }
    return true;
}

void StatementAnalyzer::on_from() {
    const bool distinct = prev_word_in({"DISTINCT"}) && pos_ >= start_ + 2 &&
                          word_in(pos_ - 2, {"IS", "NOT"});  // IS [NOT] DISTINCT FROM
    // DuckDB's FROM-first queries: CREATE TABLE t AS FROM s, WITH c AS (FROM s).
    const bool from_first = pos_ == start_ || prev_word_in({"AS"}) ||
                            (prev_punct('(') && (pos_ < start_ + 2 || word_in(pos_ - 2, {"AS"}) || punct_at(pos_ - 2, '(')));
    ++pos_;
    const Verb v = cur().verb;
    if (distinct || (!from_first && v != Verb::Select && v != Verb::Delete && v != Verb::Update)) return;
    if (from_first && v == Verb::None) cur().verb = Verb::Select;
    cur().from_list = true;
    cur().candidates = false;
    cur().list = ++lists_;
    parse_from_item(false);
}

// DELETE ... USING t / MERGE ... USING s; `JOIN ... USING (cols)` is ignored.
void StatementAnalyzer::on_using() {
    ++pos_;
    if (punct_at(pos_, '(') && !subquery_start(pos_ + 1)) return;
    if (cur().verb != Verb::Delete && cur().verb != Verb::Merge) return;
    cur().from_list = true;
    cur().candidates = false;
    cur().list = ++lists_;
    parse_from_item(false);
}

// SELECT ... INTO t (PostgreSQL, T-SQL) and T-SQL OUTPUT ... INTO t.
void StatementAnalyzer::on_into() {
    // Oracle DML error logging: INSERT | UPDATE | DELETE | MERGE ... LOG
    // ERRORS INTO err_table [(tag)]: the rejected rows are written to that table.
    const bool error_log = pos_ >= start_ + 2 && word_at(pos_ - 2, "LOG") && prev_word_in({"ERRORS"});
    ++pos_;
    if (error_log) {
        end_list();
        record_name();
        return;
    }
    // SELECT ... INTO creates a table in PostgreSQL and T-SQL; elsewhere it
    // fills variables (MySQL, SQLite, PL/SQL, Snowflake Scripting).
    const bool select_into = cur().verb == Verb::Select &&
                             (d_ == SqlDialect::PostgreSQL || d_ == SqlDialect::SQLServer || d_ == SqlDialect::Unknown);
    const bool output_into = cur().saw_output;
    end_list();
    if (cur().multi_insert) {
        record_name();
        return;
    }
    if (!select_into && !output_into) return;
    // MySQL/ClickHouse SELECT ... INTO OUTFILE | DUMPFILE 'file' writes a file.
    if (word_in(pos_, {"OUTFILE", "DUMPFILE"}) && pos_ + 1 < e_ && t_[pos_ + 1].kind == TokKind::String) return;
    // PL/pgSQL SELECT ... INTO STRICT var: variables (plain SQL has no such form).
    if (word_at(pos_, "STRICT") && name_start(pos_ + 1)) return;
    skip_words({"TEMP", "TEMPORARY", "UNLOGGED", "TABLE"});
    record_name();
}

void StatementAnalyzer::on_insert() {
    // Trigger events and privilege lists: AFTER INSERT OR UPDATE ON t, FOR INSERT, ...
    // (After a T-SQL option's ON, `SET NOCOUNT ON INSERT INTO t` with no ';'
    // between them, INSERT is the next statement.)
    const bool event = prev_word_in({"BEFORE", "AFTER", "OR", "OF", "FOR"}) ||
                       (prev_word_in({"ON"}) && !set_option_on()) ||
                       prev_punct(',');
    // BigQuery MERGE ... THEN INSERT ROW: ROW is the source row, not a target.
    const bool merge_row = prev_word_in({"THEN"}) && word_at(pos_ + 1, "ROW") && !punct_at(pos_ + 2, '.');
    ++pos_;
    end_list();
    if (event || merge_row) return;
    cur().verb = Verb::Insert;
    for (;;) {
        if (word_at(pos_, "OR")) {
            pos_ += 2;  // SQLite INSERT OR REPLACE / IGNORE / ...
        } else if (word_in(pos_, {"IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY"})) {
            ++pos_;
        } else if (top_clause_at(pos_)) {
            skip_top_clause();
        } else {
            break;
        }
    }
    skip_words({"OVERWRITE"});  // Snowflake/Hive INSERT OVERWRITE [ALL] INTO|TABLE t
    if (word_in(pos_, {"ALL", "FIRST"}) && (word_at(pos_ + 1, "INTO") || word_at(pos_ + 1, "WHEN"))) {
        ++pos_;  // Oracle/Snowflake multi-table insert: INSERT ALL INTO a ... INTO b ... SELECT ...
        cur().multi_insert = true;
        return;
    }
    // Hive/Spark INSERT OVERWRITE [LOCAL] DIRECTORY 'path' ...: writes files, no table.
    const size_t dir = word_at(pos_, "LOCAL") ? pos_ + 1 : pos_;
    if (word_at(dir, "DIRECTORY") && dir + 1 < e_ && t_[dir + 1].kind == TokKind::String) {
        pos_ = dir + 2;
        return;
    }
    skip_words({"INTO"});
    // ClickHouse INSERT INTO FUNCTION s3(...) | remote(...): a table function.
    if (word_at(pos_, "FUNCTION") && name_start(pos_ + 1)) {
        ++pos_;
        return;
    }
    if (word_at(pos_, "TABLE") && name_start(pos_ + 1)) ++pos_;
    recording_target_ = true;
    const bool named = record_name();
    recording_target_ = false;
    if (!named) return;  // MERGE ... THEN INSERT (cols) VALUES ...
    if (word_at(pos_, "AS") && name_start(pos_ + 1)) pos_ += 2;
    // MySQL 8: INSERT INTO t [(cols)] TABLE s
    const size_t k = punct_at(pos_, '(') ? skip_parens(pos_) : pos_;
    if (word_at(k, "TABLE") && name_start(k + 1)) {
        pos_ = k + 1;
        record_name();
    }
}

// MySQL/SQLite REPLACE [LOW_PRIORITY|DELAYED] INTO t; REPLACE(...) is a function.
void StatementAnalyzer::on_replace() {
    const bool statement_start = pos_ == start_;
    ++pos_;
    size_t i = pos_;
    while (word_in(i, {"LOW_PRIORITY", "DELAYED"})) ++i;
    // MySQL's INTO is optional, as INSERT's is: REPLACE t (cols) VALUES ...,
    // REPLACE t SET a = 1 (as a statement's first word: REPLACE(...) is a call).
    const bool bare = statement_start && name_start(i);
    if (!word_at(i, "INTO") && !bare) return;
    pos_ = word_at(i, "INTO") ? i + 1 : i;
    cur().verb = Verb::Insert;
    end_list();
    record_name();
}

void StatementAnalyzer::on_update() {
    if (is_update_statistics(pos_)) {  // T-SQL UPDATE STATISTICS t: maintenance of t
        pos_ += 2;
        end_list();
        record_name();
        return;
    }
    // MERGE's `THEN UPDATE SET` and ON CONFLICT's `DO UPDATE SET` are caught by
    // the SET after them; after THEN or DO in procedural code (IF ... THEN,
    // WHILE ... DO, FOR ... DO) a table follows: that UPDATE is a statement.
    // A name followed by '=' is assigned, not updated: ClickHouse's mutation
    // ALTER TABLE t UPDATE col = expr WHERE ... After a T-SQL option's ON
    // (`SET NOCOUNT ON UPDATE t SET ...` with no ';'), UPDATE is a statement.
    const bool not_stmt =
        prev_word_in({"FOR", "KEY", "OR", "BEFORE", "AFTER", "OF", "NO"}) || (prev_word_in({"ON"}) && !set_option_on()) ||
        prev_punct(',') || word_in(pos_ + 1, {"SET", "OF", "ON"}) || punct_at(pos_ + 1, '(') ||
        (name_start(pos_ + 1) && punct_at(pos_ + 2, '='));
    ++pos_;
    end_list();
    if (not_stmt) return;
    cur().verb = Verb::Update;
    for (;;) {
        if (word_at(pos_, "OR")) {
            pos_ += 2;  // SQLite UPDATE OR REPLACE
        } else if (word_in(pos_, {"LOW_PRIORITY", "IGNORE"})) {
            ++pos_;
        } else if (top_clause_at(pos_)) {
            skip_top_clause();
        } else {
            break;
        }
    }
    cur().from_list = true;
    cur().candidates = true;
    cur().list = ++lists_;
    recording_target_ = true;
    parse_from_item(true);
    recording_target_ = false;
}

void StatementAnalyzer::on_delete() {
    // MERGE's `THEN DELETE` is followed by WHEN, another clause or nothing; in
    // procedural code (IF ... THEN DELETE FROM t) FROM or a table follows.
    const bool merge_action = prev_word_in({"THEN"}) && !word_at(pos_ + 1, "FROM") && !name_start(pos_ + 1);
    const bool not_stmt =  // (ON COMMIT DELETE ROWS: a temporary table's option)
        merge_action || prev_word_in({"BEFORE", "AFTER", "OR", "OF", "FOR", "COMMIT"}) ||
        (prev_word_in({"ON"}) && !set_option_on()) || prev_punct(',');
    ++pos_;
    end_list();
    if (not_stmt) return;
    cur().verb = Verb::Delete;
    skip_words({"LOW_PRIORITY", "QUICK", "IGNORE"});
    skip_top_clause();
    skip_words({"FROM"});
    cur().from_list = true;
    cur().candidates = true;
    cur().list = ++lists_;
    recording_target_ = true;
    parse_from_item(true);
    recording_target_ = false;
}

void StatementAnalyzer::on_merge() {
    ++pos_;
    if (word_at(pos_, "JOIN")) return;  // T-SQL join hint: INNER MERGE JOIN
    end_list();
    cur().verb = Verb::Merge;
    skip_top_clause();
    // Databricks MERGE WITH SCHEMA EVOLUTION INTO t: an option, before the target.
    if (word_at(pos_, "WITH") && word_at(pos_ + 1, "SCHEMA") && word_at(pos_ + 2, "EVOLUTION")) pos_ += 3;
    skip_words({"INTO"});
    parse_from_item(false);
}

// PostgreSQL `TABLE name` as a query (statement start, after a set operator,
// ...); a table argument of a table function: BigQuery ML.PREDICT(MODEL m,
// TABLE t), VECTOR_SEARCH(TABLE a, 'col', TABLE b), a TVF's f(TABLE t). (The
// MODEL before it names a model, not a table.)
bool StatementAnalyzer::on_table_query() {
    const bool query = pos_ == start_ || prev_punct('(') || prev_punct(')') ||
                       (prev_punct(',') && name_start(pos_ + 1)) ||
                       prev_word_in({"UNION", "INTERSECT", "EXCEPT", "ALL", "DISTINCT", "AS"});
    // MySQL/Oracle ALTER TABLE t EXCHANGE [SUB]PARTITION p WITH TABLE t2: the table trading rows.
    if (!query && prev_word_in({"WITH"}) && pos_ >= start_ + 3 && word_in(pos_ - 3, {"PARTITION", "SUBPARTITION"})) {
        ++pos_;
        record_name();
        return true;
    }
    // A table argument of a polymorphic table function (Trino, Spark):
    // f(TABLE(t)), f(input => TABLE(t) PARTITION BY k): the table t. (Oracle's
    // FROM TABLE(collection) follows FROM, JOIN or a ',' of the FROM list,
    // not a '(' after a function's name or a named argument's '=>'.)
    const bool argument = (prev_punct('>') && pos_ >= start_ + 2 && punct_at(pos_ - 2, '=')) ||
                          (prev_punct('(') && pos_ >= start_ + 2 &&
                           (t_[pos_ - 2].kind == TokKind::Word || t_[pos_ - 2].kind == TokKind::Ident) &&
                           !t_[pos_ - 2].upper.empty() && !is_keyword(t_[pos_ - 2].upper));
    if (argument && punct_at(pos_ + 1, '(') && name_start(pos_ + 2)) {
        const size_t close = after_[pos_ + 1];
        pos_ += 2;
        ParsedName n;
        if (parse_name(n) && punct_at(pos_, ')') && pos_ + 1 == close) record(n, false);
        pos_ = close;
        return true;
    }
    if (!query) return false;
    ++pos_;
    cur().verb = Verb::Select;
    end_list();
    skip_words({"ONLY"});
    // A call after TABLE is no table: T-SQL's OPTION (TABLE HINT(t, ...)).
    ParsedName n;
    if (parse_name(n) && !punct_at(pos_, '(')) record(n, false);
    return true;
}

std::string trim_lower(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && is_space(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && is_space(static_cast<unsigned char>(s[e - 1]))) --e;
    return ascii_lower(s.substr(b, e - b));
}

SqlInfo analyze_tokens(std::string_view sql, const std::vector<Token> &toks, SqlDialect dialect) {
    SqlInfo info;
    info.query_type = "OTHER";
    const std::vector<Range> stmts = split_statements(sql, toks, dialect);
    if (stmts.empty()) return info;
    const std::vector<size_t> after = match_parens(toks, stmts);
    const StatementAnalyzer first(sql, toks, after, stmts.front(), dialect);
    const char *type = first.query_type();
    // Text not starting with a word, or with a word that starts no statement
    // ("Here is the query: SELECT ...", "Sure! SELECT ..."): OTHER, no tables.
    if (type == nullptr || !first.starts_with_statement_word()) return info;
    info.query_type = type;
    std::set<std::string> names;
    for (const Range &r : stmts) StatementAnalyzer(sql, toks, after, r, dialect).collect(names);
    info.table_names.assign(names.begin(), names.end());
    return info;
}

}  // namespace

SqlDialect dialect_from_database_type(std::string_view database_type) {
    const std::string t = trim_lower(database_type);
    // (pgsql and sqlsrv: PHP PDO's and Laravel's driver names.)
    if (one_of(t, {"postgresql", "postgres", "pg", "pgsql"})) return SqlDialect::PostgreSQL;
    if (one_of(t, {"mysql", "mariadb"})) return SqlDialect::MySQL;
    if (one_of(t, {"sqlite", "sqlite3"})) return SqlDialect::SQLite;
    if (one_of(t, {"sqlserver", "mssql", "tsql", "sql server", "sqlsrv"})) return SqlDialect::SQLServer;
    if (one_of(t, {"oracle", "oracledb", "plsql", "pl/sql"})) return SqlDialect::Oracle;
    if (one_of(t, {"bigquery", "big query", "googlesql", "google bigquery"})) return SqlDialect::BigQuery;
    if (t == "snowflake") return SqlDialect::Snowflake;
    // Versions and products of the same dialects ("MySQL 8.0", "aurora-mysql",
    // "postgresql15", "Azure SQL", "ms sql server").
    auto has = [&](std::string_view w) { return t.find(w) != std::string::npos; };
    // Products of these vendors that speak no SQL of theirs ("Percona Server
    // for MongoDB", "Oracle NoSQL Database").
    if (has("mongo") || has("nosql")) return SqlDialect::Unknown;
    if (has("postgres") || has("redshift") || has("cockroach") || has("timescale") || has("greenplum") ||
        has("yugabyte") || has("duckdb") || has("motherduck") || has("alloydb") || has("supabase") ||
        has("postgis"))
        return SqlDialect::PostgreSQL;
    if (has("mysql") || has("maria") || has("tidb") || has("percona") || has("singlestore") || has("memsql"))
        return SqlDialect::MySQL;
    if (has("sqlite")) return SqlDialect::SQLite;
    if (has("sql server") || has("sqlserver") || has("sql_server") || has("sql-server") || has("mssql") ||
        has("ms sql") ||
        has("microsoft sql") || has("t-sql") || has("tsql") || has("azure sql") || has("synapse") ||
        has("sybase"))  // Sybase ASE/SQL Anywhere: T-SQL's ancestor, the same lexical rules
        return SqlDialect::SQLServer;
    if (has("oracle")) return SqlDialect::Oracle;
    if (has("bigquery") || has("big query")) return SqlDialect::BigQuery;
    if (has("snowflake")) return SqlDialect::Snowflake;
    return SqlDialect::Unknown;
}

bool starts_like_sql(std::string_view sql, SqlDialect dialect) {
    size_t i = sql.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark
    const size_t n = sql.size();
    auto line_comment = [&](size_t from) {
        i = sql.find_first_of("\n\r", from);
        if (i == std::string_view::npos) i = n;
    };
    while (i < n) {
        const unsigned char c = static_cast<unsigned char>(sql[i]);
        if (is_space(c) || c == '(') {
            ++i;
        } else if (const size_t space = unicode_space(sql, i)) {
            i += space;
        } else if (sql.compare(i, 2, "--") == 0) {
            line_comment(i);
        } else if (c == '#' && (dialect == SqlDialect::MySQL || dialect == SqlDialect::BigQuery)) {
            line_comment(i);
        } else if (sql.compare(i, 2, "//") == 0 && dialect == SqlDialect::Snowflake) {
            line_comment(i);
        } else if (dialect == SqlDialect::MySQL && mysql_exec_comment(sql, i) > 0) {
            i += mysql_exec_comment(sql, i);  // /*!40000 ALTER TABLE ...: its content is SQL
        } else if (sql.compare(i, 2, "/*") == 0) {
            const size_t close = sql.find("*/", i + 2);
            i = close == std::string_view::npos ? n : close + 2;
        } else {
            break;
        }
    }
    if (i >= n) return true;  // empty or comments only: nothing says otherwise
    size_t e = i;
    while (e < n && (is_alpha(static_cast<unsigned char>(sql[e])) || sql[e] == '_')) ++e;
    return e > i && is_statement_word(ascii_upper(sql.substr(i, e - i)));
}

SqlInfo analyze_sql(std::string_view sql, SqlDialect dialect) {
    try {
        Lexer lexer(sql, dialect, false, true);
        std::vector<Token> toks = lexer.run();
        // SQL of no known type that PostgreSQL's parser rejected, with a
        // string that looks cut at a backslash ('O\'Brien' read as 'O\' and
        // Brien) or one running to the end: if MySQL's backslash escapes
        // close every string, they are what the text meant.
        if (dialect == SqlDialect::Unknown && lexer.backslash_suspect()) {
            Lexer mysql_escapes(sql, dialect, false, true);
            mysql_escapes.use_backslash_escapes();
            std::vector<Token> retry = mysql_escapes.run();
            if (!mysql_escapes.unterminated_string()) toks.swap(retry);
        }
        return analyze_tokens(sql, toks, dialect);
    } catch (...) {  // only std::bad_alloc is possible; the analyzer must not throw
        SqlInfo info;
        info.query_type = "OTHER";
        return info;
    }
}

// ---------------------------------------------------------------------------
// Tokens, fingerprints, constants and literal spans (public API).

namespace {

// Bind parameters written the way other products write them are Params, like
// PostgreSQL's $1 (one placeholder of the shape, as a constant): SQLite ?NNN,
// :name, @name and $name; Oracle and Snowflake :name and :1; SQL Server and
// BigQuery @name (not @@ROWCOUNT). The marker must touch its name and follow
// no operand it touches (Snowflake's v:field is a path, `::` a cast);
// Snowflake's @stage and MySQL's @user_variable stay what they were.
void merge_bind_parameters(std::string_view sql, SqlDialect dialect, std::vector<SqlToken> &t) {
    if (dialect == SqlDialect::PostgreSQL || dialect == SqlDialect::Unknown) return;
    const bool colon = dialect == SqlDialect::Oracle || dialect == SqlDialect::Snowflake || dialect == SqlDialect::SQLite;
    const bool at = dialect == SqlDialect::SQLServer || dialect == SqlDialect::BigQuery || dialect == SqlDialect::SQLite;
    const bool dollar = dialect == SqlDialect::SQLite;
    // (The lexer gives a one-character Punct an empty span.)
    auto end_of = [](const SqlToken &k) {
        return k.end > k.begin ? k.end : k.begin + (k.kind == SqlTokenKind::Punct || k.kind == SqlTokenKind::Param ? k.text.size() : 0);
    };
    std::vector<SqlToken> out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
        const SqlToken &k = t[i];
        const bool marker = (k.kind == SqlTokenKind::Param && k.text == "?") ||
                            (k.kind == SqlTokenKind::Punct &&
                             ((k.text == ":" && colon) || (k.text == "@" && at) || (k.text == "$" && dollar)));
        if (marker && i + 1 < t.size() && t[i + 1].begin == end_of(k)) {
            const SqlToken &name = t[i + 1];
            const char m = k.text[0];
            const bool numbered = name.kind == SqlTokenKind::Number && !name.text.empty() &&
                                  std::all_of(name.text.begin(), name.text.end(),
                                              [](char c) { return is_digit(static_cast<unsigned char>(c)); });
            const bool named = name.kind == SqlTokenKind::Word && m != '?';
            // What touches the marker on its left: an operand (v:field, x@y), another marker (@@x, ::).
            bool glued = false;
            if (!out.empty() && end_of(out.back()) == k.begin) {
                const SqlToken &p = out.back();
                glued = p.kind == SqlTokenKind::Word || p.kind == SqlTokenKind::QuotedIdent ||
                        p.kind == SqlTokenKind::Number || p.kind == SqlTokenKind::String ||
                        p.kind == SqlTokenKind::Param ||
                        (p.kind == SqlTokenKind::Punct && (p.text == ")" || p.text == "]" || p.text == ":" ||
                                                           p.text == "@" || p.text == "$"));
            }
            if ((numbered || named) && !glued) {
                SqlToken param;
                param.kind = SqlTokenKind::Param;
                param.begin = k.begin;
                param.end = name.end;
                param.content_begin = param.content_end = k.begin;
                param.text = std::string(sql.substr(k.begin, name.end - k.begin));
                out.push_back(std::move(param));
                ++i;
                continue;
            }
        }
        out.push_back(k);
    }
    t.swap(out);
}

}  // namespace

std::vector<SqlToken> lex_sql(std::string_view sql, SqlDialect dialect) {
    std::vector<Token> toks = Lexer(sql, dialect, true).run();
    std::vector<SqlToken> out;
    out.reserve(toks.size());
    for (Token &t : toks) {
        SqlToken o;
        o.begin = t.begin;
        o.end = t.end;
        o.content_begin = t.cbegin;
        o.content_end = t.cend;
        switch (t.kind) {
            case TokKind::Word:
                o.kind = SqlTokenKind::Word;
                o.keyword = is_keyword(t.upper);
                o.text = std::move(t.text);
                break;
            case TokKind::Ident:
                o.kind = SqlTokenKind::QuotedIdent;
                o.text = std::move(t.text);
                o.unterminated = t.unterminated;
                break;
            case TokKind::String:
                o.kind = SqlTokenKind::String;
                o.escapes = t.escapes;
                if (t.escapes == EscapeStyle::Unicode) o.escape_char = uescape_after(sql, t.end);
                break;
            case TokKind::Number:
                o.kind = sql[t.begin] == '$' ? SqlTokenKind::Param : SqlTokenKind::Number;
                o.text = std::string(sql.substr(t.begin, t.end - t.begin));
                break;
            case TokKind::Punct:
                o.kind = t.text == "?" && dialect != SqlDialect::PostgreSQL ? SqlTokenKind::Param
                                                                          : SqlTokenKind::Punct;
                o.text = std::move(t.text);
                break;
            case TokKind::Separator:
                o.kind = SqlTokenKind::Separator;
                o.text = std::move(t.text);
                break;
            case TokKind::Comment:
                o.kind = SqlTokenKind::Comment;
                break;
        }
        out.push_back(std::move(o));
    }
    merge_bind_parameters(sql, dialect, out);
    return out;
}

namespace {

enum class Role { Skip, Word, Punct, Separator, Constant, KeptConstant, Placeholder, FoldedMinus };

bool listed(const std::vector<size_t> *offsets, size_t begin) {
    return std::binary_search(offsets->begin(), offsets->end(), begin);
}

size_t next_significant(const std::vector<SqlToken> &t, size_t i) {
    size_t j = i + 1;
    while (j < t.size() && t[j].kind == SqlTokenKind::Comment) ++j;
    return j;
}

bool word_is(const SqlToken &k, std::string_view upper) {
    return k.kind == SqlTokenKind::Word && k.text.size() == upper.size() && ascii_upper(k.text) == upper;
}

// Which Number tokens are column positions: a bare integer that is a whole
// item of ORDER BY or GROUP BY (also inside ROLLUP / CUBE / GROUPING SETS and
// DISTINCT ON), as PostgreSQL's parser reads them (src/pg/sql_parser.cpp
// keeps them in the shape): `ORDER BY 1` and `ORDER BY 2` are different
// queries. An ORDER BY in a window (OVER (...), WINDOW w AS (...)) orders by
// a constant instead, as does `ORDER BY 1 + 0` or `ORDER BY 1 COLLATE "C"`.
std::vector<bool> position_numbers(const std::vector<SqlToken> &t) {
    std::vector<bool> out(t.size(), false);
    struct Frame {
        bool window = false;         // the parentheses of a window definition
        bool in_list = false;        // in an ORDER BY / GROUP BY list at this level: ',' starts an item
        bool positions = false;      // ROLLUP (...), CUBE (...), GROUPING SETS (...), DISTINCT ON (...)
        bool window_clause = false;  // after WINDOW at this level: `AS (` opens a window definition
    };
    std::vector<Frame> frames(1);
    bool item_start = false;
    size_t prev = t.size(), prev2 = t.size();  // the two significant tokens before
    auto prev_word = [&](size_t at, std::string_view w) { return at < t.size() && word_is(t[at], w); };
    for (size_t i = 0; i < t.size(); ++i) {
        const SqlToken &k = t[i];
        if (k.kind == SqlTokenKind::Comment) continue;
        Frame &f = frames.back();
        bool next_item_start = false;
        if (k.kind == SqlTokenKind::Separator) {
            frames.assign(1, Frame{});
        } else if (k.kind == SqlTokenKind::Punct && k.text == "(") {
            Frame inner;
            inner.window = prev_word(prev, "OVER") || (prev_word(prev, "AS") && f.window_clause);
            inner.positions = f.positions ||
                              (f.in_list && (prev_word(prev, "ROLLUP") || prev_word(prev, "CUBE") ||
                                             prev_word(prev, "SETS"))) ||
                              (prev_word(prev, "ON") && prev_word(prev2, "DISTINCT"));
            next_item_start = inner.positions;
            frames.push_back(inner);
        } else if (k.kind == SqlTokenKind::Punct && k.text == ")") {
            if (frames.size() > 1) frames.pop_back();
        } else if (k.kind == SqlTokenKind::Punct && k.text == ",") {
            next_item_start = f.in_list || f.positions;
        } else if (k.kind == SqlTokenKind::Number) {
            const size_t j = next_significant(t, i);
            const bool integer = !k.text.empty() && std::all_of(k.text.begin(), k.text.end(), [](char c) {
                return is_digit(static_cast<unsigned char>(c));
            });
            // The item ends here: at ',' / ')' / ';' / the end, or at a word
            // (ASC, DESC, NULLS, LIMIT, ...) that is no operator.
            const bool whole =
                j >= t.size() || t[j].kind == SqlTokenKind::Separator ||
                (t[j].kind == SqlTokenKind::Punct && (t[j].text == "," || t[j].text == ")")) ||
                (t[j].kind == SqlTokenKind::Word &&
                 !one_of(ascii_upper(t[j].text), {"AND", "OR", "XOR", "IS", "NOT", "BETWEEN", "IN", "LIKE", "ILIKE",
                                                  "SIMILAR", "REGEXP", "RLIKE", "GLOB", "MATCH", "ESCAPE",
                                                  "COLLATE", "DIV", "MOD", "AT", "OPERATOR"}));
            out[i] = item_start && integer && whole;
        } else if (k.kind == SqlTokenKind::Word) {
            const std::string w = ascii_upper(k.text);
            if (w == "BY" && (prev_word(prev, "ORDER") || prev_word(prev, "GROUP"))) {
                f.in_list = !(f.window && prev_word(prev, "ORDER"));
                next_item_start = f.in_list;
            } else if (one_of(w, {"LIMIT", "OFFSET", "FETCH", "HAVING", "WINDOW", "QUALIFY", "UNION", "INTERSECT",
                                  "EXCEPT", "MINUS", "FOR", "INTO", "OPTION", "ROWS", "RANGE", "GROUPS", "SELECT",
                                  "FROM", "WHERE", "RETURNING", "WITH", "SETTINGS", "LOCK"})) {
                f.in_list = false;
                f.window_clause = w == "WINDOW";
            }
        }
        item_start = next_item_start;
        prev2 = prev;
        prev = i;
    }
    return out;
}

// The role of every token. Without `offsets`, every String and Number is a
// constant, but for column positions (ORDER BY 1: position_numbers), and a
// '-' directly before a number (comments aside) is its sign, unless it
// follows an operand (`x - 1`). With `offsets`, only tokens beginning at a
// listed offset are constants (a listed '-' takes the number after it);
// other literals are kept.
std::vector<Role> classify(const std::vector<SqlToken> &t, const std::vector<size_t> *offsets) {
    std::vector<Role> roles(t.size(), Role::Skip);
    const std::vector<bool> positions = offsets == nullptr ? position_numbers(t) : std::vector<bool>();
    bool prev_operand = false;
    bool signed_number = false;  // the next Number follows a folded '-'
    for (size_t i = 0; i < t.size(); ++i) {
        const SqlToken &k = t[i];
        switch (k.kind) {
            case SqlTokenKind::Comment:
                continue;
            case SqlTokenKind::Separator:
                roles[i] = Role::Separator;
                prev_operand = false;
                break;
            case SqlTokenKind::Word:
                roles[i] = Role::Word;
                prev_operand = !k.keyword;
                break;
            case SqlTokenKind::QuotedIdent:
                roles[i] = Role::Word;
                prev_operand = true;
                break;
            case SqlTokenKind::String:
            case SqlTokenKind::Number: {
                const bool constant = offsets == nullptr ? !positions[i]
                                                         : listed(offsets, k.begin) ||
                                                               (signed_number && k.kind == SqlTokenKind::Number);
                roles[i] = constant ? Role::Constant : Role::KeptConstant;
                prev_operand = true;
                break;
            }
            case SqlTokenKind::Param:
                roles[i] = Role::Placeholder;
                prev_operand = true;
                break;
            case SqlTokenKind::Punct: {
                if (k.text == "-" && (offsets == nullptr ? !prev_operand : listed(offsets, k.begin))) {
                    const size_t j = next_significant(t, i);
                    if (j < t.size() && t[j].kind == SqlTokenKind::Number) {
                        roles[i] = Role::FoldedMinus;
                        signed_number = true;
                        continue;
                    }
                }
                roles[i] = Role::Punct;
                prev_operand = k.text == ")" || k.text == "]";
                break;
            }
        }
        signed_number = false;
    }
    return roles;
}

void append_item(std::string &out, char kind, std::string_view text) {
    out.push_back(kind);
    out += std::to_string(text.size());
    out.push_back(':');
    out.append(text.data(), text.size());
}

}  // namespace

std::string sha256_hex_prefix(std::string_view data, size_t hex_chars) {
    try {
        return sha256_hex(data, hex_chars);
    } catch (...) {
        return {};
    }
}

namespace {

// libpg_query's fingerprint treats an IN list or ARRAY of constants as one
// item, whatever its length ("IN (1, 2, 3)" and "IN (4, 5)" are one shape),
// and the rows of a VALUES list of the same shape as one row. `items` are
// canonical items (views into one buffer).
std::string collapse_lists(const std::vector<std::string_view> &items) {
    constexpr std::string_view open = "p1:(", close = "p1:)", comma = "p1:,", open_b = "p1:[", close_b = "p1:]";
    std::vector<std::string_view> lists;  // constant lists collapsed
    lists.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        // IN ( ? , ? , ... ) and ARRAY [ ? , ... ] with two or more constants
        // -> one constant (function arguments keep their number).
        // A bracketed list of constants is an array literal in every dialect
        // that writes one so (BigQuery, DuckDB, Snowflake: ['a', 'b']).
        const bool list_start = (!lists.empty() && items[i] == open && lists.back() == "w2:in") ||
                                items[i] == open_b;
        if (list_start) {
            const std::string_view closing = items[i] == open ? close : close_b;
            size_t j = i + 1, n = 0;
            while (j + 1 < items.size() && items[j] == "?" && (items[j + 1] == comma || items[j + 1] == closing)) {
                ++n;
                j += 2;
                if (items[j - 1] == closing) break;
            }
            if (n >= 2 && items[j - 1] == closing) {
                lists.insert(lists.end(), {items[i], "?", closing});
                i = j - 1;
                continue;
            }
        }
        lists.push_back(items[i]);
    }
    // VALUES (...), (...) and a row-value IN ((...), (...)): a row equal to
    // the one before it is dropped when ',' or the list's end follows it
    // (`(1) + 1` is an expression, not the row (1)). The brackets are
    // matched once, in one pass (an unclosed `IN ((` or `VALUES (` repeated
    // must not scan to the end of the text at each one).
    std::vector<size_t> match(lists.size(), 0);  // index after the ')' matching a '(' at that index, or 0
    {
        std::vector<size_t> stack;
        for (size_t m = 0; m < lists.size(); ++m) {
            if (lists[m] == open) {
                stack.push_back(m);
            } else if (lists[m] == close && !stack.empty()) {
                match[stack.back()] = m + 1;
                stack.pop_back();
            }
        }
    }
    auto group_end = [&](size_t at) -> size_t {  // index after the ')' matching lists[at] == '(', or 0
        return at < lists.size() && lists[at] == open ? match[at] : 0;
    };
    std::string out;
    for (size_t i = 0; i < lists.size(); ++i) {
        out += lists[i];
        const bool in_rows = lists[i] == "w2:in" && i + 2 < lists.size() && lists[i + 1] == open && lists[i + 2] == open;
        if (lists[i] != "w6:values" && !in_rows) continue;
        if (in_rows) out += lists[++i];  // the list's '(' (its ')' follows the rows)
        // What may follow a dropped row: ',' or the list's ')'; after VALUES
        // rows also the statement's end, ';' or a word (RETURNING, ON, AS).
        auto row_ends_there = [&](size_t at) {
            if (at >= lists.size()) return !in_rows;
            if (lists[at] == comma || lists[at] == close) return true;
            return !in_rows && (lists[at] == ";" || lists[at].substr(0, 1) == "w");
        };
        const size_t row = i + 1, row_end = group_end(row);
        if (row_end == 0) continue;
        for (size_t m = row; m < row_end; ++m) out += lists[m];
        size_t k = row_end;
        while (k < lists.size() && lists[k] == comma) {
            const size_t next_end = group_end(k + 1);
            if (next_end == 0 || next_end - (k + 1) != row_end - row || !row_ends_there(next_end) ||
                !std::equal(lists.begin() + static_cast<std::ptrdiff_t>(k + 1),
                            lists.begin() + static_cast<std::ptrdiff_t>(next_end),
                            lists.begin() + static_cast<std::ptrdiff_t>(row)))
                break;
            k = next_end;
        }
        i = k - 1;
    }
    return out;
}

}  // namespace

std::string fingerprint_canonical(std::string_view sql, const std::vector<SqlToken> &tokens,
                                  const std::vector<size_t> *constant_offsets) {
    const std::vector<Role> roles = classify(tokens, constant_offsets);
    // Items are written into one buffer; `bounds` marks where each ends.
    std::string buffer;
    std::vector<size_t> bounds;
    auto end_item = [&] { bounds.push_back(buffer.size()); };
    bool pending_separator = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const SqlToken &k = tokens[i];
        const Role r = roles[i];
        if (r == Role::Skip || r == Role::FoldedMinus) continue;
        if (r == Role::Separator) {
            pending_separator = !bounds.empty();
            continue;
        }
        if (pending_separator) {
            buffer += ';';
            end_item();
            pending_separator = false;
        }
        switch (r) {
            case Role::Word: {
                const std::string word = k.kind == SqlTokenKind::Word ? ascii_lower(k.text) : k.text;
                // TRUE and FALSE are constants of the shape, like numbers.
                if (k.kind == SqlTokenKind::Word && (word == "true" || word == "false"))
                    buffer += '?';
                else
                    append_item(buffer, 'w', word);
                break;
            }
            case Role::Punct:
                for (char c : k.text) {
                    append_item(buffer, 'p', std::string_view(&c, 1));
                    end_item();
                }
                continue;
            case Role::KeptConstant:
                append_item(buffer, 'k', k.end <= sql.size() && k.begin <= k.end
                                             ? sql.substr(k.begin, k.end - k.begin)
                                             : std::string_view());
                break;
            default:  // Constant, Placeholder
                buffer += '?';
                break;
        }
        end_item();
    }
    // Without IN, brackets or VALUES there is nothing to collapse: the buffer is the text.
    if (buffer.find("w2:in") == std::string::npos && buffer.find("p1:[") == std::string::npos &&
        buffer.find("w6:values") == std::string::npos)
        return buffer;
    std::vector<std::string_view> items;
    items.reserve(bounds.size());
    size_t from = 0;
    for (size_t to : bounds) {
        items.emplace_back(buffer.data() + from, to - from);
        from = to;
    }
    return collapse_lists(items);
}

std::string fingerprint_tokens(std::string_view sql, const std::vector<SqlToken> &tokens,
                               const std::vector<size_t> *constant_offsets) {
    const std::string canonical = fingerprint_canonical(sql, tokens, constant_offsets);
    return canonical.empty() ? std::string() : sha256_hex_prefix(canonical, 16);
}

std::string sql_fingerprint(std::string_view sql, SqlDialect dialect) {
    try {
        return fingerprint_tokens(sql, lex_sql(sql, dialect));
    } catch (...) {  // std::bad_alloc only
        return {};
    }
}

std::vector<Span> constant_spans(const std::vector<SqlToken> &tokens, const std::vector<size_t> *constant_offsets) {
    const std::vector<Role> roles = classify(tokens, constant_offsets);
    std::vector<Span> out;
    size_t sign = std::string::npos;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (roles[i] == Role::FoldedMinus) {
            sign = tokens[i].begin;
        } else if (roles[i] == Role::Constant) {
            out.emplace_back(sign != std::string::npos ? sign : tokens[i].begin, tokens[i].end);
            sign = std::string::npos;
        }
    }
    return out;
}

std::string replace_constants(std::string_view sql, const std::vector<Span> &spans, long first_param) {
    std::string out;
    out.reserve(sql.size() + 8);
    size_t pos = 0;
    long n = first_param;
    for (const Span &s : spans) {
        if (s.first < pos || s.second > sql.size() || s.first > s.second) continue;
        out.append(sql.data() + pos, s.first - pos);
        // A parameter glued to a word would join it ("name='bob'AND" must not
        // become "name=$1AND"; "SELECT'a'" not "SELECT$1").
        if (!out.empty() && is_word_char(static_cast<unsigned char>(out.back()))) out += ' ';
        out += "$" + std::to_string(n++);
        if (s.second < sql.size() && is_word_char(static_cast<unsigned char>(sql[s.second]))) out += ' ';
        pos = s.second;
    }
    out.append(sql.data() + pos, sql.size() - pos);
    return out;
}

std::vector<Span> literal_content_spans(std::string_view sql, const std::vector<SqlToken> &tokens) {
    std::vector<Span> out;
    for (const SqlToken &k : tokens) {
        if (k.content_end <= k.content_begin) continue;
        if (k.kind == SqlTokenKind::String)
            split_at_escapes(sql, {k.content_begin, k.content_end}, k.escapes, k.escape_char, out);
        else if (k.kind == SqlTokenKind::Comment || (k.kind == SqlTokenKind::QuotedIdent && k.unterminated))
            out.emplace_back(k.content_begin, k.content_end);
    }
    return out;
}

std::vector<Span> sql_literal_spans(std::string_view sql, SqlDialect dialect) {
    return literal_content_spans(sql, lex_sql(sql, dialect));
}

namespace {

bool is_hex(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

// Bytes of the UTF-8 character starting with `c` (1 for anything invalid).
size_t utf8_length(unsigned char c) {
    if (c >= 0xF0 && c <= 0xF4) return 4;
    if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
    if (c >= 0xC2) return 2;
    return 1;
}

// Length of the escape sequence at `p` (sql[p] is the escape character),
// bounded by `end`.
size_t escape_length(std::string_view sql, size_t p, size_t end, EscapeStyle style) {
    auto run = [&](size_t from, size_t max, bool (*ok)(unsigned char)) {
        size_t q = from;
        while (q < end && q - from < max && ok(static_cast<unsigned char>(sql[q]))) ++q;
        return q;
    };
    if (p + 1 >= end) return end - p;
    const unsigned char c = static_cast<unsigned char>(sql[p + 1]);
    size_t q = p + 2;
    switch (style) {
        case EscapeStyle::PgBackslash:  // \b \f \n \r \t, \ooo, \xhh, \uXXXX, \UXXXXXXXX, \<char>
            if (c >= '0' && c <= '7') q = run(p + 1, 3, [](unsigned char x) { return x >= '0' && x <= '7'; });
            else if (c == 'x') q = std::max(q, run(p + 2, 2, is_hex));
            else if (c == 'u') q = std::max(q, run(p + 2, 4, is_hex));
            else if (c == 'U') q = std::max(q, run(p + 2, 8, is_hex));
            else q = p + 1 + utf8_length(c);
            break;
        case EscapeStyle::Unicode:  // \\, \XXXX, \+XXXXXX
            if (c == '+') q = std::max(q, run(p + 2, 6, is_hex));
            else if (is_hex(c)) q = run(p + 1, 4, is_hex);
            else if (c != static_cast<unsigned char>(sql[p])) q = p + 1;  // a lone escape character
            break;
        default:  // MySQL: \<char>
            q = p + 1 + utf8_length(c);
    }
    return std::min(q, end) - p;
}

}  // namespace

void split_at_escapes(std::string_view sql, Span content, EscapeStyle style, char escape_char,
                      std::vector<Span> &out) {
    const size_t end = std::min(content.second, sql.size());
    if (style == EscapeStyle::None) {
        if (end > content.first) out.emplace_back(content.first, end);
        return;
    }
    const char esc = style == EscapeStyle::Unicode ? escape_char : '\\';
    size_t seg = content.first;
    size_t i = content.first;
    while (i < end) {
        if (sql[i] != esc) {
            ++i;
            continue;
        }
        if (i > seg) out.emplace_back(seg, i);
        i += escape_length(sql, i, end, style);
        seg = i;
    }
    if (end > seg) out.emplace_back(seg, end);
}

void split_at_pg_escapes_resuming(std::string_view sql, Span span, std::vector<Span> &out) {
    const size_t end = std::min(span.second, sql.size());
    size_t b = span.first;
    if (b >= 2 && b <= end && sql[b - 2] == '\\')
        b = std::max(b, b - 2 + escape_length(sql, b - 2, end, EscapeStyle::PgBackslash));
    if (b < end) split_at_escapes(sql, {b, end}, EscapeStyle::PgBackslash, '\\', out);
}

char uescape_after(std::string_view sql, size_t pos) {
    // U&'...' UESCAPE 'c' (whitespace and no comments in between).
    size_t i = pos;
    while (i < sql.size() && is_space(static_cast<unsigned char>(sql[i]))) ++i;
    if (sql.size() - i < 7 || ascii_upper(sql.substr(i, 7)) != "UESCAPE") return '\\';
    i += 7;
    while (i < sql.size() && is_space(static_cast<unsigned char>(sql[i]))) ++i;
    if (i + 2 < sql.size() && sql[i] == '\'' && sql[i + 2] == '\'') return sql[i + 1];
    return '\\';
}

}  // namespace tde::core
