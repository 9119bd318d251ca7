#include "auth.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/sha.h>

#include <cctype>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "pg_pool.hpp"

namespace tde_http {
namespace {

constexpr std::size_t kMaxCachedTokens = 10000;

HttpError unauthorized(std::string code, std::string message) {
    return make_error(401, std::move(code), std::move(message));
}

int b64url_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

void sha256(const std::string& s, unsigned char out[32]) {
    SHA256(reinterpret_cast<const unsigned char*>(s.data()), s.size(), out);
}

// The token of "Bearer <token>"; nullopt for any other scheme.
std::optional<std::string> bearer_token(const char* authorization) {
    std::string h = authorization;
    if (h.size() < 7 || strncasecmp(h.c_str(), "Bearer ", 7) != 0) return std::nullopt;
    std::size_t b = 7;
    while (b < h.size() && h[b] == ' ') ++b;
    std::size_t e = h.size();
    while (e > b && (h[e - 1] == ' ' || h[e - 1] == '\t')) --e;
    std::string t = h.substr(b, e - b);
    if (t.empty() || t.find_first_of(" \t") != std::string::npos) return std::nullopt;
    return t;
}

bool looks_like_jwt(const std::string& t) {
    auto first = t.find('.');
    if (first == std::string::npos) return false;
    auto second = t.find('.', first + 1);
    return second != std::string::npos && t.find('.', second + 1) == std::string::npos;
}

}  // namespace

// JWS segments are base64url without padding (RFC 7515 2): '=' and unused
// low bits that are not zero are refused, so that one token has one spelling
// (otherwise "sig=", "sig==", ... would be as many valid tokens, each a miss of
// the claims cache and a database lookup).
std::optional<std::string> base64url_decode(const std::string& in) {
    const std::string& s = in;
    if (s.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(s.size() * 3 / 4);
    unsigned int acc = 0;
    int bits = 0;
    for (unsigned char c : s) {
        int v = b64url_value(c);
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<unsigned int>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    if ((acc & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

Authenticator::Authenticator(const Config& cfg) : anonymous_role_(cfg.anonymous_role), jwt_secret_(cfg.jwt_secret) {
    if (!jwt_secret_.empty()) {
        EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        EVP_MAC_CTX* ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
        EVP_MAC_free(mac);  // the context keeps its own reference
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
        if (!ctx || !EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(jwt_secret_.data()),
                                  jwt_secret_.size(), params)) {
            EVP_MAC_CTX_free(ctx);
            throw std::runtime_error("cannot set up HMAC-SHA256 (OpenSSL)");
        }
        hmac_template_ = ctx;
    }
    if (cfg.api_keys_file.empty()) return;
    std::ifstream in(cfg.api_keys_file);
    if (!in) throw std::runtime_error("cannot read API keys file " + cfg.api_keys_file);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::istringstream ls(line);
        std::string key, role, extra;
        if (!(ls >> key) || key[0] == '#') continue;
        if (!(ls >> role) || (ls >> extra))
            throw std::runtime_error(cfg.api_keys_file + ":" + std::to_string(n) + ": expected \"key role\"");
        ApiKey k;
        sha256(key, k.digest);
        k.role = role;
        keys_.push_back(std::move(k));
    }
}

Authenticator::~Authenticator() { EVP_MAC_CTX_free(hmac_template_); }

std::optional<HttpError> Authenticator::precheck(const char* authorization) const {
    if ((authorization == nullptr || *authorization == '\0') && anonymous_role_.empty())
        return unauthorized("unauthorized", "authentication required (Authorization: Bearer <token>)");
    return std::nullopt;
}

AuthResult Authenticator::resolve(const char* authorization, PGconn* conn) {
    AuthResult r;
    if (authorization == nullptr || *authorization == '\0') {
        if (anonymous_role_.empty())
            r.error = unauthorized("unauthorized", "authentication required (Authorization: Bearer <token>)");
        else
            r.role = anonymous_role_;
        return r;
    }
    auto token = bearer_token(authorization);
    if (!token) {
        r.error = unauthorized("unauthorized", "unsupported authorization scheme, use Bearer");
        return r;
    }
    if (!jwt_secret_.empty() && looks_like_jwt(*token)) return from_jwt(*token, conn);
    return from_api_key(*token);
}

// Compares against every key (no early exit) in constant time per key.
AuthResult Authenticator::from_api_key(const std::string& token) const {
    unsigned char d[32];
    sha256(token, d);
    const ApiKey* match = nullptr;
    for (const auto& k : keys_) {
        bool eq = CRYPTO_memcmp(d, k.digest, sizeof d) == 0;
        if (eq && match == nullptr) match = &k;
    }
    AuthResult r;
    if (match) r.role = match->role;
    else r.error = unauthorized("invalid_token", "invalid credentials");
    return r;
}

AuthResult Authenticator::from_jwt(const std::string& token, PGconn* conn) {
    AuthResult r;
    auto d1 = token.find('.'), d2 = token.rfind('.');
    std::string signing_input = token.substr(0, d2);
    auto sig = base64url_decode(token.substr(d2 + 1));
    unsigned char mac[EVP_MAX_MD_SIZE];
    std::size_t mac_len = 0;
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_dup(hmac_template_);
    bool computed = ctx && EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(signing_input.data()),
                                          signing_input.size()) &&
                    EVP_MAC_final(ctx, mac, &mac_len, sizeof mac);
    EVP_MAC_CTX_free(ctx);
    if (!computed || !sig || sig->size() != mac_len || CRYPTO_memcmp(sig->data(), mac, mac_len) != 0) {
        r.error = unauthorized("invalid_token", "invalid credentials");
        return r;
    }
    std::optional<Claims> claims;
    {
        std::lock_guard<std::mutex> lk(cache_mu_);
        auto it = cache_.find(token);
        if (it != cache_.end()) claims = it->second;
    }
    if (!claims && conn == nullptr) {
        r.needs_database = true;
        return r;
    }
    if (!claims) {
        auto header = base64url_decode(token.substr(0, d1));
        auto payload = base64url_decode(token.substr(d1 + 1, d2 - d1 - 1));
        if (header && payload) claims = decode_claims(*header, *payload, conn, r.error);
        if (r.error) return r;
        if (!claims) {
            r.error = unauthorized("invalid_token", "invalid credentials");
            return r;
        }
        std::lock_guard<std::mutex> lk(cache_mu_);
        if (cache_.size() >= kMaxCachedTokens) cache_.clear();
        cache_.emplace(token, *claims);
    }
    std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    if (claims->exp && now >= *claims->exp) r.error = unauthorized("token_expired", "the token has expired");
    else if (claims->nbf && now < *claims->nbf) r.error = unauthorized("invalid_token", "the token is not valid yet");
    // "none" is no role: set_config('role', 'none') would mean the
    // authenticator itself. Refused like a role that does not exist.
    else if (claims->role == "none") r.error = make_error(403, "22023", "the authenticated role cannot be used");
    else r.role = claims->role;
    return r;
}

// PostgreSQL parses the JSON. Any error (not JSON, wrong types, exp not a
// number) means an invalid token; only a lost connection is a 503.
std::optional<Authenticator::Claims> Authenticator::decode_claims(const std::string& header_json,
                                                                  const std::string& payload_json, PGconn* conn,
                                                                  std::optional<HttpError>& db_error) {
    if (header_json.find('\0') != std::string::npos || payload_json.find('\0') != std::string::npos)
        return std::nullopt;
    static const std::string sql =
        "SELECT h->>'alg', c->>'role', jsonb_typeof(c->'role'),"
        "       CASE WHEN jsonb_typeof(c->'exp') = 'number'"
        "            THEN floor(least(greatest((c->>'exp')::numeric, -9e18), 9e18))::bigint END,"
        "       CASE WHEN jsonb_typeof(c->'nbf') = 'number'"
        "            THEN floor(least(greatest((c->>'nbf')::numeric, -9e18), 9e18))::bigint END,"
        "       coalesce(jsonb_typeof(c->'exp'), 'number') = 'number'"
        "         AND coalesce(jsonb_typeof(c->'nbf'), 'number') = 'number'"
        "  FROM (SELECT $1::jsonb AS h, $2::jsonb AS c) s"
        " WHERE jsonb_typeof(h) = 'object' AND jsonb_typeof(c) = 'object'";
    PgResult res = exec_params(conn, sql, {header_json, payload_json});
    if (res.status() != PGRES_TUPLES_OK) {
        PgError e = error_from_result(res.get(), conn);
        if (e.connection_lost || e.sqlstate.empty() || e.sqlstate.rfind("08", 0) == 0) db_error = from_pg(e);
        return std::nullopt;
    }
    if (res.rows() != 1 || res.is_null(0, 0) || res.value(0, 0) != "HS256" || res.is_null(0, 1) ||
        res.value(0, 2) != "string" || res.value(0, 1).empty() || res.value(0, 5) != "t")
        return std::nullopt;  // exp and nbf, when present, are NumericDates (RFC 7519 2, 4.1.4)
    Claims c;
    c.role = res.value(0, 1);
    if (!res.is_null(0, 3)) c.exp = std::stoll(res.value(0, 3));
    if (!res.is_null(0, 4)) c.nbf = std::stoll(res.value(0, 4));
    return c;
}

}  // namespace tde_http
