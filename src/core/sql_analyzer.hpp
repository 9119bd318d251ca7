// Dialect-aware, non-validating SQL analyzer: classifies the first statement
// (query_type) and lists every table/view named in a relation position in
// the whole text. It is a lexer followed by keyword rules over the tokens,
// not a full parser; it never throws and accepts arbitrary bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tde::core {

// Lexical rules per dialect (how strings, quoted names and comments are
// written): PostgreSQL's are also those of Unknown; Oracle adds q'[...]'
// quoting and '#' inside unquoted names (emp#1); BigQuery reads "..." and '''...''' as strings with backslash
// escapes, r'...' raw strings, `names` and # comments; Snowflake has
// backslash escapes in '...', $$...$$ strings and // comments; MySQL reads
// the content of /*! ... */ as SQL and names may begin with a digit there.
// In every dialect a line comment ends at LF or at a lone CR, and the
// fullwidth ；，（） (East Asian input methods) are read as ; , ( ).
enum class SqlDialect { Unknown, PostgreSQL, MySQL, SQLite, SQLServer, Oracle, BigQuery, Snowflake };

// Maps a free-form database_type ("postgresql", "postgres", "pg", "mysql",
// "mariadb", "sqlite", "sqlite3", "sqlserver", "mssql", "tsql", "sql server",
// "microsoft sql", "azure sql", "sybase", "oracle", "bigquery", "snowflake",
// "duckdb" (PostgreSQL's grammar), PHP PDO's driver names "pgsql" and
// "sqlsrv", with versions and products (AlloyDB, Supabase, Percona,
// SingleStore, ...),
// case-insensitive, surrounding spaces ignored) to a dialect; anything else is
// Unknown.
SqlDialect dialect_from_database_type(std::string_view database_type);

// True when `sql`, after blanks, comments and opening parentheses, starts
// with a word that begins a statement in some dialect (SELECT, WITH, INSERT,
// EXEC, PRAGMA, ...), or holds nothing else; false for prose around SQL
// ("Here's the query: SELECT ...").
bool starts_like_sql(std::string_view sql, SqlDialect dialect);

struct SqlInfo {
    // One of SELECT INSERT UPDATE DELETE MERGE CREATE ALTER DROP TRUNCATE OTHER.
    std::string query_type;
    // Normalised, deduplicated, sorted by byte (== code point) order.
    std::vector<std::string> table_names;
};

// Never throws. Unterminated strings, comments and identifiers run to the
// end of the input; invalid UTF-8 is treated as identifier letters.
// Statements end at ';' (or a mysql client DELIMITER) and, in T-SQL and SQL
// of an unknown type, at a `GO` line.
SqlInfo analyze_sql(std::string_view sql, SqlDialect dialect);

// ---------------------------------------------------------------------------
// Tokens: the analyzer's dialect-aware lexer, for fingerprints, constant
// normalization and literal/comment spans (src/pg/sql_parser.cpp builds the
// same tokens from PostgreSQL's own scanner for PostgreSQL SQL).

enum class SqlTokenKind {
    Word,         // keyword or unquoted identifier
    QuotedIdent,  // "x", `x`, [x] (per dialect)
    String,       // '...', E'...', N'...', $tag$...$tag$, MySQL "..."
    Number,       // 42, 1.5e3, 0x1F, .5
    Param,        // $1; `?` outside PostgreSQL
    Punct,        // operator / punctuation (one character from lex_sql)
    Separator,    // ;
    Comment,      // -- ..., /* ... */, MySQL # ...
};

// How a string literal's content escapes characters.
enum class EscapeStyle : char {
    None,            // only doubled quotes ('...' with standard_conforming_strings, N'...', $$...$$)
    PgBackslash,     // PostgreSQL E'...': \n, \ooo, \xhh, \uXXXX, \UXXXXXXXX, \<char>
    MySqlBackslash,  // MySQL '...' and "...": \<char>
    Unicode,         // PostgreSQL U&'...': \XXXX, \+XXXXXX, \\ (or the UESCAPE character)
};

