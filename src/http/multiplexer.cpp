#include "multiplexer.hpp"

#include "core/export_format.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <system_error>
#include <unordered_map>

namespace tde_http {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

const std::string& session_setup_text() {
    static const std::string text = setup_sql(true);
    return text;
}

// One request: its statements and, while in flight, what is left to read.
struct Multiplexer::Job {
    Job(const std::string& r, int t, const std::string& sql, const Params& params)
        : role(r),
          timeout_ms(t),
          setup_params{r, std::to_string(t)},
          st{{setup_text, setup_params, {}, false, {}, {}}, {sql, params, {}, false, {}, {}}} {}

    const std::string& role;
    const int timeout_ms;
    const std::string& setup_text = session_setup_text();
    const Params setup_params;
    PipelineStatement st[2];  // set-up (maybe not sent), the request's statement
    bool with_setup = false;
    Clock::time_point sent_at{};
    std::size_t bytes = 0;  // what it sends (parameters and statement texts), about

    // The results still expected, in order: a statement's (up to its NULL),
    // or a sync point's (PGRES_PIPELINE_SYNC; an error before the request's
    // own sync point was raised by its commit).
    struct Step {
        PgResult* into = nullptr;  // nullptr: a sync point
        bool request_sync = false;
    };
    std::vector<Step> steps;
    std::size_t next = 0;
    PgResult commit_error;

    Outcome out;
    // A batch's job (Multiplexer::Batch): the requests it carries, whose
    // statement's batch form runs once for all of them; empty for a
    // request's own job.
    std::vector<Job*> members;
    // A request of a batch that failed, or that was waiting in a batch on a
    // connection that broke before it was sent: to run again alone.
    bool retry_alone = false;
    bool writes = false;  // a batch of writes
    std::size_t requests() const { return members.empty() ? 1 : members.size(); }
    // The waiting thread's side, shared: the dispatcher notifies after
    // releasing the lock (a waiter woken under it would at once block on the
    // lock again: two more thread switches a request), when the job itself
    // may be gone already.
    struct Wait {
        std::mutex mu;
        std::condition_variable cv;
        bool done = false;
    };
    std::shared_ptr<Wait> wait = std::make_shared<Wait>();

    // Hands the job its outcome and wakes its thread. j may be gone after.
    static void complete(Job& j, Outcome&& out) {
        std::shared_ptr<Wait> w = j.wait;
        {
            std::lock_guard<std::mutex> lk(w->mu);
            j.out = std::move(out);
            w->done = true;
        }
        w->cv.notify_one();
    }

    // Hands each request `error`, or (none) a retry alone.
    static void complete_each(const std::vector<Job*>& jobs, const std::optional<PgError>& error) {
        for (Job* j : jobs) {
            Outcome out;
            out.error = error;
            j->retry_alone = !error;
            complete(*j, std::move(out));
        }
    }

