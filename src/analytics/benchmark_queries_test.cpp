// The eight benchmark queries against the same queries in SQLite's SQL over the same random
// lines, for the whole data set and for one store.

#include <gtest/gtest.h>

#include "analytics/benchmark_queries.h"
#include "analytics/sales_engine.h"
#include "analytics/testing/random_sales.h"
#include "analytics/testing/sales_fixture.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

using testing::day_of;

using Rows = std::vector<std::vector<std::string>>;

// ?1 and ?2 are the first and last local day, ?3 a store code or '' for every store.
constexpr const char* kScope = "day BETWEEN ?1 AND ?2 AND (?3 = '' OR store = ?3)";

std::string sql(const std::string& pattern) {
  std::string text = pattern;
  for (std::size_t at = text.find("$SCOPE"); at != std::string::npos; at = text.find("$SCOPE")) {
    text.replace(at, 6, kScope);
  }
  return text;
}

std::string text(int64_t value) {
  return std::to_string(value);
}

class BenchmarkQueries : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() { data_ = new testing::RandomSalesData(99, 1500); }
  static void TearDownTestSuite() { delete data_; }

  BenchmarkScope scope() const {
    BenchmarkScope result;
    result.from_day = day_of("2025-11-01");
    result.to_day = day_of("2026-02-28");
    if (!GetParam().empty()) {
      result.store_id = data_->engine->find_store(GetParam());
    }
    return result;
  }
  Rows expected(const std::string& pattern, std::vector<std::string> extra = {}) const {
    std::vector<std::string> parameters = {"2025-11-01", "2026-02-28", GetParam()};
    parameters.insert(parameters.end(), extra.begin(), extra.end());
    return data_->oracle->rows(sql(pattern), parameters);
  }

  static const SalesSnapshot& snapshot() { return *data_->engine->snapshot(); }

  static testing::RandomSalesData* data_;
};

testing::RandomSalesData* BenchmarkQueries::data_ = nullptr;

TEST_P(BenchmarkQueries, Kpis) {
  const auto kpis = benchmark_kpis(snapshot(), scope());
  const Rows rows = expected(R"sql(
    SELECT SUM(amount), COUNT(DISTINCT receipt), COUNT(DISTINCT NULLIF(card, '')),
           SUM(quantity), COUNT(DISTINCT product),
           SUM(CASE WHEN card <> '' THEN amount ELSE 0 END),
           SUM(CASE WHEN promo <> '' THEN amount ELSE 0 END)
    FROM lines WHERE $SCOPE)sql");
  EXPECT_EQ((Rows{{text(kpis.revenue), text(kpis.receipts), text(kpis.customers), text(kpis.units),
                   text(kpis.products), text(kpis.card_revenue), text(kpis.promotion_revenue)}}),
            rows);
  ASSERT_TRUE(kpis.average_receipt.has_value());
  EXPECT_DOUBLE_EQ(*kpis.average_receipt,
                   static_cast<double>(kpis.revenue) / static_cast<double>(kpis.receipts));
  EXPECT_DOUBLE_EQ(*kpis.card_share,
                   static_cast<double>(kpis.card_revenue) / static_cast<double>(kpis.revenue));
}

TEST_P(BenchmarkQueries, DailyTrend) {
  Rows actual;
  for (const auto& day : benchmark_daily_trend(snapshot(), scope())) {
    actual.push_back({format_iso_date(day.day), text(day.revenue), text(day.receipts)});
  }
  EXPECT_EQ(actual, expected("SELECT day, SUM(amount), COUNT(DISTINCT receipt) FROM lines "
                             "WHERE $SCOPE GROUP BY day ORDER BY day"));
}

TEST_P(BenchmarkQueries, TopProducts) {
  Rows actual;
  for (const auto& product : benchmark_top_products(snapshot(), scope())) {
    actual.push_back({product.code, text(product.revenue), text(product.units)});
  }
  EXPECT_EQ(actual, expected("SELECT product, SUM(amount), SUM(quantity) FROM lines WHERE $SCOPE "
                             "GROUP BY product ORDER BY 2 DESC, product LIMIT 10"));
}

TEST_P(BenchmarkQueries, Departments) {
  Rows actual;
  for (const auto& department : benchmark_departments(snapshot(), scope())) {
    actual.push_back({department.name, text(department.revenue), text(department.receipts),
                      text(department.units)});
  }
  EXPECT_EQ(actual,
            expected("SELECT department, SUM(amount), COUNT(DISTINCT receipt), SUM(quantity) "
                     "FROM lines WHERE $SCOPE GROUP BY department ORDER BY department"));
}

