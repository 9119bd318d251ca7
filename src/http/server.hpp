// The HTTP side: libmicrohttpd (one thread per connection) adapted to the
// Router's Request/Response, request logging, limits and graceful shutdown.
#pragma once

#include <microhttpd.h>

#include <atomic>
#include <string>

#include "config.hpp"
#include "pg_pool.hpp"
#include "routes.hpp"

namespace tde_http {

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

    MHD_Result first_call(MHD_Connection* c, RequestState* st);
    MHD_Result upload(RequestState* st, const char* data, std::size_t* size);
    MHD_Result final_call(MHD_Connection* c, RequestState* st);
    MHD_Result queue(MHD_Connection* c, RequestState* st, Response&& resp);
    void log_request(const RequestState* st, MHD_RequestTerminationCode toe) const;

    const Config& cfg_;
    Router& router_;
    MHD_Daemon* daemon_ = nullptr;
    int port_ = 0;
    std::atomic<int> active_{0};
    std::atomic<bool> draining_{false};
};

}  // namespace tde_http
