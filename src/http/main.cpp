// tde-http: the REST bridge of training_data_export.
//
//   tde-http --db "host=... dbname=... user=authenticator" --listen 127.0.0.1:5000
//
// See --help for every option (each also an environment variable).
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "auth.hpp"
#include "config.hpp"
#include "pg_pool.hpp"
#include "routes.hpp"
#include "server.hpp"

using namespace tde_http;

namespace {

void check_database(Pool& pool) {
    try {
        Lease l = pool.acquire(0);
        std::fprintf(stderr, "tde-http: connected to database \"%s\" as \"%s\"\n", PQdb(l.conn()), PQuser(l.conn()));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tde-http: warning: database not reachable yet (%s); requests get 503 until it is\n",
                     e.what());
    }
}

// Blocks SIGINT/SIGTERM in every thread (threads inherit the mask) so that
// main can sigwait for them.
sigset_t block_shutdown_signals() {
    signal(SIGPIPE, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

void start_watchdog(int seconds) {
    std::thread([seconds] {
        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        const char msg[] = "tde-http: shutdown did not complete, exiting\n";
        (void)!write(2, msg, sizeof msg - 1);
        _exit(1);
    }).detach();
}

}  // namespace

int main(int argc, char** argv) {
    Config cfg = parse_config(argc, argv);
    sigset_t signals = block_shutdown_signals();

    std::unique_ptr<Authenticator> auth;
    try {
        auth = std::make_unique<Authenticator>(cfg);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tde-http: %s\n", e.what());
        return 2;
    }
    if (!cfg.jwt_secret.empty() && cfg.jwt_secret.size() < 32)
        std::fprintf(stderr, "tde-http: warning: the JWT secret is shorter than 32 bytes\n");
    if (cfg.jwt_secret.empty() && auth->api_key_count() == 0 && cfg.anonymous_role.empty())
        std::fprintf(stderr, "tde-http: warning: no JWT secret, API keys or anonymous role: every request gets 401\n");

    Pool pool(cfg.db, cfg.pool_size);
    check_database(pool);
    Router router(cfg, pool, *auth);
    Server server(cfg, router);
    std::string error;
    if (!server.start(error)) {
        std::fprintf(stderr, "tde-http: %s\n", error.c_str());
        return 1;
    }
    std::fprintf(stderr, "tde-http: listening on %s:%d\n", cfg.listen_host.c_str(), server.port());

    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "tde-http: %s received, draining (grace %d s)\n", sig == SIGTERM ? "SIGTERM" : "SIGINT",
                 cfg.grace_seconds);
    start_watchdog(cfg.grace_seconds + 15);
    server.shutdown(cfg.grace_seconds, pool);
    std::fprintf(stderr, "tde-http: stopped\n");
    return 0;
}
