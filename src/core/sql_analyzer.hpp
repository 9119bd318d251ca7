// Dialect-aware, non-validating SQL analyzer: classifies the first statement
// (query_type) and lists every table/view named in a relation position in
// the whole text. It is a lexer followed by keyword rules over the tokens,
// not a full parser; it never throws and accepts arbitrary bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tde::core {

enum class SqlDialect { Unknown, PostgreSQL, MySQL, SQLite, SQLServer };

// Maps a free-form database_type ("postgresql", "postgres", "pg", "mysql",
// "mariadb", "sqlite", "sqlite3", "sqlserver", "mssql", "tsql", "sql server",
// case-insensitive, surrounding spaces ignored) to a dialect; anything else
// is Unknown.
SqlDialect dialect_from_database_type(std::string_view database_type);

struct SqlInfo {
    // One of SELECT INSERT UPDATE DELETE MERGE CREATE ALTER DROP TRUNCATE OTHER.
    std::string query_type;
    // Normalised, deduplicated, sorted by byte (== code point) order.
    std::vector<std::string> table_names;
};

// Never throws. Unterminated strings, comments and identifiers run to the
// end of the input; invalid UTF-8 is treated as identifier letters.
SqlInfo analyze_sql(std::string_view sql, SqlDialect dialect);

}  // namespace tde::core
