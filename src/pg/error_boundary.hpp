// The C++ / PostgreSQL error boundary.
//
// PostgreSQL reports errors with longjmp; C++ with exceptions. Neither may
// cross the other's frames:
//  * TDE_FUNCTION(name) defines an fmgr entry point whose body runs inside
//    try/catch. A caught exception is copied into plain storage and raised as
//    a PostgreSQL ERROR only after the catch scope has closed. cpp_call(f)
//    does the same for other callbacks from PostgreSQL into C++.
//  * pg_guard(f) runs a call into PostgreSQL that may ERROR while C++ objects
//    with destructors are alive; the ERROR becomes a PgError exception, so the
//    C++ frames unwind normally, and the boundary re-raises the original error
//    (SQLSTATE, message, detail) afterwards.
#pragma once

#include <cstring>
#include <exception>
#include <new>
#include <type_traits>

#include "core/error.hpp"
#include "pg/pg_headers.hpp"

namespace tde::pg {

// A PostgreSQL ERROR caught by pg_guard; owns a copy of the ErrorData
// (allocated in the memory context that was current at the call).
class PgError : public std::exception {
public:
    explicit PgError(ErrorData *edata) : edata_(edata) {}
    ErrorData *edata() const noexcept { return edata_; }
    const char *what() const noexcept override {
        return edata_ && edata_->message ? edata_->message : "PostgreSQL error";
    }

private:
    ErrorData *edata_;
};

// What the boundary raises once the catch scope has closed. Plain data only.
struct PendingError {
    ErrorData *pg_error = nullptr;  // re-thrown as is when set
    int sqlerrcode = 0;
    char message[512] = {0};
};

// Raises the pending error as a PostgreSQL ERROR; never returns.
pg_attribute_noreturn() void raise_pending_error(const char *function_name, const PendingError &pending);

// Runs `body` (C++) where PostgreSQL called us: an exception is caught and
// raised as a PostgreSQL ERROR after the catch scope has closed. Used by the
// fmgr entry points (TDE_FUNCTION) and by other callbacks from PostgreSQL into
// C++ (an executor DestReceiver, ...). `body` itself may let a PostgreSQL
// ERROR pass only while it holds no C++ object with a destructor.
template <typename Body>
auto cpp_call(const char *function_name, Body body) -> decltype(body()) {
    PendingError pending;
    try {
        return body();
    } catch (const PgError &e) {
        pending.pg_error = e.edata();
    } catch (const tde::core::Error &e) {
        const char *s = e.sqlstate();
        pending.sqlerrcode = MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4]);
        strlcpy(pending.message, e.what(), sizeof pending.message);
    } catch (const std::bad_alloc &) {
        pending.sqlerrcode = ERRCODE_OUT_OF_MEMORY;
        strlcpy(pending.message, "out of memory", sizeof pending.message);
    } catch (const std::exception &e) {
        pending.sqlerrcode = ERRCODE_INTERNAL_ERROR;
        strlcpy(pending.message, e.what(), sizeof pending.message);
    } catch (...) {
        pending.sqlerrcode = ERRCODE_INTERNAL_ERROR;
        strlcpy(pending.message, "unknown C++ exception", sizeof pending.message);
    }
    raise_pending_error(function_name, pending);
}

template <typename Body>
Datum cpp_boundary(const char *function_name, Body body, FunctionCallInfo fcinfo) {
    return cpp_call(function_name, [&] { return body(fcinfo); });
}

// Runs `call` (which calls into PostgreSQL and holds no C++ objects with
// destructors of its own) and converts a PostgreSQL ERROR into PgError.
template <typename Call>
auto pg_guard(Call call) -> decltype(call()) {
    using Result = decltype(call());
    static_assert(std::is_void_v<Result> || std::is_trivially_destructible_v<Result>,
                  "pg_guard results must be plain data");
    MemoryContext caller_context = CurrentMemoryContext;
    ErrorData *edata = nullptr;
    if constexpr (std::is_void_v<Result>) {
        PG_TRY();
        { call(); }
        PG_CATCH();
        {
            MemoryContextSwitchTo(caller_context);
            edata = CopyErrorData();
            FlushErrorState();
        }
        PG_END_TRY();
        if (edata) throw PgError(edata);
    } else {
        Result result{};
        PG_TRY();
        { result = call(); }
        PG_CATCH();
        {
            MemoryContextSwitchTo(caller_context);
            edata = CopyErrorData();
            FlushErrorState();
        }
        PG_END_TRY();
        if (edata) throw PgError(edata);
        return result;
    }
}

}  // namespace tde::pg

// Declares an SQL-callable C function `name` whose body is C++ run inside the
// error boundary. Usage: TDE_FUNCTION(tde_x) { ... return datum; }
#define TDE_FUNCTION(name)                                                  \
    static Datum name##_body(FunctionCallInfo fcinfo);                      \
    extern "C" {                                                            \
    PG_FUNCTION_INFO_V1(name);                                              \
    }                                                                       \
    extern "C" Datum name(PG_FUNCTION_ARGS) {                               \
        return tde::pg::cpp_boundary(#name, name##_body, fcinfo);           \
    }                                                                       \
    static Datum name##_body(FunctionCallInfo fcinfo)