TEST_P(BenchmarkQueries, Promotions) {
  Rows actual;
  for (const auto& promotion : benchmark_promotions(snapshot(), scope())) {
    actual.push_back({promotion.code, text(promotion.revenue), text(promotion.discount),
                      text(promotion.receipts)});
  }
  EXPECT_EQ(actual, expected("SELECT promo, SUM(amount), SUM(discount), COUNT(DISTINCT receipt) "
                             "FROM lines WHERE $SCOPE AND promo <> '' GROUP BY promo "
                             "ORDER BY promo"));
}

TEST_P(BenchmarkQueries, Rfm) {
  Rows actual;
  for (const auto& cell : benchmark_rfm(snapshot(), scope(), day_of("2026-02-28"))) {
    actual.push_back(
        {text(cell.recency), text(cell.frequency), text(cell.monetary), text(cell.customers)});
  }
  EXPECT_EQ(actual, expected(R"sql(
    WITH cards AS (
      SELECT card, julianday(?4) - julianday(MAX(day)) AS r, COUNT(DISTINCT receipt) AS f,
             SUM(amount) AS m
      FROM lines WHERE $SCOPE AND card <> '' GROUP BY card),
    scores AS (
      SELECT NTILE(5) OVER (ORDER BY r DESC, card) AS rs,
             NTILE(5) OVER (ORDER BY f, card) AS fs,
             NTILE(5) OVER (ORDER BY m, card) AS ms
      FROM cards)
    SELECT rs, fs, ms, COUNT(*) FROM scores GROUP BY 1, 2, 3 ORDER BY 1, 2, 3)sql",
                             {"2026-02-28"}));
}

TEST_P(BenchmarkQueries, WeekdayHour) {
  Rows actual;
  for (const auto& cell : benchmark_weekday_hour(snapshot(), scope())) {
    actual.push_back({text(cell.weekday), text(cell.hour), text(cell.revenue)});
  }
  EXPECT_EQ(actual, expected("SELECT (CAST(strftime('%w', day) AS INTEGER) + 6) % 7 + 1, hour, "
                             "SUM(amount) FROM lines WHERE $SCOPE GROUP BY 1, 2 ORDER BY 1, 2"));
}

TEST_P(BenchmarkQueries, Cohorts) {
  Rows actual;
  for (const auto& cell : benchmark_cohorts(snapshot(), scope())) {
    actual.push_back({format_iso_date(cell.cohort_month).substr(0, 7), text(cell.months_since),
                      text(cell.customers)});
  }
  EXPECT_EQ(actual, expected(R"sql(
    WITH active AS (
      SELECT DISTINCT card, substr(day, 1, 7) AS month FROM lines WHERE $SCOPE AND card <> ''),
    cohorts AS (SELECT card, MIN(month) AS cohort FROM active GROUP BY card)
    SELECT cohort,
           (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER)) -
           (CAST(substr(cohort, 1, 4) AS INTEGER) * 12 + CAST(substr(cohort, 6, 2) AS INTEGER)),
           COUNT(*)
    FROM active JOIN cohorts USING (card) GROUP BY 1, 2 ORDER BY 1, 2)sql"));
}

INSTANTIATE_TEST_SUITE_P(AllStoresAndOne, BenchmarkQueries, ::testing::Values("", "PV03"),
                         [](const auto& test_info) {
                           return test_info.param.empty() ? std::string("AllStores")
                                                          : test_info.param;
                         });

TEST(Ntile, MatchesSqlBuckets) {
  // 7 rows in 5 tiles: sizes 2, 2, 1, 1, 1.
  const std::vector<int> expected = {1, 1, 2, 2, 3, 4, 5};
  for (std::size_t position = 0; position < expected.size(); ++position) {
    EXPECT_EQ(ntile(position, 7, 5), expected[position]) << "position " << position;
  }
  // Fewer rows than tiles: one row a tile.
  EXPECT_EQ(ntile(0, 3, 5), 1);
  EXPECT_EQ(ntile(2, 3, 5), 3);
  EXPECT_EQ(ntile(9, 10, 5), 5);
}

}  // namespace
}  // namespace imagross::analytics
