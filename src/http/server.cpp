#include "server.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <thread>

namespace tde_http {

using Clock = std::chrono::steady_clock;

// The first *con_cls of a request whose target's path has a "%00" (on_uri).
static char kNulInPath;
// ... and of one with more than kMaxQueryArgs query parameters (on_uri).
static char kTooManyArgs;
// libmicrohttpd keeps every query parameter in the connection's memory pool
// (sized from --max-header-bytes): a few hundred short ones exhaust it, and
// it then closes the connection without an answer. No client of these routes
// needs more than a dozen.
static constexpr std::size_t kMaxQueryArgs = 100;

struct Server::RequestState {
    bool arrived = false;  // its body (if any) read in full
    bool nul_in_path = false;  // "%00" in the target's path (seen before it is decoded)
    bool too_many_args = false;  // over kMaxQueryArgs query parameters (not parsed: on_uri)
    Clock::time_point start = Clock::now();
    std::string method;
    std::string path;
    RouteMatch match;
    std::string body;
    std::size_t received = 0;
    bool too_large = false;
    bool responded = false;
    bool has_body = false;  // Content-Length > 0 or Transfer-Encoding
    bool answered_before_body = false;  // the body is left unread: drained on close
    bool long_timeout = false;  // an export download: --export-stall-timeout, not --idle-timeout
    bool client_keeps_alive = true;  // HTTP/1.1 without "Connection: close", 1.0 with "keep-alive"
    bool http11 = true;
    std::optional<Response> pending;  // decided before the body: sent once it is read
    int status = 0;
};

static std::string target_path(const char* url);

namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// application/json, optionally with charset=utf-8 (other parameters ignored).
bool is_json_content_type(const char* header) {
    if (!header) return false;
    std::string s = header;
    std::size_t semi = s.find(';');
    // application/json, or a JSON-based type (application/problem+json,
    // application/vnd.api+json), as Flask's request.is_json takes them.
    std::string type = trim(s.substr(0, semi));
    for (char& ch : type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const bool json_suffix = type.size() > 17 && type.compare(0, 12, "application/") == 0 &&
                             type.compare(type.size() - 5, 5, "+json") == 0;
    if (type != "application/json" && !json_suffix) return false;
    while (semi != std::string::npos) {
        std::size_t next = s.find(';', semi + 1);
        std::string param = trim(s.substr(semi + 1, next == std::string::npos ? std::string::npos : next - semi - 1));
        std::size_t eq = param.find('=');
        if (eq != std::string::npos && strcasecmp(trim(param.substr(0, eq)).c_str(), "charset") == 0) {
            std::string v = trim(param.substr(eq + 1));
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
            // (US-ASCII is a subset of UTF-8.)
            if (strcasecmp(v.c_str(), "utf-8") != 0 && strcasecmp(v.c_str(), "utf8") != 0 &&
                strcasecmp(v.c_str(), "us-ascii") != 0)
                return false;
        }
        semi = next;
    }
    return true;
}

// Paths are logged, never query strings or bodies; control bytes are masked.
std::string loggable(const std::string& s) {
    std::string out = s.substr(0, 256);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return out;
}

ssize_t read_stream(void* cls, uint64_t, char* buf, std::size_t max) {
    return static_cast<ExportStream*>(cls)->read(buf, max);
}

ssize_t end_of_stream(void*, uint64_t, char*, std::size_t) { return MHD_CONTENT_READER_END_OF_STREAM; }

void free_stream(void* cls) { delete static_cast<ExportStream*>(cls); }

// libmicrohttpd's own messages quote the request's path in some ("Failed to
// send the response headers for the request for `%s'. Error: %s", when the
// client reset the connection): it may be anything a client typed (an email
// address as a pair id), so it is shown as the request log shows it.
void mhd_log(void*, const char* fmt, va_list ap) {
    char buf[512];
    const char* request_for = std::strstr(fmt, "request for ");
    const char* conv = request_for ? std::strstr(request_for, "%s") : nullptr;
    if (conv && !std::memchr(fmt, '%', static_cast<std::size_t>(conv - fmt))) {
        va_list rest;
        va_copy(rest, ap);
        const char* url = va_arg(rest, const char*);
        const std::string shown = loggable(loggable_path(target_path(url)));
        const int n = std::snprintf(buf, sizeof buf, "%.*s%s", static_cast<int>(conv - fmt), fmt, shown.c_str());
        if (n >= 0 && static_cast<std::size_t>(n) < sizeof buf) std::vsnprintf(buf + n, sizeof buf - n, conv + 2, rest);
        va_end(rest);
    } else {
        std::vsnprintf(buf, sizeof buf, fmt, ap);
    }
    std::string line = std::string("tde-http: http: ") + buf;
    while (!line.empty() && line.back() == '\n') line.pop_back();
    line += '\n';
    (void)!write(2, line.data(), line.size());
}

struct ArgValues {
    const char* name;
    std::vector<std::string>* out;
};

MHD_Result collect_arg(void* cls, MHD_ValueKind, const char* key, std::size_t key_size, const char* value,
                       std::size_t value_size) {
    auto* want = static_cast<ArgValues*>(cls);
    // Names compare as MHD_lookup_connection_value_n compares them (case-insensitively,
    // whole: a decoded "split_ratios%00x" is another name).
    if (key && key_size == std::strlen(want->name) && strncasecmp(key, want->name, key_size) == 0)
        want->out->emplace_back(value ? value : "", value ? value_size : 0);
    return MHD_YES;
}

QueryArg lookup_arg(MHD_Connection* c, const char* name) {
    QueryArg a;
    const char* v = nullptr;
    std::size_t n = 0;
    if (MHD_lookup_connection_value_n(c, MHD_GET_ARGUMENT_KIND, name, std::strlen(name), &v, &n) != MHD_YES)
        return a;
    a.present = true;
    a.valueless = v == nullptr;
    if (v) a.value.assign(v, n);
    ArgValues want{name, &a.values};
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, &collect_arg, &want);
    if (a.values.empty()) a.values.push_back(a.value);
    return a;
}

}  // namespace

