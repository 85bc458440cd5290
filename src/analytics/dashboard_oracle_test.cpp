// Every KPI, series bucket and table of the dashboard, under many random filters, against the
// same figures computed by SQLite's own SQL over the same lines. The lines go to the engine
// through the real storage; SQLite's 'localtime' modifier (the C library with TZ=Europe/Rome)
// cuts the local days and hours independently of common/time_zone.h.

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "analytics/sales_engine.h"
#include "analytics/testing/random_sales.h"
#include "analytics/testing/sales_fixture.h"
#include "analytics/time_buckets.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

using testing::OracleTable;

constexpr int kReceipts = 900;
constexpr int kFilters = 60;
constexpr int kTop = 10;

// The KPI columns, in order, of kKpiSql.
constexpr const char* kKpiSql = R"sql(
SELECT COALESCE(SUM(amount), 0),
       COALESCE(SUM(CASE WHEN is_return = 0 THEN amount + discount END), 0),
       COALESCE(SUM(CASE WHEN is_return = 0 THEN discount END), 0),
       COALESCE(-SUM(CASE WHEN is_return = 1 THEN amount END), 0),
       COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END),
       COUNT(DISTINCT receipt) - COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END),
       CASE WHEN COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END) > 0 THEN
         CAST(ROUND(CAST(SUM(CASE WHEN is_return = 0 THEN amount END) AS REAL) /
                    (COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END) * 10.0))
              AS INTEGER) * 10 END,
       COALESCE(SUM(quantity), 0),
       COUNT(DISTINCT CASE WHEN is_return = 0 AND card <> '' THEN card END),
       COUNT(DISTINCT CASE WHEN is_return = 0 THEN product END),
       COUNT(*),
       COALESCE(SUM(CASE WHEN card <> '' THEN amount END), 0),
       COALESCE(SUM(CASE WHEN promo <> '' THEN amount END), 0)
FROM %s)sql";

struct OracleFilter {
  int32_t from_day = 0;
  int32_t to_day = 0;
  std::vector<std::string> stores;
  std::vector<std::string> departments;
  bool cards_only = false;
  bool promo_only = false;
};

std::string describe(const OracleFilter& filter) {
  std::string text = format_iso_date(filter.from_day) + ".." + format_iso_date(filter.to_day);
  for (const auto& store : filter.stores) {
    text += " store=" + store;
  }
  for (const auto& department : filter.departments) {
    text += " department='" + department + "'";
  }
  return text + (filter.cards_only ? " cards_only" : "") + (filter.promo_only ? " promo_only" : "");
}

std::string placeholders(std::size_t first, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += (i == 0 ? "?" : ", ?") + std::to_string(first + i);
  }
  return text;
}

std::string format(const char* pattern, const std::string& table) {
  std::string sql = pattern;
  sql.replace(sql.find("%s"), 2, table);
  return sql;
}

int64_t integer(const std::string& text) {
  return text == "NULL" ? 0 : std::stoll(text);
}

class DashboardOracle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new testing::RandomSalesData(20260301, kReceipts);
    engine_ = data_->engine.get();
    oracle_ = data_->oracle.get();
  }
  static void TearDownTestSuite() { delete data_; }

  // Fills temporary table `name` with the lines of `filter` over [from_day, to_day].
  static void select_lines(const std::string& name, const OracleFilter& filter, int32_t from_day,
                           int32_t to_day) {
    std::vector<std::string> parameters = {format_iso_date(from_day), format_iso_date(to_day)};
    std::string where = "day BETWEEN ?1 AND ?2";
    if (!filter.stores.empty()) {
      where += " AND store IN (" + placeholders(3, filter.stores.size()) + ")";
      parameters.insert(parameters.end(), filter.stores.begin(), filter.stores.end());
    }
    if (!filter.departments.empty()) {
      where += " AND department IN (" +
               placeholders(parameters.size() + 1, filter.departments.size()) + ")";
      parameters.insert(parameters.end(), filter.departments.begin(), filter.departments.end());
    }
    where += filter.cards_only ? " AND card <> ''" : "";
    where += filter.promo_only ? " AND promo <> ''" : "";
    oracle_->execute("DROP TABLE IF EXISTS " + name);
    oracle_->rows("CREATE TEMP TABLE " + name + " AS SELECT * FROM lines WHERE " + where,
                  parameters);
  }

  SalesFilter engine_filter(const OracleFilter& filter) const {
    SalesFilter result;
    result.from_day = filter.from_day;
    result.to_day = filter.to_day;
    for (const auto& store : filter.stores) {
      result.store_ids.push_back(engine_->find_store(store).value_or(-1));
    }
    for (const auto& department : filter.departments) {
      // Lines without a department have id 0.
      result.department_ids.push_back(
          department.empty() ? 0 : engine_->find_department(department).value_or(-1));
    }
    result.cards_only = filter.cards_only;
    result.promo_only = filter.promo_only;
    return result;
  }

  static void expect_kpis(const Kpis& kpis, const std::string& table);
  static void expect_series(const Dashboard& dashboard);
  static void expect_top_products(const Dashboard& dashboard);
  static void expect_departments(const Dashboard& dashboard);
  static void expect_stores(const Dashboard& dashboard);
  static void expect_promotions(const Dashboard& dashboard);
  static void expect_weekday_hour(const Dashboard& dashboard);

  OracleFilter random_filter(std::mt19937_64& random) const;

  static testing::RandomSalesData* data_;
  static SalesEngine* engine_;
  static OracleTable* oracle_;
};

