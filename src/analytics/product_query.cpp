#include <algorithm>
#include <string_view>

#include "analytics/dashboard_query.h"
#include "analytics/text_search.h"

namespace imagross::analytics {
namespace {

// The folded name of a product: its search text after the code.
std::string_view folded_name(const SalesCatalog& catalog, uint32_t product) {
  const std::string_view text = catalog.product_search_text[product];
  const std::size_t newline = text.find('\n');
  return newline == std::string_view::npos ? text : text.substr(newline + 1);
}

std::vector<uint32_t> matching_products(const SalesSnapshot& snapshot, const GroupTotals& totals,
                                        const std::string& search) {
  const std::string needle = fold_for_search(search);
  std::vector<uint32_t> products;
  for (uint32_t product = 0; product < totals.size(); ++product) {
    if (!totals.has_lines(product)) {
      continue;
    }
    if (needle.empty() ||
        snapshot.catalog.product_search_text[product].find(needle) != std::string::npos) {
      products.push_back(product);
    }
  }
  return products;
}

// -1, 0 or 1 as product `a` comes before, ties with or comes after `b` on `sort` ascending.
int compare_on(ProductSort sort, const SalesCatalog& catalog, const GroupTotals& totals, uint32_t a,
               uint32_t b) {
  const auto compare = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (sort) {
    case ProductSort::net_revenue:
      return compare(totals.net_revenue(a), totals.net_revenue(b));
    case ProductSort::units:
      return compare(totals.units(a), totals.units(b));
    case ProductSort::receipts:
      return compare(totals.receipts(a), totals.receipts(b));
    case ProductSort::code:
      return compare(catalog.product_code_rank[a], catalog.product_code_rank[b]);
    case ProductSort::name:
      return compare(folded_name(catalog, a), folded_name(catalog, b));
  }
  return 0;
}

}  // namespace

ProductPage compute_product_page(const SalesSnapshot& snapshot, const ProductQuery& query) {
  const GroupTotals totals = product_totals(snapshot, query.filter);
  std::vector<uint32_t> products = matching_products(snapshot, totals, query.search);

  const SalesCatalog& catalog = snapshot.catalog;
  // Ties go by code ascending whatever the direction, so pages never overlap.
  std::sort(products.begin(), products.end(), [&](uint32_t a, uint32_t b) {
    const int order = compare_on(query.sort, catalog, totals, a, b);
    if (order != 0) {
      return query.descending ? order > 0 : order < 0;
    }
    return catalog.product_code_rank[a] < catalog.product_code_rank[b];
  });

  ProductPage page;
  page.total = static_cast<int64_t>(products.size());
  const std::size_t first =
      std::min(products.size(), static_cast<std::size_t>(std::max(query.offset, 0)));
  const std::size_t last =
      std::min(products.size(), first + static_cast<std::size_t>(std::max(query.limit, 0)));
  for (std::size_t k = first; k < last; ++k) {
    page.rows.push_back(product_row(snapshot, totals, products[k]));
  }
  return page;
}

}  // namespace imagross::analytics
