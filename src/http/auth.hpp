// Authentication: "Authorization: Bearer <token>" where the token is an HS256
// JWT (its "role" claim names the PostgreSQL role) or an API key from a file
// of "key role" lines. Without credentials the anonymous role, if any.
// The bridge only picks the role; what the role may do is the database's
// business (SET LOCAL ROLE, then the grants decide).
#pragma once

#include <libpq-fe.h>
#include <openssl/types.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config.hpp"
#include "errors.hpp"

namespace tde_http {

struct AuthResult {
    std::string role;                 // set on success
    std::optional<HttpError> error;   // 401 (or 503 when the database is away)
    // Resolved without a connection (conn nullptr) and the token's claims
    // are not cached yet: ask again with a connection.
    bool needs_database = false;
};

class Authenticator {
public:
    explicit Authenticator(const Config& cfg);  // throws std::runtime_error on a bad keys file
    ~Authenticator();
    Authenticator(const Authenticator&) = delete;
    Authenticator& operator=(const Authenticator&) = delete;

    // Before the body is read: refuses requests without credentials when
    // there is no anonymous role.
    std::optional<HttpError> precheck(const char* authorization) const;

    // Resolves the role. JWT claims are decoded by PostgreSQL on `conn`
    // (no JSON parsing in the bridge) and cached per token.
    AuthResult resolve(const char* authorization, PGconn* conn);

    std::size_t api_key_count() const { return keys_.size(); }

private:
    struct ApiKey {
        unsigned char digest[32];
        std::string role;
    };
    struct Claims {
        std::string role;
        std::optional<std::int64_t> exp, nbf;
    };

    AuthResult from_jwt(const std::string& token, PGconn* conn);
    AuthResult from_api_key(const std::string& token) const;
    std::optional<Claims> decode_claims(const std::string& header_json, const std::string& payload_json,
                                        PGconn* conn, std::optional<HttpError>& db_error);

    std::string anonymous_role_;
    std::string jwt_secret_;
    // HMAC-SHA256 keyed with jwt_secret_, copied per token (no algorithm
    // fetch or key setup per request); nullptr without a JWT secret.
    EVP_MAC_CTX* hmac_template_ = nullptr;
    std::vector<ApiKey> keys_;
    std::mutex cache_mu_;
    std::unordered_map<std::string, Claims> cache_;  // verified token -> claims
};

// base64url (RFC 4648 section 5) without or with padding; nullopt if invalid.
std::optional<std::string> base64url_decode(const std::string& in);

}  // namespace tde_http
