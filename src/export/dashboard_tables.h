#pragma once

// The tables of the admin dashboard as exportable tables. Column names are the field names of
// the JSON API, so a CSV and the API read the same.

#include <optional>
#include <string_view>

#include "analytics/dashboard.h"
#include "export/table.h"

namespace imagross {

enum class DashboardTable : uint8_t {
  kpis,
  series,
  top_products,
  products,
  departments,
  stores,
  promotions,
  weekday_hour,
};

// "kpis", "series", "top_products", ... as the export route's `table` parameter writes them.
std::string_view table_name(DashboardTable table);
std::optional<DashboardTable> parse_table_name(std::string_view name);
// Every table name, comma-separated, for error messages.
std::string_view table_names();

// Every table but `products`, which comes from a product query instead (products_table).
Table dashboard_table(DashboardTable table, const Dashboard& dashboard);
Table products_table(const ProductPage& page);

}  // namespace imagross