Server::~Server() {
    {
        std::lock_guard<std::mutex> lk(reading_mu_);
        watchdog_stop_ = true;
    }
    watchdog_cv_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
    if (daemon_) MHD_stop_daemon(daemon_);
}

bool Server::start(std::string& error) {
    addrinfo hints{}, *ai = nullptr;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    std::string port = std::to_string(cfg_.listen_port);
    int rc = getaddrinfo(cfg_.listen_host.c_str(), port.c_str(), &hints, &ai);
    if (rc != 0) {
        error = "cannot resolve " + cfg_.listen_host + ": " + gai_strerror(rc);
        return false;
    }
    const addrinfo* addr = ai;  // prefer IPv4 when a name has both ("localhost")
    for (const addrinfo* a = ai; a; a = a->ai_next)
        if (a->ai_family == AF_INET) {
            addr = a;
            break;
        }
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;  // see hard_connection_limit
        setrlimit(RLIMIT_NOFILE, &files);
    }
    const int connection_limit = hard_connection_limit();
    if (connection_limit <= cfg_.max_connections)
        std::fprintf(stderr,
                     "tde-http: warning: the open-files limit (ulimit -n) leaves room for %d connections, "
                     "not more than --max-connections %d: connections beyond it are closed unanswered\n",
                     connection_limit, cfg_.max_connections);
    unsigned int flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
                         MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (addr->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
    daemon_ = MHD_start_daemon(flags, static_cast<uint16_t>(cfg_.listen_port), nullptr, nullptr, &Server::on_request,
                               this,
                               MHD_OPTION_EXTERNAL_LOGGER, &mhd_log, nullptr,  // must come first
                               MHD_OPTION_SOCK_ADDR, addr->ai_addr,
                               MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(cfg_.idle_timeout_s),
                               // The per-connection pool holds the request line and headers
                               // and the read buffer: twice --max-header-bytes and 16 KiB more,
                               // so that a request somewhat over the limit still reaches
                               // on_request and gets the JSON 414/431; only far beyond it does
                               // libmicrohttpd answer with its own HTML 414/431.
                               MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                               static_cast<std::size_t>(2 * cfg_.max_header_bytes + 16384),
                               // Beyond --max-connections, connections still get a 503
                               // (first_call); only beyond this hard limit are they closed.
                               MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(connection_limit),
                               MHD_OPTION_NOTIFY_COMPLETED, &Server::on_completed, this,
                               MHD_OPTION_URI_LOG_CALLBACK, &Server::on_uri, this,
                               MHD_OPTION_NOTIFY_CONNECTION, &Server::on_connection, this,
                               MHD_OPTION_END);
    freeaddrinfo(ai);
    if (!daemon_) {
        error = "cannot listen on " + cfg_.listen_host + ":" + port + " (address in use or not available)";
        return false;
    }
    const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
    port_ = info ? info->port : cfg_.listen_port;
    watchdog_ = std::thread([this] { watch_reads(); });
    return true;
}

