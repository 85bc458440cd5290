#pragma once

#include <cstdint>
#include <string>

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

}  // namespace imagross
