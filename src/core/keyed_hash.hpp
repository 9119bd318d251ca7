// Keyed SHA-256 (HMAC-SHA256, OpenSSL) used for every anonymization token.
#pragma once

#include <string>
#include <string_view>

namespace tde::core {

// HMAC-SHA256(key, message) as 64 lower-case hex characters.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// The token text used in replacements: the first `hex_chars` hex digits of
// HMAC-SHA256(key, entity + ":" + normalized_value). The entity prefix keeps
// an email and a database name with the same spelling from sharing a token.
std::string keyed_token(std::string_view key, std::string_view entity,
                        std::string_view normalized_value, size_t hex_chars = 12);

// SHA-256 (unkeyed) of `data` as lower-case hex, truncated to `hex_chars`.
// Uses one fetched digest and context for the whole backend.
std::string sha256_hex(std::string_view data, size_t hex_chars = 64);

// `n` bytes from OpenSSL's CSPRNG; throws tde::core::Error on failure.
std::string random_bytes(size_t n);

}  // namespace tde::core
