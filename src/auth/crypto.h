#pragma once

// The cryptographic primitives of signing in, over OpenSSL 3 and libsodium: base64url, HMAC and
// SHA-256, random tokens and constant-time comparison.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imagross::auth {

// Initialises libsodium once per process; every function here calls it. Throws
// std::runtime_error when libsodium cannot initialise (no usable random source).
void ensure_sodium();

// Base64url without padding (RFC 4648 section 5), as JWTs use it.
std::string base64url_encode(std::string_view bytes);
// Decodes base64url without padding. Returns nullopt for any character outside the alphabet,
// padding, a length no encoding produces, or unused trailing bits that are not zero, so that
// every byte string has exactly one accepted encoding.
std::optional<std::string> base64url_decode(std::string_view text);

// HMAC-SHA256 of `message` under `key`: 32 raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);

// SHA-256 of `bytes` as 64 lower-case hex digits: how refresh and reset tokens are stored.
std::string sha256_hex(std::string_view bytes);

// True when `a` and `b` are equal, in a time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

// A random token of `bytes` bytes from libsodium's CSPRNG, base64url-encoded: 32 bytes give 43
// characters and 256 bits of entropy.
std::string random_token(std::size_t bytes = 32);

}  // namespace imagross::auth
