#pragma once

// The filter parameters shared by the analytics routes: from, to, store, department,
// cards_only and promo_only.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/dashboard.h"
#include "api/query_reader.h"
#include "auth/principal.h"

namespace imagross::api {

// What reading a filter needs to know about the sales data.
class SalesCatalog {
 public:
  virtual ~SalesCatalog() = default;
  virtual std::optional<int32_t> find_store(std::string_view code) const = 0;
  virtual std::optional<int32_t> find_department(std::string_view name) const = 0;
  // The local day of the latest line, nullopt when there are no lines.
  virtual std::optional<int32_t> last_sales_day() const = 0;
  // Today's local day.
  virtual int32_t today() const = 0;
};

struct ParsedFilter {
  SalesFilter filter;
  std::vector<std::string> stores;       // the codes requested, without repeats
  std::vector<std::string> departments;  // the names requested, without repeats
};

// Without from and to: the 30 days ending on the last day with sales (or today).
inline constexpr int32_t kDefaultPeriodDays = 30;
// The longest period a query may cover: ten years and a few days, to catch mistyped years.
inline constexpr int32_t kMaxPeriodDays = 3660;

// The filter parameters followed by a route's own parameters.
std::vector<std::string_view> with_filter_parameters(std::initializer_list<std::string_view> own);

// Reads and checks the filter. Throws http::HttpError 400 for a malformed or impossible date,
// only one of from and to, from after to, a period over kMaxPeriodDays, an unknown store code
// or department name, or a repeated scalar parameter.
ParsedFilter parse_sales_filter(const QueryReader& query, const SalesCatalog& catalog);

// Reads the filter as above for `principal`, limited to the stores it may see. A store admin's
// query without a store parameter covers their stores, and selects nothing when none of them has
// sales yet. A store outside theirs throws http::HttpError 403 "forbidden" before any lookup.
ParsedFilter parse_sales_filter(const QueryReader& query, const SalesCatalog& catalog,
                                const Principal& principal);

}  // namespace imagross::api
