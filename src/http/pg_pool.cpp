#include "pg_pool.hpp"

#include <poll.h>

#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>

namespace tde_http {

PgResult& PgResult::operator=(PgResult&& o) noexcept {
    if (this != &o) {
        PQclear(r_);
        r_ = o.r_;
        o.r_ = nullptr;
    }
    return *this;
}

namespace {

std::string field(const PGresult* r, int code) {
    const char* v = r ? PQresultErrorField(r, code) : nullptr;
    return v ? v : "";
}

std::string first_line(const char* s) {
    std::string m = s ? s : "";
    auto nl = m.find('\n');
    if (nl != std::string::npos) m.resize(nl);
    return m;
}

// After a connection attempt that took longer than kSlowConnect and failed,
// acquire fails fast for kFailFast instead of trying again.
constexpr auto kSlowConnect = std::chrono::milliseconds(500);
constexpr auto kFailFast = std::chrono::milliseconds(1000);

}  // namespace

PgError error_from_result(const PGresult* r, PGconn* conn) {
    PgError e;
    e.sqlstate = field(r, PG_DIAG_SQLSTATE);
    e.message = field(r, PG_DIAG_MESSAGE_PRIMARY);
    e.hint = field(r, PG_DIAG_MESSAGE_HINT);
    if (e.message.empty()) e.message = first_line(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    e.connection_lost = conn == nullptr || PQstatus(conn) != CONNECTION_OK;
    return e;
}

PgError error_from_conn(PGconn* conn) {
    PgError e;
    e.message = first_line(conn ? PQerrorMessage(conn) : "out of memory");
    e.connection_lost = conn == nullptr || PQstatus(conn) != CONNECTION_OK;
    return e;
}

ParamArrays::ParamArrays(const Params& p) {
    values.reserve(p.size());
    for (const auto& v : p) values.push_back(v ? v->c_str() : nullptr);
}

bool is_error_status(ExecStatusType s) {
    return s == PGRES_FATAL_ERROR || s == PGRES_BAD_RESPONSE || s == PGRES_NONFATAL_ERROR;
}

PgResult exec_params(PGconn* conn, const std::string& sql, const Params& params) {
    ParamArrays a(params);
    return PgResult(PQexecParams(conn, sql.c_str(), static_cast<int>(a.values.size()), nullptr, a.values.data(),
                                 nullptr, nullptr, 0));
}

// ---------------------------------------------------------------------------
// Lease

Lease& Lease::operator=(Lease&& o) noexcept {
    if (this != &o) {
        release();
        pool_ = std::exchange(o.pool_, nullptr);
        slot_ = std::exchange(o.slot_, -1);
        conn_ = std::exchange(o.conn_, nullptr);
        discard_ = std::exchange(o.discard_, false);
    }
    return *this;
}

void Lease::release() {
    if (pool_) {
        bool bad = discard_ || conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK ||
                   PQtransactionStatus(conn_) != PQTRANS_IDLE || PQpipelineStatus(conn_) != PQ_PIPELINE_OFF;
        pool_->give_back(slot_, bad);
    }
    pool_ = nullptr;
    slot_ = -1;
    conn_ = nullptr;
    discard_ = false;
}

void Lease::cancel() {
    if (pool_) pool_->cancel_slot(slot_);
}

SessionState& Lease::session() { return pool_->slots_[slot_].session; }

// ---------------------------------------------------------------------------
// Pool

Pool::Pool(std::string conninfo, int size) : conninfo_(std::move(conninfo)), slots_(static_cast<std::size_t>(size)) {}

Pool::~Pool() {
    for (auto& s : slots_) {
        if (s.cancel) PQfreeCancel(s.cancel);
        if (s.conn) PQfinish(s.conn);
    }
}

PGconn* Pool::connect() const {
    // Defaults first (the conninfo may override them), then the conninfo
    // (expanded), then what the bridge requires.
    // Sessions work in UTC (timestamps in responses, date-only filters) unless
    // the conninfo sets its own options.
    // (PGOPTIONS, which an explicit options keyword would hide, is kept.)
    const char* env_options = std::getenv("PGOPTIONS");
    const std::string options = std::string(env_options ? env_options : "") + " -c TimeZone=UTC";
    const char* keys[] = {"connect_timeout", "application_name", "options", "dbname", "client_encoding", nullptr};
    const char* vals[] = {"5", "tde-http", options.c_str(), conninfo_.c_str(), "UTF8", nullptr};
    return PQconnectdbParams(keys, vals, 1);
}

bool connection_alive(PGconn* conn) {
    if (!conn || PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE) return false;
    // Idle connections receive nothing unless the server is closing them
    // (FATAL message, then EOF) or sends a notice: consume and look again.
    for (int i = 0; i < 3; ++i) {
        pollfd p{PQsocket(conn), POLLIN, 0};
        if (poll(&p, 1, 0) <= 0) break;
        if (!PQconsumeInput(conn)) return false;
        while (PGnotify* n = PQnotifies(conn)) PQfreemem(n);
    }
    return PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
}

Lease Pool::acquire(int wait_ms) {
    int slot = -1;
    {
        std::unique_lock<std::mutex> lk(mu_);
        auto find_free = [&] {
            for (std::size_t i = 0; i < slots_.size(); ++i)
                if (!slots_[i].busy) {
                    slot = static_cast<int>(i);
                    return true;
                }
            return false;
        };
        if (!cv_.wait_for(lk, std::chrono::milliseconds(wait_ms), find_free))
            throw PoolExhausted("all database connections are busy");
        slots_[slot].busy = true;
    }
    try {
        ensure_connected(slot);
    } catch (...) {
        give_back(slot, true);
        throw;
    }
    return Lease(this, slot, slots_[slot].conn);
}

// Runs without the pool lock (connecting may take a while); the slot is busy.
// A connection attempt that failed slowly (unreachable host: connect_timeout)
// makes the others fail fast for a moment instead of queueing behind it;
// quick failures (refused, no socket) are simply retried by the next request.
void Pool::ensure_connected(int slot) {
    Slot& s = slots_[slot];
    if (connection_alive(s.conn)) return;
    {
        std::lock_guard<std::mutex> lk(mu_);
        if (std::chrono::steady_clock::now() < fail_fast_until_) throw DbUnavailable(last_failure_message_);
        if (s.cancel) PQfreeCancel(s.cancel);
        s.cancel = nullptr;
    }
    if (s.conn) PQfinish(s.conn);
    s.session = SessionState{};
    auto started = std::chrono::steady_clock::now();
    s.conn = connect();
    auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lk(mu_);
    if (PQstatus(s.conn) != CONNECTION_OK) {
        last_failure_message_ = error_from_conn(s.conn).message;
        if (now - started > kSlowConnect) fail_fast_until_ = now + kFailFast;
        PQfinish(s.conn);
        s.conn = nullptr;
        throw DbUnavailable(last_failure_message_);
    }
    s.cancel = PQgetCancel(s.conn);
}

void Pool::give_back(int slot, bool discard) {
    {
        std::lock_guard<std::mutex> lk(mu_);
        Slot& s = slots_[slot];
        if (discard && s.conn) {
            if (s.cancel) PQfreeCancel(s.cancel);
            PQfinish(s.conn);
            s.conn = nullptr;
            s.cancel = nullptr;
            s.session = SessionState{};
        }
        s.busy = false;
    }
    cv_.notify_one();
}

void Pool::cancel_slot(int slot) {
    std::lock_guard<std::mutex> lk(mu_);
    char err[256];
    if (slots_[slot].cancel) PQcancel(slots_[slot].cancel, err, sizeof err);
}

void Pool::cancel_all() {
    std::lock_guard<std::mutex> lk(mu_);
    char err[256];
    for (auto& s : slots_)
        if (s.busy && s.cancel) PQcancel(s.cancel, err, sizeof err);
}

Ready wait_readable(PGconn* conn, int client_fd, int timeout_ms) {
    pollfd p[2] = {{PQsocket(conn), POLLIN, 0}, {client_fd, POLLRDHUP, 0}};
    int n = poll(p, client_fd >= 0 ? 2 : 1, timeout_ms);
    if (n <= 0) return Ready::Timeout;
    if (client_fd >= 0 && (p[1].revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))) return Ready::ClientGone;
    return Ready::Pg;
}

void cancel_statement(PGconn* conn) {
    if (PGcancel* c = PQgetCancel(conn)) {
        char err[256];
        PQcancel(c, err, sizeof err);
        PQfreeCancel(c);
    }
}

// ---------------------------------------------------------------------------
// One request = one pipeline: role and timeout (when the session does not have
// them already), then the statement, then sync.

namespace {

// Waits for the next result without blocking in libpq, so that a client
// that hangs up meanwhile is noticed: its statement is cancelled (once).
void await_result(PGconn* conn, int& client_fd) {
    while (PQisBusy(conn) && PQstatus(conn) == CONNECTION_OK) {
        Ready r = wait_readable(conn, client_fd, 1000);
        if (r == Ready::ClientGone) {
            cancel_statement(conn);
            client_fd = -1;
        } else if (r == Ready::Pg && !PQconsumeInput(conn)) {
            return;  // PQgetResult reports the broken connection
        }
    }
}

// Reads the results of one pipelined query (up to its terminating NULL).
PgResult take_query_result(PGconn* conn, int& client_fd) {
    PgResult first;
    for (;;) {
        await_result(conn, client_fd);
        PGresult* r = PQgetResult(conn);
        if (!r) break;
        if (!first) first = PgResult(r);
        else PQclear(r);
        if (PQstatus(conn) != CONNECTION_OK) break;
    }
    return first;
}

// Reads up to and including the pipeline's sync result.
// An error raised at the commit itself (a deferred constraint, a
// serialization failure) arrives here, before the sync: it is kept in
// `commit_error`, since the whole transaction, role set-up included, is gone.
bool take_sync(PGconn* conn, int& client_fd, PgResult& commit_error) {
    for (int guard = 0; guard < 8 && PQstatus(conn) == CONNECTION_OK; ++guard) {
        await_result(conn, client_fd);
        PGresult* r = PQgetResult(conn);
        if (!r) continue;
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            return true;
        }
        if (is_error_status(status) && !commit_error)
            commit_error = PgResult(r);
        else
            PQclear(r);
    }
    return false;
}

// Session level (false): kept by the connection once the request commits.
const char* kSetupSessionSql =
    "SELECT pg_catalog.set_config('role', $1, false), pg_catalog.set_config('statement_timeout', $2, false)";
// Transaction level (true): --pool-mode transaction.
const char* kSetupLocalSql =
    "SELECT pg_catalog.set_config('role', $1, true), pg_catalog.set_config('statement_timeout', $2, true)";

}  // namespace