testing::RandomSalesData* DashboardOracle::data_ = nullptr;
SalesEngine* DashboardOracle::engine_ = nullptr;
OracleTable* DashboardOracle::oracle_ = nullptr;

void DashboardOracle::expect_kpis(const Kpis& kpis, const std::string& table) {
  const auto row = oracle_->rows(format(kKpiSql, table)).at(0);
  EXPECT_EQ(kpis.net_revenue, integer(row[0]));
  EXPECT_EQ(kpis.gross_sales, integer(row[1]));
  EXPECT_EQ(kpis.discount, integer(row[2]));
  EXPECT_EQ(kpis.returns, integer(row[3]));
  EXPECT_EQ(kpis.receipts, integer(row[4]));
  EXPECT_EQ(kpis.return_receipts, integer(row[5]));
  EXPECT_EQ(kpis.average_receipt.has_value(), row[6] != "NULL");
  EXPECT_EQ(kpis.average_receipt.value_or(0), integer(row[6]));
  EXPECT_EQ(kpis.units, integer(row[7]));
  EXPECT_EQ(kpis.customers, integer(row[8]));
  EXPECT_EQ(kpis.products, integer(row[9]));
  EXPECT_EQ(kpis.lines, integer(row[10]));
  const int64_t net = integer(row[0]);
  ASSERT_EQ(kpis.card_share.has_value(), net > 0);
  ASSERT_EQ(kpis.promo_share.has_value(), net > 0);
  if (net > 0) {
    EXPECT_DOUBLE_EQ(*kpis.card_share,
                     static_cast<double>(integer(row[11])) / static_cast<double>(net));
    EXPECT_DOUBLE_EQ(*kpis.promo_share,
                     static_cast<double>(integer(row[12])) / static_cast<double>(net));
  }
}

void DashboardOracle::expect_series(const Dashboard& dashboard) {
  const char* bucket = "day";
  if (dashboard.granularity == Granularity::week) {
    bucket = "date(day, 'weekday 0', '-6 days')";
  } else if (dashboard.granularity == Granularity::month) {
    bucket = "strftime('%Y-%m-01', day)";
  }
  std::map<std::string, std::vector<std::string>> expected;
  for (auto& row : oracle_->rows(std::string("SELECT ") + bucket +
                                 ", SUM(amount), COUNT(DISTINCT CASE WHEN is_return = 0 THEN "
                                 "receipt END) FROM f GROUP BY 1")) {
    expected[row[0]] = row;
  }
  EXPECT_EQ(dashboard.granularity,
            granularity_for(dashboard.filter.from_day, dashboard.filter.to_day));
  ASSERT_FALSE(dashboard.series.empty());
  EXPECT_EQ(dashboard.series.front().start_day,
            bucket_start(dashboard.granularity, dashboard.filter.from_day));
  EXPECT_EQ(dashboard.series.back().start_day,
            bucket_start(dashboard.granularity, dashboard.filter.to_day));
  std::size_t matched = 0;
  for (const SeriesPoint& point : dashboard.series) {
    const auto found = expected.find(format_iso_date(point.start_day));
    SCOPED_TRACE("bucket " + format_iso_date(point.start_day));
    EXPECT_EQ(point.net_revenue, found == expected.end() ? 0 : integer(found->second[1]));
    EXPECT_EQ(point.receipts, found == expected.end() ? 0 : integer(found->second[2]));
    matched += found == expected.end() ? 0u : 1u;
  }
  EXPECT_EQ(matched, expected.size());
}

