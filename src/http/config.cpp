#include "config.hpp"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace tde_http {
namespace {

struct Option {
    const char* flag;   // without the leading "--"
    const char* env;
    const char* arg;    // metavariable for --help
    const char* help;
    std::function<void(Config&, const std::string&)> apply;
};

long parse_long(const std::string& name, const std::string& v, long lo, long hi) {
    errno = 0;
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || errno != 0 || n < lo || n > hi) {
        throw std::invalid_argument(name + ": expected an integer in [" + std::to_string(lo) + ", " +
                                    std::to_string(hi) + "], got \"" + v + "\"");
    }
    return n;
}

void parse_listen(Config& c, const std::string& v) {
    std::string host, port;
    if (!v.empty() && v[0] == '[') {            // [::1]:5000
        auto close = v.find(']');
        if (close == std::string::npos || close + 1 >= v.size() || v[close + 1] != ':')
            throw std::invalid_argument("listen: expected [host]:port, got \"" + v + "\"");
        host = v.substr(1, close - 1);
        port = v.substr(close + 2);
    } else {
        auto colon = v.rfind(':');
        if (colon == std::string::npos) throw std::invalid_argument("listen: expected host:port, got \"" + v + "\"");
        host = v.substr(0, colon);
        port = v.substr(colon + 1);
    }
    c.listen_host = host.empty() ? "127.0.0.1" : host;
    c.listen_port = static_cast<int>(parse_long("listen port", port, 0, 65535));
}

std::string read_secret_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument("jwt-secret-file: cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    if (s.empty()) throw std::invalid_argument("jwt-secret-file: " + path + " is empty");
    return s;
}