// Beyond this many open connections libmicrohttpd accepts and closes new
// ones without an answer. That is the worst a client can get: Node's fetch
// (undici, Node 20) never settles a POST whose connection was closed before
// any answer (100 concurrent fetches against --max-connections 64 left 4
// hanging for ever, 1000 left 904), and other clients see a reset that they
// do not retry for a POST. Up to this limit a connection over
// --max-connections costs a thread for as long as it takes to send a 503,
// so the margin is wide: 1024 more, or 4 times the limit.
// It stays below the process's limit of open files (whose soft value is
// raised to the hard one first, as Go's runtime and nginx do): at that limit
// libmicrohttpd's accept() fails with EMFILE over and over, one log line each
// (300 000 lines and a busy core in a second, with ulimit -n 200), while
// beyond its own connection limit it closes quietly. Room is left for the
// database connections (two sockets each at most, with a cancel), the
// listening socket, stdio and the log.
int Server::hard_connection_limit() const {
    int limit = cfg_.max_connections + std::max(1024, 4 * cfg_.max_connections);
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
        const long room = static_cast<long>(files.rlim_cur) - 2L * cfg_.pool_size - 64;
        if (room < limit) limit = static_cast<int>(std::max<long>(1, room));
    }
    return limit;
}

void Server::on_connection(void* cls, MHD_Connection* c, void**, MHD_ConnectionNotificationCode code) {
    auto* self = static_cast<Server*>(cls);
    std::lock_guard<std::mutex> lk(self->reading_mu_);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const int open = ++self->connections_;
        const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (info) {
            Reading r{info->connect_fd, Clock::now()};
            r.over_limit = open > self->cfg_.max_connections;
            self->reading_[c] = r;
        }
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        self->connections_--;
        self->reading_.erase(c);
    }
}

bool Server::over_connection_limit(MHD_Connection* c) {
    std::lock_guard<std::mutex> lk(reading_mu_);
    auto it = reading_.find(c);
    if (it == reading_.end() || !it->second.over_limit) return false;
    if (connections_ > cfg_.max_connections) return true;
    it->second.over_limit = false;  // others have closed since: served from now on
    return false;
}

void Server::set_reading(MHD_Connection* c, bool waiting) {
    std::lock_guard<std::mutex> lk(reading_mu_);
    auto it = reading_.find(c);
    if (it == reading_.end()) return;
    it->second.waiting = waiting;
    it->second.since = Clock::now();
}

void Server::watch_reads() {
    const auto limit = std::chrono::seconds(cfg_.read_timeout_s);
    const auto tick = std::min<std::chrono::milliseconds>(std::chrono::seconds(1), limit / 4);
    std::unique_lock<std::mutex> lk(reading_mu_);
    while (!watchdog_cv_.wait_for(lk, tick, [this] { return watchdog_stop_; })) {
        const auto now = Clock::now();
        int cut = 0;
        for (auto& [c, r] : reading_) {
            if (!r.waiting || r.cut || now - r.since < limit) continue;
            ::shutdown(r.fd, SHUT_RDWR);  // libmicrohttpd's thread sees the end and closes the connection
            r.cut = true;
            ++cut;
        }
        if (cut > 0) {
            lk.unlock();
            char line[160];
            int n = std::snprintf(line, sizeof line,
                                  "tde-http: %d connection(s) closed: no complete request within --read-timeout (%d s)\n",
                                  cut, cfg_.read_timeout_s);
            if (n > 0) log_.append(line, std::min<std::size_t>(static_cast<std::size_t>(n), sizeof line - 1));
            lk.lock();
        }
    }
}

// The path of a request target: absolute-form targets ("http://host/path",
// RFC 9112 3.2.2, which servers must accept) lose their scheme and authority.
// 413 for a body over --max-body-bytes; with `close`, the connection is
// closed after it (the rest of the body is not read).
static Response payload_too_large(bool close) {
    Response r = error_response(make_error(413, "payload_too_large", "the request body is too large"));
    if (close) r.headers.emplace_back("Connection", "close");
    return r;
}

