// Streaming exports: COPY (SELECT line FROM tde_export_...(...)) TO STDOUT in
// its own transaction, one output line per COPY row, pulled from libpq only
// when the HTTP layer asks for more data (backpressure). A client that goes
// away cancels the statement; the connection goes back to the pool clean or
// is discarded.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pg_pool.hpp"

namespace tde_http {

class ExportStream {
public:
    struct Setting {  // set_config(name, value, true) before the COPY
        std::string name;   // a fixed name chosen by the bridge
        std::string value;  // request data, sent as a parameter
    };

    struct Started {
        std::unique_ptr<ExportStream> stream;  // set on success
        std::optional<PgError> error;
        bool setup_failed = false;  // the role (or a setting) could not be set
        bool client_gone = false;   // the client hung up before the first row
    };

    // Starts the COPY and reads up to the first row, so that errors raised
    // before any output (permissions, bad dates) become proper HTTP errors.
    static Started start(
        Lease lease, const std::string& role, int statement_timeout_ms, const std::vector<Setting>& settings,
        const std::string& copy_sql, int client_fd);

    ~ExportStream();
    ExportStream(const ExportStream&) = delete;

    // Held for as long as the stream lives (the router's count of running exports).
    std::shared_ptr<void> slot;
    ExportStream& operator=(const ExportStream&) = delete;

    // The MHD content reader: bytes written to buf, or
    // MHD_CONTENT_READER_END_OF_STREAM / MHD_CONTENT_READER_END_WITH_ERROR.
    ssize_t read(char* buf, std::size_t max);

private:
    enum class Step { Row, WouldBlock, End, Error, ClientGone };

    ExportStream(Lease lease, int client_fd) : lease_(std::move(lease)), client_fd_(client_fd) {}
    Step next_row(bool block);
    Step finish_copy();
    void abort();
    bool drain(int budget_ms);

    Lease lease_;
    int client_fd_;
    bool copying_ = false;  // COPY OUT in progress
    bool done_ = false;     // committed, lease released
    bool failed_ = false;
    std::string pending_;   // decoded line(s) not yet handed out
    std::size_t pending_off_ = 0;
    std::optional<PgError> error_;
};

// Inverse of COPY TO's text-format escaping of one column (without the
// row's trailing newline). Returns false for \N (NULL).
bool copy_text_unescape(const char* data, std::size_t len, std::string& out);

}  // namespace tde_http