    // Sets a lost connection's error as the outcome; false (send's failure).
    bool lost(PGconn* conn) {
        out.error = error_from_conn(conn);
        out.error->connection_lost = true;
        return false;
    }
};

// Requests of the same statement (its batch form), role and timeout, sent
// as one statement; its job's parameter (an array of the requests' one
// parameter each) is set when it is sent.
struct Multiplexer::Batch {
    Batch(const std::string& r, int timeout_ms, const std::string& s, bool writes)
        : role(r), sql(s), job(role, timeout_ms, sql, params) {
        job.writes = writes;
    }
    const std::string role;
    const std::string sql;
    Params params;
    Job job;  // refers to the members above
};

namespace {

// A PostgreSQL array literal of the values, in order.
std::string array_literal(const std::vector<const std::string*>& values) {
    std::string out = "{";
    for (const std::string* v : values) {
        if (out.size() > 1) out += ',';
        tde::core::append_pg_array_element(out, *v);
    }
    out += '}';
    return out;
}

}  // namespace

struct Multiplexer::Link {
    Lease lease;
    PGconn* conn() const { return lease.conn(); }
    // Commits return before their WAL is flushed: writes may share it.
    bool async_commit() { return lease.session().async_commit == 1; }
    std::mutex mu;  // conn, sent, broken, idle_since
    std::deque<Job*> sent;
    std::size_t bytes = 0;     // the bytes of sent's and pending's requests
    std::size_t requests = 0;  // sent's and pending's requests
    // Requests waiting for the ones in flight, to be sent as one batch; only
    // while sent is not empty.
    std::unique_ptr<Batch> pending;
    std::deque<std::unique_ptr<Batch>> batches;  // those in sent, in order
    bool broken = false;
    Clock::time_point idle_since = Clock::now();
    // Why the last Prepare of a statement failed, by statement name: the
    // requests queued behind it relied on it (their Execute fails with 26000)
    // and get the same error.
    std::unordered_map<std::string, PgError> prepare_failures;
};

Multiplexer::Multiplexer(Pool& pool, int depth, int max_links, int stalled_ms, int batch_max)
    : pool_(pool),
      depth_(std::max(1, depth)),
      max_links_(std::max(1, max_links)),
      write_links_(std::min(max_links_, std::max(2, static_cast<int>(std::thread::hardware_concurrency())))),
      stalled_ms_(std::max(1, stalled_ms)),
      batch_max_(std::max(1, batch_max)) {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_fd_ < 0 || wake_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll/eventfd");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
    thread_ = std::thread([this] { loop(); });
}

Multiplexer::~Multiplexer() {
    {
        std::lock_guard<std::mutex> lk(mu_);
        stopping_ = true;
    }
    std::uint64_t one = 1;
    (void)!write(wake_fd_, &one, sizeof one);
    thread_.join();
    reap(true);
    close(wake_fd_);
    close(epoll_fd_);
}

// A pooled connection in pipeline mode, watched by the dispatcher; nullptr
// when the pool has none free now or it cannot be used.
std::unique_ptr<Multiplexer::Link> Multiplexer::open_link() {
    Lease lease;
    try {
        lease = pool_.acquire(0);
    } catch (const PoolExhausted&) {
        return nullptr;
    } catch (const DbUnavailable&) {
        return nullptr;
    }
    PGconn* conn = lease.conn();
    SessionState& session = lease.session();
    if (session.async_commit < 0) {
        PgResult r(PQexec(conn,
                          "SELECT pg_catalog.current_setting('fsync') = 'off'"
                          " OR pg_catalog.current_setting('synchronous_commit') = 'off'"));
        if (r.status() != PGRES_TUPLES_OK || r.rows() != 1) {
            lease.discard();
            return nullptr;
        }
        session.async_commit = r.value(0, 0) == "t" ? 1 : 0;
    }
    if (!PQenterPipelineMode(conn)) {
        lease.discard();
        return nullptr;
    }
    auto l = std::make_unique<Link>();
    l->lease = std::move(lease);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = l.get();
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, PQsocket(conn), &ev) != 0) {
        PQexitPipelineMode(conn);
        return nullptr;
    }
    return l;
}

// The first connection with fewer than `depth` requests in flight (a backend
// that finds the next request already waiting serves it without a wake-up, so
// requests are packed rather than spread), else nullptr when one may be added
// (`may_open`), else the least busy one. Under a light load (fewer than
// kWriteSpreadBelow requests on all shared connections) a write first looks
// for a connection with fewer than kWriteSpillAt requests, and while none has
// and fewer than write_links_ are open, gets a new one (nullptr): its
// statement costs a backend so much that a second backend, on another core,
// serving it at once beats its waiting behind the first (measured on 2 cores:
// 4 clients 0.62 -> 0.70-0.77 of pgbench); under more load, writes are packed
// as reads are (batches: less work for the database than more backends). A connection whose oldest request
// has been out for stalled_ms_ (a slow statement, a lock wait) takes no more:
// requests queued behind it would wait as long. Nor does one with kMaxBytes
// of requests in flight: a send then does not wait for the backend to read
// (the socket's buffer holds them all, with the kernel's usual sizes), which
// it would do holding the locks every shared request needs, behind a backend
// waiting for a lock. Under mu_.
Multiplexer::Link* Multiplexer::pick(bool writes, bool may_open, std::size_t bytes) {
    const auto stalled_before = Clock::now() - std::chrono::milliseconds(stalled_ms_);
    bool writes_spread = writes;  // (a light load: see above)
    Link* least = nullptr;
    std::size_t least_n = 0;
    Link* packed = nullptr;  // (writes) the first with fewer than depth_
    if (writes) {
        std::size_t total = 0;
        for (auto& up : links_) {
            std::lock_guard<std::mutex> lk(up->mu);
            total += up->requests;
        }
        if (total >= kWriteSpreadBelow) writes_spread = false;
    }
    for (auto& up : links_) {
        Link& l = *up;
        std::lock_guard<std::mutex> lk(l.mu);
        if (l.broken || (writes && !l.async_commit())) continue;
        if (!l.sent.empty() && (l.sent.front()->sent_at < stalled_before || l.bytes + bytes > kMaxBytes)) continue;
        if (writes_spread && l.requests < std::min<std::size_t>(kWriteSpillAt, depth_)) return &l;
        if (l.requests < static_cast<std::size_t>(depth_)) {
            if (!writes) return &l;
            if (!packed) packed = &l;
        }
        if (!least || l.requests < least_n) {
            least = &l;
            least_n = l.requests;
        }
    }
    if (writes_spread && may_open && static_cast<int>(links_.size()) + opening_ < write_links_) return nullptr;
    if (packed) return packed;
    return may_open ? nullptr : least;
}

