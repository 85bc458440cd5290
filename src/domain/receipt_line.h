#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imagross {

// One line of a receipt as a cash-register export describes it, after conversion and
// validation. Money and quantities are thousandths (see common/decimal.h).
struct ReceiptLine {
  std::string receipt_code;  // the receipt id as exported, e.g. "PV07-20261130-0042" or "C536379"
  int32_t line_number = 0;   // 1-based; assigned from the order within the receipt when absent
  int64_t timestamp = 0;     // UTC seconds since 1970-01-01
  std::string store_code;    // e.g. "PV07"
  std::string card_number;   // empty for a receipt without a loyalty card
  std::string product_code;
  std::string product_name;
  std::string department;  // empty when the export names none
  int64_t quantity = 0;    // thousandths of a piece or of a kilogram; negative on returns
  int64_t unit_price = 0;  // thousandths of a euro
  int64_t discount = 0;    // thousandths of a euro taken off this line
  int64_t amount = 0;      // thousandths of a euro paid for this line, net of discount
  std::string promo_code;  // empty when the line is not on promotion
  // A line of a cancellation document or with a negative quantity: it reduces net revenue and
  // never counts as a visit or a purchase.
  bool is_return = false;

  friend bool operator==(const ReceiptLine&, const ReceiptLine&) = default;
};

// Limits of one receipt line, in thousandths, shared by the sales file import and the tills.
// They sit far above any supermarket line (the largest line of the Online Retail data set is
// 80,995 units for 168,469.60 EUR), and they keep the sum of a billion lines within 64 bits.
inline constexpr int64_t kMaxLineAmount = 1'000'000'000;   // 1,000,000.00 EUR, either sign
inline constexpr int64_t kMaxLineQuantity = 100'000'000;   // 100,000 units, either sign
inline constexpr int64_t kMaxLineUnitPrice = 100'000'000;  // 100,000.00 EUR, either sign
// The largest accepted difference between a line's amount and quantity x unit price - discount:
// one cent, for tills that round each step.
inline constexpr int64_t kLineAmountTolerance = 10;

enum class LineField : uint8_t { quantity, unit_price, discount, amount };

// The field name of `field` as the sales files and the API spell it, such as "unit_price".
std::string_view line_field_name(LineField field);

// A broken limit of a receipt line.
struct LineProblem {
  LineField field = LineField::amount;
  std::string message;  // names the value, the limit and the fix
};

// Checks |quantity|, |unit price| and |amount| against the limits above, and that the discount
// is at least 0 and at most |quantity x unit price|. Returns the first broken limit.
std::optional<LineProblem> check_line_limits(int64_t quantity, int64_t unit_price, int64_t discount,
                                             int64_t amount);

// Checks that `amount` equals quantity x unit price - discount (the product rounded half away
// from zero to thousandths) within kLineAmountTolerance. Call it on values that passed
// check_line_limits, so that no step can overflow.
std::optional<LineProblem> check_line_amount(int64_t quantity, int64_t unit_price, int64_t discount,
                                             int64_t amount);

}  // namespace imagross
