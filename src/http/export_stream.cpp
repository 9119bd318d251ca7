#include "export_stream.hpp"

#include <microhttpd.h>
#include <poll.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace tde_http {

bool copy_text_unescape(const char* s, std::size_t len, std::string& out) {
    if (len == 2 && s[0] == '\\' && s[1] == 'N') return false;
    out.reserve(out.size() + len);
    for (std::size_t i = 0; i < len; ++i) {
        char c = s[i];
        if (c != '\\' || i + 1 == len) {
            out += c;
            continue;
        }
        char e = s[++i];
        switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            case 'x': {  // \xHH (COPY TO never writes it; COPY's reader accepts it)
                int v = 0, n = 0;
                while (n < 2 && i + 1 < len && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) {
                    char h = s[++i];
                    v = v * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (h | 0x20) - 'a' + 10);
                    ++n;
                }
                if (n == 0) out += 'x';
                else out += static_cast<char>(v);
                break;
            }
            default:
                if (e >= '0' && e <= '7') {  // \ooo
                    int v = e - '0', n = 1;
                    while (n < 3 && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7') v = v * 8 + (s[++i] - '0'), ++n;
                    out += static_cast<char>(v & 0xff);
                } else {
                    out += e;  // "\\" and any other escaped character
                }
        }
    }
    return true;
}

namespace {

std::string setup_sql(std::size_t settings) {
    std::string sql =
        "SELECT pg_catalog.set_config('role', $1, true), pg_catalog.set_config('statement_timeout', $2, true)";
    for (std::size_t i = 0; i < settings; ++i)
        sql += ", pg_catalog.set_config($" + std::to_string(3 + 2 * i) + ", $" + std::to_string(4 + 2 * i) + ", true)";
    return sql;
}

PgResult exec_simple(PGconn* conn, const char* sql) { return exec_params(conn, sql, {}); }

}  // namespace

ExportStream::Started ExportStream::start(
    Lease lease, const std::string& role, int statement_timeout_ms, const std::vector<Setting>& settings,
    const std::string& copy_sql, int client_fd) {
    PGconn* conn = lease.conn();
    std::unique_ptr<ExportStream> s(new ExportStream(std::move(lease), client_fd));
    Params params{role, std::to_string(statement_timeout_ms)};
    for (const auto& st : settings) {
        params.emplace_back(st.name);
        params.emplace_back(st.value);
    }
    PgResult begin = exec_simple(conn, "BEGIN");
    if (begin.status() != PGRES_COMMAND_OK) return {nullptr, error_from_result(begin.get(), conn)};
    PgResult setup = exec_params(conn, setup_sql(settings.size()), params);
    if (setup.status() != PGRES_TUPLES_OK) {
        PgError e = error_from_result(setup.get(), conn);
        s->abort();
        return {nullptr, e, true};
    }
    if (!PQsendQuery(conn, copy_sql.c_str())) {
        s->lease_.discard();
        return {nullptr, error_from_conn(conn)};
    }
    s->copying_ = true;  // from here on abort() cancels and drains
    while (PQisBusy(conn)) {
        Ready r = wait_readable(conn, client_fd, 1000);
        if (r == Ready::ClientGone) return {nullptr, std::nullopt, false, true};
        if (r == Ready::Pg && !PQconsumeInput(conn)) return {nullptr, error_from_conn(conn)};
    }
    PgResult first(PQgetResult(conn));
    if (first.status() != PGRES_COPY_OUT) {
        s->copying_ = false;
        PgError e = error_from_result(first.get(), conn);
        s->abort();
        return {nullptr, e};
    }
    Step st = s->next_row(true);
    if (st == Step::ClientGone) return {nullptr, std::nullopt, false, true};
    if (st == Step::Error) return {nullptr, s->error_};
    return {std::move(s), std::nullopt};
}

