#include "core/keyed_hash.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>

#include "core/error.hpp"

namespace tde::core {

namespace {

// HMAC-SHA256 keyed once: fetching the algorithm and setting the key is most
// of the cost of a one-shot HMAC(), so the context for the last key used is
// kept and re-initialized (same key) for every message. The backend is
// single-threaded; tests and tools that share it across threads must not.
class HmacSha256 {
public:
    ~HmacSha256() { reset(); }

    void digest(std::string_view key, std::string_view message, unsigned char out[32]) {
        if (ctx_ == nullptr || key != key_) rekey(key);
        else if (EVP_MAC_init(ctx_, nullptr, 0, nullptr) != 1) fail();
        size_t len = 0;
        if (EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char *>(message.data()), message.size()) != 1 ||
            EVP_MAC_final(ctx_, out, &len, 32) != 1 || len != 32)
            fail();
    }

private:
    void rekey(std::string_view key) {
        reset();
        if (mac_ == nullptr) mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        if (mac_ == nullptr) fail();
        ctx_ = EVP_MAC_CTX_new(mac_);
        if (ctx_ == nullptr) fail();
        char digest_name[] = "SHA256";
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0), OSSL_PARAM_construct_end()};
        // OpenSSL wants a non-null key pointer even for an empty key.
        static const unsigned char empty = 0;
        const unsigned char *k = key.empty() ? &empty : reinterpret_cast<const unsigned char *>(key.data());
        if (EVP_MAC_init(ctx_, k, key.size(), params) != 1) fail();
        key_.assign(key);
    }
    void reset() {
        if (ctx_ != nullptr) EVP_MAC_CTX_free(ctx_);
        ctx_ = nullptr;
        key_.clear();
    }
    [[noreturn]] void fail() {
        reset();
        throw Error("XX000", "HMAC-SHA256 computation failed");
    }

    EVP_MAC *mac_ = nullptr;
    EVP_MAC_CTX *ctx_ = nullptr;
    std::string key_;
};

// SHA-256 with the algorithm fetched once and one context reused.
class Sha256 {
public:
    ~Sha256() {
        if (ctx_ != nullptr) EVP_MD_CTX_free(ctx_);
        if (md_ != nullptr) EVP_MD_free(md_);
    }
    void digest(std::string_view data, unsigned char out[32]) {
        if (md_ == nullptr) md_ = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        if (ctx_ == nullptr) ctx_ = EVP_MD_CTX_new();
        unsigned int len = 0;
        if (md_ == nullptr || ctx_ == nullptr || EVP_DigestInit_ex(ctx_, md_, nullptr) != 1 ||
            EVP_DigestUpdate(ctx_, data.data(), data.size()) != 1 || EVP_DigestFinal_ex(ctx_, out, &len) != 1 ||
            len != 32)
            throw Error("XX000", "SHA-256 computation failed");
    }

private:
    EVP_MD *md_ = nullptr;
    EVP_MD_CTX *ctx_ = nullptr;
};

std::string to_hex(const unsigned char *bytes, size_t n, size_t hex_chars) {
    static const char hex[] = "0123456789abcdef";
    std::string out(2 * n, '0');
    for (size_t i = 0; i < n; ++i) {
        out[2 * i] = hex[bytes[i] >> 4];
        out[2 * i + 1] = hex[bytes[i] & 0x0f];
    }
    if (hex_chars < out.size()) out.resize(hex_chars);
    return out;
}

HmacSha256 &hmac() {
    static HmacSha256 instance;
    return instance;
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    unsigned char digest[32];
    hmac().digest(key, message, digest);
    return to_hex(digest, 32, 64);
}

std::string sha256_hex(std::string_view data, size_t hex_chars) {
    static Sha256 sha;
    unsigned char digest[32];
    sha.digest(data, digest);
    return to_hex(digest, 32, hex_chars);
}

std::string keyed_token(std::string_view key, std::string_view entity,
                        std::string_view normalized_value, size_t hex_chars) {
    std::string message;
    message.reserve(entity.size() + 1 + normalized_value.size());
    message.append(entity).append(1, ':').append(normalized_value);
    std::string hex = hmac_sha256_hex(key, message);
    if (hex_chars < hex.size()) hex.resize(hex_chars);
    return hex;
}

std::string random_bytes(size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), static_cast<int>(n)) != 1)
        throw Error("XX000", "could not generate random bytes");
    return out;
}

}  // namespace tde::core
