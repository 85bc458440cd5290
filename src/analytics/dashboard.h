#pragma once

// The questions the admin dashboard asks of the sales engine and the shape of its answers.
// Every metric is defined once, in docs/METRICS.md; money and quantities are thousandths.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imagross {

// Which receipt lines a query covers. Days are local day numbers (common/civil_time.h) in the
// engine's time zone; both ends are included.
struct SalesFilter {
  int32_t from_day = 0;
  int32_t to_day = 0;
  std::vector<int32_t> store_ids;       // empty: all stores
  std::vector<int32_t> department_ids;  // empty: all departments
  bool cards_only = false;              // only lines of receipts with a loyalty card
  bool promo_only = false;              // only lines on promotion
};

struct Kpis {
  int64_t net_revenue = 0;
  int64_t gross_sales = 0;
  int64_t returns = 0;  // positive: the value given back
  int64_t discount = 0;
  int64_t receipts = 0;  // purchase receipts
  int64_t return_receipts = 0;
  std::optional<int64_t> average_receipt;  // none when there is no purchase receipt
  int64_t units = 0;
  int64_t customers = 0;
  int64_t products = 0;
  int64_t lines = 0;
  std::optional<double> card_share;   // 0-1; none when net revenue is not positive
  std::optional<double> promo_share;  // 0-1; none when net revenue is not positive
};

enum class Granularity : uint8_t { day, week, month };

struct SeriesPoint {
  int32_t start_day = 0;  // first day of the bucket (a Monday for weeks, the 1st for months)
  int64_t net_revenue = 0;
  int64_t receipts = 0;
};

struct ProductRow {
  int32_t product_id = 0;
  std::string code;
  std::string name;
  std::string department;
  int64_t net_revenue = 0;
  int64_t units = 0;
  int64_t receipts = 0;
};

struct DepartmentRow {
  int32_t department_id = 0;
  std::string name;
  int64_t net_revenue = 0;
  int64_t units = 0;
  int64_t receipts = 0;
};

struct StoreRow {
  int32_t store_id = 0;
  std::string code;
  std::string name;
  int64_t net_revenue = 0;
  int64_t receipts = 0;
  int64_t customers = 0;
  std::optional<int64_t> average_receipt;
};

struct PromotionRow {
  int32_t promotion_id = 0;
  std::string code;
  int64_t net_revenue = 0;
  int64_t discount = 0;
  int64_t receipts = 0;
};

struct Dashboard {
  SalesFilter filter;
  int32_t previous_from_day = 0;  // the period of equal length that ends the day before from_day
  int32_t previous_to_day = 0;
  Kpis kpis;
  Kpis previous_kpis;
  Granularity granularity = Granularity::day;
  std::vector<SeriesPoint> series;  // every bucket of the period, empty ones included
  std::vector<ProductRow> top_products;
  std::vector<DepartmentRow> departments;
  std::vector<StoreRow> stores;
  std::vector<PromotionRow> promotions;
  // Net revenue by ISO weekday (index 0 = Monday) and local hour.
  std::array<std::array<int64_t, 24>, 7> weekday_hour{};
};

enum class ProductSort : uint8_t { net_revenue, units, receipts, code, name };

struct ProductQuery {
  SalesFilter filter;
  std::string search;  // case-insensitive substring of code or name; empty: all
  ProductSort sort = ProductSort::net_revenue;
  bool descending = true;
  int offset = 0;
  int limit = 50;
};

struct ProductPage {
  int64_t total = 0;  // products matching before paging
  std::vector<ProductRow> rows;
};

}  // namespace imagross
