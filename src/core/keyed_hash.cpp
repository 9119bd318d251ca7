#include "core/keyed_hash.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "core/error.hpp"

namespace tde::core {

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_len = 0;
    const unsigned char *ok =
        HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char *>(message.data()), message.size(), digest,
             &digest_len);
    if (ok == nullptr) throw Error("XX000", "HMAC-SHA256 computation failed");
    static const char hex[] = "0123456789abcdef";
    std::string out(static_cast<size_t>(digest_len) * 2, '0');
    for (unsigned int i = 0; i < digest_len; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0x0f];
    }
    return out;
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
