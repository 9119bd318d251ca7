#include "routes.hpp"

#include "query_params.hpp"

#include <cctype>

namespace tde_http {
namespace {

const std::string kPairs = "/api/training-data/pairs";

Response json_response(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

HttpError bad_request(std::string code, std::string message) {
    return make_error(400, std::move(code), std::move(message));
}

HttpError not_found(const std::string& what) { return make_error(404, "not_found", what + " not found"); }

struct Filters {
    std::optional<std::string> start_date, end_date, successful_only;
};

std::optional<HttpError> parse_filters(const Request& req, Filters& f) {
    if (auto e = parse_date(req.arg("start_date"), "start_date", f.start_date)) return e;
    if (auto e = parse_date(req.arg("end_date"), "end_date", f.end_date)) return e;
    return parse_bool(req.arg("successful_only"), "successful_only", f.successful_only);
}

bool is_path_id(const std::string& s) { return !s.empty() && s.find('/') == std::string::npos; }

// 8-4-4-4-12 hex digits (the form uuid_out writes; the pair ids the API hands out).
bool is_uuid(const std::string& s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
}

// What PostgreSQL's uuid input might take (hex digits, hyphens, braces): an
// id with any other character is a 404 without asking the database, whose
// error ("invalid input syntax for type uuid: ...") would put the text, an
// address typed into a URL say, into the server's log.
bool could_be_uuid(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (unsigned char ch : s)
        if (!std::isxdigit(ch) && ch != '-' && ch != '{' && ch != '}') return false;
    return true;
}

}  // namespace

RouteMatch match_route(const std::string& method, const std::string& path) {
    RouteMatch m;
    // HEAD is GET without the body (RFC 9110 9.3.2; libmicrohttpd drops the
    // body of a response to HEAD); OPTIONS is answered with Allow.
    const std::string& meth = method == "HEAD" ? std::string("GET") : method;
    auto pick = [&](const char* allow, std::initializer_list<std::pair<const char*, RouteId>> ms) {
        m.path_known = true;
        m.allow = allow;
        for (const auto& [name, id] : ms)
            if (meth == name) m.id = id;
    };
    if (path == "/healthz") pick("GET, HEAD, OPTIONS", {{"GET", RouteId::Health}});
    else if (path == "/api/training-data/openapi.json") pick("GET, HEAD, OPTIONS", {{"GET", RouteId::OpenApi}});
    else if (path == kPairs)
        pick("GET, HEAD, POST, OPTIONS", {{"GET", RouteId::ListPairs}, {"POST", RouteId::AddPair}});
    else if (path == "/api/training-data/statistics") pick("GET, HEAD, OPTIONS", {{"GET", RouteId::Statistics}});
    else if (path == "/api/training-data/export") pick("GET, HEAD, OPTIONS", {{"GET", RouteId::Export}});
    else if (path.rfind(kPairs + "/", 0) == 0 && is_path_id(path.substr(kPairs.size() + 1))) {
        pick("GET, HEAD, DELETE, OPTIONS", {{"GET", RouteId::GetPair}, {"DELETE", RouteId::DeletePair}});
        m.pair_id = path.substr(kPairs.size() + 1);
    }
    if (m.path_known && method == "OPTIONS") m.id = RouteId::Options;
    return m;
}

std::string loggable_path(const std::string& path) {
    RouteMatch m = match_route("GET", path);
    if (!m.path_known) return "(unknown path)";  // may be anything a client typed
    if (!m.pair_id.empty() && !is_uuid(m.pair_id)) return kPairs + "/(not a uuid)";
    return path;
}

bool role_refused(const PgError& e) { return e.sqlstate == "22023" || e.sqlstate == "42501"; }

HttpError role_refused_error(const PgError& e) {
    return make_error(403, e.sqlstate, "the authenticated role cannot be used");
}

Response error_response(const HttpError& e) {
    Response r = json_response(e.status, error_body(e));
    if (e.retry_after > 0) r.headers.emplace_back("Retry-After", std::to_string(e.retry_after));
    if (e.status == 401)
        r.headers.emplace_back("WWW-Authenticate",
                               e.code == "unauthorized" ? "Bearer" : "Bearer error=\"invalid_token\"");
    return r;
}

struct Router::Call {
    std::string sql;
    Params params;
    bool idempotent = false;  // may run again on a fresh connection after a lost one
    bool shared = false;      // may run on a connection shared with other requests (Multiplexer)
    bool writes = false;
    // The statement's batch form (Multiplexer): the same function over
    // unnest($1::text[]) WITH ORDINALITY, the ordinal last; nullptr: none.
    const std::string* batch_sql = nullptr;
    std::optional<ExportPlan> export_plan;  // set: stream an export instead
    std::function<Response(const PgResult&)> ok;
    std::function<std::optional<HttpError>(const PgError&)> override_error;  // route-specific mapping
};

namespace {

// Bodies up to this size may travel on a shared connection (Multiplexer).
constexpr std::size_t kSharedBodyLimit = 8 * 1024;

// The batch forms of the statements on one pair (Multiplexer).
const std::string kAddPairBatch =
    "SELECT r::text, r->'pair'->>'pair_id', u.n FROM pg_catalog.unnest($1::text[]) WITH ORDINALITY AS u(b, n),"
    " tde_add_pair_json_text(u.b) AS r";
const std::string kGetPairBatch =
    "SELECT tde_get_pair_json(u.a::uuid)::text, u.n FROM pg_catalog.unnest($1::text[]) WITH ORDINALITY AS u(a, n)";
// (Deletes in id order: two batches deleting the same pairs lock their rows
// in the same order, so they cannot deadlock.)
const std::string kDeletePairBatch =
    "SELECT tde_delete_pair(u.a::uuid), u.n FROM (SELECT a, n FROM pg_catalog.unnest($1::text[]) WITH ORDINALITY"
    " AS v(a, n) ORDER BY a::uuid, n) AS u";

std::optional<HttpError> call_add_pair(const Request& req, std::string& sql, Params& params) {
    if (req.body.find('\0') != std::string::npos)
        return bad_request("22P02", "request body is not valid JSON");
    // (As text: a body that is not JSON gets a fixed error, not PostgreSQL's,
    // whose context quoting the body the server would log.)
    sql = "SELECT r::text, r->'pair'->>'pair_id' FROM tde_add_pair_json_text($1) AS r";
    // A UTF-8 byte order mark (Windows editors, PowerShell's Out-File, .NET's
    // UTF8Encoding(true)) is not JSON, but RFC 8259 8.1 lets parsers ignore
    // it, and Python's json.loads (Flask's get_json) does: it is dropped.
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (req.body.compare(0, kBom.size(), kBom) == 0) params = {req.body.substr(kBom.size())};
    else params = {req.body};
    return std::nullopt;
}

std::optional<HttpError> call_list_pairs(const Request& req, long long max_page_size, std::string& sql,
                                         Params& params) {
    Filters f;
    std::optional<std::string> limit, offset;
    if (auto e = parse_filters(req, f)) return e;
    if (auto e = parse_int(req.arg("limit"), "limit", limit)) return e;
    // One response is built whole: a limit of millions would hold that many
    // pairs in memory, here and in the backend.
    if (limit && std::stoll(*limit) > max_page_size)
        return make_error(400, "invalid_parameter",
                          "limit must be at most " + std::to_string(max_page_size) +
                              " (the export route streams any number of pairs)");
    if (auto e = parse_int(req.arg("offset"), "offset", offset)) return e;
    sql = "SELECT tde_list_pairs_json($1, $2, $3::boolean, $4::bigint, $5::bigint)::text";
    params = {f.start_date, f.end_date, f.successful_only.value_or("false"), limit.value_or("100"),
              offset.value_or("0")};
    return std::nullopt;
}

std::optional<HttpError> call_statistics(const Request& req, std::string& sql, Params& params) {
    Filters f;
    if (auto e = parse_filters(req, f)) return e;
    sql = "SELECT pg_catalog.jsonb_build_object('statistics', tde_statistics_json($1, $2, $3::boolean))::text";
    params = {f.start_date, f.end_date, f.successful_only.value_or("false")};
    return std::nullopt;
}

// 22P02 (or 22021, not even UTF-8) on /pairs/{id}: the id is not a uuid, so
// there is no such pair.
std::optional<HttpError> id_not_found(const PgError& e) {
    if (e.sqlstate == "22P02" || e.sqlstate == "22021") return not_found("pair");
    return std::nullopt;
}

}  // namespace

Router::Router(const Config& cfg, Pool& pool, Authenticator& auth) : cfg_(cfg), pool_(pool), auth_(auth) {
    // At most half the pool is shared, so that lists, statistics and exports
    // always find connections of their own (no sharing with a pool of one).
    if (cfg.pipeline_depth > 0 && cfg.session_settings && cfg.pool_size >= 2)
        multiplexer_ = std::make_unique<Multiplexer>(pool, cfg.pipeline_depth, cfg.pool_size / 2,
                                                     cfg.pipeline_stall_ms, cfg.batch_max);
}

Router::~Router() {
    if (probe_) PQfinish(probe_);
}

Response Router::handle(const RouteMatch& m, const Request& req) {
    switch (m.id) {
        case RouteId::Health: return health();
        case RouteId::OpenApi: return json_response(200, openapi_document());
        default: return database_route(m, req);
    }
}

Response Router::health() {
    std::lock_guard<std::mutex> lk(probe_mu_);
    if (!connection_alive(probe_)) {
        if (probe_) PQfinish(probe_);
        probe_ = pool_.connect();
    }
    PgResult r;
    if (PQstatus(probe_) == CONNECTION_OK) r = PgResult(PQexec(probe_, "SELECT 1"));
    if (r.status() == PGRES_TUPLES_OK) return json_response(200, "{\"status\": \"ok\", \"database\": \"ok\"}");
    PQfinish(probe_);
    probe_ = nullptr;
    Response resp = json_response(503, "{\"status\": \"degraded\", \"database\": \"unavailable\"}");
    resp.headers.emplace_back("Retry-After", "1");
    return resp;
}

Response Router::database_route(const RouteMatch& m, const Request& req) {
    Call call;
    std::optional<HttpError> invalid;
    switch (m.id) {
        case RouteId::AddPair:
            invalid = call_add_pair(req, call.sql, call.params);
            // Small bodies only: a shared connection's requests wait for
            // each other's bytes.
            call.shared = req.body.size() <= kSharedBodyLimit;
            call.writes = true;
            call.batch_sql = &kAddPairBatch;
            call.ok = [](const PgResult& r) {
                Response resp = json_response(201, r.value(0, 0));
                if (!r.is_null(0, 1)) resp.headers.emplace_back("Location", kPairs + "/" + r.value(0, 1));
                return resp;
            };
            call.override_error = [](const PgError& e) -> std::optional<HttpError> {
                if (e.sqlstate == "22P02") return bad_request("22P02", "request body is not valid JSON");
                // Stack depth exceeded while PostgreSQL parses the body (arrays
                // or objects nested some 100 000 deep): the client's doing.
                if (e.sqlstate == "54001") return bad_request("54001", "request body is nested too deeply");
                return std::nullopt;
            };
            break;
        case RouteId::ListPairs:
        case RouteId::Statistics:
            invalid = m.id == RouteId::ListPairs ? call_list_pairs(req, cfg_.max_page_size, call.sql, call.params)
                                                 : call_statistics(req, call.sql, call.params);
            call.idempotent = true;
            call.ok = [](const PgResult& r) { return json_response(200, r.value(0, 0)); };
            break;
        case RouteId::GetPair:
            call.sql = "SELECT tde_get_pair_json($1::uuid)::text";
            call.params = {m.pair_id};
            // (Authenticated as any request, but the id is not sent: 404.)
            if (!could_be_uuid(m.pair_id)) {
                call.sql = "SELECT NULL::text";
                call.params.clear();
            }
            call.idempotent = true;
            call.shared = could_be_uuid(m.pair_id);
            // (A malformed id would fail the batch: alone, its 404.)
            if (is_uuid(m.pair_id)) call.batch_sql = &kGetPairBatch;
            call.ok = [](const PgResult& r) {
                if (r.rows() != 1 || r.is_null(0, 0)) return error_response(not_found("pair"));
                return json_response(200, r.value(0, 0));
            };
            call.override_error = id_not_found;
            break;
        case RouteId::DeletePair:
            call.sql = "SELECT tde_delete_pair($1::uuid)";
            call.params = {m.pair_id};
            if (!could_be_uuid(m.pair_id)) {
                call.sql = "SELECT false";
                call.params.clear();
            }
            call.shared = could_be_uuid(m.pair_id);
            call.writes = true;
            if (is_uuid(m.pair_id)) call.batch_sql = &kDeletePairBatch;
            call.ok = [](const PgResult& r) {
                if (r.rows() != 1 || r.value(0, 0) != "t") return error_response(not_found("pair"));
                return json_response(200, "{\"message\": \"Pair deleted successfully\"}");
            };
            call.override_error = id_not_found;
            break;
        case RouteId::Export:
            call.export_plan.emplace();
            invalid = plan_export(req, *call.export_plan);
            break;
        default:
            return error_response(make_error(404, "not_found", "no such route"));
    }
    if (m.pair_id.find('\0') != std::string::npos) return error_response(not_found("pair"));
    if (invalid) return error_response(*invalid);
    return run_call(call, req);
}

// Requests on one pair first try a shared connection (Multiplexer); a read
// lost with its shared connection runs once more on a connection of its own.
// Otherwise: borrow a connection, authenticate, run (retrying a read once when
// the connection turned out to be dead), map the outcome.
Response Router::run_call(const Call& call, const Request& req) {
    std::shared_ptr<void> export_slot;
    if (call.export_plan) {
        const int limit = std::max(1, cfg_.pool_size - 1);
        if (exports_running_.fetch_add(1) >= limit) {
            exports_running_.fetch_sub(1);
            HttpError e = make_error(503, "busy", "too many exports running, retry later");
            e.retry_after = 5;
            return error_response(e);
        }
        export_slot = std::shared_ptr<void>(nullptr, [this](void*) { exports_running_.fetch_sub(1); });
    }
    int attempt = 0;
    std::optional<AuthResult> resolved;  // without the database (a cached JWT, an API key, anonymous)
    if (multiplexer_ && call.shared && multiplexer_->takes(call.writes)) {
        AuthResult who = auth_.resolve(req.header("Authorization"), nullptr);
        if (!who.needs_database) {
            if (who.error) return error_response(*who.error);
            std::optional<Outcome> out =
                multiplexer_->run(who.role, cfg_.statement_timeout_ms, call.sql, call.params, call.writes,
                                  call.batch_sql);
            if (out) {
                if (!out->error || !out->error->connection_lost || !call.idempotent) return respond(call, *out);
                attempt = 1;  // lost with its connection: once more on a connection of its own
            }
            resolved = std::move(who);
        }
    }
    for (;; ++attempt) {
        Lease lease;
        try {
            lease = pool_.acquire(cfg_.pool_wait_ms);
        } catch (const PoolExhausted&) {
            return error_response(pool_exhausted());
        } catch (const DbUnavailable&) {
            return error_response(db_unavailable());
        }
        AuthResult who = resolved ? *resolved : auth_.resolve(req.header("Authorization"), lease.conn());
        if (who.error) {
            if (who.error->status == 503) lease.discard();
            return error_response(*who.error);
        }
        if (call.export_plan) return start_export(std::move(lease), who.role, *call.export_plan, req, export_slot);
        Outcome out =
            run_request(lease, who.role, cfg_.statement_timeout_ms, call.sql, call.params, req.client_fd,
                        cfg_.session_settings);
        if (out.error && out.error->connection_lost) {
            lease.discard();
            if (call.idempotent && attempt == 0) continue;
        }
        return respond(call, out);
    }
}

// A request's outcome as a response.
Response Router::respond(const Call& call, const Outcome& out) const {
    if (!out.error) return call.ok(out.result);
    if (out.error->connection_lost) return error_response(from_pg(*out.error));
    if (out.setup_failed && role_refused(*out.error)) return error_response(role_refused_error(*out.error));
    if (call.override_error)
        if (auto e = call.override_error(*out.error)) return error_response(*e);
    return error_response(from_pg(*out.error));
}

}  // namespace tde_http
