// Unit checks of tde-http's pure helpers (no database, no network): the
// SQLSTATE -> HTTP mapping, error bodies, COPY text unescaping, base64url,
// query-parameter parsing, routing. Prints "unit: N passed, N failed".
#include <cstdio>
#include <string>

#include "http/auth.hpp"
#include "http/errors.hpp"
#include "http/export_stream.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

using namespace tde_http;

static int passed = 0, failed = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (cond) ++passed;                                                      \
        else { ++failed; std::fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
    } while (0)

static std::string unescape(const std::string& s) {
    std::string out;
    if (!copy_text_unescape(s.data(), s.size(), out)) return "<NULL>";
    return out;
}

static void sqlstates() {
    CHECK(status_for_sqlstate("22P02") == 400);
    CHECK(status_for_sqlstate("22007") == 400);
    CHECK(status_for_sqlstate("22023") == 400);
    CHECK(status_for_sqlstate("2201W") == 400);
    CHECK(status_for_sqlstate("2201X") == 400);
    CHECK(status_for_sqlstate("23502") == 400);
    CHECK(status_for_sqlstate("23514") == 400);
    CHECK(status_for_sqlstate("23505") == 409);
    CHECK(status_for_sqlstate("23503") == 409);
    CHECK(status_for_sqlstate("42501") == 403);
    CHECK(status_for_sqlstate("08006") == 503);
    CHECK(status_for_sqlstate("57P01") == 503);
    CHECK(status_for_sqlstate("57P03") == 503);
    CHECK(status_for_sqlstate("57014") == 504);
    CHECK(status_for_sqlstate("42883") == 501);
    CHECK(status_for_sqlstate("XX000") == 500);
    CHECK(status_for_sqlstate("42601") == 500);
}

static void pg_errors() {
    HttpError e = from_pg(PgError{"22P02", "invalid input syntax for type json", "", false});
    CHECK(e.status == 400 && e.message.find("json") == std::string::npos && e.details == "null");
    e = from_pg(PgError{"57P01", "terminating connection due to administrator command", "", false});
    CHECK(e.status == 503 && e.retry_after == 1);
    e = from_pg(PgError{"", "server closed the connection unexpectedly", "", true});
    CHECK(e.status == 503 && e.retry_after == 1 && e.code == "database_unavailable");
    e = from_pg(PgError{"22023", "unknown field \"x\"", "Fields: a, b", false});
    CHECK(e.status == 400 && e.message == "unknown field \"x\"" && e.details == "{\"hint\": \"Fields: a, b\"}");
    e = from_pg(PgError{"22009", "time zone displacement out of range: \"2024-01-01T00:00:00+5551\"", "", false});
    CHECK(e.status == 400 && e.message.find("5551") == std::string::npos);
    e = from_pg(PgError{"XX000", "secret internals", "", false});
    CHECK(e.status == 500 && e.message == "internal error" && e.code == "XX000");
    CHECK(error_body(make_error(404, "not_found", "a \"b\"\n")) ==
          "{\"error\": {\"code\": \"not_found\", \"message\": \"a \\\"b\\\"\\n\", \"details\": null}}");
    CHECK(json_string(std::string("\x01\xc3\xa9", 3)) == "\"\\u0001\xc3\xa9\"");
}

static void copy_text() {
    CHECK(unescape("plain") == "plain");
    CHECK(unescape("a\\\\nb") == "a\\nb");  // JSON's \n escape: backslash n
    CHECK(unescape("tab\\there") == "tab\there");
    CHECK(unescape("nl\\ncr\\r") == "nl\ncr\r");
    CHECK(unescape("\\b\\f\\v") == "\b\f\v");
    CHECK(unescape("\\N") == "<NULL>");
    CHECK(unescape("x\\N") == "xN");
    CHECK(unescape("\\101\\x42") == "AB");
    CHECK(unescape("\xc3\xa9\xf0\x9f\x98\x80") == "\xc3\xa9\xf0\x9f\x98\x80");
    CHECK(unescape("\"quoted\",'single'") == "\"quoted\",'single'");
}

static void base64url() {
    CHECK(base64url_decode("eyJhIjoxfQ") == std::optional<std::string>("{\"a\":1}"));
    CHECK(!base64url_decode("eyJhIjoxfQ=="));  // padding: JWS segments have none
    CHECK(!base64url_decode("eyJhIjoxfR"));    // unused low bits set: another spelling of the same bytes
    CHECK(base64url_decode("-_8") == std::optional<std::string>("\xfb\xff"));
    CHECK(!base64url_decode("ab+c"));
    CHECK(!base64url_decode("a"));
}

static QueryArg arg(const char* v) { return QueryArg{true, v == nullptr, v ? v : ""}; }