// Pulls the next COPY row into pending_. With block=false returns WouldBlock
// instead of waiting for the server.
ExportStream::Step ExportStream::next_row(bool block) {
    PGconn* conn = lease_.conn();
    for (;;) {
        char* buf = nullptr;
        int n = PQgetCopyData(conn, &buf, 1);
        if (n > 0) {
            std::size_t len = static_cast<std::size_t>(n);
            if (len > 0 && buf[len - 1] == '\n') --len;
            std::string line;
            bool not_null = copy_text_unescape(buf, len, line);
            PQfreemem(buf);
            if (!not_null) continue;  // a NULL line: nothing to write
            pending_.erase(0, pending_off_);
            pending_off_ = 0;
            pending_ += line;
            pending_ += '\n';
            return Step::Row;
        }
        if (n == -1) return finish_copy();
        if (n == -2) {
            error_ = error_from_conn(conn);
            copying_ = false;
            lease_.discard();
            return Step::Error;
        }
        if (!block) return Step::WouldBlock;
        Ready r = wait_readable(conn, client_fd_, 1000);
        if (r == Ready::ClientGone) return Step::ClientGone;
        if (r == Ready::Pg && !PQconsumeInput(conn)) {
            error_ = error_from_conn(conn);
            copying_ = false;
            lease_.discard();
            return Step::Error;
        }
    }
}

// COPY finished: its command result, then COMMIT and back to the pool.
ExportStream::Step ExportStream::finish_copy() {
    PGconn* conn = lease_.conn();
    copying_ = false;
    PgResult res(PQgetResult(conn));
    while (PGresult* extra = PQgetResult(conn)) PQclear(extra);
    if (res.status() != PGRES_COMMAND_OK) {
        error_ = error_from_result(res.get(), conn);
        abort();
        return Step::Error;
    }
    PgResult commit = exec_simple(conn, "COMMIT");
    if (commit.status() != PGRES_COMMAND_OK) {
        error_ = error_from_result(commit.get(), conn);
        abort();
        return Step::Error;
    }
    done_ = true;
    lease_.release();
    return Step::End;
}

ssize_t ExportStream::read(char* buf, std::size_t max) {
    std::size_t n = 0;
    for (;;) {
        if (pending_off_ < pending_.size()) {
            std::size_t k = std::min(max - n, pending_.size() - pending_off_);
            std::memcpy(buf + n, pending_.data() + pending_off_, k);
            pending_off_ += k;
            n += k;
            if (n == max) return static_cast<ssize_t>(n);
            continue;
        }
        if (failed_) return n > 0 ? static_cast<ssize_t>(n) : MHD_CONTENT_READER_END_WITH_ERROR;
        if (done_) return n > 0 ? static_cast<ssize_t>(n) : MHD_CONTENT_READER_END_OF_STREAM;
        Step st = next_row(n == 0);  // block only when there is nothing to send yet
        if (st == Step::WouldBlock) return static_cast<ssize_t>(n);
        if (st == Step::Error || st == Step::ClientGone) {
            failed_ = true;
            if (error_) std::fprintf(stderr, "tde-http: export failed: SQLSTATE %s\n", error_->sqlstate.c_str());
            abort();
        }
    }
}

// Drains a cancelled COPY within budget_ms; false if the connection must go.
bool ExportStream::drain(int budget_ms) {
    PGconn* conn = lease_.conn();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(budget_ms);
    auto left = [&] {
        return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now()).count());
    };
    for (;;) {  // the rest of the COPY data
        char* buf = nullptr;
        int n = PQgetCopyData(conn, &buf, 1);
        if (n > 0) { PQfreemem(buf); continue; }
        if (n == -1) break;
        if (n == -2 || left() <= 0) return false;
        if (wait_readable(conn, -1, left()) != Ready::Pg || !PQconsumeInput(conn)) return false;
    }
    for (;;) {  // the COPY's final result(s)
        while (PQisBusy(conn)) {
            if (left() <= 0 || wait_readable(conn, -1, left()) != Ready::Pg || !PQconsumeInput(conn)) return false;
        }
        PGresult* r = PQgetResult(conn);
        if (!r) break;
        PQclear(r);
    }
    return true;
}

// Leaves the connection idle (cancel, drain, ROLLBACK) or discards it.
void ExportStream::abort() {
    if (!lease_) return;
    PGconn* conn = lease_.conn();
    if (copying_) {
        lease_.cancel();
        copying_ = false;
        if (!drain(2000)) {
            lease_.discard();
            lease_.release();
            return;
        }
    }
    if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE) {
        PgResult rb = exec_simple(conn, "ROLLBACK");
        if (rb.status() != PGRES_COMMAND_OK) lease_.discard();
    }
    lease_.release();
}

ExportStream::~ExportStream() {
    if (!done_) abort();
}

}  // namespace tde_http
