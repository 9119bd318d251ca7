#include "query_params.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <regex>
#include <strings.h>

namespace tde_http {
namespace {

HttpError invalid(const char* name, const char* what) {
    return make_error(400, "invalid_parameter", std::string(name) + what);
}

bool equals_nocase(const std::string& a, const char* b) {
    return a.size() == std::strlen(b) && strcasecmp(a.c_str(), b) == 0;
}

}  // namespace

// An empty value ("?limit=") means the same as an absent parameter, for every
// parameter (as start_date= already did).
std::optional<HttpError> parse_bool(const QueryArg& a, const char* name, std::optional<std::string>& out) {
    if (!a.present || (!a.valueless && a.value.empty())) return std::nullopt;
    if (a.valueless) {
        out = "true";
        return std::nullopt;
    }
    // PostgreSQL's boolean input and Python's strtobool take y/n as well.
    for (const char* t : {"true", "1", "yes", "on", "t", "y"})
        if (equals_nocase(a.value, t)) out = "true";
    for (const char* f : {"false", "0", "no", "off", "f", "n"})
        if (equals_nocase(a.value, f)) out = "false";
    if (!out) return invalid(name, " must be true or false");
    return std::nullopt;
}

std::optional<HttpError> parse_int(const QueryArg& a, const char* name, std::optional<std::string>& out) {
    if (!a.present || a.value.empty()) return std::nullopt;
    const std::string& v = a.value;
    bool digits = !v.empty() && v.find_first_not_of("+-0123456789") == std::string::npos;
    errno = 0;
    char* end = nullptr;
    long long n = digits ? std::strtoll(v.c_str(), &end, 10) : 0;
    if (!digits || end != v.c_str() + v.size() || errno == ERANGE) return invalid(name, " must be an integer");
    out = std::to_string(n);
    return std::nullopt;
}

std::optional<HttpError> parse_text(const QueryArg& a, const char* name, std::optional<std::string>& out) {
    if (!a.present) return std::nullopt;
    if (a.value.find('\0') != std::string::npos) return invalid(name, " contains a NUL byte");
    out = a.value;
    return std::nullopt;
}

std::optional<HttpError> parse_date(const QueryArg& a, const char* name, std::optional<std::string>& out) {
    if (auto e = parse_text(a, name, out)) return e;
    // "2024-01-01T00:00:00+02:00" in a URL reads as "2024-01-01T00:00:00 02:00"
    // ('+' is a space in a query string): a time, one space, an offset.
    static const std::regex mangled_offset(
        R"(([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?) ([0-9]{2}(:?[0-9]{2})?))");
    std::smatch m;
    if (out && out->size() <= 64 && std::regex_match(*out, m, mangled_offset)) *out = m.str(1) + "+" + m.str(4);
    return std::nullopt;
}

}  // namespace tde_http
