#pragma once

// The demo chain's promotions and the arithmetic of a priced receipt line. Every line obeys
// amount = round(quantity x unit_price, 2) - discount, exactly, in thousandths of a euro.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "demo/catalog.h"
#include "demo/random.h"

namespace imagross::demo {

enum class PromotionKind {
  percent_off,        // sconto percentuale: `percent` off the line
  three_for_two,      // 3x2: every third piece is free; the quantity is a multiple of 3
  second_half_price,  // the second of two pieces at half price
  special_price,      // prezzo speciale: a lower shelf price, about 75% of the list price
};

struct Promotion {
  std::string_view code;  // as written in promo_code
  PromotionKind kind;
  uint32_t percent;        // for percent_off
  uint16_t season_months;  // 0: all year
  // Departments covered; all empty for every department.
  std::array<std::string_view, 3> departments;
  bool cards_only;   // reserved to card holders
  bool pieces_only;  // not for goods sold by weight
  uint32_t weight;   // relative frequency among the promotions that apply
};

std::span<const Promotion> promotions();

// Draws one of the promotions that apply to `product` in `month`, by weight. At least one
// promotion applies to every product in every month.
const Promotion& choose_promotion(Random& random, const Product& product, int month, bool has_card);

// A receipt line's money and quantity in thousandths.
struct PricedLine {
  int64_t quantity = 0;
  int64_t unit_price = 0;
  int64_t discount = 0;
  int64_t amount = 0;
};

// Prices `quantity` of `product` at its list price, with `promotion` when not null. Multi-buy
// promotions replace a quantity of pieces with the one they need (3 or 6 for 3x2, 2 for the
// second at half price). A negative quantity prices a return at the list price, without
// promotion.
PricedLine price_line(const Product& product, int64_t quantity, const Promotion* promotion);

}  // namespace imagross::demo
