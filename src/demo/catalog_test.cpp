#include "demo/catalog.h"

#include <array>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "common/decimal.h"
#include "common/ean13.h"

namespace imagross::demo {
namespace {

constexpr std::array<std::string_view, kDepartmentCount> kCanonicalDepartments = {
    "Ortofrutta", "Macelleria", "Pescheria",     "Salumeria e Formaggi",
    "Panetteria", "Latticini",  "Surgelati",     "Bevande",
    "Drogheria",  "Dolciumi",   "Casa e Igiene", "Cura Persona",
    "Animali",    "Enoteca",    "Gastronomia"};

const Catalog& shared_catalog() {
  static const Catalog catalog = Catalog::build(derive_seed(1, 1));
  return catalog;
}

TEST(Catalog, DepartmentsInCanonicalOrder) {
  ASSERT_EQ(department_specs().size(), kCanonicalDepartments.size());
  for (int department = 0; department < kDepartmentCount; ++department) {
    EXPECT_EQ(department_name(department), kCanonicalDepartments[static_cast<size_t>(department)]);
  }
}

TEST(Catalog, SpecsAreComplete) {
  uint32_t line_shares = 0;
  for (const DepartmentSpec& spec : department_specs()) {
    line_shares += spec.line_share_per_mille;
    EXPECT_FALSE(spec.items.empty()) << spec.name;
    for (const ItemSpec& item : spec.items) {
      EXPECT_FALSE(item.name.empty()) << spec.name;
      EXPECT_GT(item.price_cents, 0U) << item.name;
      if (item.formats.empty()) {
        EXPECT_GT(spec.min_grams, 0U) << item.name << " is sold by weight";
        EXPECT_FALSE(spec.qualifiers.empty()) << item.name;
      }
    }
    if (!spec.qualifiers.empty()) {
      EXPECT_EQ(spec.qualifiers[0].name, "") << spec.name;
    }
  }
  EXPECT_EQ(line_shares, 1000U);
}

TEST(Catalog, HasAbout8000UniqueProducts) {
  const auto& products = shared_catalog().products();
  EXPECT_EQ(products.size(), 8000U);
  std::set<std::string> codes;
  std::set<std::string> names;
  for (const Product& product : products) {
    codes.insert(product.code);
    names.insert(product.name);
  }
  EXPECT_EQ(codes.size(), products.size());
  EXPECT_EQ(names.size(), products.size());
}

TEST(Catalog, CodesAreItalianEan13) {
  for (const Product& product : shared_catalog().products()) {
    ASSERT_TRUE(is_valid_ean13(product.code)) << product.code;
    const int prefix = std::stoi(product.code.substr(0, 3));
    ASSERT_GE(prefix, 800) << product.code;
    ASSERT_LE(prefix, 839) << product.code;
  }
}

TEST(Catalog, EveryDepartmentStocked) {
  std::array<int, kDepartmentCount> counts{};
  for (const Product& product : shared_catalog().products()) {
    ++counts[static_cast<size_t>(product.department)];
  }
  for (int department = 0; department < kDepartmentCount; ++department) {
    EXPECT_EQ(counts[static_cast<size_t>(department)],
              static_cast<int>(department_specs()[static_cast<size_t>(department)].product_count))
        << department_name(department);
  }
}

TEST(Catalog, WeighedGoodsOnlyAtFreshCounters) {
  const std::set<std::string_view> counters = {"Ortofrutta",           "Macelleria", "Pescheria",
                                               "Salumeria e Formaggi", "Panetteria", "Gastronomia"};
  std::set<std::string_view> weighed_departments;
  for (const Product& product : shared_catalog().products()) {
    if (product.unit == Unit::kilogram) {
      weighed_departments.insert(department_name(product.department));
    }
  }
  EXPECT_EQ(weighed_departments, counters);
}

TEST(Catalog, PricesAreWholeCentsInRange) {
  for (const Product& product : shared_catalog().products()) {
    ASSERT_EQ(product.list_price % 10, 0) << product.name;
    ASSERT_GE(product.list_price, 190) << product.name;
    ASSERT_LE(product.list_price, 150 * kMilliPerUnit) << product.name;
  }
}

TEST(Catalog, SameSeedSameCatalog) {
  const Catalog again = Catalog::build(derive_seed(1, 1));
  const Catalog other = Catalog::build(derive_seed(2, 1));
  ASSERT_EQ(again.products().size(), shared_catalog().products().size());
  bool all_equal = true;
  bool any_difference = false;
  for (size_t index = 0; index < again.products().size(); ++index) {
    all_equal =
        all_equal && again.products()[index].code == shared_catalog().products()[index].code;
    any_difference =
        any_difference || other.products()[index].code != shared_catalog().products()[index].code;
  }
  EXPECT_TRUE(all_equal);
  EXPECT_TRUE(any_difference);
}

TEST(Catalog, PickRespectsSeasons) {
  Random random(9);
  const int sweets = 9;
  ASSERT_EQ(department_name(sweets), "Dolciumi");
  int panettone_in_july = 0;
  int panettone_in_december = 0;
  for (int draw = 0; draw < 20'000; ++draw) {
    const Product& july = shared_catalog().pick(random, sweets, 7);
    const Product& december = shared_catalog().pick(random, sweets, 12);
    EXPECT_EQ(july.department, sweets);
    panettone_in_july += july.name.starts_with("Panettone") ? 1 : 0;
    panettone_in_december += december.name.starts_with("Panettone") ? 1 : 0;
  }
  EXPECT_EQ(panettone_in_july, 0);
  EXPECT_GT(panettone_in_december, 0);
}

}  // namespace
}  // namespace imagross::demo