std::optional<Outcome> Multiplexer::run(const std::string& role, int statement_timeout_ms, const std::string& sql,
                                        const Params& params, bool writes, const std::string* batch_sql) {
    if (batch_max_ < 2 || params.size() != 1 || !params[0]) batch_sql = nullptr;
    for (;;) {
        bool retry = false;
        std::optional<Outcome> out = run_once(role, statement_timeout_ms, sql, params, writes, batch_sql, retry);
        if (!retry) return out;
        batch_sql = nullptr;  // its batch failed: alone
    }
}

std::optional<Outcome> Multiplexer::run_once(const std::string& role, int statement_timeout_ms, const std::string& sql,
                                             const Params& params, bool writes, const std::string* batch_sql,
                                             bool& retry) {
    Job job(role, statement_timeout_ms, sql, params);
    job.bytes = sql.size() + role.size() + 256;
    for (const auto& p : params) job.bytes += p ? p->size() : 0;
    std::unique_lock<std::mutex> lk(mu_);
    if (stopping_ || !takes(writes)) return std::nullopt;
    auto may_open = [&] { return static_cast<int>(links_.size()) + opening_ < max_links_; };
    Link* link = pick(writes, may_open(), job.bytes);
    if (!link && may_open()) {
        ++opening_;  // counted while connecting without the lock: a burst opens no more than max_links
        lk.unlock();
        std::unique_ptr<Link> fresh = open_link();
        lk.lock();
        --opening_;
        if (fresh) {
            commits_wait_ = fresh->async_commit() ? 0 : 1;
            links_.push_back(std::move(fresh));
        }
        if (stopping_) return std::nullopt;
        link = pick(writes, false, job.bytes);  // the new one, or (none to spare) a busy one
    }
    if (!link) return std::nullopt;
    // (false: the connection broke, a lost-connection error)
    if (!(batch_sql ? batch(*link, job, *batch_sql, writes) : send(*link, job))) return std::move(job.out);
    lk.unlock();
    std::unique_lock<std::mutex> jl(job.wait->mu);
    job.wait->cv.wait(jl, [&] { return job.wait->done; });
    retry = job.retry_alone;
    return std::move(job.out);
}

// Adds the request to l's pending batch when it fits there, else sends it
// at once when l is idle (or another batch is pending), else makes it l's
// pending batch. A batch of batch_max_ requests goes at once (pipelined
// behind the requests in flight). Under mu_.
bool Multiplexer::batch(Link& l, Job& j, const std::string& batch_sql, bool writes) {
    std::lock_guard<std::mutex> lk(l.mu);
    Batch* p = l.pending.get();
    // Another kind of request, or one that would take the batch past half
    // of kMaxBytes (its array literal's escaping may double the bytes): the
    // batch goes first (a batch that requests of other kinds kept passing
    // would wait for as long as they come), then this one, into the
    // pipeline.
    if (p && (!(p->job.role == j.role && p->job.timeout_ms == j.timeout_ms && p->sql == batch_sql &&
                p->job.writes == writes) ||
              p->job.bytes + j.bytes > kMaxBytes / 2)) {
        send_batch(l);
        return l.broken ? j.lost(l.conn()) : send_locked(l, j);
    }
    if (!p) {
        if (l.sent.size() < kBatchAfter) return send_locked(l, j);
        l.pending = std::make_unique<Batch>(j.role, j.timeout_ms, batch_sql, writes);
        p = l.pending.get();  // (its bytes: its requests' own, as counted in l.bytes)
    }
    j.sent_at = Clock::now();
    p->job.members.push_back(&j);
    p->job.bytes += j.bytes;
    l.bytes += j.bytes;
    ++l.requests;
    if (p->job.members.size() >= static_cast<std::size_t>(batch_max_) || (l.sent.size() < kBatchAfter && !holds(l)))
        send_batch(l);
    return true;
}

