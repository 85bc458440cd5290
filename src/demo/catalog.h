#pragma once

// The demo chain's product catalog: about 8,000 products in the 15 departments, each with an
// EAN-13 code under an Italian GS1 prefix (800-839), a list price and a popularity.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "demo/department_specs.h"
#include "demo/random.h"

namespace imagross::demo {

inline constexpr int kDepartmentCount = 15;

enum class Unit { piece, kilogram };

struct Product {
  std::string code;  // EAN-13
  std::string name;
  int department = 0;  // index into department_names()
  Unit unit = Unit::piece;
  int64_t list_price = 0;      // thousandths of a euro, per piece or per kilogram; whole cents
  uint16_t season_months = 0;  // bit m-1 set when sold in month m; 0: all year
  uint32_t popularity = 0;     // relative share of its department's lines
};

// The 15 departments in their canonical order.
std::span<const DepartmentSpec> department_specs();
std::string_view department_name(int department);

// "piece" or "kg", as products.csv writes it.
std::string_view unit_name(Unit unit);

class Catalog {
 public:
  // Builds the catalog from the vocabulary of department_specs(); the same seed gives the same
  // catalog.
  static Catalog build(uint64_t seed);

  const std::vector<Product>& products() const { return products_; }

  // Draws a product of `department` on sale in `month` (1-12), by popularity.
  const Product& pick(Random& random, int department, int month) const;

 private:
  struct Shelf {
    std::vector<uint32_t> product_indexes;
    WeightedIndex weights;
  };

  std::vector<Product> products_;
  // One shelf per (department, month): the products on sale that month.
  std::vector<Shelf> shelves_;
};

}  // namespace imagross::demo