struct SqlToken {
    SqlTokenKind kind = SqlTokenKind::Punct;
    size_t begin = 0, end = 0;                  // byte span [begin, end) of the whole token
    size_t content_begin = 0, content_end = 0;  // String / QuotedIdent / Comment: the content, without
                                                // prefix, quotes or comment markers (others: empty)
    std::string text;  // Word: as written; QuotedIdent: the name (escapes undone);
                       // Number / Param / Punct / Separator: as written; String / Comment: empty
    bool keyword = false;  // Word: a reserved word (not an operand)
    EscapeStyle escapes = EscapeStyle::None;  // String: how its content escapes characters
    char escape_char = '\\';                   // String with EscapeStyle::Unicode: its UESCAPE character
    bool unterminated = false;                // QuotedIdent: no closing delimiter (runs to the end)
};

// Byte span [first, second).
using Span = std::pair<size_t, size_t>;

// Every token of `sql`, comments included, in order. Never fails: unterminated
// strings, identifiers and comments run to the end of the input.
std::vector<SqlToken> lex_sql(std::string_view sql, SqlDialect dialect);

// Which String / Number tokens are constants: by default (constant_offsets
// == nullptr) all of them, a '-' directly before a number (comments aside)
// being its sign unless it follows an operand (`x - 1`). With
// `constant_offsets` (sorted byte offsets, e.g. where PostgreSQL's parser put
// its constants), only the literals beginning at a listed offset, a listed '-'
// taking the number after it; other literals are part of the query's shape.

// The canonical token stream behind a fingerprint: words lower-cased, quoted
// identifiers exact, punctuation one character at a time, every constant and
// Param replaced by one placeholder, other literals kept as written, comments,
// whitespace and empty statements dropped. Empty when there is no token.
std::string fingerprint_canonical(std::string_view sql, const std::vector<SqlToken> &tokens,
                                  const std::vector<size_t> *constant_offsets = nullptr);
// The first 16 hex digits of SHA-256 of fingerprint_canonical(); empty when
// that is empty.
std::string fingerprint_tokens(std::string_view sql, const std::vector<SqlToken> &tokens,
                               const std::vector<size_t> *constant_offsets = nullptr);
// fingerprint_tokens(sql, lex_sql(sql, dialect)).
std::string sql_fingerprint(std::string_view sql, SqlDialect dialect);
// Lower-case hex SHA-256 of `data`, cut to `hex_chars` digits.
std::string sha256_hex_prefix(std::string_view data, size_t hex_chars);

// The spans of the constants (with their sign), in order.
std::vector<Span> constant_spans(const std::vector<SqlToken> &tokens,
                                 const std::vector<size_t> *constant_offsets = nullptr);
// `sql` with each span replaced by $first_param, $first_param+1, ... (spans
// sorted and disjoint; others are skipped).
std::string replace_constants(std::string_view sql, const std::vector<Span> &spans, long first_param);

// The content spans of String and Comment tokens (non-empty ones), in order,
// where personal data is looked for: string contents are cut at their escape
// sequences (split_at_escapes), so that "\n555-123-4567" is seen as a newline
// and a phone number, and a replacement never eats into an escape. The content
// of an unterminated quoted identifier (bad SQL: it runs to the end of the
// text) is included too.
std::vector<Span> literal_content_spans(std::string_view sql, const std::vector<SqlToken> &tokens);
// Appends the non-empty pieces of `content` between its escape sequences.
void split_at_escapes(std::string_view sql, Span content, EscapeStyle style, char escape_char,
                      std::vector<Span> &out);
// split_at_escapes() with EscapeStyle::PgBackslash for a span that another
// lexer may have started inside an escape sequence ("\\u" then "00e9..."):
// the rest of that escape is skipped first.
void split_at_pg_escapes_resuming(std::string_view sql, Span span, std::vector<Span> &out);
// The UESCAPE character declared after a U&'...' literal ending at `pos`
// (`U&'...' UESCAPE '!'`), or '\\'.
char uescape_after(std::string_view sql, size_t pos);
// literal_content_spans(lex_sql(sql, dialect)).
std::vector<Span> sql_literal_spans(std::string_view sql, SqlDialect dialect);

}  // namespace tde::core
