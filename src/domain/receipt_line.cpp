#include "domain/receipt_line.h"

#include <fmt/format.h>

#include "common/decimal.h"

namespace imagross {
namespace {

int64_t magnitude(int64_t value) {
  // The limits are far below INT64_MAX, so INT64_MIN only needs to stay out of range.
  return value == INT64_MIN ? INT64_MAX : (value < 0 ? -value : value);
}

LineProblem beyond_limit(LineField field, int64_t value, int64_t limit, std::string_view unit,
                         int decimals) {
  return LineProblem{
      field, fmt::format("{} {} is beyond the limit of {} {} per line (either sign); correct the "
                         "value, or split the sale into several lines",
                         line_field_name(field), format_milli(value, 3),
                         format_milli(limit, decimals), unit)};
}

}  // namespace

std::string_view line_field_name(LineField field) {
  switch (field) {
    case LineField::quantity:
      return "quantity";
    case LineField::unit_price:
      return "unit_price";
    case LineField::discount:
      return "discount";
    case LineField::amount:
      return "amount";
  }
  return "amount";
}

std::optional<LineProblem> check_line_limits(int64_t quantity, int64_t unit_price, int64_t discount,
                                             int64_t amount) {
  if (magnitude(quantity) > kMaxLineQuantity) {
    return beyond_limit(LineField::quantity, quantity, kMaxLineQuantity, "units", 0);
  }
  if (magnitude(unit_price) > kMaxLineUnitPrice) {
    return beyond_limit(LineField::unit_price, unit_price, kMaxLineUnitPrice, "EUR", 2);
  }
  if (magnitude(amount) > kMaxLineAmount) {
    return beyond_limit(LineField::amount, amount, kMaxLineAmount, "EUR", 2);
  }
  if (discount < 0) {
    return LineProblem{LineField::discount,
                       fmt::format("discount {} is negative; correct the discount to the amount "
                                   "taken off the line, 0 or more",
                                   format_milli(discount, 3))};
  }
  // Within the limits quantity x unit price is at most 1e16, so it fits in 64 bits.
  const int64_t gross = magnitude(multiply_milli(quantity, unit_price));
  if (discount > gross) {
    return LineProblem{
        LineField::discount,
        fmt::format("discount {} is more than the line's quantity x unit price {}; correct the "
                    "discount",
                    format_milli(discount, 3), format_milli(gross, 3))};
  }
  return std::nullopt;
}

std::optional<LineProblem> check_line_amount(int64_t quantity, int64_t unit_price, int64_t discount,
                                             int64_t amount) {
  const int64_t expected = multiply_milli(quantity, unit_price) - discount;
  if (magnitude(amount - expected) <= kLineAmountTolerance) {
    return std::nullopt;
  }
  return LineProblem{
      LineField::amount,
      fmt::format("amount {} differs from quantity x unit_price - discount = {} x {} - {} = {} "
                  "by more than 0.01 EUR; send the amount the customer paid for the line",
                  format_milli(amount, 3), format_milli(quantity, 3), format_milli(unit_price, 3),
                  format_milli(discount, 3), format_milli(expected, 3))};
}

}  // namespace imagross