void DashboardOracle::expect_top_products(const Dashboard& dashboard) {
  const auto rows = oracle_->rows(
      "SELECT product, SUM(amount), SUM(quantity), COUNT(DISTINCT CASE WHEN is_return = 0 THEN "
      "receipt END) FROM f GROUP BY product ORDER BY 2 DESC, product LIMIT " +
      std::to_string(kTop));
  ASSERT_EQ(dashboard.top_products.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(dashboard.top_products[i].code, rows[i][0]);
    EXPECT_EQ(dashboard.top_products[i].net_revenue, integer(rows[i][1]));
    EXPECT_EQ(dashboard.top_products[i].units, integer(rows[i][2]));
    EXPECT_EQ(dashboard.top_products[i].receipts, integer(rows[i][3]));
  }
}

void DashboardOracle::expect_departments(const Dashboard& dashboard) {
  const auto rows = oracle_->rows(
      "SELECT department, SUM(amount), SUM(quantity), COUNT(DISTINCT CASE WHEN is_return = 0 "
      "THEN receipt END) FROM f GROUP BY department ORDER BY 2 DESC, department");
  ASSERT_EQ(dashboard.departments.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(dashboard.departments[i].name, rows[i][0]);
    EXPECT_EQ(dashboard.departments[i].net_revenue, integer(rows[i][1]));
    EXPECT_EQ(dashboard.departments[i].units, integer(rows[i][2]));
    EXPECT_EQ(dashboard.departments[i].receipts, integer(rows[i][3]));
  }
}

void DashboardOracle::expect_stores(const Dashboard& dashboard) {
  const auto rows = oracle_->rows(R"sql(
    SELECT store, SUM(amount),
           COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END),
           COUNT(DISTINCT CASE WHEN is_return = 0 AND card <> '' THEN card END),
           CAST(ROUND(CAST(SUM(CASE WHEN is_return = 0 THEN amount END) AS REAL) /
                      (COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END) * 10.0))
                AS INTEGER) * 10
    FROM f GROUP BY store ORDER BY 2 DESC, store)sql");
  ASSERT_EQ(dashboard.stores.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(dashboard.stores[i].code, rows[i][0]);
    EXPECT_EQ(dashboard.stores[i].net_revenue, integer(rows[i][1]));
    EXPECT_EQ(dashboard.stores[i].receipts, integer(rows[i][2]));
    EXPECT_EQ(dashboard.stores[i].customers, integer(rows[i][3]));
    EXPECT_EQ(dashboard.stores[i].average_receipt.has_value(), rows[i][4] != "NULL");
    EXPECT_EQ(dashboard.stores[i].average_receipt.value_or(0), integer(rows[i][4]));
  }
}

void DashboardOracle::expect_promotions(const Dashboard& dashboard) {
  const auto rows = oracle_->rows(R"sql(
    SELECT promo, SUM(amount), COALESCE(SUM(CASE WHEN is_return = 0 THEN discount END), 0),
           COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt END)
    FROM f WHERE promo <> '' GROUP BY promo ORDER BY 2 DESC, promo)sql");
  ASSERT_EQ(dashboard.promotions.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(dashboard.promotions[i].code, rows[i][0]);
    EXPECT_EQ(dashboard.promotions[i].net_revenue, integer(rows[i][1]));
    EXPECT_EQ(dashboard.promotions[i].discount, integer(rows[i][2]));
    EXPECT_EQ(dashboard.promotions[i].receipts, integer(rows[i][3]));
  }
}

void DashboardOracle::expect_weekday_hour(const Dashboard& dashboard) {
  std::array<std::array<int64_t, 24>, 7> expected{};
  // strftime('%w') counts from Sunday = 0.
  for (const auto& row : oracle_->rows(
           "SELECT CAST(strftime('%w', day) AS INTEGER), hour, SUM(amount) FROM f GROUP BY 1, 2")) {
    const auto weekday = static_cast<std::size_t>((std::stoi(row[0]) + 6) % 7);
    expected[weekday][static_cast<std::size_t>(std::stoi(row[1]))] = integer(row[2]);
  }
  EXPECT_EQ(dashboard.weekday_hour, expected);
}