// Whether l's pending batch, one write, waits for a second to join it while
// a statement is still in flight on l (rather than going as soon as fewer
// than kBatchAfter are): a write costs the backend so much more than the
// trip to it that the wait is shorter than the statement it saves.
// Under l.mu.
bool Multiplexer::holds(const Link& l) const {
    return l.pending->job.writes && l.pending->job.members.size() == 1 && !l.sent.empty();
}

// Sends l's pending batch. Under l.mu.
void Multiplexer::send_batch(Link& l) {
    std::unique_ptr<Batch> b = std::move(l.pending);
    if (b->job.members.size() == 1) {  // alone after all: its own statement, cheaper than a batch of one
        Job& j = *b->job.members.front();
        l.bytes -= j.bytes;  // (send_locked counts it again)
        --l.requests;
        if (!send_locked(l, j)) {  // the connection broke: its error
            Outcome out = std::move(j.out);
            Job::complete(j, std::move(out));
        }
        return;
    }
    std::vector<const std::string*> values;
    values.reserve(b->job.members.size());
    for (Job* m : b->job.members) values.push_back(&*m->st[1].params[0]);
    b->params = {array_literal(values)};
    if (!send_locked(l, b->job)) {  // the connection broke (fail_link ran)
        Job::complete_each(b->job.members, b->job.out.error);
        return;
    }
    l.batches.push_back(std::move(b));
}

// Queues the job's statements and sync point on l (after its pending
// batch, which must not wait for requests of other kinds) and flushes.
// Under mu_.
bool Multiplexer::send(Link& l, Job& j) {
    std::lock_guard<std::mutex> lk(l.mu);
    if (l.pending) send_batch(l);
    return l.broken ? j.lost(l.conn()) : send_locked(l, j);
}

// send's work; under l.mu.
bool Multiplexer::send_locked(Link& l, Job& j) {
    SessionState& session = l.lease.session();
    j.sent_at = Clock::now();
    bool same = std::all_of(l.sent.begin(), l.sent.end(), [&](const Job* o) {
        return o->role == j.role && o->timeout_ms == j.timeout_ms;
    });
    j.with_setup = !same || needs_setup(session, j.role, j.timeout_ms, j.sent_at);
    bool ok = true;
    PipelineStatement* const first = j.with_setup ? &j.st[0] : &j.st[1];
    // Statements not prepared on the connection yet are prepared first, each
    // in a sync group of its own: a failure of this request (its set-up
    // refused, its statement failing) then neither leaves the statement
    // unprepared for the requests queued after it (which rely on it) nor
    // splits the set-up and the statement into two transactions (a sync
    // between them would commit the set-up of a request whose statement
    // then fails).
    for (PipelineStatement* s = first; ok && s != std::end(j.st); ++s) {
        s->name = statement_name(s->sql);
        if (!session.prepared.insert(s->name).second) continue;
        s->prepare = true;
        ok = PQsendPrepare(l.conn(), s->name.c_str(), s->sql.c_str(), static_cast<int>(s->params.size()), nullptr) &&
             PQpipelineSync(l.conn());
        j.steps.push_back({&s->prepare_result, false});
        j.steps.push_back({nullptr, false});
    }
    // Then the set-up and the statement: one transaction, the request's own.
    for (PipelineStatement* s = first; ok && s != std::end(j.st); ++s) {
        const ParamArrays a(s->params);
        ok = PQsendQueryPrepared(l.conn(), s->name.c_str(), static_cast<int>(a.values.size()), a.values.data(),
                                 nullptr, nullptr, 0);
        j.steps.push_back({&s->result, false});
    }
    ok = ok && PQpipelineSync(l.conn()) && PQflush(l.conn()) == 0;
    j.steps.push_back({nullptr, true});
    if (!ok) {
        j.lost(l.conn());
        fail_link(l);
        return false;
    }
    l.sent.push_back(&j);
    if (j.members.empty()) {  // (a batch's requests were counted as they joined it)
        l.bytes += j.bytes;
        ++l.requests;
    }
    return true;
}