// Statement names are stable per SQL text for the life of the process.
std::string statement_name(const std::string& sql) {
    static std::mutex mu;
    static std::unordered_map<std::string, std::string> names;
    std::lock_guard<std::mutex> lk(mu);
    auto it = names.find(sql);
    if (it == names.end()) it = names.emplace(sql, "tde_http_" + std::to_string(names.size() + 1)).first;
    return it->second;
}

namespace {

// Unnamed (parsed each time) with `named` false: --pool-mode transaction,
// where a proxy may run each transaction on another server connection, which
// would not know the name.
bool send_statement(PGconn* conn, PipelineStatement& st, std::unordered_set<std::string>& prepared, bool named) {
    if (!named) {
        ParamArrays a(st.params);
        return PQsendQueryParams(conn, st.sql.c_str(), static_cast<int>(a.values.size()), nullptr, a.values.data(),
                                 nullptr, nullptr, 0) != 0;
    }
    st.name = statement_name(st.sql);
    st.prepare = prepared.count(st.name) == 0;
    if (st.prepare &&
        !PQsendPrepare(conn, st.name.c_str(), st.sql.c_str(), static_cast<int>(st.params.size()), nullptr))
        return false;
    ParamArrays a(st.params);
    return PQsendQueryPrepared(conn, st.name.c_str(), static_cast<int>(a.values.size()), a.values.data(), nullptr,
                               nullptr, 0) != 0;
}

// The first failure among a statement's results (PGRES_PIPELINE_ABORTED
// results only echo an earlier failure).
const PGresult* failure(const PipelineStatement& st) {
    for (const PgResult* r : {&st.prepare_result, &st.result}) {
        if (!*r) continue;
        if (is_error_status(r->status())) return r->get();
    }
    return nullptr;
}

}  // namespace

