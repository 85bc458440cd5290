#include "http/json.h"

#include <gtest/gtest.h>

#include <limits>

#include <boost/json.hpp>

namespace imagross::http {
namespace {

TEST(JsonText, WritesDecimalsPlainly) {
  EXPECT_EQ(to_json_text(123456.78), "123456.78");
  EXPECT_EQ(to_json_text(0.1), "0.1");
  EXPECT_EQ(to_json_text(1540.0), "1540");
  EXPECT_EQ(to_json_text(-12.5), "-12.5");
}

TEST(JsonText, WritesNonFiniteAsNull) {
  EXPECT_EQ(to_json_text(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(to_json_text(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(to_json_text(-std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonText, EscapesStrings) {
  EXPECT_EQ(to_json_text("a\"b\\c\n\x01"), R"("a\"b\\c\n\u0001")");
  EXPECT_EQ(to_json_text("Città"), "\"Città\"");
}

TEST(JsonText, WritesNestedValues) {
  const boost::json::value value = {{"a", {1, 2, nullptr}},
                                    {"b", {{"c", true}, {"d", false}}},
                                    {"e", -3},
                                    {"f", 18446744073709551615ull}};
  EXPECT_EQ(to_json_text(value),
            R"({"a":[1,2,null],"b":{"c":true,"d":false},"e":-3,"f":18446744073709551615})");
}

TEST(JsonText, RoundTripsThroughParser) {
  const boost::json::value value = {{"x", 0.053}, {"y", 40211.532}, {"z", "é"}};
  EXPECT_EQ(boost::json::parse(to_json_text(value)), value);
}

}  // namespace
}  // namespace imagross::http
