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
  bool cards_only = false;              // only lines with a loyalty card number
  bool promo_only = false;              // only lines on promotion

  friend bool operator==(const SalesFilter&, const SalesFilter&) = default;
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
  // Shares of net revenue, none when net revenue is not positive. A share can fall outside 0-1
  // when the returns of the other lines outweigh their sales.
  std::optional<double> card_share;
  std::optional<double> promo_share;

  friend bool operator==(const Kpis&, const Kpis&) = default;
};

enum class Granularity : uint8_t { day, week, month };

struct SeriesPoint {
  int32_t start_day = 0;  // first day of the bucket (a Monday for weeks, the 1st for months)
  int64_t net_revenue = 0;
  int64_t receipts = 0;

  friend bool operator==(const SeriesPoint&, const SeriesPoint&) = default;
};

struct ProductRow {
  int32_t product_id = 0;
  std::string code;
  std::string name;
  std::string department;
  int64_t net_revenue = 0;
  int64_t units = 0;
  int64_t receipts = 0;

  friend bool operator==(const ProductRow&, const ProductRow&) = default;
};

struct DepartmentRow {
  int32_t department_id = 0;  // 0: lines that name no department (then `name` is empty)
  std::string name;
  int64_t net_revenue = 0;
  int64_t units = 0;
  int64_t receipts = 0;

  friend bool operator==(const DepartmentRow&, const DepartmentRow&) = default;
};

struct StoreRow {
  int32_t store_id = 0;
  std::string code;
  std::string name;
  int64_t net_revenue = 0;
  int64_t receipts = 0;
  int64_t customers = 0;
  std::optional<int64_t> average_receipt;

  friend bool operator==(const StoreRow&, const StoreRow&) = default;
};

struct PromotionRow {
  int32_t promotion_id = 0;
  std::string code;
  int64_t net_revenue = 0;
  int64_t discount = 0;
  int64_t receipts = 0;

  friend bool operator==(const PromotionRow&, const PromotionRow&) = default;
};

struct Dashboard {
  SalesFilter filter;
  int32_t previous_from_day = 0;  // the period of equal length that ends the day before from_day
  int32_t previous_to_day = 0;
  Kpis kpis;
  Kpis previous_kpis;
  Granularity granularity = Granularity::day;
  std::vector<SeriesPoint> series;  // every bucket of the period, empty ones included
  // The tables list only groups with lines in the period, by net revenue descending. Ties go by
  // product code, department name, store code or promotion code ascending.
  std::vector<ProductRow> top_products;
  std::vector<DepartmentRow> departments;
  std::vector<StoreRow> stores;
  std::vector<PromotionRow> promotions;
  // Net revenue by ISO weekday (index 0 = Monday) and local hour.
  std::array<std::array<int64_t, 24>, 7> weekday_hour{};

  friend bool operator==(const Dashboard&, const Dashboard&) = default;
};

// The change of a metric against the previous period, (current - previous) / previous. None
// when either value is not available or the previous one is zero or negative, because a
// percentage of such a base means nothing.
std::optional<double> relative_change(std::optional<double> current,
                                      std::optional<double> previous);

enum class ProductSort : uint8_t { net_revenue, units, receipts, code, name };

// The products with lines in the filter's period.
struct ProductQuery {
  SalesFilter filter;
  // A substring of the code or the name, matched ignoring case and the accents of Latin
  // letters; empty: all.
  std::string search;
  ProductSort sort = ProductSort::net_revenue;
  bool descending = true;  // ties go by code ascending in both directions
  int offset = 0;
  int limit = 50;
};

struct ProductPage {
  int64_t total = 0;  // products matching before paging
  std::vector<ProductRow> rows;

  friend bool operator==(const ProductPage&, const ProductPage&) = default;
};

}  // namespace imagross