static std::string target_path(const char* url) {
    std::string u = url ? url : "";
    for (const char* scheme : {"http://", "https://"}) {
        const std::size_t n = std::strlen(scheme);
        if (u.size() >= n && strncasecmp(u.c_str(), scheme, n) == 0) {
            const std::size_t slash = u.find('/', n);
            return slash == std::string::npos ? "/" : u.substr(slash);
        }
    }
    return u;
}

// The request's header fields as far as framing and routing depend on them.
// libmicrohttpd 0.9.75 keeps a name with whitespace before the colon
// ("Content-Length : 5") as a name of its own and takes the first of repeated
// fields, where a proxy in front may normalise the name or take the last.
struct HeaderScan {
    int content_length = 0;
    int transfer_encoding = 0;
    int host = 0;
    int authorization = 0;  // which credentials or which type would be a guess:
    int content_type = 0;   // libmicrohttpd takes the first, a proxy may check the last
    bool bad_name = false;  // not an RFC 9110 token: whitespace, separators, controls
    // A bare CR in a value (RFC 9110 5.5: reject or replace), which a proxy may
    // take for the end of the line: "X-A: a\rContent-Length: 5". (A NUL cannot
    // be seen here: libmicrohttpd's values end at it.)
    bool bad_value = false;
    std::size_t bytes = 0;  // names and values, with ": " and CRLF
};

static MHD_Result count_arg_bytes(void* cls, MHD_ValueKind, const char* key, std::size_t, const char*,
                                  std::size_t value_size) {
    *static_cast<std::size_t*>(cls) += (key ? std::strlen(key) : 0) + value_size + 2;  // "k=v&"
    return MHD_YES;
}

static bool is_token(const char* s) {
    if (!*s) return false;
    for (; *s; ++s) {
        const unsigned char ch = static_cast<unsigned char>(*s);
        const bool alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        if (!alnum && !std::strchr("!#$%&'*+-.^_`|~", ch)) return false;
    }
    return true;
}

static MHD_Result scan_header(void* cls, MHD_ValueKind, const char* key, std::size_t, const char* value,
                              std::size_t value_size) {
    auto* scan = static_cast<HeaderScan*>(cls);
    scan->bytes += (key ? std::strlen(key) : 0) + value_size + 4;
    if (value && std::memchr(value, '\r', value_size)) scan->bad_value = true;
    if (!key || !is_token(key)) scan->bad_name = true;
    else if (strcasecmp(key, "Content-Length") == 0) ++scan->content_length;
    else if (strcasecmp(key, "Transfer-Encoding") == 0) ++scan->transfer_encoding;
    else if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0) ++scan->host;
    else if (strcasecmp(key, MHD_HTTP_HEADER_AUTHORIZATION) == 0) ++scan->authorization;
    else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_TYPE) == 0) ++scan->content_type;
    return MHD_YES;
}

