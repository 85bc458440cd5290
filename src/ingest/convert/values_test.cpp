#include "ingest/convert/values.h"

#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

TEST(ScientificNotation, SpreadsheetForms) {
  EXPECT_TRUE(is_scientific_notation("2.01234E+12"));
  EXPECT_TRUE(is_scientific_notation("2,01234E+12"));
  EXPECT_TRUE(is_scientific_notation("1e5"));
  EXPECT_FALSE(is_scientific_notation("2012345678901"));
  EXPECT_FALSE(is_scientific_notation("0012345"));
  EXPECT_FALSE(is_scientific_notation("85123A"));
  EXPECT_FALSE(is_scientific_notation("84997E"));
  EXPECT_FALSE(is_scientific_notation("E12"));
  EXPECT_FALSE(is_scientific_notation(""));
}

TEST(ParseLineNumber, PositiveWholeNumbers) {
  EXPECT_EQ(parse_line_number("1"), 1);
  EXPECT_EQ(parse_line_number("007"), 7);
  EXPECT_EQ(parse_line_number("2147483647"), 2147483647);
  EXPECT_FALSE(parse_line_number("0").has_value());
  EXPECT_FALSE(parse_line_number("-1").has_value());
  EXPECT_FALSE(parse_line_number("1.0").has_value());
  EXPECT_FALSE(parse_line_number("2147483648").has_value());
  EXPECT_FALSE(parse_line_number("").has_value());
}

TEST(MultiplyMilli, ExactToTheThousandth) {
  EXPECT_EQ(multiply_milli(6000, 2550), 15300);  // 6 x 2.55
  EXPECT_EQ(multiply_milli(1000, 1), 1);         // 1 x 0.001
  EXPECT_EQ(multiply_milli(1500, 1), 2);         // 1.5 x 0.001 = 0.0015, half away
  EXPECT_EQ(multiply_milli(-1500, 1), -2);       // and away from zero when negative
  EXPECT_EQ(multiply_milli(1250, 1), 1);         // 0.00125 rounds down
  EXPECT_EQ(multiply_milli(-80995000, 2080), -168469600);
  EXPECT_FALSE(multiply_milli(INT64_MAX / 2, 3000).has_value());
}

TEST(DivideMilli, UnitPriceFromAmount) {
  EXPECT_EQ(divide_milli(15300, 6000), 2550);
  EXPECT_EQ(divide_milli(-15300, -6000), 2550);
  EXPECT_EQ(divide_milli(1000, 3000), 333);
  EXPECT_EQ(divide_milli(2000, 3000), 667);
  EXPECT_EQ(divide_milli(500, 0), 0);
}

TEST(TrimValue, SpacesAndLineBreaks) {
  EXPECT_EQ(trim_value("  PV01\t"), "PV01");
  EXPECT_EQ(trim_value(" \r\n"), "");
}

}  // namespace
}  // namespace imagross::ingest
