// libpq helpers: RAII result wrapper, error extraction, a bounded connection
// pool that reconnects broken connections on next use, and the per-request
// transaction (role + statement_timeout when they change, one statement, one
// round trip).
#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

namespace tde_http {

// Owns one PGresult.
class PgResult {
public:
    PgResult() = default;
    explicit PgResult(PGresult* r) : r_(r) {}
    PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgResult& operator=(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult() { PQclear(r_); }

    PGresult* get() const { return r_; }
    explicit operator bool() const { return r_ != nullptr; }
    ExecStatusType status() const { return r_ ? PQresultStatus(r_) : PGRES_FATAL_ERROR; }
    int rows() const { return r_ ? PQntuples(r_) : 0; }
    bool is_null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
    std::string value(int row, int col) const {
        return std::string(PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col)));
    }

private:
    PGresult* r_ = nullptr;
};

// What PostgreSQL (or libpq) said when something failed. Only the primary
// message and the hint are kept: DETAIL and CONTEXT may echo request data.
struct PgError {
    std::string sqlstate;          // "" when libpq reports no SQLSTATE
    std::string message;           // PG_DIAG_MESSAGE_PRIMARY
    std::string hint;              // PG_DIAG_MESSAGE_HINT
    bool connection_lost = false;  // the connection is unusable
};

PgError error_from_result(const PGresult* r, PGconn* conn);
PgError error_from_conn(PGconn* conn);

// Query parameters: std::nullopt is SQL NULL. Values are sent as text.
using Params = std::vector<std::optional<std::string>>;

// Params as libpq's array of C strings (pointing into the Params).
struct ParamArrays {
    std::vector<const char*> values;
    explicit ParamArrays(const Params& p);
};

// PGRES_FATAL_ERROR, PGRES_BAD_RESPONSE or PGRES_NONFATAL_ERROR.
bool is_error_status(ExecStatusType s);

PgResult exec_params(PGconn* conn, const std::string& sql, const Params& params);

struct DbUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct PoolExhausted : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Pool;

// What run_request has left on a pooled connection: its prepared statements
// and the session's role and statement_timeout (set at session level, so that
// consecutive requests of the same role skip the set-up statement).
struct SessionState {
    std::unordered_set<std::string> prepared;  // statement names on the connection
    std::string role;
    int statement_timeout_ms = -1;  // -1: not known (new connection, or a request failed)
    // When role and timeout were last set: they are set again after
    // kSessionSettingsTtl, so that a role revoked from the authenticator,
    // dropped or renamed stops being used within that time.
    std::chrono::steady_clock::time_point set_at{};
    // Whether a commit returns before its WAL is flushed (fsync or
    // synchronous_commit off): -1 not asked yet, 0 no, 1 yes. Multiplexer.
    int async_commit = -1;
};
constexpr std::chrono::milliseconds kSessionSettingsTtl{1000};

// A connection borrowed from the pool; returned on destruction.
class Lease {
public:
    Lease() = default;
    Lease(Pool* pool, int slot, PGconn* conn) : pool_(pool), slot_(slot), conn_(conn) {}
    Lease(Lease&& o) noexcept { *this = std::move(o); }
    Lease& operator=(Lease&& o) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { release(); }

    PGconn* conn() const { return conn_; }
    explicit operator bool() const { return conn_ != nullptr; }
    void discard() { discard_ = true; }  // close instead of reusing
    void cancel();                        // PQcancel the running statement
    void release();
    SessionState& session();

private:
    Pool* pool_ = nullptr;
    int slot_ = -1;
    PGconn* conn_ = nullptr;
    bool discard_ = false;
};

class Pool {
public:
    Pool(std::string conninfo, int size);
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // Waits up to wait_ms for a free slot (PoolExhausted), then makes sure the
    // slot holds a healthy connection (DbUnavailable when it cannot).
    Lease acquire(int wait_ms);
    // Cancels the statement of every borrowed connection (shutdown).
    void cancel_all();
    // One connection outside the pool (health checks); caller owns it.
    PGconn* connect() const;

private:
    friend class Lease;
    struct Slot {
        PGconn* conn = nullptr;
        PGcancel* cancel = nullptr;
        bool busy = false;
        SessionState session;
    };
    void give_back(int slot, bool discard);
    void cancel_slot(int slot);
    void ensure_connected(int slot);

    std::string conninfo_;
    std::vector<Slot> slots_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::chrono::steady_clock::time_point fail_fast_until_{};
    std::string last_failure_message_;
};

// True when an idle connection is still usable (drains pending input, so a
// server that went away is noticed before a request is sent).
bool connection_alive(PGconn* conn);

// Waits until the PostgreSQL socket is readable (Pg), the HTTP client on
// client_fd (-1: none) hangs up (ClientGone), or timeout_ms pass (Timeout).
enum class Ready { Pg, ClientGone, Timeout };
Ready wait_readable(PGconn* conn, int client_fd, int timeout_ms);

// PQcancel for a connection in use by the calling thread.
void cancel_statement(PGconn* conn);

// The result of one request statement run by run_request.
struct Outcome {
    PgResult result;               // the statement's result when it succeeded
    std::optional<PgError> error;  // set when anything failed
    bool setup_failed = false;     // the error came from switching role
};

// Runs `sql` as `role` with statement_timeout, in libpq pipeline mode: one
// round trip, committed at the pipeline's sync point. When the connection's
// session is not known to have that role and timeout already, a set-up
// statement (set_config(..., false)) goes first in the same pipeline and
// transaction: it takes effect only if the request succeeds, and any failure
// makes the session state unknown again. Both statements are prepared on the
// connection on first use (in the same pipeline). If the HTTP client on
// client_fd hangs up meanwhile, the statement is cancelled.
// With keep_settings false (--pool-mode transaction) the set-up statement
// goes first every time and uses set_config(..., true) (SET LOCAL), and no
// statement is prepared by name (a transaction-pooling proxy may run the
// next transaction on another server connection).
Outcome run_request(Lease& lease, const std::string& role, int statement_timeout_ms, const std::string& sql,
                    const Params& params, int client_fd = -1, bool keep_settings = true);

// Building blocks of a request's pipeline, shared by run_request and the
// Multiplexer (multiplexer.hpp).

// The set-up statement: set_config of role and statement_timeout at session
// level (true) or transaction level (false, --pool-mode transaction).
const char* setup_sql(bool session_level);
// Whether a session must be set up for role and timeout before a statement.
bool needs_setup(const SessionState& session, const std::string& role, int statement_timeout_ms,
                 std::chrono::steady_clock::time_point now);
// A statement's name on every connection (stable per SQL text).
std::string statement_name(const std::string& sql);

// One statement of a request's pipeline: prepared on first use on a
// connection (the Parse travels in the same pipeline), then executed.
struct PipelineStatement {
    const std::string& sql;
    const Params& params;
    std::string name;
    bool prepare = false;
    PgResult prepare_result, result;
};
// What a request leaves on its session: the role and timeout it ran with
// when it succeeded (set_at renewed when it sent the set-up), unknown when it
// failed (its set-up, if any, was rolled back).
void note_outcome(SessionState& session, bool ok, const std::string& role, int statement_timeout_ms, bool with_setup,
                  std::chrono::steady_clock::time_point sent_at);
// The outcome of a request from its set-up statement (st[0], possibly not
// sent), its statement (st[1]), an error raised at commit and whether the
// pipeline's sync arrived (if not, the connection is lost).
Outcome request_outcome(PipelineStatement (&st)[2], const PgResult& commit_error, bool synced, PGconn* conn);

}  // namespace tde_http