MHD_Result Server::on_request(void* cls, MHD_Connection* c, const char* url, const char* method,
                              const char* version, const char* upload_data, std::size_t* upload_data_size,
                              void** con_cls) {
    auto* self = static_cast<Server*>(cls);
    const bool nul_in_path = *con_cls == &kNulInPath;
    const bool too_many_args = *con_cls == &kTooManyArgs;
    auto* st = nul_in_path || too_many_args ? nullptr : static_cast<RequestState*>(*con_cls);
    if (!st) {
        st = new RequestState;
        st->nul_in_path = nul_in_path;
        st->too_many_args = too_many_args;
        *con_cls = st;
        self->active_++;
        st->method = method;
        // libmicrohttpd decodes the path in place and hands it over as a C
        // string: "/healthz%00x" or ".../pairs/<id>%00.json" would be served as
        // the path before the NUL. Such a path names no route.
        st->path = st->nul_in_path ? std::string() : target_path(url);
        const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        st->has_body = (length && std::strtoull(length, nullptr, 10) > 0) ||
                       MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding") != nullptr;
        // RFC 9112: a 1.1 request without Host, any request with more than one
        // Host, with several Content-Length or Transfer-Encoding headers (or
        // Authorization or Content-Type, which are single values too), with
        // both Content-Length and Transfer-Encoding, with a field name that
        // is not a token (whitespace before the colon: "Content-Length : 5") or
        // a value with a bare CR; and an HTTP/1.0 request with Transfer-Encoding
        // (RFC 9112 6.1: its framing is faulty, 1.0 has no chunked coding)
        // is a bad request (the ways of request smuggling behind a proxy that
        // reads the headers otherwise); the connection closes.
        HeaderScan scan;
        MHD_get_connection_values_n(c, MHD_HEADER_KIND, &scan_header, &scan);
        const bool http11 = version && std::strcmp(version, MHD_HTTP_VERSION_1_1) == 0;
        const bool http10 = version && std::strcmp(version, MHD_HTTP_VERSION_1_0) == 0;
        const char* conn_opt = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Connection");
        st->http11 = http11;
        st->client_keeps_alive = http11 ? !(conn_opt && strcasestr(conn_opt, "close"))
                                        : (http10 && conn_opt && strcasestr(conn_opt, "keep-alive"));
        if ((http11 && scan.host == 0) || (http10 && scan.transfer_encoding > 0) || scan.host > 1 ||
            scan.content_length > 1 || scan.transfer_encoding > 1 || scan.authorization > 1 || scan.content_type > 1 ||
            (scan.content_length > 0 && scan.transfer_encoding > 0) || scan.bad_name || scan.bad_value) {
            Response r = error_response(make_error(400, "bad_request", "malformed request headers"));
            r.headers.emplace_back("Connection", "close");
            return self->queue(c, st, std::move(r));
        }
        // Transfer codings other than chunked (gzip, "gzip, chunked"): libmicrohttpd
        // does not decode them and would wait for the connection to end.
        const char* te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");
        if (te && strcasecmp(te, "chunked") != 0) {
            Response r = error_response(make_error(501, "not_implemented", "unsupported Transfer-Encoding"));
            r.headers.emplace_back("Connection", "close");
            return self->queue_before_body(c, st, std::move(r));
        }
        // Over --max-header-bytes: the JSON error shape (libmicrohttpd's pool
        // is larger, so that these still reach us; its own HTML 414/431 comes
        // only beyond the pool). Sizes are counted decoded, so the cut-off of
        // a percent-encoded target is a little above the limit.
        std::size_t target_bytes = std::strlen(url ? url : "");
        MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, &count_arg_bytes, &target_bytes);
        if (target_bytes > self->cfg_.max_header_bytes ||
            target_bytes + scan.bytes > self->cfg_.max_header_bytes) {
            const bool uri = target_bytes > self->cfg_.max_header_bytes;
            const std::string limit = std::to_string(self->cfg_.max_header_bytes);
            Response r = error_response(
                uri ? make_error(414, "uri_too_long", "the request target is longer than " + limit + " bytes")
                    : make_error(431, "headers_too_large",
                                 "the request line and headers are larger than " + limit + " bytes"));
            r.headers.emplace_back("Connection", "close");
            return self->refuse(c, st, std::move(r));
        }
        if (st->too_many_args)
            return self->refuse(c, st, error_response(make_error(414, "uri_too_long",
                                                                 "too many query parameters (at most " +
                                                                     std::to_string(kMaxQueryArgs) + ")")));
        return self->first_call(c, st);
    }
    if (*upload_data_size > 0) return self->upload(c, st, upload_data, upload_data_size);
    if (!st->arrived) {  // the request is in, body and all: no longer under --read-timeout
        st->arrived = true;
        self->set_reading(c, false);
    }
    if (st->responded) return MHD_YES;
    if (st->pending) {
        Response r = std::move(*st->pending);
        st->pending.reset();
        return self->queue(c, st, std::move(r));
    }
    return self->final_call(c, st);
}

// A response decided from the headers alone. Without a request body it is sent
// once the (empty) body is read, so the connection stays open for the next
// request; with one it is sent now, before the body is read (the client is
// spared sending it, e.g. with Expect: 100-continue), and the connection is
// closed after it.
MHD_Result Server::refuse(MHD_Connection* c, RequestState* st, Response&& resp) {
    if (st->has_body) return queue_before_body(c, st, std::move(resp));
    st->pending = std::move(resp);
    return MHD_YES;
}

