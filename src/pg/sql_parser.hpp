// SQL derivation with PostgreSQL's own parser and scanner (issue 6):
// query_type, table_names, fingerprint, normalized text and validity of the
// SQL of a pair, plus the spans of string literals and comments (issue 4).
//
// PostgreSQL-dialect (and Unknown-dialect) SQL goes through raw_parser() and
// the core scanner (core_yylex) inside PG_TRY in a private memory context;
// a syntax error is not an error here: the result falls back to the pure C++
// analyzer (src/core/sql_analyzer.hpp). Other dialects use the C++ analyzer
// and lexer only.
//
// Both functions run parser code and therefore must be called from backend
// code inside the C++ error boundary (TDE_FUNCTION): they throw
// tde::pg::PgError only for errors that are not about the SQL text (out of
// memory, query cancel, ...), which the boundary re-raises. This header
// itself includes no PostgreSQL headers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/sql_analyzer.hpp"

namespace tde::pg {

struct DerivedSql {
    std::string query_type;                // SELECT INSERT UPDATE DELETE MERGE CREATE ALTER DROP TRUNCATE OTHER
    std::vector<std::string> table_names;  // normalised, dedup, sorted by byte order
    std::string fingerprint;               // 16 hex digits, same for the same query shape with different
                                           // constants; empty = NULL (no token at all)
    std::string normalized;                // constants replaced by $1, $2...; empty = NULL (PostgreSQL SQL
                                           // that parsed only)
    int valid = -1;                        // 1 parsed cleanly, 0 failed, -1 no parser applies (NULL)
};

// For PostgreSQL or Unknown: raw_parser(); on success query_type comes from
// the first statement's command tag and table_names from a walk of every raw
// parse tree (CTE names dropped within their scope), valid = 1; on a syntax
// error the C++ analyzer's labels, valid = 0. Other dialects: the C++
// analyzer, valid = -1.
// fingerprint: SHA-256 (first 16 hex digits) of the canonical token stream
// (tde::core::fingerprint_canonical) built from core_yylex for PostgreSQL /
// Unknown (the C++ lexer when the scanner fails, and for other dialects).
// Constants: when the SQL parsed, the literals the parser made value
// constants (A_Const, a '-' sign included), like pg_stat_statements,
// including typed literals (DATE '...', n'...'), the values of utility
// statements (column defaults, CHECK and other constraint expressions, index
// expressions and predicates, partition bounds, SET values); type modifiers
// (varchar(20)), ORDER/GROUP BY positions and the strings of utility
// statements that are not values (DO bodies, COPY file names, comments, ...)
// are part of the shape. Otherwise every string and number literal.
// normalized: PostgreSQL / Unknown SQL that parsed only: the text with each
// constant replaced by $n, numbering after the highest $n already present,
// everything else (comments, spacing) verbatim. A constant that $n could not
// replace in valid SQL stays as written: typed literals other than n'...'
// (`DATE $1` does not parse) and every constant of a utility statement's own
// clauses (`SET work_mem = $1` does not parse); a query inside one (EXPLAIN,
// CREATE TABLE AS, PREPARE, policy expressions) is normalized. A constant
// spans its whole literal: n'...' with its prefix, U&'...' UESCAPE '!' with
// its UESCAPE clause.
DerivedSql derive_sql(std::string_view sql, tde::core::SqlDialect dialect);

// Byte spans [begin, end) of the CONTENT of string literals and comments (not
// the quotes, prefixes, dollar tags or comment markers), in order, empty ones
// omitted; a string continued over lines ('a'\n'b') gives one span per
// segment, and string contents are cut at escape sequences
// (core::split_at_escapes). PostgreSQL's core scanner for PostgreSQL /
// Unknown (the C++ lexer when the scanner fails: `*scanned` is then set to
// false), the C++ lexer for other dialects.
std::vector<std::pair<size_t, size_t>> literal_spans(std::string_view sql, tde::core::SqlDialect dialect,
                                                     bool *scanned = nullptr);

}  // namespace tde::pg
