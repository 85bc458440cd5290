#pragma once

// JSON Web Tokens (RFC 7519) signed with HMAC-SHA256 and nothing else. The algorithm is fixed by
// the key, never read from the token, so a token that names another algorithm ("none", HS512,
// RS256) is rejected before its signature is looked at.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/result.h"

namespace imagross::auth {

// The shortest secret accepted: 256 bits, the size of an HMAC-SHA256 output.
inline constexpr std::size_t kMinJwtSecretBytes = 32;

// A NumericDate claim of `claims`: whole seconds, or a JSON number with its fraction cut;
// nullopt when absent or not a number.
std::optional<int64_t> numeric_date(const boost::json::object& claims, std::string_view name);

class Hs256Jwt {
 public:
  // `secret` must hold at least kMinJwtSecretBytes bytes (asserted). Tokens are issued with, and
  // must carry, `issuer` as "iss" and `audience` as "aud".
  Hs256Jwt(std::string secret, std::string issuer, std::string audience);

  // Signs `claims` under the header {"alg":"HS256","typ":"JWT"}, adding "iss" and "aud".
  std::string sign(boost::json::object claims) const;

  // Verifies a token at the time `now` (Unix seconds) and returns its claims. Error codes:
  // "malformed_token" (not three base64url parts of JSON objects), "unsupported_header" (any
  // header other than exactly {"alg":"HS256","typ":"JWT"}), "bad_signature", "wrong_issuer",
  // "wrong_audience", "missing_claim" (no numeric "exp", or a non-numeric "nbf" or "iat"),
  // "expired" (now >= exp) and "not_yet_valid" (now < nbf). Messages are for logs, not clients.
  Result<boost::json::object> verify(std::string_view token, int64_t now) const;

 private:
  std::string secret_;
  std::string issuer_;
  std::string audience_;
};

}  // namespace imagross::auth