const char* setup_sql(bool session_level) { return session_level ? kSetupSessionSql : kSetupLocalSql; }

bool needs_setup(const SessionState& session, const std::string& role, int statement_timeout_ms,
                 std::chrono::steady_clock::time_point now) {
    return session.statement_timeout_ms != statement_timeout_ms || session.role != role ||
           now - session.set_at >= kSessionSettingsTtl;
}

void note_outcome(SessionState& session, bool ok, const std::string& role, int statement_timeout_ms, bool with_setup,
                  std::chrono::steady_clock::time_point sent_at) {
    if (!ok) {
        session.statement_timeout_ms = -1;
        return;
    }
    if (with_setup) session.set_at = sent_at;
    session.role = role;
    session.statement_timeout_ms = statement_timeout_ms;
}

Outcome request_outcome(PipelineStatement (&st)[2], const PgResult& commit_error, bool synced, PGconn* conn) {
    Outcome out;
    if (const PGresult* f = failure(st[0])) {
        out.error = error_from_result(f, conn);
        out.setup_failed = true;
    } else if (const PGresult* f2 = failure(st[1])) {
        out.error = error_from_result(f2, conn);
    } else if (st[1].result.status() != PGRES_TUPLES_OK && st[1].result.status() != PGRES_COMMAND_OK) {
        out.error = error_from_result(st[1].result.get(), conn);
    } else if (commit_error) {
        out.error = error_from_result(commit_error.get(), conn);
    }
    out.result = std::move(st[1].result);
    if (!synced && !out.error) out.error = error_from_conn(conn);
    if (!synced) out.error->connection_lost = true;
    return out;
}

