// tde-http configuration: command-line flags, each also readable from an
// environment variable (flags win over the environment).
#pragma once

#include <cstdint>
#include <string>

namespace tde_http {

struct Config {
    std::string db;                 // libpq conninfo or URI; "" = libpq environment
    std::string listen_host = "127.0.0.1";
    int listen_port = 5000;
    std::string anonymous_role;     // "" = anonymous requests get 401
    std::string jwt_secret;         // "" = JWTs are not accepted
    std::string api_keys_file;      // "" = API keys are not accepted
    int pool_size = 4;
    int pool_wait_ms = 5000;
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;  // request line + headers
    int idle_timeout_s = 30;
    int export_stall_timeout_s = 600;  // a download whose reader reads nothing this long is closed
    // The longest a request may take to arrive in full (request line,
    // headers, body), counted from when its connection opened or sent the
    // previous response: a client trickling bytes (slowloris) is cut off.
    int read_timeout_s = 60;
    int max_connections = 128;
    // The largest `limit` of GET /pairs (one response, built in memory);
    // exports stream any number of pairs.
    long long max_page_size = 10000;
    int statement_timeout_ms = 30000;
    int export_statement_timeout_ms = 3600 * 1000;
    int grace_seconds = 10;
    // --pool-mode session (default): a connection keeps the role and
    // statement_timeout of its last request; transaction: every request sets
    // them with SET LOCAL (behind a transaction-pooling proxy such as
    // pgbouncer's pool_mode = transaction, where a session's settings would
    // reach other clients).
    bool session_settings = true;
    // Requests on one pair (add, get, delete) share database connections in
    // pipeline mode, this many in flight per connection (multiplexer.hpp);
    // 0: every request has a connection of its own. Session pool mode only.
    int pipeline_depth = 32;
    // A shared connection whose oldest request has been out this long (a
    // slow statement, a lock wait) takes no more requests.
    int pipeline_stall_ms = 20;
    // Requests on one pair of the same kind, role and timeout that wait for
    // a shared connection go in one statement, this many at most; 1: none.
    int batch_max = 16;
};

// Parses argv and the environment. On --help prints usage and exits 0; on a
// bad value prints the problem and exits 2.
Config parse_config(int argc, char** argv);

std::string usage_text();

}  // namespace tde_http
