#include "auth/jwt.h"

#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "auth/crypto.h"

namespace imagross::auth {
namespace {

namespace json = boost::json;

const std::string kSecret = "0123456789abcdef0123456789abcdef-test";
constexpr int64_t kNow = 1'800'000'000;

Hs256Jwt codec() {
  return Hs256Jwt(kSecret, "imagross", "imagross-api");
}

json::object valid_claims() {
  return json::object{{"sub", "42"}, {"iat", kNow}, {"nbf", kNow}, {"exp", kNow + 900}};
}

// A token assembled by hand from a header and a payload, signed with HMAC-SHA256 under `key`.
std::string forge(std::string_view header, std::string_view payload,
                  std::string_view key = kSecret) {
  auto token = base64url_encode(header) + "." + base64url_encode(payload);
  return token + "." + base64url_encode(hmac_sha256(key, token));
}

std::string payload_of(json::object claims) {
  claims["iss"] = "imagross";
  claims["aud"] = "imagross-api";
  return json::serialize(claims);
}

std::string error_code(std::string_view token, int64_t now = kNow) {
  const auto result = codec().verify(token, now);
  return result.ok() ? "ok" : result.error().code;
}

TEST(Jwt, SignedTokenVerifies) {
  const auto token = codec().sign(valid_claims());
  const auto claims = codec().verify(token, kNow);
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  EXPECT_EQ(claims->at("sub").as_string(), "42");
  EXPECT_EQ(claims->at("iss").as_string(), "imagross");
  EXPECT_EQ(claims->at("aud").as_string(), "imagross-api");
}

TEST(Jwt, HeaderIsFixed) {
  const auto token = codec().sign(valid_claims());
  const auto header = base64url_decode(token.substr(0, token.find('.')));
  ASSERT_TRUE(header);
  EXPECT_EQ(*header, R"({"alg":"HS256","typ":"JWT"})");
}

TEST(Jwt, HandMadeTokenMatchesSigned) {
  const auto payload = payload_of(valid_claims());
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", payload)), "ok");
  EXPECT_EQ(error_code(forge(R"({"typ":"JWT","alg":"HS256"})", payload)), "ok");
}

TEST(Jwt, RejectsOtherAlgorithms) {
  const auto payload = payload_of(valid_claims());
  const auto body =
      base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + base64url_encode(payload);
  EXPECT_EQ(error_code(body + "."), "malformed_token");
  EXPECT_EQ(error_code(body + ".c2ln"), "unsupported_header");
  EXPECT_EQ(error_code(forge(R"({"alg":"none","typ":"JWT"})", payload)), "unsupported_header");
  EXPECT_EQ(error_code(forge(R"({"alg":"HS512","typ":"JWT"})", payload)), "unsupported_header");
  EXPECT_EQ(error_code(forge(R"({"alg":"RS256","typ":"JWT"})", payload)), "unsupported_header");
  EXPECT_EQ(error_code(forge(R"({"alg":"hs256","typ":"JWT"})", payload)), "unsupported_header");
}

TEST(Jwt, RejectsExtraOrMissingHeaderMembers) {
  const auto payload = payload_of(valid_claims());
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256"})", payload)), "unsupported_header");
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT","kid":"a"})", payload)),
            "unsupported_header");
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JOSE"})", payload)), "unsupported_header");
  EXPECT_EQ(error_code(forge(R"(["HS256"])", payload)), "malformed_token");
}

TEST(Jwt, RejectsWrongKeyAndTampering) {
  const auto payload = payload_of(valid_claims());
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", payload,
                             "another-secret-of-thirty-two-bytes!!")),
            "bad_signature");

  const auto token = codec().sign(valid_claims());
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  auto tampered_claims = valid_claims();
  tampered_claims["sub"] = "1";
  const auto tampered = token.substr(0, first_dot + 1) +
                        base64url_encode(payload_of(tampered_claims)) + token.substr(second_dot);
  EXPECT_EQ(error_code(tampered), "bad_signature");

  auto flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'Q' : 'A';
  EXPECT_NE(error_code(flipped), "ok");
}

TEST(Jwt, RejectsMalformedStructure) {
  const auto token = codec().sign(valid_claims());
  EXPECT_EQ(error_code(""), "malformed_token");
  EXPECT_EQ(error_code("abc"), "malformed_token");
  EXPECT_EQ(error_code(token.substr(0, token.rfind('.'))), "malformed_token");
  EXPECT_EQ(error_code(token + ".extra"), "malformed_token");
  EXPECT_EQ(error_code(".." + token), "malformed_token");
  EXPECT_EQ(error_code("!!!." + token.substr(token.find('.') + 1)), "malformed_token");
}

TEST(Jwt, RejectsBadBase64) {
  const auto token = codec().sign(valid_claims());
  // Padding, and the standard alphabet's "+" and "/", are not base64url without padding.
  EXPECT_NE(error_code(token + "="), "ok");
  auto plus = token;
  plus[plus.rfind('.') + 1] = '+';
  EXPECT_NE(error_code(plus), "ok");
}

TEST(Jwt, RejectsNonJsonPayload) {
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", "not json")), "malformed_token");
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", "[1,2]")), "malformed_token");
}

TEST(Jwt, RejectsWrongIssuerOrAudience) {
  auto claims = valid_claims();
  claims["iss"] = "someone-else";
  claims["aud"] = "imagross-api";
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", json::serialize(claims))),
            "wrong_issuer");
  claims["iss"] = "imagross";
  claims["aud"] = "another-api";
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", json::serialize(claims))),
            "wrong_audience");
  claims.erase("aud");
  EXPECT_EQ(error_code(forge(R"({"alg":"HS256","typ":"JWT"})", json::serialize(claims))),
            "wrong_audience");
}

TEST(Jwt, ExpiryIsStrict) {
  const auto token = codec().sign(valid_claims());
  EXPECT_EQ(error_code(token, kNow + 899), "ok");
  EXPECT_EQ(error_code(token, kNow + 900), "expired");
  EXPECT_EQ(error_code(token, kNow + 86'400), "expired");
}

TEST(Jwt, NotBeforeIsChecked) {
  auto claims = valid_claims();
  claims["nbf"] = kNow + 60;
  const auto token = codec().sign(claims);
  EXPECT_EQ(error_code(token, kNow), "not_yet_valid");
  EXPECT_EQ(error_code(token, kNow + 60), "ok");
}

TEST(Jwt, ExpiryIsRequiredAndNumeric) {
  auto claims = valid_claims();
  claims.erase("exp");
  EXPECT_EQ(error_code(codec().sign(claims)), "missing_claim");
  claims["exp"] = "tomorrow";
  EXPECT_EQ(error_code(codec().sign(claims)), "missing_claim");
  claims["exp"] = kNow + 900;
  claims["nbf"] = "now";
  EXPECT_EQ(error_code(codec().sign(claims)), "missing_claim");
}

}  // namespace
}  // namespace imagross::auth
