#include "demo/promotions.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "common/decimal.h"

namespace imagross::demo {
namespace {

using Departments = std::array<std::string_view, 3>;

constexpr Departments kEveryDepartment = {};
constexpr Departments kChristmasDepartments = {"Dolciumi", "Enoteca", "Salumeria e Formaggi"};
constexpr Departments kSummerDepartments = {"Bevande", "Surgelati", "Ortofrutta"};
constexpr Departments kEasterDepartments = {"Dolciumi"};

constexpr std::array<Promotion, 10> kPromotions = {{
    {"SCONTO10", PromotionKind::percent_off, 10, 0, kEveryDepartment, false, false, 30},
    {"SCONTO20", PromotionKind::percent_off, 20, 0, kEveryDepartment, false, false, 20},
    {"SCONTO30", PromotionKind::percent_off, 30, 0, kEveryDepartment, false, false, 8},
    {"3X2", PromotionKind::three_for_two, 0, 0, kEveryDepartment, false, true, 12},
    {"SECONDO50", PromotionKind::second_half_price, 0, 0, kEveryDepartment, false, true, 10},
    {"PREZZOSPECIALE", PromotionKind::special_price, 0, 0, kEveryDepartment, false, false, 20},
    {"CARTA15", PromotionKind::percent_off, 15, 0, kEveryDepartment, true, false, 18},
    {"NATALE25", PromotionKind::percent_off, 25, months(12, 12), kChristmasDepartments, false,
     false, 60},
    {"ESTATE20", PromotionKind::percent_off, 20, months(6, 8), kSummerDepartments, false, false,
     40},
    {"PASQUA20", PromotionKind::percent_off, 20, months(3, 4), kEasterDepartments, false, false,
     40},
}};

bool covers(const Departments& departments, int department) {
  if (departments == kEveryDepartment) {
    return true;
  }
  const std::string_view name = department_name(department);
  return std::find(departments.begin(), departments.end(), name) != departments.end();
}

bool applies(const Promotion& promotion, const Product& product, int month, bool has_card) {
  if (promotion.cards_only && !has_card) {
    return false;
  }
  if (promotion.pieces_only && product.unit != Unit::piece) {
    return false;
  }
  if (promotion.season_months != 0 && (promotion.season_months >> (month - 1) & 1U) == 0) {
    return false;
  }
  return covers(promotion.departments, product.department);
}

// Cents off a gross value, rounded half away from zero like the till.
int64_t percent_of(int64_t gross_milli, uint32_t percent) {
  const int64_t cents = gross_milli / 10;
  return (cents * percent + 50) / 100 * 10;
}

// The special price in thousandths: 75% of the list price, ending in 9 cents.
int64_t special_price(int64_t list_price) {
  const int64_t cents = list_price / 10 * 75 / 100;
  return std::max<int64_t>(9, (cents + 1) / 10 * 10 - 1) * 10;
}

int64_t promotion_discount(const Promotion& promotion, const PricedLine& line, int64_t gross) {
  switch (promotion.kind) {
    case PromotionKind::percent_off:
      return percent_of(gross, promotion.percent);
    case PromotionKind::three_for_two:
      return line.unit_price * (line.quantity / (3 * kMilliPerUnit));
    case PromotionKind::second_half_price:
      return round_milli_to_cents(line.unit_price / 2);
    case PromotionKind::special_price:
      return gross - line_total_milli(line.quantity, special_price(line.unit_price));
  }
  return 0;
}

}  // namespace

std::span<const Promotion> promotions() {
  return kPromotions;
}

const Promotion& choose_promotion(Random& random, const Product& product, int month,
                                  bool has_card) {
  std::array<uint32_t, kPromotions.size()> weights{};
  for (size_t index = 0; index < kPromotions.size(); ++index) {
    if (applies(kPromotions[index], product, month, has_card)) {
      weights[index] = kPromotions[index].weight;
    }
  }
  return kPromotions[random.pick(weights)];
}

PricedLine price_line(const Product& product, int64_t quantity, const Promotion* promotion) {
  PricedLine line;
  line.quantity = quantity;
  line.unit_price = product.list_price;
  if (promotion != nullptr && quantity > 0) {
    if (promotion->kind == PromotionKind::three_for_two) {
      line.quantity = quantity >= 4 * kMilliPerUnit ? 6 * kMilliPerUnit : 3 * kMilliPerUnit;
    } else if (promotion->kind == PromotionKind::second_half_price) {
      line.quantity = 2 * kMilliPerUnit;
    }
  }

  const int64_t gross = line_total_milli(line.quantity, line.unit_price);
  if (promotion != nullptr && quantity > 0) {
    line.discount = promotion_discount(*promotion, line, gross);
  }
  assert(line.discount >= 0 && (gross <= 0 || line.discount < gross));
  line.amount = gross - line.discount;
  return line;
}

}  // namespace imagross::demo