// Marks l unusable and fails every request in flight on it. Under l.mu.
void Multiplexer::fail_link(Link& l) {
    if (l.broken) return;
    l.broken = true;
    l.lease.discard();
    PgError e = error_from_conn(l.conn());
    e.connection_lost = true;
    for (Job* j : l.sent) Job::complete_each(j->members.empty() ? std::vector<Job*>{j} : j->members, e);
    if (l.pending) {  // not sent: they may run elsewhere
        Job::complete_each(l.pending->job.members, std::nullopt);
        l.pending.reset();
    }
    l.sent.clear();
    l.batches.clear();
    l.bytes = 0;
    l.requests = 0;
}

// A job whose results are all in: its outcome, what the session now is.
// Under l.mu.
void Multiplexer::finish(Link& l, Job& j) {
    SessionState& session = l.lease.session();
    for (const PipelineStatement& s : j.st) {
        if (!s.prepare) continue;
        if (s.prepare_result.status() == PGRES_COMMAND_OK) {
            l.prepare_failures.erase(s.name);
        } else {
            session.prepared.erase(s.name);
            l.prepare_failures[s.name] = error_from_result(s.prepare_result.get(), l.conn());
        }
    }
    Outcome out = request_outcome(j.st, j.commit_error, true, l.conn());
    // Its statement was to be prepared by a request queued before it, whose
    // Prepare failed: that error (a missing function: 501), not 26000.
    if (out.error && out.error->sqlstate == "26000")
        for (const PipelineStatement& s : j.st) {
            auto it = s.prepare || s.name.empty() ? l.prepare_failures.end() : l.prepare_failures.find(s.name);
            if (it != l.prepare_failures.end() && s.result.status() == PGRES_FATAL_ERROR) {
                out.error = it->second;
                break;
            }
        }
    note_outcome(session, !out.error, j.role, j.timeout_ms, j.with_setup, j.sent_at);
    if (j.members.empty()) Job::complete(j, std::move(out));
    else finish_batch(j, std::move(out));
}

// Hands each request of a batch its own rows (those whose last column, the
// ordinal, is its place in the batch), or the lost connection's error, or
// (the batch failed, so nothing of it stays) a retry alone.
void Multiplexer::finish_batch(Job& j, Outcome&& out) {
    const std::vector<Job*>& members = j.members;
    // Lost connection, server going away: each request would have had the
    // same alone. (A timeout, 57014, is retried alone: the batch had one
    // statement_timeout for all its requests.)
    if (out.error && (out.error->connection_lost || out.error->sqlstate.rfind("57P0", 0) == 0)) {
        Job::complete_each(members, out.error);
        return;
    }
    bool ok = !out.error && out.result.status() == PGRES_TUPLES_OK;
    std::vector<PgResult> own(ok ? members.size() : 0);
    PGresult* r = out.result.get();
    const int fields = ok ? PQnfields(r) : 0;
    ok = ok && fields >= 2;
    for (PgResult& o : own) {
        o = PgResult(PQcopyResult(r, PG_COPYRES_ATTRS));
        ok = ok && o;
    }
    for (int row = 0; ok && row < PQntuples(r); ++row) {
        const long k = std::strtol(PQgetvalue(r, row, fields - 1), nullptr, 10);
        if (k < 1 || k > static_cast<long>(own.size())) {
            ok = false;
            break;
        }
        PGresult* dst = own[static_cast<std::size_t>(k - 1)].get();
        const int at = PQntuples(dst);
        for (int c = 0; ok && c < fields; ++c) {
            const bool null = PQgetisnull(r, row, c);
            ok = PQsetvalue(dst, at, c, null ? nullptr : PQgetvalue(r, row, c), null ? -1 : PQgetlength(r, row, c));
        }
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
        Outcome o;
        if (ok) {
            o.result = std::move(own[i]);
        } else if (out.error || !j.writes) {
            members[i]->retry_alone = true;
        } else {  // committed, but its rows could not be handed out (out of memory): no second run
            o.error = PgError{"08007", "the pair may have been stored: its result could not be read", "", false};
        }
        Job::complete(*members[i], std::move(o));
    }
}