#define INT_OPT(field, lo, hi) \
    [](Config& c, const std::string& v) { c.field = static_cast<int>(parse_long(#field, v, lo, hi)); }

const std::vector<Option>& options() {
    static const std::vector<Option> opts = {
        {"db", "TDE_HTTP_DB", "CONNINFO", "libpq conninfo or URI (default: libpq environment, PGHOST etc.)",
         [](Config& c, const std::string& v) { c.db = v; }},
        {"listen", "TDE_HTTP_LISTEN", "HOST:PORT", "address to listen on (default 127.0.0.1:5000)", parse_listen},
        {"anonymous-role", "TDE_HTTP_ANONYMOUS_ROLE", "ROLE",
         "PostgreSQL role for requests without credentials (default: none, they get 401)",
         [](Config& c, const std::string& v) { c.anonymous_role = v; }},
        {"jwt-secret", "TDE_HTTP_JWT_SECRET", "SECRET", "HS256 secret for Bearer JWTs (default: JWTs refused)",
         [](Config& c, const std::string& v) { c.jwt_secret = v; }},
        {"jwt-secret-file", "TDE_HTTP_JWT_SECRET_FILE", "PATH", "read the HS256 secret from a file",
         [](Config& c, const std::string& v) { c.jwt_secret = read_secret_file(v); }},
        {"api-keys-file", "TDE_HTTP_API_KEYS_FILE", "PATH", "file of \"key role\" lines for Bearer API keys",
         [](Config& c, const std::string& v) { c.api_keys_file = v; }},
        {"pool-size", "TDE_HTTP_POOL_SIZE", "N", "database connections (default 4)", INT_OPT(pool_size, 1, 1000)},
        {"pool-wait-ms", "TDE_HTTP_POOL_WAIT_MS", "MS",
         "how long a request waits for a free connection before 503 (default 5000)", INT_OPT(pool_wait_ms, 0, 600000)},
        {"max-body-bytes", "TDE_HTTP_MAX_BODY_BYTES", "N", "largest accepted request body (default 1048576)",
         [](Config& c, const std::string& v) {
             c.max_body_bytes = static_cast<std::size_t>(parse_long("max-body-bytes", v, 1, 1L << 30));
         }},
        {"max-header-bytes", "TDE_HTTP_MAX_HEADER_BYTES", "N",
         "largest accepted request line + headers, query string included (default 16384)",
         [](Config& c, const std::string& v) {
             c.max_header_bytes = static_cast<std::size_t>(parse_long("max-header-bytes", v, 1024, 1L << 20));
         }},
        {"idle-timeout", "TDE_HTTP_IDLE_TIMEOUT", "SECONDS",
         "close connections idle this long, also mid-request (default 30)", INT_OPT(idle_timeout_s, 1, 86400)},
        {"export-stall-timeout", "TDE_HTTP_EXPORT_STALL_TIMEOUT", "SECONDS",
         "close an export download whose client has read nothing this long (a reader that pauses, "
         "e.g. a training loop consuming the stream; default 600)",
         INT_OPT(export_stall_timeout_s, 1, 86400)},
        {"read-timeout", "TDE_HTTP_READ_TIMEOUT", "SECONDS",
         "close a connection whose request has not arrived in full this long after the connection opened or "
         "sent its previous response (slow clients; default 60)",
         INT_OPT(read_timeout_s, 1, 86400)},
        {"max-connections", "TDE_HTTP_MAX_CONNECTIONS", "N", "concurrent HTTP connections (default 128: more than the pools of aiohttp and httpx, 100 each)",
         INT_OPT(max_connections, 1, 10000)},
        {"max-page-size", "TDE_HTTP_MAX_PAGE_SIZE", "N",
         "largest limit of GET /pairs; larger is a 400 (exports stream any number; default 10000)",
         [](Config& c, const std::string& v) { c.max_page_size = parse_long("max-page-size", v, 1, 10000000); }},
        {"statement-timeout-ms", "TDE_HTTP_STATEMENT_TIMEOUT_MS", "MS",
         "statement_timeout of ordinary requests, 0 = none (default 30000)", INT_OPT(statement_timeout_ms, 0, INT_MAX)},
        {"export-statement-timeout-ms", "TDE_HTTP_EXPORT_STATEMENT_TIMEOUT_MS", "MS",
         "statement_timeout of exports, 0 = none (default 3600000)", INT_OPT(export_statement_timeout_ms, 0, INT_MAX)},
        {"pool-mode", "TDE_HTTP_POOL_MODE", "session|transaction",
         "session (default): a database connection keeps the role and statement_timeout of its last "
         "request; transaction: every request sets them with SET LOCAL (use behind a transaction-pooling "
         "proxy such as pgbouncer pool_mode=transaction)",
         [](Config& c, const std::string& v) {
             if (v == "session") c.session_settings = true;
             else if (v == "transaction") c.session_settings = false;
             else throw std::invalid_argument("pool-mode: expected session or transaction, got \"" + v + "\"");
         }},
        {"pipeline-depth", "TDE_HTTP_PIPELINE_DEPTH", "N",
         "requests that add, get or delete one pair share database connections, up to N in flight "
         "on each (libpq pipeline mode; writes only when commits do not wait for the WAL flush); "
         "0 = a connection per request; --pool-mode transaction and --pool-size 1 imply 0 (default 32)",
         INT_OPT(pipeline_depth, 0, 1000)},
        {"pipeline-stall-ms", "TDE_HTTP_PIPELINE_STALL_MS", "MS",
         "a shared connection whose oldest request has been out this long (a slow statement, a lock "
         "wait) takes no more requests: they go to another connection rather than wait behind it "
         "(default 20)",
         INT_OPT(pipeline_stall_ms, 1, 600000)},
        {"batch-max", "TDE_HTTP_BATCH_MAX", "N",
         "requests on one pair of the same kind and role that wait for a busy shared connection are "
         "sent as one statement (the function once per request, one transaction; if it fails, each "
         "runs again alone), up to N; 1 = never (default 16)",
         INT_OPT(batch_max, 1, 1000)},
        {"grace-seconds", "TDE_HTTP_GRACE_SECONDS", "SECONDS",
         "on SIGTERM/SIGINT, time in-flight requests get to finish (default 10)", INT_OPT(grace_seconds, 0, 3600)},
    };
    return opts;
}

const Option* find_option(const std::string& flag) {
    for (const auto& o : options())
        if (flag == o.flag) return &o;
    return nullptr;
}

}  // namespace

std::string usage_text() {
    std::string s =
        "Usage: tde-http [options]\n"
        "REST bridge for the training_data_export PostgreSQL extension.\n\n"
        "Every option can also be given as the environment variable shown; the flag wins.\n\n";
    for (const auto& o : options()) {
        std::string left = std::string("  --") + o.flag + " " + o.arg;
        s += left + std::string(left.size() < 40 ? 40 - left.size() : 1, ' ') + o.env + "\n";
        s += "      " + std::string(o.help) + "\n";
    }
    s += "  --help                                show this help\n";
    return s;
}

Config parse_config(int argc, char** argv) {
    Config c;
    try {
        for (const auto& o : options()) {
            const char* v = std::getenv(o.env);
            if (v && *v) o.apply(c, v);
        }
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (a == "--help" || a == "-h") {
                std::fputs(usage_text().c_str(), stdout);
                std::exit(0);
            }
            if (a.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument \"" + a + "\"");
            std::string name = a.substr(2), value;
            auto eq = name.find('=');
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (i + 1 < argc) {
                value = argv[++i];
            } else {
                throw std::invalid_argument("--" + name + " needs a value");
            }
            const Option* o = find_option(name);
            if (!o) throw std::invalid_argument("unknown option --" + name);
            o->apply(c, value);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tde-http: %s\n\n%s", e.what(), usage_text().c_str());
        std::exit(2);
    }
    return c;
}

}  // namespace tde_http