// Headers are in, the body is not: refuse early what can be refused.
MHD_Result Server::first_call(MHD_Connection* c, RequestState* st) {
    const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    st->match = match_route(st->method, st->path);
    if (!st->match.path_known) return refuse(c, st, error_response(make_error(404, "not_found", "no such route")));
    if (st->match.id == RouteId::Options) {
        Response r;
        r.status = 204;
        r.content_type.clear();
        r.headers.emplace_back("Allow", st->match.allow);
        return refuse(c, st, std::move(r));
    }
    if (st->match.id == RouteId::None) {
        Response r = error_response(make_error(405, "method_not_allowed", "method not allowed for this route"));
        r.headers.emplace_back("Allow", st->match.allow);
        return refuse(c, st, std::move(r));
    }
    if (draining_) {
        HttpError e = make_error(503, "shutting_down", "the server is shutting down, retry later");
        e.retry_after = 1;
        return refuse(c, st, error_response(e));
    }
    if (over_connection_limit(c)) {
        HttpError e = make_error(503, "busy", "too many connections, retry later");
        e.retry_after = 1;
        Response r = error_response(e);
        r.headers.emplace_back("Connection", "close");
        return refuse(c, st, std::move(r));
    }
    if (st->match.id != RouteId::Health && st->match.id != RouteId::OpenApi) {
        if (auto e = router_.precheck(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization")))
            return refuse(c, st, error_response(*e));
    }
    if (st->match.id == RouteId::AddPair) {
        if (!is_json_content_type(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type")))
            return refuse(c, st, error_response(make_error(415, "unsupported_media_type",
                                                           "Content-Type must be application/json")));
        // A compressed body is not decoded (it would be refused as invalid
        // JSON, or stored as sent): RFC 9110 15.5.16, 415 for a content coding
        // the server does not take.
        const char* coding = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Encoding");
        if (coding && !trim(coding).empty() && strcasecmp(trim(coding).c_str(), "identity") != 0) {
            Response r = error_response(make_error(415, "unsupported_media_type",
                                                   "Content-Encoding is not supported (send the body uncompressed)"));
            r.headers.emplace_back("Accept-Encoding", "identity");
            return refuse(c, st, std::move(r));
        }
        if (length && std::strtoull(length, nullptr, 10) > cfg_.max_body_bytes)
            return queue_before_body(c, st, payload_too_large(false));
    }
    return MHD_YES;
}

// A response sent before the request's body is read (decided from the
// headers). libmicrohttpd then closes the connection without reading the
// body; unread data in the socket makes the kernel reset the connection, and a
// client still sending its body (one without Expect: 100-continue, such as
// urllib or http.client) gets EPIPE/ECONNRESET instead of the response. So the
// body is read and dropped on close (drain_unread_body), bounded.
MHD_Result Server::queue_before_body(MHD_Connection* c, RequestState* st, Response&& resp) {
    st->answered_before_body = st->has_body;
    return queue(c, st, std::move(resp));
}

// Called once the response has been sent, before libmicrohttpd closes the
// socket: ends our side of the connection, then reads what the client still
// sends, until it closes, goes quiet for a second, or sends more than
// the body drop limit.
void Server::drain_unread_body(MHD_Connection* c) const {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!info) return;
    const int fd = info->connect_fd;
    ::shutdown(fd, SHUT_WR);  // the response is complete: the client sees its end now
    const std::size_t limit = kDropBodyFactor * cfg_.max_body_bytes + (16u << 20);
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    std::size_t total = 0;
    char buf[65536];
    while (total < limit) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000))) <= 0) break;
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        total += static_cast<std::size_t>(n);
    }
}

// Keeps the body up to the limit. A body found too large while it is being
// read (chunked, no Content-Length) is refused with 413 as soon as
// libmicrohttpd lets us answer; the rest is read and dropped, and a connection
// that keeps sending far beyond the limit is closed.
MHD_Result Server::upload(MHD_Connection* c, RequestState* st, const char* data, std::size_t* size) {
    st->received += *size;
    if (!st->responded && !st->too_large) {
        if (st->received > cfg_.max_body_bytes) {
            st->too_large = true;
            std::string().swap(st->body);
        } else {
            st->body.append(data, *size);
        }
    }
    *size = 0;
    if (st->too_large && !st->responded) {
        // Refused by libmicrohttpd 0.9.75 while a body is being read: then the
        // 413 goes out when the body has ended (final_call).
        if (queue(c, st, payload_too_large(true)) != MHD_YES) st->responded = false;
    }
    if (st->received > kDropBodyFactor * cfg_.max_body_bytes + (16u << 20)) return MHD_NO;
    return MHD_YES;
}

MHD_Result Server::final_call(MHD_Connection* c, RequestState* st) {
    if (st->too_large) return queue(c, st, payload_too_large(true));
    Request req;
    req.method = st->method;
    req.path = st->path;
    req.arg = [c](const char* name) { return lookup_arg(c, name); };
    req.header = [c](const char* name) { return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name); };
    req.body = std::move(st->body);
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    req.client_fd = info ? info->connect_fd : -1;
    return queue(c, st, router_.handle(st->match, req));
}