static void params() {
    std::optional<std::string> out;
    CHECK(!parse_bool(arg("TRUE"), "b", out) && out == "true");
    out.reset();
    CHECK(!parse_bool(arg("0"), "b", out) && out == "false");
    out.reset();
    CHECK(!parse_bool(arg("Y"), "b", out) && out == "true");
    out.reset();
    CHECK(!parse_bool(arg("n"), "b", out) && out == "false");
    out.reset();
    CHECK(parse_bool(arg("yess"), "b", out).has_value());
    out.reset();
    CHECK(!parse_bool(arg(nullptr), "b", out) && out == "true");
    out.reset();
    CHECK(parse_bool(arg("true; DROP TABLE x"), "b", out).has_value());
    out.reset();
    CHECK(!parse_bool(arg(""), "b", out) && !out.has_value());  // empty value = absent
    out.reset();
    CHECK(!parse_int(arg("0042"), "i", out) && out == "42");
    out.reset();
    CHECK(!parse_int(arg("-1"), "i", out) && out == "-1");
    CHECK(parse_int(arg("1; DROP"), "i", out).has_value());
    CHECK(parse_int(arg("99999999999999999999"), "i", out).has_value());
    CHECK(parse_int(arg("1e3"), "i", out).has_value());
    out.reset();
    CHECK(!parse_int(arg(""), "i", out) && !out.has_value());
    CHECK(parse_text(QueryArg{true, false, std::string("a\0b", 3)}, "t", out).has_value());
    // An unencoded '+' of a timestamp's offset was decoded as a space.
    out.reset();
    CHECK(!parse_date(arg("2024-01-01T00:00:00 02:00"), "d", out) && out == "2024-01-01T00:00:00+02:00");
    out.reset();
    CHECK(!parse_date(arg("2024-01-01 10:30:00.5 0530"), "d", out) && out == "2024-01-01 10:30:00.5+0530");
    out.reset();
    CHECK(!parse_date(arg("2024-01-01T10:30 00"), "d", out) && out == "2024-01-01T10:30+00");
    out.reset();
    CHECK(!parse_date(arg("2024-01-01 00:00:00"), "d", out) && out == "2024-01-01 00:00:00");  // date, space, time
    out.reset();
    CHECK(!parse_date(arg("2024-01-01T00:00:00-05:00"), "d", out) && out == "2024-01-01T00:00:00-05:00");
    out.reset();
    CHECK(!parse_date(arg("yesterday 02:00"), "d", out) && out == "yesterday 02:00");
}

static void routing() {
    CHECK(match_route("POST", "/api/training-data/pairs").id == RouteId::AddPair);
    CHECK(match_route("GET", "/api/training-data/pairs").id == RouteId::ListPairs);
    RouteMatch m = match_route("GET", "/api/training-data/pairs/abc");
    CHECK(m.id == RouteId::GetPair && m.pair_id == "abc");
    CHECK(match_route("DELETE", "/api/training-data/pairs/abc").id == RouteId::DeletePair);
    m = match_route("PUT", "/api/training-data/pairs/abc");
    CHECK(m.path_known && m.id == RouteId::None && m.allow == "GET, HEAD, DELETE, OPTIONS");
    CHECK(match_route("HEAD", "/api/training-data/pairs/abc").id == RouteId::GetPair);
    CHECK(match_route("HEAD", "/api/training-data/export").id == RouteId::Export);
    CHECK(match_route("OPTIONS", "/api/training-data/pairs").id == RouteId::Options);
    CHECK(!match_route("OPTIONS", "/nope").path_known);
    CHECK(loggable_path("/api/training-data/pairs/0b7e6f0c-54a1-4b61-9d8e-3f2a1c0d9e8b") ==
          "/api/training-data/pairs/0b7e6f0c-54a1-4b61-9d8e-3f2a1c0d9e8b");
    CHECK(loggable_path("/api/training-data/pairs/john.doe@example.com") ==
          "/api/training-data/pairs/(not a uuid)");
    CHECK(loggable_path("/users/555-123-4567") == "(unknown path)");
    CHECK(loggable_path("/api/training-data/export") == "/api/training-data/export");
    CHECK(!match_route("GET", "/api/training-data/pairs/a/b").path_known);
    CHECK(!match_route("GET", "/api/training-data/pairs/").path_known);
    CHECK(match_route("GET", "/api/training-data/export").id == RouteId::Export);
    CHECK(match_route("GET", "/api/training-data/statistics").id == RouteId::Statistics);
    CHECK(match_route("GET", "/healthz").id == RouteId::Health);
    CHECK(!match_route("GET", "/nope").path_known);
}

int main() {
    sqlstates();
    pg_errors();
    copy_text();
    base64url();
    params();
    routing();
    std::printf("unit: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
