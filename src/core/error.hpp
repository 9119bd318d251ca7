// Exceptions thrown by the pure C++ core. They carry a PostgreSQL SQLSTATE
// (five characters) so the extension's error boundary can raise the right
// PostgreSQL error without the core depending on PostgreSQL headers.
#pragma once

#include <stdexcept>
#include <string>

namespace tde::core {

class Error : public std::runtime_error {
public:
    Error(const char *sqlstate, const std::string &message)
        : std::runtime_error(message), sqlstate_(sqlstate) {}
    // Five-character SQLSTATE, e.g. "22023".
    const char *sqlstate() const noexcept { return sqlstate_; }

private:
    const char *sqlstate_;
};

}  // namespace tde::core
