#include "storage/sqlite/points_secrets.h"

#include <sodium.h>

#include <array>
#include <cstring>
#include <stdexcept>

#include "common/ean13.h"

namespace imagross::sqlite {
namespace {

constexpr std::string_view kVoucherPrefix = "99";
constexpr int kVoucherRandomDigits = 10;
constexpr std::string_view kPosKeyPrefix = "igpos_";
constexpr std::size_t kPosKeyBytes = 32;
constexpr std::size_t kShownPrefixLength = 10;

// sodium_init may run any number of times and from any thread.
void ensure_sodium() {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium failed to initialise: no usable source of randomness");
  }
}

}  // namespace

std::string random_voucher_code() {
  ensure_sodium();
  std::string digits(kVoucherPrefix);
  for (int i = 0; i < kVoucherRandomDigits; ++i) {
    // randombytes_uniform has no modulo bias.
    digits.push_back(static_cast<char>('0' + randombytes_uniform(10)));
  }
  return complete_ean13(digits);
}

std::string random_pos_key() {
  ensure_sodium();
  std::array<unsigned char, kPosKeyBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_ENCODED_LEN(kPosKeyBytes, kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), bytes.data(), bytes.size(), kVariant);
  encoded.resize(std::strlen(encoded.c_str()));
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(kPosKeyPrefix) + encoded;
}

std::string pos_key_prefix(std::string_view key) {
  return std::string(key.substr(0, kShownPrefixLength));
}

std::string pos_key_hash(std::string_view key) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

}  // namespace imagross::sqlite
