// HTTP errors: the JSON error envelope and the SQLSTATE -> status mapping.
#pragma once

#include <string>

#include "pg_pool.hpp"

namespace tde_http {

struct HttpError {
    int status = 500;
    std::string code;             // SQLSTATE or a bridge code such as "not_found"
    std::string message;
    std::string details = "null"; // a JSON value
    int retry_after = 0;          // seconds; 0 = no Retry-After header
};

// {"error": {"code": ..., "message": ..., "details": ...}}
std::string error_body(const HttpError& e);

// A JSON string literal (quoted, escaped) of UTF-8 text.
std::string json_string(const std::string& s);

// The HTTP status for a SQLSTATE (see README of tde-http / the brief):
// 22xxx, 23502, 23514 -> 400; other 23xxx -> 409; 42501 -> 403;
// 08xxx, 57P0x, 53xxx, 40001, 40P01 -> 503; 57014 -> 504; 42883 -> 501; else 500.
int status_for_sqlstate(const std::string& sqlstate);

// Turns what PostgreSQL said into an HttpError. Client errors carry the
// primary message (never DETAIL/CONTEXT); server errors a fixed message.
HttpError from_pg(const PgError& e);

HttpError db_unavailable();
HttpError pool_exhausted();
HttpError make_error(int status, std::string code, std::string message);

}  // namespace tde_http
