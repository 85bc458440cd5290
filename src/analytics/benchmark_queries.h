#pragma once

// The eight queries of the dashboard speed benchmark (bench/), run on the column store. They
// follow the benchmark's own definitions, which differ from the dashboard's (docs/METRICS.md) on
// purpose, so that every engine in the comparison can run them in plain SQL. Every sum includes
// return lines, and every receipt and every card number seen counts, purchase or not. The SQL
// that DuckDB and SQLite run is in bench/queries.mjs.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/sales_snapshot.h"

namespace imagross::analytics {

// The lines of local days [from_day, to_day] (both included), of one store or of all.
struct BenchmarkScope {
  int32_t from_day = 0;
  int32_t to_day = 0;
  std::optional<int32_t> store_id;
};

// Query 1, the KPIs. The average and the shares are empty when their denominator is zero.
struct BenchmarkKpis {
  int64_t revenue = 0;  // thousandths
  int64_t receipts = 0;
  std::optional<double> average_receipt;  // thousandths per receipt
  int64_t customers = 0;                  // distinct card numbers
  int64_t units = 0;                      // thousandths
  int64_t products = 0;
  int64_t card_revenue = 0;
  int64_t promotion_revenue = 0;
  std::optional<double> card_share;
  std::optional<double> promotion_share;
};
BenchmarkKpis benchmark_kpis(const SalesSnapshot& snapshot, const BenchmarkScope& scope);

// Query 2: days with lines, ascending.
struct DailyTotal {
  int32_t day = 0;
  int64_t revenue = 0;
  int64_t receipts = 0;
};
std::vector<DailyTotal> benchmark_daily_trend(const SalesSnapshot& snapshot,
                                              const BenchmarkScope& scope);

// Query 3: by revenue descending, ties by product code ascending.
struct ProductTotal {
  std::string code;
  int64_t revenue = 0;
  int64_t units = 0;
};
std::vector<ProductTotal> benchmark_top_products(const SalesSnapshot& snapshot,
                                                 const BenchmarkScope& scope, int limit = 10);

// Query 4: departments with lines by name ("" for lines without a department).
struct DepartmentTotal {
  std::string name;
  int64_t revenue = 0;
  int64_t receipts = 0;
  int64_t units = 0;
};
std::vector<DepartmentTotal> benchmark_departments(const SalesSnapshot& snapshot,
                                                   const BenchmarkScope& scope);

// Query 5: promotion codes with lines, by code.
struct PromotionTotal {
  std::string code;
  int64_t revenue = 0;
  int64_t discount = 0;
  int64_t receipts = 0;
};
std::vector<PromotionTotal> benchmark_promotions(const SalesSnapshot& snapshot,
                                                 const BenchmarkScope& scope);

// Query 6: card holders per (R, F, M) score triple, ascending. R is the number of days from a
// card's last line to `reference_day`, F its distinct receipts, M its revenue. Each score is SQL
// NTILE(5) over the cards ordered by R descending, F ascending or M ascending, ties broken by
// card number ascending.
struct RfmCell {
  int recency = 0;
  int frequency = 0;
  int monetary = 0;
  int64_t customers = 0;
};
std::vector<RfmCell> benchmark_rfm(const SalesSnapshot& snapshot, const BenchmarkScope& scope,
                                   int32_t reference_day);

// Query 7: cells with lines, by ISO weekday (1 = Monday) and local hour.
struct WeekdayHourTotal {
  int weekday = 0;
  int hour = 0;
  int64_t revenue = 0;
};
std::vector<WeekdayHourTotal> benchmark_weekday_hour(const SalesSnapshot& snapshot,
                                                     const BenchmarkScope& scope);

// Query 8: a card's cohort is the first month of the scope in which it has a line. The result
// counts the cards with lines per (cohort, months since the cohort), ascending.
struct CohortCell {
  int32_t cohort_month = 0;  // day number of the cohort month's 1st
  int months_since = 0;
  int64_t customers = 0;
};
std::vector<CohortCell> benchmark_cohorts(const SalesSnapshot& snapshot,
                                          const BenchmarkScope& scope);

// SQL NTILE(buckets) of the row at 0-based `position` among `rows` rows: the first rows %
// buckets tiles hold one row more than the others. Tiles count from 1.
int ntile(std::size_t position, std::size_t rows, int buckets);

}  // namespace imagross::analytics