OracleFilter DashboardOracle::random_filter(std::mt19937_64& random) const {
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  OracleFilter filter;
  // Periods from one day to the whole data set and beyond, so that every granularity occurs.
  const int32_t first = days_from_civil({2025, 10, 10});
  filter.from_day = first + pick(0, 170);
  filter.to_day = filter.from_day + (pick(0, 2) == 0 ? pick(0, 10) : pick(0, 200));
  const int stores = pick(0, 3) == 0 ? pick(1, 2) : 0;
  for (int i = 0; i < stores; ++i) {
    filter.stores.push_back("PV0" + std::to_string(pick(1, 6)));
  }
  const std::vector<std::string> departments = {"Ortofrutta", "Latticini", "Bevande", ""};
  const int department_count = pick(0, 3) == 0 ? pick(1, 2) : 0;
  for (int i = 0; i < department_count; ++i) {
    filter.departments.push_back(departments[static_cast<std::size_t>(pick(0, 3))]);
  }
  filter.cards_only = pick(0, 4) == 0;
  filter.promo_only = pick(0, 4) == 0;
  return filter;
}

TEST_F(DashboardOracle, RandomFiltersMatchSql) {
  std::mt19937_64 random(42);
  for (int round = 0; round < kFilters; ++round) {
    const OracleFilter filter = random_filter(random);
    SCOPED_TRACE(describe(filter));
    const Dashboard dashboard = engine_->dashboard(engine_filter(filter), kTop);

    select_lines("f", filter, filter.from_day, filter.to_day);
    expect_kpis(dashboard.kpis, "f");
    expect_series(dashboard);
    expect_top_products(dashboard);
    expect_departments(dashboard);
    expect_stores(dashboard);
    expect_promotions(dashboard);
    expect_weekday_hour(dashboard);

    select_lines("previous", filter, dashboard.previous_from_day, dashboard.previous_to_day);
    expect_kpis(dashboard.previous_kpis, "previous");
  }
}

TEST_F(DashboardOracle, WholeDataSetHasEveryKindOfLine) {
  // Guards the generator: the comparisons above only mean something if these cases occur.
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM lines WHERE is_return = 1"), 50);
  EXPECT_GT(oracle_->integer("SELECT COUNT(DISTINCT receipt) FROM lines WHERE receipt LIKE 'C%'"),
            10);
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM lines WHERE card = ''"), 100);
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM lines WHERE abs(amount) > 2147483647"), 0);
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM (SELECT receipt FROM lines GROUP BY receipt "
                             "HAVING COUNT(DISTINCT day) > 1)"),
            5);
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM (SELECT receipt FROM lines GROUP BY receipt "
                             "HAVING COUNT(DISTINCT store) > 1)"),
            5);
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM lines WHERE day = '2025-10-26'"), 5);
  EXPECT_GT(oracle_->integer("SELECT COUNT(*) FROM lines WHERE day = '2026-03-29'"), 5);
  EXPECT_EQ(oracle_->integer("SELECT COUNT(*) FROM lines"), engine_->coverage().lines);
}

TEST_F(DashboardOracle, ProductPagesMatchSql) {
  ProductQuery query;
  query.filter.from_day = days_from_civil({2025, 12, 1});
  query.filter.to_day = days_from_civil({2026, 2, 28});
  query.sort = ProductSort::units;
  query.descending = true;
  query.offset = 5;
  query.limit = 7;
  const ProductPage page = engine_->products(query);

  OracleFilter filter;
  filter.from_day = query.filter.from_day;
  filter.to_day = query.filter.to_day;
  select_lines("f", filter, filter.from_day, filter.to_day);
  EXPECT_EQ(page.total, oracle_->integer("SELECT COUNT(DISTINCT product) FROM f"));
  const auto rows = oracle_->rows(
      "SELECT product, SUM(quantity), SUM(amount) FROM f GROUP BY product "
      "ORDER BY 2 DESC, product LIMIT 7 OFFSET 5");
  ASSERT_EQ(page.rows.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(page.rows[i].code, rows[i][0]);
    EXPECT_EQ(page.rows[i].units, integer(rows[i][1]));
    EXPECT_EQ(page.rows[i].net_revenue, integer(rows[i][2]));
  }
}

}  // namespace
}  // namespace imagross::analytics
