#include "auth/passwords.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <sodium.h>

#include "auth/crypto.h"

namespace imagross::auth {
namespace {

constexpr auto kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr auto kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

// The length of the UTF-8 sequence that starts with `lead`; 0 when `lead` cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if (lead >> 5 == 0x6) {
    return 2;
  }
  if (lead >> 4 == 0xe) {
    return 3;
  }
  if (lead >> 3 == 0x1e) {
    return 4;
  }
  return 0;
}

// The code points of valid UTF-8 text, or nullopt when the text is not valid UTF-8 (overlong
// forms, surrogates and values above U+10FFFF included).
std::optional<std::u32string> decode_utf8(std::string_view text) {
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  std::u32string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto length = sequence_length(lead);
    if (length == 0 || i + length > text.size()) {
      return std::nullopt;
    }
    char32_t code = length == 1 ? lead : lead & (0x7fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next >> 6 != 0x2) {
        return std::nullopt;
      }
      code = code << 6 | (next & 0x3fu);
    }
    if (code < kSmallest[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return std::nullopt;
    }
    out.push_back(code);
    i += length;
  }
  return out;
}

Error weak(std::string message) {
  return Error{"weak_password", std::move(message)};
}

}  // namespace

Status check_password_policy(std::string_view password) {
  const auto code_points = decode_utf8(password);
  if (!code_points) {
    return weak("the password is not valid UTF-8 text");
  }
  if (code_points->size() < kMinPasswordLength) {
    return weak(fmt::format("the password must be at least {} characters long, got {}",
                            kMinPasswordLength, code_points->size()));
  }
  if (code_points->size() > kMaxPasswordLength) {
    return weak(fmt::format("the password must be at most {} characters long, got {}",
                            kMaxPasswordLength, code_points->size()));
  }
  const bool one_character = std::all_of(code_points->begin(), code_points->end(),
                                         [&](char32_t c) { return c == code_points->front(); });
  if (one_character) {
    return weak("the password must not be one character repeated");
  }
  return {};
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("Argon2id hashing failed: libsodium could not allocate its memory");
  }
  return hash;
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  // libsodium reads a NUL-terminated string of at most crypto_pwhash_STRBYTES - 1 characters.
  if (hash.size() >= crypto_pwhash_STRBYTES) {
    return false;
  }
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash) {
  ensure_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) {
    return true;
  }
  const std::string terminated(hash);
  // Returns -1 for a hash of another algorithm or a malformed one, 1 for other limits.
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), kOpsLimit, kMemLimit) != 0;
}

void verify_against_dummy(std::string_view password) {
  static const std::string dummy = hash_password(random_token());
  static_cast<void>(verify_password(dummy, password));
}

}  // namespace imagross::auth