MHD_Result Server::queue(MHD_Connection* c, RequestState* st, Response&& resp) {
    MHD_Response* r = nullptr;
    const bool head_of_export = resp.stream && st->method == "HEAD";  // closes (below)
    // A download of unknown length to HTTP/1.0 ends when the connection
    // closes (no chunked encoding there).
    const bool stream_to_http10 = resp.stream && !st->http11;
    if (head_of_export) {
        // HEAD of an export: the COPY has started (so its errors showed), now
        // it is cancelled. libmicrohttpd 0.9.75 still writes the final chunk
        // ("0\r\n\r\n") after the headers of a chunked response to HEAD,
        // which the client reads as the start of the next response: no
        // chunked encoding, no length (it is unknown), and the connection closes.
        resp.stream.reset();
        r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, &end_of_stream, nullptr, nullptr);
        if (r) MHD_set_response_options(r, MHD_RF_HTTP_1_0_COMPATIBLE_STRICT, MHD_RO_END);
    } else if (resp.stream) {
        ExportStream* s = resp.stream.release();
        r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, &read_stream, s, &free_stream);
        if (!r) delete s;
        // A download may wait for its reader longer than an idle connection
        // (--export-stall-timeout; on_completed puts --idle-timeout back).
        if (r) {
            MHD_set_connection_option(c, MHD_CONNECTION_OPTION_TIMEOUT,
                                      static_cast<unsigned int>(cfg_.export_stall_timeout_s));
            st->long_timeout = true;
        }
    } else {
        r = MHD_create_response_from_buffer(resp.body.size(), const_cast<char*>(resp.body.data()),
                                            MHD_RESPMEM_MUST_COPY);
    }
    if (!r) return MHD_NO;
    if (!resp.content_type.empty()) MHD_add_response_header(r, "Content-Type", resp.content_type.c_str());
    for (const auto& [k, v] : resp.headers) MHD_add_response_header(r, k.c_str(), v.c_str());
    // Near the connection limit, keep-alive connections are not kept: idle
    // clients (connection pools, finished threads) must not lock others out.
    bool closing = draining_ || connections_ * 4 >= cfg_.max_connections * 3;
    if (closing) MHD_add_response_header(r, "Connection", "close");
    closing = closing || head_of_export || stream_to_http10 || st->answered_before_body ||
              !st->client_keeps_alive;  // these close
    for (const auto& h : resp.headers) closing = closing || strcasecmp(h.first.c_str(), "Connection") == 0;
    // How long an idle keep-alive connection is kept (--idle-timeout, or
    // --read-timeout when shorter): clients that read the hint (Node's fetch
    // and http.Agent) stop reusing the connection a second before, instead of
    // sending a request on it just as it is closed (fetch: UND_ERR_SOCKET, a
    // POST lost; with undici's own 4 s whenever --idle-timeout was shorter).
    if (!closing) {
        const std::string hint = "timeout=" + std::to_string(std::min(cfg_.idle_timeout_s, cfg_.read_timeout_s));
        MHD_add_response_header(r, "Keep-Alive", hint.c_str());
    }
    st->status = resp.status;
    st->responded = true;
    MHD_Result ret = MHD_queue_response(c, static_cast<unsigned>(resp.status), r);
    MHD_destroy_response(r);
    return ret;
}

void Server::on_completed(void* cls, MHD_Connection* c, void** con_cls, MHD_RequestTerminationCode toe) {
    auto* self = static_cast<Server*>(cls);
    self->set_reading(c, true);  // the next request's time starts now
    if (*con_cls == &kNulInPath || *con_cls == &kTooManyArgs) {  // on_request was not reached
        *con_cls = nullptr;
        return;
    }
    auto* st = static_cast<RequestState*>(*con_cls);
    if (!st) return;
    if (st->long_timeout)
        MHD_set_connection_option(c, MHD_CONNECTION_OPTION_TIMEOUT,
                                  static_cast<unsigned int>(self->cfg_.idle_timeout_s));
    self->log_request(st, toe);
    if (st->answered_before_body && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK) self->drain_unread_body(c);
    delete st;
    *con_cls = nullptr;
    self->active_--;
}

