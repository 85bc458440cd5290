#include "api/json_body.h"

#include <gtest/gtest.h>

#include <array>

#include "api/testing/http_error.h"

namespace imagross::api {
namespace {

using testing::error_of;

constexpr std::array<std::string_view, 2> kFields{"email", "marketing_consent"};

TEST(JsonBody, ParsesAcceptedFields) {
  const auto object =
      parse_json_object(R"({"email": "a@b.it", "marketing_consent": true})", kFields);
  EXPECT_EQ(optional_text_field(object, "email"), "a@b.it");
  EXPECT_EQ(optional_bool_field(object, "marketing_consent"), true);
  EXPECT_EQ(optional_text_field(object, "phone"), std::nullopt);
}

TEST(JsonBody, RejectsUnknownField) {
  const auto error = error_of([] { (void)parse_json_object(R"({"emial": "x"})", kFields); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "invalid_field");
  EXPECT_EQ(error.parameter(), "emial");
  EXPECT_NE(std::string(error.what()).find("email, marketing_consent"), std::string::npos);
}

TEST(JsonBody, RejectsMalformedAndNonObjectBodies) {
  for (const char* body : {"{", "[1]", "\"text\"", "null", ""}) {
    const auto error = error_of([&] { (void)parse_json_object(body, kFields); });
    EXPECT_EQ(error.status(), 400) << body;
    EXPECT_EQ(error.code(), "invalid_body") << body;
  }
}

TEST(JsonBody, EmptyBodyIsEmptyObjectWhenAllowed) {
  EXPECT_TRUE(parse_json_object("  \n", kFields, true).empty());
}

TEST(JsonBody, NullTextIsEmpty) {
  const auto object = parse_json_object(R"({"email": null})", kFields);
  EXPECT_EQ(optional_text_field(object, "email"), "");
}

TEST(JsonBody, WrongTypesNameTheField) {
  const auto object = parse_json_object(R"({"email": 7, "marketing_consent": "yes"})", kFields);
  EXPECT_EQ(error_of([&] { (void)optional_text_field(object, "email"); }).parameter(), "email");
  EXPECT_EQ(error_of([&] { (void)optional_bool_field(object, "marketing_consent"); }).parameter(),
            "marketing_consent");
}

}  // namespace
}  // namespace imagross::api
