#include "demo/catalog.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "common/decimal.h"
#include "common/ean13.h"

namespace imagross::demo {
namespace {

// A product before it gets its code and popularity.
struct Format {
  std::string_view label;  // empty for goods sold by weight
  uint32_t price_percent = 100;
};

struct Candidate {
  const ItemSpec* item = nullptr;
  const VariantSpec* variant = nullptr;  // brand or qualifier
  Format format;
};

uint32_t parse_percent(std::string_view digits) {
  uint32_t value = 0;
  for (const char digit : digits) {
    assert(digit >= '0');
    assert(digit <= '9');
    value = value * 10 + static_cast<uint32_t>(digit - '0');
  }
  return value;
}

std::vector<Format> split_formats(std::string_view formats) {
  std::vector<Format> parts;
  while (!formats.empty()) {
    const size_t bar = formats.find('|');
    const std::string_view part = formats.substr(0, bar);
    const size_t colon = part.find(':');
    const auto index = static_cast<uint32_t>(parts.size());
    if (colon == std::string_view::npos) {
      parts.push_back({part, 100 + 75 * index});
    } else {
      parts.push_back({part.substr(0, colon), parse_percent(part.substr(colon + 1))});
    }
    formats = bar == std::string_view::npos ? std::string_view{} : formats.substr(bar + 1);
  }
  return parts;
}

std::vector<Candidate> list_candidates(const DepartmentSpec& department) {
  std::vector<Candidate> candidates;
  for (const ItemSpec& item : department.items) {
    if (item.formats.empty()) {
      for (const VariantSpec& qualifier : department.qualifiers) {
        candidates.push_back({&item, &qualifier, {}});
      }
      continue;
    }
    const auto formats = split_formats(item.formats);
    for (const VariantSpec& brand : department.brands) {
      for (const Format& format : formats) {
        candidates.push_back({&item, &brand, format});
      }
    }
  }
  return candidates;
}

// Fisher-Yates with our own generator, so the order is the same with every standard library.
template <typename T>
void shuffle(std::vector<T>& values, Random& random) {
  for (size_t index = values.size(); index > 1; --index) {
    const size_t other = static_cast<size_t>(random.below(index));
    std::swap(values[index - 1], values[other]);
  }
}

std::string product_name(const Candidate& candidate) {
  std::string name(candidate.item->name);
  if (!candidate.variant->name.empty()) {
    name += ' ';
    name += candidate.variant->name;
  }
  if (!candidate.format.label.empty()) {
    name += ' ';
    name += candidate.format.label;
  }
  return name;
}

// Shelf price in cents: the item's price scaled by its format, the brand or qualifier and +-12%
// of noise, ending in 9 as shelf prices do.
int64_t price_cents(const Candidate& candidate, Random& random) {
  int64_t cents = candidate.item->price_cents;
  cents = cents * candidate.format.price_percent / 100;
  cents = cents * candidate.variant->price_percent / 100;
  cents = cents * random.between(88, 112) / 100;
  return std::max<int64_t>(19, cents / 10 * 10 + 9);
}

// Assigns EAN-13 codes: each brand (or, for goods sold by weight, the department's own supplier)
// gets a GS1 company prefix of 8 digits starting 800-839, and its products number from there.
class CodeAllocator {
 public:
  explicit CodeAllocator(Random& random) : random_(random) {}

  std::string next(std::string_view supplier) {
    auto found = std::find_if(suppliers_.begin(), suppliers_.end(),
                              [&](const Supplier& known) { return known.name == supplier; });
    if (found == suppliers_.end()) {
      suppliers_.push_back({std::string(supplier), new_company_prefix(), 0});
      found = suppliers_.end() - 1;
    }
    ++found->issued;
    assert(found->issued < 10000);
    return complete_ean13(found->prefix + four_digits(found->issued));
  }

 private:
  struct Supplier {
    std::string name;
    std::string prefix;  // 8 digits
    int issued;
  };

  static std::string four_digits(int value) {
    std::string text = std::to_string(value);
    return std::string(4 - text.size(), '0') + text;
  }

  std::string new_company_prefix() {
    while (true) {
      const int64_t number = random_.between(80000000, 83999999);
      std::string prefix = std::to_string(number);
      if (used_prefixes_.insert(prefix).second) {
        return prefix;
      }
    }
  }

