// append() against load(): lines added batch by batch in random order, including new lines of
// receipts the engine has already and lines of old dates, must give the same results as loading
// them all at once.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

#include "analytics/sales_engine.h"
#include "analytics/testing/random_sales.h"
#include "analytics/testing/sales_fixture.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

using testing::day_of;
using testing::period;
using testing::SalesFixture;

void expect_same_answers(const SalesEngine& appended, const SalesEngine& loaded) {
  std::vector<SalesFilter> filters = {
      period("2025-10-01", "2026-04-30"), period("2025-10-26", "2025-10-26"),
      period("2025-12-20", "2026-01-10"), period("2026-02-01", "2026-03-31")};
  SalesFilter filtered = period("2025-11-01", "2026-02-28");
  filtered.store_ids = {*loaded.find_store("PV02"), *loaded.find_store("PV05")};
  filtered.cards_only = true;
  filters.push_back(filtered);
  SalesFilter by_department = period("2025-10-01", "2026-04-30");
  by_department.department_ids = {*loaded.find_department("Latticini"), 0};
  by_department.promo_only = true;
  filters.push_back(by_department);

  for (const SalesFilter& filter : filters) {
    SCOPED_TRACE(format_iso_date(filter.from_day) + ".." + format_iso_date(filter.to_day));
    const Dashboard expected = loaded.dashboard(filter, 20);
    const Dashboard actual = appended.dashboard(filter, 20);
    EXPECT_TRUE(actual.kpis == expected.kpis);
    EXPECT_TRUE(actual.previous_kpis == expected.previous_kpis);
    EXPECT_TRUE(actual.series == expected.series);
    EXPECT_TRUE(actual.top_products == expected.top_products);
    EXPECT_TRUE(actual.departments == expected.departments);
    EXPECT_TRUE(actual.stores == expected.stores);
    EXPECT_TRUE(actual.promotions == expected.promotions);
    EXPECT_TRUE(actual.weekday_hour == expected.weekday_hour);
    EXPECT_GT(expected.kpis.lines, 0);
  }
  EXPECT_EQ(appended.coverage().lines, loaded.coverage().lines);
  EXPECT_EQ(appended.coverage().first_day, loaded.coverage().first_day);
  EXPECT_EQ(appended.coverage().last_day, loaded.coverage().last_day);
}

TEST(SalesEngineAppend, RandomBatchesEqualLoad) {
  SalesFixture sales;
  auto lines = testing::random_lines(7, 600);
  std::mt19937_64 random(11);
  std::shuffle(lines.begin(), lines.end(), random);

  SalesEngine appended(sales.zone());
  appended.load(sales.database());
  ASSERT_TRUE(appended.ready());
  std::vector<std::vector<StoredLine>> batches;
  for (std::size_t next = 0; next < lines.size();) {
    const auto size = std::uniform_int_distribution<std::size_t>(1, 200)(random);
    for (std::size_t i = next; i < std::min(lines.size(), next + size); ++i) {
      sales.add(lines[i]);
    }
    next += size;
    batches.push_back(sales.write().inserted);
    appended.append(sales.database(), batches.back());
  }
  ASSERT_GT(batches.size(), 5u);

  // Appending a batch again changes nothing.
  appended.append(sales.database(), batches[batches.size() / 2]);
  appended.append(sales.database(), batches.back());

  SalesEngine loaded(sales.zone());
  loaded.load(sales.database());
  EXPECT_EQ(loaded.coverage().lines, static_cast<int64_t>(lines.size()));
  expect_same_answers(appended, loaded);
}

TEST(SalesEngineAppend, ReceiptGainsLineOnNextDay) {
  SalesFixture sales;
  sales.add(
      {.receipt = "R1", .time = "2026-03-02 23:50:00", .card = "2000000000017", .amount = 100});
  sales.add({.receipt = "R2", .time = "2026-03-03 09:00:00", .amount = 5});
  const auto engine = sales.load_engine();

  // The till closes the receipt after midnight: its second line falls on the next day.
  sales.add(
      {.receipt = "R1", .time = "2026-03-03 00:10:00", .card = "2000000000017", .amount = 50});
  engine->append(sales.database(), sales.write().inserted);

  const Kpis both_days = engine->dashboard(period("2026-03-02", "2026-03-03")).kpis;
  EXPECT_EQ(both_days.net_revenue, 155);
  EXPECT_EQ(both_days.receipts, 2);
  EXPECT_EQ(both_days.customers, 1);
  const Dashboard second_day = engine->dashboard(period("2026-03-03", "2026-03-03"));
  EXPECT_EQ(second_day.kpis.receipts, 2);
  EXPECT_EQ(second_day.kpis.net_revenue, 55);
  EXPECT_EQ(engine->dashboard(period("2026-03-02", "2026-03-02")).kpis.receipts, 1);
  // Over a week bucket the receipt still counts once.
  const Dashboard weeks = engine->dashboard(period("2026-01-01", "2026-03-31"));
  int64_t receipts = 0;
  for (const SeriesPoint& point : weeks.series) {
    receipts += point.receipts;
  }
  EXPECT_EQ(receipts, 2);
  // Product P1 is on both parts of R1 and on R2.
  ASSERT_EQ(weeks.top_products.size(), 1u);
  EXPECT_EQ(weeks.top_products[0].net_revenue, 155);
  EXPECT_EQ(weeks.top_products[0].receipts, 2);
}

TEST(SalesEngineAppend, QueriesSeeWholeBatchesOnly) {
  SalesFixture sales;
  SalesEngine engine(sales.zone());
  engine.load(sales.database());
  constexpr int kBatches = 30;
  constexpr int kBatchLines = 40;

  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  std::thread reader([&] {
    const SalesFilter filter = period("2026-01-01", "2026-12-31");
    while (!done.load()) {
      const int64_t lines = engine.dashboard(filter).kpis.lines;
      torn += lines % kBatchLines == 0 ? 0 : 1;
    }
  });
  for (int batch = 0; batch < kBatches; ++batch) {
    for (int line = 0; line < kBatchLines; ++line) {
      sales.add({.receipt = "B" + std::to_string(batch) + "-" + std::to_string(line % 7),
                 .time = format_iso_date(day_of("2026-01-01") + batch * 7 + line % 5) + " 10:00:00",
                 .amount = 100});
    }
    engine.append(sales.database(), sales.write().inserted);
  }
  done = true;
  reader.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(engine.coverage().lines, kBatches * kBatchLines);
}

// The engine's memory per additional line, without the fixed cost of the dictionaries, must stay
// within the budget of 60 bytes. The columns alone take 37 bytes a line.
TEST(SalesEngineMemory, CostPerLineWithinBudget) {
  const auto measure = [](int receipts) {
    SalesFixture sales;
    for (const auto& line : testing::random_lines(3, receipts)) {
      sales.add(line);
    }
    const auto engine = sales.load_engine();
    return std::make_pair(static_cast<double>(engine->coverage().lines),
                          static_cast<double>(engine->memory_bytes()));
  };
  const auto [small_lines, small_bytes] = measure(1000);
  const auto [large_lines, large_bytes] = measure(4000);
  const double bytes_per_line = (large_bytes - small_bytes) / (large_lines - small_lines);
  EXPECT_GE(bytes_per_line, 37.0);
  EXPECT_LE(bytes_per_line, 60.0);
}

}  // namespace
}  // namespace imagross::analytics
