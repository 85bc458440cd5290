#include "auth/jwt.h"

#include <array>
#include <cassert>
#include <optional>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/crypto.h"

namespace imagross::auth {
namespace {

namespace json = boost::json;

constexpr std::string_view kHeader = R"({"alg":"HS256","typ":"JWT"})";

Error token_error(std::string code, std::string message) {
  return Error{std::move(code), std::move(message)};
}

// Splits "a.b.c" into its three parts; nullopt for any other number of dots or an empty part.
std::optional<std::array<std::string_view, 3>> split_token(std::string_view token) {
  std::array<std::string_view, 3> parts;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto dot = token.find('.');
    const bool last = i + 1 == parts.size();
    if (last != (dot == std::string_view::npos)) {
      return std::nullopt;
    }
    parts[i] = token.substr(0, dot);
    token = last ? std::string_view() : token.substr(dot + 1);
    if (parts[i].empty()) {
      return std::nullopt;
    }
  }
  return parts;
}

// Decodes one base64url part holding a JSON object.
std::optional<json::object> decode_object(std::string_view part) {
  const auto text = base64url_decode(part);
  if (!text) {
    return std::nullopt;
  }
  json::error_code error;
  auto value = json::parse(*text, error);
  if (error || !value.is_object()) {
    return std::nullopt;
  }
  return std::move(value.as_object());
}

// Exactly the two members alg = "HS256" and typ = "JWT": a "kid", "jku", "x5u" or "crit" member
// would ask the verifier to look somewhere else for a key or for rules, which this one never does.
bool is_expected_header(const json::object& header) {
  if (header.size() != 2) {
    return false;
  }
  const auto* alg = header.if_contains("alg");
  const auto* typ = header.if_contains("typ");
  return alg != nullptr && typ != nullptr && alg->is_string() && alg->as_string() == "HS256" &&
         typ->is_string() && typ->as_string() == "JWT";
}

bool has_string(const json::object& claims, std::string_view name, std::string_view expected) {
  const auto* value = claims.if_contains(name);
  return value != nullptr && value->is_string() && value->as_string() == expected;
}

Status check_times(const json::object& claims, int64_t now) {
  const auto expires = numeric_date(claims, "exp");
  if (!expires) {
    return token_error("missing_claim", "the token has no numeric exp claim");
  }
  for (const auto* name : {"nbf", "iat"}) {
    if (claims.contains(name) && !numeric_date(claims, name)) {
      return token_error("missing_claim", std::string("the token's ") + name + " is not a number");
    }
  }
  if (now >= *expires) {
    return token_error("expired", "the token expired at " + std::to_string(*expires));
  }
  const auto not_before = numeric_date(claims, "nbf");
  if (not_before && now < *not_before) {
    return token_error("not_yet_valid", "the token is valid from " + std::to_string(*not_before));
  }
  return {};
}

}  // namespace

std::optional<int64_t> numeric_date(const json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_int64()) {
    return value->as_int64();
  }
  if (value->is_double() && value->as_double() > -9.2e18 && value->as_double() < 9.2e18) {
    return static_cast<int64_t>(value->as_double());
  }
  return std::nullopt;
}

Hs256Jwt::Hs256Jwt(std::string secret, std::string issuer, std::string audience)
    : secret_(std::move(secret)), issuer_(std::move(issuer)), audience_(std::move(audience)) {
  assert(secret_.size() >= kMinJwtSecretBytes);
}

std::string Hs256Jwt::sign(json::object claims) const {
  claims["iss"] = issuer_;
  claims["aud"] = audience_;
  auto token = base64url_encode(kHeader);
  token += '.';
  token += base64url_encode(json::serialize(claims));
  const auto signature = hmac_sha256(secret_, token);
  token += '.';
  token += base64url_encode(signature);
  return token;
}

Result<json::object> Hs256Jwt::verify(std::string_view token, int64_t now) const {
  const auto parts = split_token(token);
  if (!parts) {
    return token_error("malformed_token", "a token is three non-empty parts joined by dots");
  }
  const auto header = decode_object((*parts)[0]);
  if (!header) {
    return token_error("malformed_token", "the token's header is not base64url JSON");
  }
  if (!is_expected_header(*header)) {
    return token_error("unsupported_header", "the token's header is not {alg: HS256, typ: JWT}");
  }

  const auto signature = base64url_decode((*parts)[2]);
  const auto signed_part = token.substr(0, (*parts)[0].size() + 1 + (*parts)[1].size());
  if (!signature || !constant_time_equal(*signature, hmac_sha256(secret_, signed_part))) {
    return token_error("bad_signature", "the token's signature does not match");
  }

  auto claims = decode_object((*parts)[1]);
  if (!claims) {
    return token_error("malformed_token", "the token's payload is not base64url JSON");
  }
  if (!has_string(*claims, "iss", issuer_)) {
    return token_error("wrong_issuer", "the token was not issued by " + issuer_);
  }
  if (!has_string(*claims, "aud", audience_)) {
    return token_error("wrong_audience", "the token is not meant for " + audience_);
  }
  if (auto times = check_times(*claims, now); !times) {
    return times.error();
  }
  return std::move(*claims);
}

}  // namespace imagross::auth
