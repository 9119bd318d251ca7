// The REST routes of the training data export guide, on top of the SQL API.
// Independent of the HTTP library: server.cpp adapts MHD to Request/Response.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth.hpp"
#include "config.hpp"
#include "errors.hpp"
#include "export_stream.hpp"
#include "multiplexer.hpp"
#include "pg_pool.hpp"
#include "query_params.hpp"

namespace tde_http {

enum class RouteId { None, AddPair, ListPairs, GetPair, DeletePair, Statistics, Export, Health, OpenApi, Options };

struct RouteMatch {
    RouteId id = RouteId::None;
    bool path_known = false;  // false: 404; true with id None: 405
    std::string allow;        // methods of a known path, for 405's Allow
    std::string pair_id;      // {id} of /pairs/{id}
};

// Matches a path (no query string) and a method.
RouteMatch match_route(const std::string& method, const std::string& path);

// The path as the request log shows it: unknown paths and ids that are not
// uuids are not written out (a client may put anything there, personal data
// included).
std::string loggable_path(const std::string& path);

struct Request {
    std::string method;
    std::string path;
    std::function<QueryArg(const char*)> arg;
    std::function<const char*(const char*)> header;  // nullptr if absent
    std::string body;
    int client_fd = -1;  // for noticing a client that hangs up during an export
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::unique_ptr<ExportStream> stream;  // set: body is streamed from here
};

Response error_response(const HttpError& e);

// SET ROLE failed: the role does not exist (22023) or the authenticator may
// not become it (42501). A 403 that does not echo the role name.
bool role_refused(const PgError& e);
HttpError role_refused_error(const PgError& e);

// An export request, validated: the COPY statement (names only, values go
// through set_config parameters) and the download's type.
struct ExportPlan {
    std::string copy_sql;
    std::vector<ExportStream::Setting> settings;
    std::string content_type;
    std::string file_name = "training_data";  // of the download: training_data[_<split>].<format>
};
std::optional<HttpError> plan_export(const Request& req, ExportPlan& plan);

class Router {
public:
    Router(const Config& cfg, Pool& pool, Authenticator& auth);
    ~Router();
    Response handle(const RouteMatch& m, const Request& req);
    // Before the body is read: 401 for requests without credentials when
    // there is no anonymous role.
    std::optional<HttpError> precheck(const char* authorization) const { return auth_.precheck(authorization); }

private:
    struct Call;  // one route's SQL and how to turn its result into a response
    Response health();
    Response database_route(const RouteMatch& m, const Request& req);
    Response run_call(const Call& call, const Request& req);
    Response respond(const Call& call, const Outcome& out) const;
    Response start_export(Lease lease, const std::string& role, const ExportPlan& plan, const Request& req,
                          std::shared_ptr<void> slot);
    // Exports running (their streams hold a database connection each until
    // the download ends): at most pool_size - 1, so that one connection is
    // always left for the other routes however slowly downloads are read.
    std::atomic<int> exports_running_{0};

    const Config& cfg_;
    Pool& pool_;
    Authenticator& auth_;
    std::unique_ptr<Multiplexer> multiplexer_;  // nullptr: --pipeline-depth 0 or transaction pool mode
    std::mutex probe_mu_;
    PGconn* probe_ = nullptr;  // healthz's own connection, outside the pool
};

const std::string& openapi_document();

}  // namespace tde_http
