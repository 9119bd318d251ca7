// The HTTP side: libmicrohttpd (one thread per connection) adapted to the
// Router's Request/Response, request logging, limits and graceful shutdown.
#pragma once

#include <microhttpd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "config.hpp"
#include "pg_pool.hpp"
#include "routes.hpp"

namespace tde_http {

// The request log: lines are appended to a buffer and written to stderr by a
// background thread in batches (at most kFlushDelay after the first line of a
// batch), so a request costs no write(2) of its own. flush() writes what is
// buffered now; the destructor flushes and stops the thread.
class RequestLog {
public:
    RequestLog();
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;
    void append(const char* line, std::size_t n);
    void flush();

private:
    void run();
    std::mutex mu_;
    std::condition_variable cv_;
    std::string pending_;
    bool stop_ = false;
    std::mutex write_mu_;  // keeps batches in order
    std::thread thread_;
};

class Server {
public:
    Server(const Config& cfg, Router& router) : cfg_(cfg), router_(router) {}
    ~Server();

    // Binds and starts serving; false (with a message) on failure.
    bool start(std::string& error);
    int port() const { return port_; }

    // Stops accepting, lets in-flight requests finish for up to grace
    // seconds, cancels the statements of those still running, stops.
    void shutdown(int grace_seconds, Pool& pool);

private:
    struct RequestState;
    static MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method,
                                 const char* version, const char* upload_data, std::size_t* upload_data_size,
                                 void** con_cls);
    static void on_completed(void* cls, MHD_Connection* c, void** con_cls, MHD_RequestTerminationCode toe);
    static void* on_uri(void* cls, const char* uri, MHD_Connection* c);
    static void on_connection(void* cls, MHD_Connection* c, void** socket_context,
                              MHD_ConnectionNotificationCode code);
    int hard_connection_limit() const;
    // --read-timeout: every open connection with when it began waiting for
    // the request it is reading (or for its next one); a watchdog thread
    // shuts down the socket of one whose request has not arrived in full in
    // time (libmicrohttpd's own timeout restarts with every byte, so a client
    // sending one byte now and then would hold its connection for ever). An
    // entry is removed before libmicrohttpd closes the socket, so the fd it
    // names is open while reading_mu_ is held.
    struct Reading {
        int fd = -1;
        std::chrono::steady_clock::time_point since;
        bool waiting = true;  // for (more of) a request; false: answering it
        bool cut = false;
        // Opened while --max-connections were already open: its requests get
        // 503 busy while the server is still over the limit. Decided per
        // connection, in the order they were accepted: a count taken when a
        // request arrives would refuse every client of a burst, those
        // accepted first included (70 connections at once got 70 503s).
        bool over_limit = false;
    };
    bool over_connection_limit(MHD_Connection* c);
    void set_reading(MHD_Connection* c, bool waiting);
    void watch_reads();
    // Bodies are read and dropped up to this many times the limit (plus 16
    // MiB) after a 413 is decided; beyond, the connection is closed.
    static constexpr std::size_t kDropBodyFactor = 4;

    MHD_Result first_call(MHD_Connection* c, RequestState* st);
    MHD_Result upload(MHD_Connection* c, RequestState* st, const char* data, std::size_t* size);
    MHD_Result refuse(MHD_Connection* c, RequestState* st, Response&& resp);
    MHD_Result final_call(MHD_Connection* c, RequestState* st);
    MHD_Result queue(MHD_Connection* c, RequestState* st, Response&& resp);
    MHD_Result queue_before_body(MHD_Connection* c, RequestState* st, Response&& resp);
    void drain_unread_body(MHD_Connection* c) const;
    void log_request(const RequestState* st, MHD_RequestTerminationCode toe) const;

    const Config& cfg_;
    Router& router_;
    mutable RequestLog log_;
    MHD_Daemon* daemon_ = nullptr;
    int port_ = 0;
    std::atomic<int> active_{0};
    std::atomic<int> connections_{0};  // open HTTP connections
    std::atomic<bool> draining_{false};
    std::mutex reading_mu_;
    std::unordered_map<MHD_Connection*, Reading> reading_;
    std::condition_variable watchdog_cv_;
    bool watchdog_stop_ = false;
    std::thread watchdog_;
};

}  // namespace tde_http
