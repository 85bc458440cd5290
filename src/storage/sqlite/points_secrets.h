#pragma once

// The random values of the points catalogue, from libsodium's CSPRNG: voucher codes and the
// tills' API keys, and the hash under which a key is stored.

#include <string>
#include <string_view>

namespace imagross::sqlite {

// A voucher code: EAN-13 of the GS1 coupon prefix "99", 10 random digits and the check digit.
// Unique only by chance (10^10 codes), so the caller checks it against those issued.
std::string random_voucher_code();

// A new API key for a till: "igpos_" followed by 32 random bytes in base64url without padding
// (49 characters, 256 bits of entropy).
std::string random_pos_key();

// The characters of a key shown to tell keys apart: its first 10 ("igpos_" and 4 random ones).
std::string pos_key_prefix(std::string_view key);

// SHA-256 of the key as 64 lower-case hex digits: the only form of a key that is stored.
std::string pos_key_hash(std::string_view key);

}  // namespace imagross::sqlite
