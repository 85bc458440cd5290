#pragma once

// The product vocabulary of the demo catalog: for each of the 15 departments, the items it
// sells, their typical prices, the brands or qualifiers that multiply them into products, and
// how its share of sales moves with the seasons.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace imagross::demo {

// A set of months as bits, bit 0 for January; 0 means the whole year.
constexpr uint16_t months(int first, int last) {
  uint16_t mask = 0;
  for (int month = first;; month = month % 12 + 1) {
    mask = static_cast<uint16_t>(mask | (1U << (month - 1)));
    if (month == last) {
      return mask;
    }
  }
}

struct ItemSpec {
  std::string_view name;
  // Price of the first format in cents, or price per kilogram for goods sold by weight.
  uint32_t price_cents;
  // Package sizes separated by '|', such as "500 g|1 kg:185", or empty for goods sold by weight.
  // A size may end in ":P" to set its price to P percent of the first size's price. Without
  // that, size number i (from 0) costs 100 + 75 i percent.
  std::string_view formats;
  uint16_t season_months = 0;  // 0: sold all year
};

// A brand (packaged goods) or a qualifier (goods sold by weight) and its price relative to the
// item's typical price.
struct VariantSpec {
  std::string_view name;
  uint32_t price_percent;
};

struct DepartmentSpec {
  std::string_view name;
  uint32_t product_count;
  uint32_t line_share_per_mille;    // share of sale lines over a year
  std::array<uint16_t, 12> season;  // percent of the yearly average, January first
  uint32_t min_grams;               // weight range of one line of goods sold by weight
  uint32_t max_grams;
  std::span<const ItemSpec> items;
  std::span<const VariantSpec> brands;      // for items with formats
  std::span<const VariantSpec> qualifiers;  // for items sold by weight; the first is ""
};

// The fresh departments: Ortofrutta, Macelleria, Pescheria, Salumeria e Formaggi, Panetteria,
// Latticini, Gastronomia.
std::span<const DepartmentSpec> fresh_department_specs();

// The shelf departments: Surgelati, Bevande, Drogheria, Dolciumi, Casa e Igiene, Cura Persona,
// Animali, Enoteca.
std::span<const DepartmentSpec> shelf_department_specs();

}  // namespace imagross::demo