void Multiplexer::read_results(Link& l) {
    std::lock_guard<std::mutex> lk(l.mu);
    if (l.broken) return;
    if (!PQconsumeInput(l.conn())) {
        fail_link(l);
        return;
    }
    for (int nulls = 0; !l.sent.empty() && !PQisBusy(l.conn());) {
        Job& j = *l.sent.front();
        PGresult* r = PQgetResult(l.conn());
        Job::Step& step = j.steps[j.next];
        if (step.into) {
            if (!r) ++j.next;  // the statement's results end
            else if (!*step.into) *step.into = PgResult(r);
            else PQclear(r);
        } else if (!r) {
            if (++nulls > 8) break;  // (not expected before a sync point; the periodic scan comes back)
        } else {
            const ExecStatusType s = PQresultStatus(r);
            if (s == PGRES_PIPELINE_SYNC) {
                PQclear(r);
                ++j.next;
            } else if (step.request_sync && is_error_status(s) && !j.commit_error) {
                j.commit_error = PgResult(r);
            } else {
                PQclear(r);
            }
        }
        if (j.next == j.steps.size()) {
            l.sent.pop_front();
            l.bytes -= j.bytes;
            l.requests -= j.requests();
            std::unique_ptr<Batch> done;  // owns j when it is a batch's
            if (!j.members.empty()) {
                done = std::move(l.batches.front());
                l.batches.pop_front();
            }
            finish(l, j);
            // Only now: whether the pending batch needs the role set-up
            // depends on what j left on the session.
            if (l.pending && l.sent.size() < kBatchAfter && !holds(l)) send_batch(l);
            if (l.sent.empty()) l.idle_since = Clock::now();
            if (l.broken) break;
        }
        if (PQstatus(l.conn()) != CONNECTION_OK) break;
    }
    if (PQstatus(l.conn()) != CONNECTION_OK) fail_link(l);
}

// Gives back to the pool the connections that broke or stayed idle (all of
// them when `all`).
void Multiplexer::reap(bool all) {
    std::lock_guard<std::mutex> lk(mu_);
    const auto now = Clock::now();
    for (auto it = links_.begin(); it != links_.end();) {
        Link& l = **it;
        bool drop;
        {
            std::lock_guard<std::mutex> ll(l.mu);
            if (all && !l.broken && !l.sent.empty()) fail_link(l);
            drop = l.broken || all ||
                   (l.sent.empty() && now - l.idle_since >= std::chrono::milliseconds(kIdleReleaseMs));
            if (drop) {
                epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, PQsocket(l.conn()), nullptr);
                if (!l.broken && !PQexitPipelineMode(l.conn())) l.lease.discard();
            }
        }
        if (drop) it = links_.erase(it);
        else ++it;
    }
}

void Multiplexer::loop() {
    epoll_event events[32];
    auto last_scan = Clock::now();
    for (;;) {
        int timeout;
        {
            std::lock_guard<std::mutex> lk(mu_);
            if (stopping_) return;
            timeout = links_.empty() ? -1 : kIdleReleaseMs;
        }
        int n = epoll_wait(epoll_fd_, events, 32, timeout);
        for (int i = 0; i < n; ++i) {
            if (events[i].data.ptr == nullptr) {
                std::uint64_t v;
                (void)!read(wake_fd_, &v, sizeof v);
                continue;
            }
            read_results(*static_cast<Link*>(events[i].data.ptr));
        }
        const auto now = Clock::now();
        if (now - last_scan < std::chrono::milliseconds(kIdleReleaseMs)) continue;
        last_scan = now;
        // A send that had to wait for the socket read what had arrived into
        // libpq's buffer (its deadlock avoidance): no epoll event tells of
        // those results, so every connection is looked at now and then. (Links
        // are removed only here, by reap.)
        std::vector<Link*> all;
        {
            std::lock_guard<std::mutex> lk(mu_);
            for (auto& l : links_) all.push_back(l.get());
        }
        for (Link* l : all) read_results(*l);
        reap(false);
    }
}

}  // namespace tde_http
