#include "common/decimal.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace imagross {
namespace {

struct ParseCase {
  const char* text;
  NumberFormat format;
  int64_t expected;
};

TEST(ParseMilli, AcceptsWellFormedNumbers) {
  const ParseCase cases[] = {
      {"0", NumberFormat::english(), 0},
      {"12", NumberFormat::english(), 12000},
      {"1.5", NumberFormat::english(), 1500},
      {"0.001", NumberFormat::english(), 1},
      {"-2.25", NumberFormat::english(), -2250},
      {"+3", NumberFormat::english(), 3000},
      {"1,234.56", NumberFormat::english(), 1234560},
      {"1,234,567.891", NumberFormat::english(), 1234567891},
      {"1.234,56", NumberFormat::italian(), 1234560},
      {"0,734", NumberFormat::italian(), 734},
      {"12,5", NumberFormat::italian(), 12500},
      {"3-", NumberFormat::italian(), -3000},
      {" 7.10 ", NumberFormat::english(), 7100},
      {"2.5000", NumberFormat::english(), 2500},
      {".5", NumberFormat::english(), 500},
      {"1234.5", NumberFormat{'.', '\0'}, 1234500},
  };
  for (const auto& c : cases) {
    const auto parsed = parse_milli(c.text, c.format);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, c.expected) << c.text;
  }
}

TEST(ParseMilli, RejectsMalformedNumbers) {
  const std::pair<const char*, NumberFormat> cases[] = {
      {"", NumberFormat::english()},       {"   ", NumberFormat::english()},
      {"-", NumberFormat::english()},      {"1.2345", NumberFormat::english()},
      {"1E+12", NumberFormat::english()},  {"2.01234E+12", NumberFormat::english()},
      {"€5", NumberFormat::english()},     {"12abc", NumberFormat::english()},
      {"1,23.4", NumberFormat::english()}, {"1,2345", NumberFormat::english()},
      {",123", NumberFormat::english()},   {"1.5", NumberFormat::italian()},
      {"1,2,3", NumberFormat::italian()},  {"1,234", NumberFormat{'.', '\0'}},
  };
  for (const auto& [text, format] : cases) {
    const auto parsed = parse_milli(text, format);
    ASSERT_FALSE(parsed.ok()) << "accepted '" << text << "'";
    EXPECT_EQ(parsed.error().code, "invalid_number");
    EXPECT_NE(parsed.error().message.find(std::string("'") + text + "'"), std::string::npos)
        << parsed.error().message;
  }
}

// The largest value is 9223372036854775.807; one thousandth more, or more whole units, is refused
// rather than wrapped.
TEST(ParseMilli, RejectsValuesBeyondTheRange) {
  const NumberFormat plain{'.', '\0'};
  ASSERT_TRUE(parse_milli("9223372036854775.807", plain).ok());
  EXPECT_EQ(parse_milli("9223372036854775.807", plain).value(), INT64_MAX);
  for (const char* text : {"9223372036854775.808", "9223372036854776", "99999999999999999"}) {
    const auto parsed = parse_milli(text, plain);
    ASSERT_FALSE(parsed.ok()) << "accepted '" << text << "'";
    EXPECT_EQ(parsed.error().code, "number_too_large");
    EXPECT_NE(parsed.error().message.find("too large"), std::string::npos)
        << parsed.error().message;
  }
}

TEST(FormatMilli, RoundsHalfAwayFromZero) {
  EXPECT_EQ(format_milli(1234567, 2), "1234.57");
  EXPECT_EQ(format_milli(1234565, 2), "1234.57");
  EXPECT_EQ(format_milli(-1234565, 2), "-1234.57");
  EXPECT_EQ(format_milli(1, 3), "0.001");
  EXPECT_EQ(format_milli(-4, 2), "0.00");
  EXPECT_EQ(format_milli(-5, 2), "-0.01");
  EXPECT_EQ(format_milli(1500, 0), "2");
  EXPECT_EQ(format_milli(9747747934, 3), "9747747.934");
  EXPECT_EQ(format_milli(INT64_MIN, 3), "-9223372036854775.808");
}

TEST(RoundMilliToCents, RoundsHalfAwayFromZero) {
  EXPECT_EQ(round_milli_to_cents(12345), 12350);
  EXPECT_EQ(round_milli_to_cents(12344), 12340);
  EXPECT_EQ(round_milli_to_cents(-12345), -12350);
  EXPECT_DOUBLE_EQ(milli_to_rounded_units(12345), 12.35);
  EXPECT_DOUBLE_EQ(milli_to_rounded_units(-1), 0.0);
}

TEST(LineTotal, RoundsToCentsLikeATill) {
  // 0.734 kg at 12.90 EUR/kg = 9.4686 -> 9.47
  EXPECT_EQ(line_total_milli(734, 12900), 9470);
  // 3 pieces at 0.333 = 0.999 -> 1.00
  EXPECT_EQ(line_total_milli(3000, 333), 1000);
  EXPECT_EQ(line_total_milli(-2000, 1495), -2990);
  // 80,995 units at 2.08: one of the largest lines of the UCI Online Retail file.
  EXPECT_EQ(line_total_milli(80995000, 2080), 168469600);
}

TEST(MultiplyMilli, IsExactToTheThousandth) {
  EXPECT_EQ(multiply_milli(6000, 2550), 15300);
  EXPECT_EQ(multiply_milli(12000, 1), 12);
  EXPECT_EQ(multiply_milli(734, 12900), 9469);
  EXPECT_EQ(multiply_milli(-1000, 11062060), -11062060);
}

}  // namespace
}  // namespace imagross