// Called with the request target as received, before it is decoded and before
// the headers are read; what it returns is the request's first *con_cls. It
// allocates nothing: libmicrohttpd does not always report the end of a request
// that failed before on_request. The target lies in libmicrohttpd's writable
// read buffer (0.9.75: parse_initial_message_line splits the query string off
// at its '?' and parses it only after this call): a query string with more
// than kMaxQueryArgs parameters is emptied here, so that they do not exhaust
// the connection's pool, and the request is refused with 414 (on_request).
void* Server::on_uri(void*, const char* uri, MHD_Connection*) {
    void* mark = nullptr;
    const char* p = uri;
    for (; p && *p && *p != '?'; ++p)
        if (!mark && p[0] == '%' && p[1] == '0' && p[2] == '0') mark = &kNulInPath;
    if (p && *p == '?') {
        std::size_t args = 1;
        for (const char* q = p + 1; *q; ++q)
            if (*q == '&') ++args;
        if (args > kMaxQueryArgs) {
#if MHD_VERSION == 0x00097500
            // (Only with the version whose parsing order this relies on;
            // another still refuses the request, if it gets that far.)
            const_cast<char*>(p)[1] = '\0';
#endif
            if (!mark) mark = &kTooManyArgs;
        }
    }
    return mark;
}

// One line per request: time, method, path, status, duration.
void Server::log_request(const RequestState* st, MHD_RequestTerminationCode toe) const {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - st->start).count();
    // The timestamp text changes once a second: formatted once per second and thread.
    thread_local std::time_t stamp_second = -1;
    thread_local char stamp[32];
    std::time_t now = std::time(nullptr);
    if (now != stamp_second) {
        std::tm tm{};
        gmtime_r(&now, &tm);
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
        stamp_second = now;
    }
    char status[16] = "-";
    if (st->status) std::snprintf(status, sizeof status, "%d", st->status);
    char line[600];
    int n = std::snprintf(line, sizeof line, "%s %s %s %s %.1fms%s\n", stamp, loggable(st->method).c_str(),
                          loggable(loggable_path(st->path)).c_str(), status, ms,
                          toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
    if (n > 0) log_.append(line, std::min<std::size_t>(static_cast<std::size_t>(n), sizeof line - 1));
}

namespace {
constexpr auto kFlushDelay = std::chrono::milliseconds(20);
constexpr std::size_t kMaxPending = 1 << 20;  // beyond this, append writes itself
}  // namespace

RequestLog::RequestLog() : thread_([this] { run(); }) {}

RequestLog::~RequestLog() {
    {
        std::lock_guard<std::mutex> lk(mu_);
        stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
    flush();
}

void RequestLog::append(const char* line, std::size_t n) {
    bool wake = false, full = false;
    {
        std::lock_guard<std::mutex> lk(mu_);
        wake = pending_.empty();
        pending_.append(line, n);
        full = pending_.size() >= kMaxPending;
    }
    if (full) flush();
    else if (wake) cv_.notify_one();
}

void RequestLog::flush() {
    std::lock_guard<std::mutex> wl(write_mu_);
    std::string batch;
    {
        std::lock_guard<std::mutex> lk(mu_);
        batch.swap(pending_);
    }
    std::size_t off = 0;
    while (off < batch.size()) {
        ssize_t w = write(2, batch.data() + off, batch.size() - off);
        if (w <= 0) break;
        off += static_cast<std::size_t>(w);
    }
}

void RequestLog::run() {
    std::unique_lock<std::mutex> lk(mu_);
    while (!stop_) {
        cv_.wait(lk, [this] { return stop_ || !pending_.empty(); });
        if (stop_) break;
        // Let a batch gather, then write it.
        cv_.wait_for(lk, kFlushDelay, [this] { return stop_; });
        lk.unlock();
        flush();
        lk.lock();
    }
}

void Server::shutdown(int grace_seconds, Pool& pool) {
    draining_ = true;
    MHD_socket ls = MHD_quiesce_daemon(daemon_);
    if (ls != MHD_INVALID_SOCKET) close(ls);
    auto wait_idle = [&](Clock::time_point deadline) {
        while (active_ > 0 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return active_ == 0;
    };
    if (!wait_idle(Clock::now() + std::chrono::seconds(grace_seconds))) {
        log_.flush();
        std::fprintf(stderr, "tde-http: grace period over, cancelling %d request(s)\n", active_.load());
        pool.cancel_all();
        wait_idle(Clock::now() + std::chrono::seconds(3));
    }
    MHD_stop_daemon(daemon_);
    daemon_ = nullptr;
    log_.flush();
}

}  // namespace tde_http
