// Requests on a single pair (add, get, delete) from many HTTP connections
// share a few database connections in libpq pipeline mode.
//
// On a small machine a short request costs mostly thread wake-ups and system
// calls, not SQL: with a connection per request, every request wakes a
// backend and then the bridge thread waiting for it. A shared connection
// carries several requests at once (each in its own implicit transaction,
// ended by its own sync point), so a backend finds the next request already
// in its socket and the bridge reads several results per wake-up.
//
// The calling thread queues its statements on the first shared connection
// with fewer than `depth` requests in flight (taking another one from the
// pool when all have that many, up to `max_links`; none whose oldest request
// has been out for a while; writes under a light load: see pick) and waits;
// one dispatcher
// thread reads the results of every shared connection and hands each to its
// request. Role and statement_timeout are session settings, as in
// run_request: a request skips the set-up statement only when the session
// has them already and every request in flight on that connection wants the
// same, so a failing request (whose set-up is rolled back) cannot leave a
// later one with another role.
//
// Writes go through only when a commit does not wait for the WAL flush
// (fsync or synchronous_commit off): otherwise commits queued behind each
// other on one connection would each wait for their own flush instead of
// sharing one (group commit across connections). A request that cannot be
// placed (no connection to spare, a write with synchronous commits) is
// refused (std::nullopt): the caller runs it on a connection of its own.
// Statements are not cancelled when their client hangs up (they are short,
// and statement_timeout bounds them): a cancel would hit whatever runs on the
// shared connection at that moment.
//
// Batches. A request of one parameter may come with a batch form of its
// statement: the same function called over unnest($1::text[]) WITH
// ORDINALITY, one row (or none) per element, the ordinal last. A request
// that finds its connection busy (kBatchAfter statements in flight on it)
// waits in the connection's pending batch, with the requests of the same
// statement, role and timeout that come after it (up to `batch_max`, or
// half of kMaxBytes); when fewer are in flight, the dispatcher sends the
// batch as one statement (a batch of one as the request's own statement; a
// lone write waits for a second while a statement is in flight: see holds),
// and a request of another kind sends it first, then itself: the function runs once per request, as before, but the backend
// parses, plans, executes and commits once for all of them (on 2 cores a
// GET cost the backend about half as much in batches of four). Each request
// gets its own rows. A batch is one transaction: if it fails (one malformed
// id, one body refused, an error at commit: nothing of it stays), each of
// its requests runs again alone and gets its own answer; if its connection
// is lost, each gets that error, as when it had run alone.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pg_pool.hpp"

namespace tde_http {

class Multiplexer {
public:
    Multiplexer(Pool& pool, int depth, int max_links, int stalled_ms = 20, int batch_max = 1);
    ~Multiplexer();
    Multiplexer(const Multiplexer&) = delete;
    Multiplexer& operator=(const Multiplexer&) = delete;

    // Runs sql as role with statement_timeout on a shared connection and
    // waits for the outcome; std::nullopt when the request cannot be taken.
    // batch_sql (nullptr: none): sql's batch form, for a request of one
    // parameter (see above).
    std::optional<Outcome> run(const std::string& role, int statement_timeout_ms, const std::string& sql,
                               const Params& params, bool writes, const std::string* batch_sql = nullptr);
    // False when run would refuse such a request anyway (a write while
    // commits wait for the WAL flush), so the caller need not try.
    bool takes(bool writes) const { return !writes || commits_wait_.load(std::memory_order_relaxed) != 1; }

    // A shared connection is given back to the pool after this long idle.
    static constexpr int kIdleReleaseMs = 5;
    // Nor one with this many bytes of requests in flight (well below a
    // socket's buffer, so that a send does not wait for the backend).
    static constexpr std::size_t kMaxBytes = 64 * 1024;
    // Requests go straight into a connection's pipeline while it has fewer
    // than this many statements in flight (so that its backend finds the next
    // one waiting), into its pending batch beyond.
    // (1 measured 20-30% slower at 4 clients: the backend then waits for
    // the bridge between statements; 2 and 3 the same there, 2 better at 32.)
    static constexpr std::size_t kBatchAfter = 2;
    // A write goes to another connection (up to write_links_) rather than
    // wait on one with this many requests (see pick).
    static constexpr std::size_t kWriteSpillAt = 3;
    // ... while fewer than this many requests are on all shared connections.
    static constexpr std::size_t kWriteSpreadBelow = 4;

private:
    struct Job;
    struct Batch;
    struct Link;
    std::unique_ptr<Link> open_link();
    Link* pick(bool writes, bool may_open, std::size_t bytes);
    bool send(Link& l, Job& j);
    bool send_locked(Link& l, Job& j);
    std::optional<Outcome> run_once(const std::string& role, int statement_timeout_ms, const std::string& sql,
                                    const Params& params, bool writes, const std::string* batch_sql, bool& retry);
    bool batch(Link& l, Job& j, const std::string& batch_sql, bool writes);
    void send_batch(Link& l);
    bool holds(const Link& l) const;
    void finish_batch(Job& j, Outcome&& out);
    void loop();
    void read_results(Link& l);
    void finish(Link& l, Job& j);
    void fail_link(Link& l);
    void reap(bool all);

    Pool& pool_;
    const int depth_;
    const int max_links_;
    // Connections writes spread over before they are packed (see pick): the
    // cores of this machine (the database is usually beside it), at least 2.
    const int write_links_;
    // A connection whose oldest request in flight is this old takes no more
    // (--pipeline-stall-ms).
    const int stalled_ms_;
    // Requests in one batch at most (--batch-max; 1: no batches).
    const int batch_max_;
    std::mutex mu_;  // links_ and placement; taken before a Link's own mutex
    std::vector<std::unique_ptr<Link>> links_;
    int opening_ = 0;        // links being opened (without mu_)
    std::atomic<int> commits_wait_{-1};  // -1 unknown, 0 no (writes are taken), 1 yes
    bool stopping_ = false;
    int epoll_fd_ = -1;
    int wake_fd_ = -1;  // eventfd: stop
    std::thread thread_;
};

}  // namespace tde_http
