#include "domain/receipt_line.h"

#include <cstdint>
#include <optional>

#include <gtest/gtest.h>

namespace imagross {
namespace {

TEST(CheckLineLimits, BoundsAreInclusive) {
  EXPECT_FALSE(check_line_limits(kMaxLineQuantity, 1, 0, kMaxLineQuantity / 1000));
  EXPECT_FALSE(check_line_limits(-kMaxLineQuantity, 1, 0, -kMaxLineQuantity / 1000));
  EXPECT_FALSE(check_line_limits(1000, kMaxLineUnitPrice, 0, kMaxLineUnitPrice));
  EXPECT_FALSE(check_line_limits(10'000, kMaxLineUnitPrice, 0, kMaxLineAmount));
  // A discount of the whole line leaves 0 to pay.
  EXPECT_FALSE(check_line_limits(2'000, 1'500, 3'000, 0));
}

TEST(CheckLineLimits, NamesTheBrokenField) {
  struct Case {
    int64_t quantity;
    int64_t unit_price;
    int64_t discount;
    int64_t amount;
    LineField field;
  };
  const Case cases[] = {
      {kMaxLineQuantity + 1, 1, 0, 100'000, LineField::quantity},
      {INT64_MIN, 1, 0, 0, LineField::quantity},
      {1000, kMaxLineUnitPrice + 1, 0, 1000, LineField::unit_price},
      {1000, -kMaxLineUnitPrice - 1, 0, 1000, LineField::unit_price},
      {1000, 1000, 0, kMaxLineAmount + 1, LineField::amount},
      {1000, 1000, 0, INT64_MIN, LineField::amount},
      {1000, 5000, -1, 5001, LineField::discount},
      {1000, 5000, 5001, -1, LineField::discount},
      {-1000, 5000, 5001, -10'001, LineField::discount},
  };
  for (const Case& bad : cases) {
    const std::optional<LineProblem> problem =
        check_line_limits(bad.quantity, bad.unit_price, bad.discount, bad.amount);
    ASSERT_TRUE(problem.has_value()) << bad.quantity << " " << bad.amount;
    EXPECT_EQ(problem->field, bad.field);
    EXPECT_NE(problem->message.find(line_field_name(bad.field)), std::string::npos)
        << problem->message;
  }
}

TEST(CheckLineAmount, OneCentOfRounding) {
  // 0.333 x 1.999 = 0.665667, rounded to 0.666; minus 0.100 is 0.566.
  EXPECT_FALSE(check_line_amount(333, 1'999, 100, 566));
  EXPECT_FALSE(check_line_amount(333, 1'999, 100, 566 + kLineAmountTolerance));
  EXPECT_FALSE(check_line_amount(333, 1'999, 100, 566 - kLineAmountTolerance));
  EXPECT_TRUE(check_line_amount(333, 1'999, 100, 566 + kLineAmountTolerance + 1));
  EXPECT_TRUE(check_line_amount(1000, 1000, 0, 1'000'000));
  // A return: -2 x 1.50 = -3.00.
  EXPECT_FALSE(check_line_amount(-2'000, 1'500, 0, -3'000));
  EXPECT_TRUE(check_line_amount(-2'000, 1'500, 0, 3'000));
}

}  // namespace
}  // namespace imagross
