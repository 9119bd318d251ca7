// Query-string parameters: validation and normalisation before anything is
// sent to PostgreSQL (as a bind parameter, never as SQL text).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"

namespace tde_http {

struct QueryArg {
    bool present = false;
    bool valueless = false;  // "?flag" without "="
    std::string value;       // decoded; may contain NUL bytes (refused)
    // Every value of a repeated parameter ("?a=1&a=2"), in order; the first
    // is `value`. Only split_ratios reads them (a list); elsewhere the first counts.
    std::vector<std::string> values;
};

// true/false, 1/0, yes/no, on/off, t/f (any case); "?flag" alone is true.
// Sets out to "true" or "false".
std::optional<HttpError> parse_bool(const QueryArg& a, const char* name, std::optional<std::string>& out);

// A decimal integer (sign allowed, PostgreSQL refuses negatives), normalised.
std::optional<HttpError> parse_int(const QueryArg& a, const char* name, std::optional<std::string>& out);

// Text as given, but never with NUL bytes.
std::optional<HttpError> parse_text(const QueryArg& a, const char* name, std::optional<std::string>& out);

// start_date / end_date: text (PostgreSQL checks the format), except that a
// timestamp's "+hh:mm" offset written unencoded in the URL, which the query
// string's decoding turned into " hh:mm", gets its "+" back.
std::optional<HttpError> parse_date(const QueryArg& a, const char* name, std::optional<std::string>& out);

}  // namespace tde_http
