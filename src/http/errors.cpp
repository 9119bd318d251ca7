#include "errors.hpp"

#include <cstdio>

namespace tde_http {

std::string json_string(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);  // UTF-8 passes through
                }
        }
    }
    out += '"';
    return out;
}

std::string error_body(const HttpError& e) {
    return "{\"error\": {\"code\": " + json_string(e.code) + ", \"message\": " + json_string(e.message) +
           ", \"details\": " + e.details + "}}";
}

int status_for_sqlstate(const std::string& s) {
    auto cls = s.substr(0, 2);
    if (s == "2201W" || s == "2201X" || s == "23502" || s == "23514") return 400;
    if (cls == "22") return 400;
    if (cls == "23") return 409;
    if (s == "42501") return 403;
    if (s == "42883") return 501;
    if (s == "57014") return 504;
    // 25006: read-only transaction (a standby after a failover, or a primary
    // turned read-only): transient from the client's side.
    if (cls == "08" || s.rfind("57P0", 0) == 0 || cls == "53" || s == "40001" || s == "40P01" || s == "25006")
        return 503;
    return 500;
}

HttpError make_error(int status, std::string code, std::string message) {
    HttpError e;
    e.status = status;
    e.code = std::move(code);
    e.message = std::move(message);
    return e;
}

HttpError db_unavailable() {
    HttpError e = make_error(503, "database_unavailable", "the database is unavailable, retry later");
    e.retry_after = 1;
    return e;
}

HttpError pool_exhausted() {
    HttpError e = make_error(503, "busy", "all database connections are busy, retry later");
    e.retry_after = 1;
    return e;
}

HttpError from_pg(const PgError& pg) {
    if (pg.sqlstate.empty() || pg.connection_lost) {
        HttpError e = db_unavailable();
        if (!pg.sqlstate.empty()) e.code = pg.sqlstate;
        return e;
    }
    HttpError e;
    e.status = status_for_sqlstate(pg.sqlstate);
    e.code = pg.sqlstate;
    switch (e.status) {
        case 400: case 403: case 409:
            e.message = pg.message;
            if (!pg.hint.empty()) e.details = "{\"hint\": " + json_string(pg.hint) + "}";
            break;
        case 501:
            e.message = "not implemented: the database does not provide this function";
            break;
        case 503:
            e.message = "the database is unavailable, retry later";
            e.retry_after = 1;
            break;
        case 504:
            e.message = "the statement timed out or was canceled";
            break;
        default:
            e.message = "internal error";
    }
    // PostgreSQL's own messages for these quote the input, which may be
    // personal data: a fixed text instead (the hint, when there is one, is the
    // extension's and names no value).
    if (pg.sqlstate == "22P02") e.message = "invalid input syntax";
    else if (pg.sqlstate == "22021") e.message = "request data is not valid UTF-8";
    else if (pg.sqlstate == "22003") e.message = "numeric value out of range";
    else if (pg.sqlstate == "22008") e.message = "date/time field value out of range";
    else if (pg.sqlstate == "22009") e.message = "time zone displacement out of range";
    else if (pg.sqlstate == "22007" && pg.message.rfind("invalid start_date", 0) != 0 &&
             pg.message.rfind("invalid end_date", 0) != 0)
        e.message = "invalid date or time";
    if (pg.sqlstate == "22P02" || pg.sqlstate == "22021" || pg.sqlstate == "22003") e.details = "null";
    return e;
}

}  // namespace tde_http
