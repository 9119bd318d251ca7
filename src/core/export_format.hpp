// Line writers for the exports: JSON string escaping (RFC 8259) and CSV
// fields (RFC 4180). Plain appends into a caller-owned buffer, so one buffer
// serves every row of an export.
#pragma once

#include <string>
#include <string_view>

namespace tde::core {

// Appends `value` as a JSON string literal, quotes included. Control
// characters are escaped; everything else (valid UTF-8) is copied as is.
void append_json_string(std::string &out, std::string_view value);
// `json` (a JSON text) with the line separators U+2028, U+2029 and U+0085,
// which JSON allows raw but line-based readers split at, written as escapes.
void append_json_escaping_separators(std::string &out, std::string_view json);

// Appends `value` as one CSV field: quoted (with doubled quotes) when it
// contains a comma, quote, CR or LF, or is empty (so '' and NULL differ:
// NULL is written as nothing by the caller); otherwise as is.
void append_csv_field(std::string &out, std::string_view value);

// Appends `iso` (a timestamp as PostgreSQL writes it in JSON,
// 2024-01-10T12:00:00.5+00:00) with its fraction of a second, when it has
// one, written with six digits, as Python's datetime.isoformat() writes it
// (2024-01-10T12:00:00.500000+00:00; Python before 3.11 reads no other
// length). Anything else (infinity) is appended as is.
void append_iso_timestamp(std::string &out, std::string_view iso);

// Fine-tuning styles of the JSONL export.
enum class JsonlStyle { Pair, PromptCompletion, Chat, Alpaca };

// Parses "pair", "prompt_completion", "chat", "alpaca" (exact, lower case).
bool parse_jsonl_style(std::string_view name, JsonlStyle &style);

// One training example in the given non-pair style (the pair style needs
// every column and is written by the caller). `system_prompt` may be null.
void append_example(std::string &out, JsonlStyle style, std::string_view question,
                    std::string_view sql, const std::string_view *system_prompt);

}  // namespace tde::core

namespace tde::core {

// Appends one element of a PostgreSQL array literal ({a,"b c"}): quoted
// with backslash escapes when empty, "NULL", or containing braces, commas,
// quotes, backslashes or white space.
void append_pg_array_element(std::string &out, std::string_view element);

}  // namespace tde::core