Outcome run_request(Lease& lease, const std::string& role, int statement_timeout_ms, const std::string& sql,
                    const Params& params, int client_fd, bool keep_settings) {
    PGconn* conn = lease.conn();
    SessionState& session = lease.session();
    const auto now = std::chrono::steady_clock::now();
    const bool with_setup = !keep_settings || needs_setup(session, role, statement_timeout_ms, now);
    session.statement_timeout_ms = -1;  // known again only when this request succeeds
    Outcome out;
    const Params setup_params{role, std::to_string(statement_timeout_ms)};
    const std::string setup = setup_sql(keep_settings);
    PipelineStatement st[2] = {{setup, setup_params, {}, false, {}, {}}, {sql, params, {}, false, {}, {}}};
    PipelineStatement* const first = with_setup ? &st[0] : &st[1];
    bool sent = PQenterPipelineMode(conn) != 0;
    for (PipelineStatement* s = first; sent && s != std::end(st); ++s) sent = send_statement(conn, *s, session.prepared, keep_settings);
    if (!sent || !PQpipelineSync(conn)) {
        out.error = error_from_conn(conn);
        out.error->connection_lost = true;  // the caller discards the connection
        return out;
    }
    for (PipelineStatement* s = first; s != std::end(st); ++s) {
        if (s->prepare) s->prepare_result = take_query_result(conn, client_fd);
        s->result = take_query_result(conn, client_fd);
        if (s->prepare && s->prepare_result.status() == PGRES_COMMAND_OK) session.prepared.insert(s->name);
    }
    PgResult commit_error;
    bool synced = take_sync(conn, client_fd, commit_error);
    if (synced) PQexitPipelineMode(conn);
    out = request_outcome(st, commit_error, synced, conn);
    if (keep_settings) note_outcome(session, !out.error, role, statement_timeout_ms, with_setup, now);
    return out;
}

}  // namespace tde_http