  Random& random_;
  std::vector<Supplier> suppliers_;
  std::set<std::string> used_prefixes_;
};

// Popularity follows Zipf's law over a ranking in which cheaper products tend to come first:
// the rank key is the price times a random factor from 1 to 10, so price matters but does not
// decide alone.
void assign_popularity(std::vector<Product>& products, Random& random) {
  std::vector<std::pair<int64_t, size_t>> keys;
  keys.reserve(products.size());
  for (size_t index = 0; index < products.size(); ++index) {
    keys.emplace_back(products[index].list_price * random.between(1, 10), index);
  }
  std::sort(keys.begin(), keys.end());
  for (size_t rank = 0; rank < keys.size(); ++rank) {
    products[keys[rank].second].popularity = static_cast<uint32_t>(1'000'000 / (rank + 10));
  }
}

std::vector<Product> department_products(int department, const DepartmentSpec& spec, Random& random,
                                         CodeAllocator& codes) {
  std::vector<Candidate> candidates = list_candidates(spec);
  assert(candidates.size() >= spec.product_count);
  shuffle(candidates, random);
  candidates.resize(spec.product_count);

  std::vector<Product> products;
  products.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    Product product;
    const bool weighed = candidate.format.label.empty();
    const std::string supplier =
        weighed ? "ImaGross " + std::string(spec.name) : std::string(candidate.variant->name);
    product.code = codes.next(supplier);
    product.name = product_name(candidate);
    product.department = department;
    product.unit = weighed ? Unit::kilogram : Unit::piece;
    product.list_price = price_cents(candidate, random) * (kMilliPerUnit / 100);
    product.season_months = candidate.item->season_months;
    products.push_back(std::move(product));
  }

  assign_popularity(products, random);
  return products;
}

bool on_sale(const Product& product, int month) {
  return product.season_months == 0 || (product.season_months >> (month - 1) & 1U) != 0;
}

}  // namespace

std::span<const DepartmentSpec> department_specs() {
  static const std::vector<DepartmentSpec> specs = [] {
    const auto fresh = fresh_department_specs();
    const auto shelf = shelf_department_specs();
    // The canonical order puts Gastronomia, a fresh department, last.
    std::vector<DepartmentSpec> ordered(fresh.begin(), fresh.end() - 1);
    ordered.insert(ordered.end(), shelf.begin(), shelf.end());
    ordered.push_back(fresh.back());
    return ordered;
  }();
  assert(specs.size() == kDepartmentCount);
  return specs;
}

std::string_view department_name(int department) {
  return department_specs()[static_cast<size_t>(department)].name;
}

std::string_view unit_name(Unit unit) {
  return unit == Unit::kilogram ? "kg" : "piece";
}

Catalog Catalog::build(uint64_t seed) {
  Random random(seed);
  CodeAllocator codes(random);
  Catalog catalog;
  const auto specs = department_specs();
  for (int department = 0; department < kDepartmentCount; ++department) {
    auto products =
        department_products(department, specs[static_cast<size_t>(department)], random, codes);
    for (Product& product : products) {
      catalog.products_.push_back(std::move(product));
    }
  }

  catalog.shelves_.resize(kDepartmentCount * 12);
  for (int department = 0; department < kDepartmentCount; ++department) {
    for (int month = 1; month <= 12; ++month) {
      Shelf& shelf = catalog.shelves_[static_cast<size_t>(department * 12 + month - 1)];
      std::vector<uint64_t> weights;
      for (uint32_t index = 0; index < catalog.products_.size(); ++index) {
        const Product& product = catalog.products_[index];
        if (product.department == department && on_sale(product, month)) {
          shelf.product_indexes.push_back(index);
          weights.push_back(product.popularity);
        }
      }
      shelf.weights = WeightedIndex(weights);
    }
  }
  return catalog;
}

const Product& Catalog::pick(Random& random, int department, int month) const {
  assert(department >= 0);
  assert(department < kDepartmentCount);
  assert(month >= 1);
  assert(month <= 12);
  const Shelf& shelf = shelves_[static_cast<size_t>(department * 12 + month - 1)];
  return products_[shelf.product_indexes[shelf.weights.pick(random)]];
}

}  // namespace imagross::demo
