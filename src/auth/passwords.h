#pragma once

// Password hashing with Argon2id (libsodium's crypto_pwhash_str at its interactive limits: 64 MiB
// of memory and 2 passes), and the rules a new password must meet.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross::auth {

// Lengths in Unicode code points.
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 128;

// Checks a new password before it is hashed. Error code "weak_password", with a message that
// names the rule broken: shorter than kMinPasswordLength, longer than kMaxPasswordLength, not
// valid UTF-8, or one character repeated.
Status check_password_policy(std::string_view password);

// Hashes with Argon2id: an "$argon2id$v=19$m=65536,t=2,p=1$..." string with its own random salt.
// Takes about 100 ms and 64 MiB. Throws std::runtime_error when libsodium cannot allocate the
// memory.
std::string hash_password(std::string_view password);

// True when `password` matches `hash`; false for a wrong password and for a malformed hash.
bool verify_password(std::string_view hash, std::string_view password);

// True when `hash` was made with other limits or another algorithm than hash_password uses now,
// so that a successful sign-in should store a new hash.
bool password_needs_rehash(std::string_view hash);

// Spends the time of one verify_password on `password` against a fixed hash, so that a sign-in
// for an unknown identifier costs as much as a wrong password for a known one.
void verify_against_dummy(std::string_view password);

}  // namespace imagross::auth
