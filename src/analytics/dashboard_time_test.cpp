// Local days, hours, ISO weeks and months of the dashboard in Europe/Rome, across the changes of
// daylight-saving time and across a year boundary.

#include <gtest/gtest.h>

#include "analytics/sales_engine.h"
#include "analytics/testing/sales_fixture.h"
#include "analytics/time_buckets.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

using testing::day_of;
using testing::period;
using testing::SalesFixture;

constexpr std::size_t kSunday = 6;  // weekday_hour index

// UTC seconds of a UTC date and time of day.
int64_t utc(std::string_view date, int hour, int minute, int second) {
  return int64_t{day_of(date)} * 86400 + hour * 3600 + minute * 60 + second;
}

std::vector<int32_t> bucket_starts(const Dashboard& dashboard) {
  std::vector<int32_t> starts;
  for (const SeriesPoint& point : dashboard.series) {
    starts.push_back(point.start_day);
  }
  return starts;
}

TEST(DashboardTime, SpringForwardDayHas23Hours) {
  SalesFixture sales;
  // Rome moves from 02:00 CET to 03:00 CEST on Sunday 2026-03-29: the local day runs from
  // 2026-03-28T23:00Z to 2026-03-29T22:00Z.
  sales.add({.receipt = "A", .utc_timestamp = utc("2026-03-28", 22, 59, 59), .amount = 1});
  sales.add({.receipt = "B", .utc_timestamp = utc("2026-03-28", 23, 0, 0), .amount = 10});
  sales.add({.receipt = "C", .time = "2026-03-29 01:59:59", .amount = 100});
  sales.add({.receipt = "D", .time = "2026-03-29 03:00:00", .amount = 1000});
  sales.add({.receipt = "E", .utc_timestamp = utc("2026-03-29", 21, 59, 59), .amount = 10000});
  sales.add({.receipt = "F", .utc_timestamp = utc("2026-03-29", 22, 0, 0), .amount = 100000});
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2026-03-29", "2026-03-29"));

  EXPECT_EQ(dashboard.kpis.net_revenue, 11110);
  EXPECT_EQ(dashboard.kpis.receipts, 4);
  const auto& sunday = dashboard.weekday_hour[kSunday];
  EXPECT_EQ(sunday[0], 10);
  EXPECT_EQ(sunday[1], 100);
  EXPECT_EQ(sunday[2], 0);  // the hour that does not exist
  EXPECT_EQ(sunday[3], 1000);
  EXPECT_EQ(sunday[23], 10000);
  EXPECT_EQ(engine->dashboard(period("2026-03-28", "2026-03-28")).weekday_hour[5][23], 1);
  EXPECT_EQ(engine->dashboard(period("2026-03-30", "2026-03-30")).weekday_hour[0][0], 100000);
}

TEST(DashboardTime, FallBackDayHas25Hours) {
  SalesFixture sales;
  // Rome moves from 03:00 CEST back to 02:00 CET on Sunday 2025-10-26: the local day runs from
  // 2025-10-25T22:00Z to 2025-10-26T23:00Z, and 02:00-02:59 happens twice.
  sales.add({.receipt = "A", .utc_timestamp = utc("2025-10-25", 21, 59, 59), .amount = 1});
  sales.add({.receipt = "B", .utc_timestamp = utc("2025-10-25", 22, 0, 0), .amount = 10});
  sales.add({.receipt = "C", .utc_timestamp = utc("2025-10-26", 0, 30, 0), .amount = 100});
  sales.add({.receipt = "D", .utc_timestamp = utc("2025-10-26", 1, 30, 0), .amount = 1000});
  sales.add({.receipt = "E", .utc_timestamp = utc("2025-10-26", 22, 59, 59), .amount = 10000});
  sales.add({.receipt = "F", .utc_timestamp = utc("2025-10-26", 23, 0, 0), .amount = 100000});
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2025-10-26", "2025-10-26"));

  EXPECT_EQ(dashboard.kpis.net_revenue, 11110);
  EXPECT_EQ(dashboard.kpis.receipts, 4);
  const auto& sunday = dashboard.weekday_hour[kSunday];
  EXPECT_EQ(sunday[0], 10);
  EXPECT_EQ(sunday[2], 1100);  // both 02:30s, summer time and then winter time
  EXPECT_EQ(sunday[23], 10000);
  ASSERT_EQ(dashboard.series.size(), 1u);
  EXPECT_EQ(dashboard.series[0].net_revenue, 11110);
  EXPECT_EQ(dashboard.series[0].receipts, 4);
}

TEST(DashboardTime, DailySeriesListsEmptyDays) {
  SalesFixture sales;
  sales.add({.receipt = "A", .time = "2026-03-05 12:00:00", .amount = 700});
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2026-03-01", "2026-03-10"));
  EXPECT_EQ(dashboard.granularity, Granularity::day);
  ASSERT_EQ(dashboard.series.size(), 10u);
  for (std::size_t i = 0; i < dashboard.series.size(); ++i) {
    EXPECT_EQ(dashboard.series[i].start_day, day_of("2026-03-01") + static_cast<int32_t>(i));
    EXPECT_EQ(dashboard.series[i].net_revenue, i == 4 ? 700 : 0);
    EXPECT_EQ(dashboard.series[i].receipts, i == 4 ? 1 : 0);
  }
}

TEST(DashboardTime, IsoWeeksAcrossYearBoundary) {
  SalesFixture sales;
  sales.add({.receipt = "A", .time = "2025-11-14 12:00:00", .amount = 1});  // before the period
  sales.add({.receipt = "B", .time = "2025-11-15 12:00:00", .amount = 10});
  // Monday 2025-12-29 starts ISO week 2026-W01, which runs to Sunday 2026-01-04.
  sales.add({.receipt = "C", .time = "2025-12-29 00:00:00", .amount = 100});
  sales.add({.receipt = "D", .time = "2026-01-04 23:59:59", .amount = 1000});
  sales.add({.receipt = "E", .time = "2026-01-05 00:00:00", .amount = 10000});
  sales.add({.receipt = "F", .time = "2026-02-14 20:00:00", .amount = 100000});
  sales.add({.receipt = "G", .time = "2026-02-15 10:00:00", .amount = 1000000});  // after it
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2025-11-15", "2026-02-14"));

  // 92 days: ISO weeks from Monday 2025-11-10 to Monday 2026-02-09.
  EXPECT_EQ(dashboard.granularity, Granularity::week);
  const auto starts = bucket_starts(dashboard);
  ASSERT_EQ(starts.size(), 14u);
  EXPECT_EQ(starts.front(), day_of("2025-11-10"));
  EXPECT_EQ(starts.back(), day_of("2026-02-09"));
  for (std::size_t i = 1; i < starts.size(); ++i) {
    EXPECT_EQ(starts[i] - starts[i - 1], 7);
  }
  EXPECT_EQ(dashboard.series.front().net_revenue, 10);
  const auto week_one = static_cast<std::size_t>((day_of("2025-12-29") - starts.front()) / 7);
  EXPECT_EQ(dashboard.series[week_one].net_revenue, 1100);
  EXPECT_EQ(dashboard.series[week_one].receipts, 2);
  EXPECT_EQ(dashboard.series[week_one + 1].net_revenue, 10000);
  EXPECT_EQ(dashboard.series.back().net_revenue, 100000);
  EXPECT_EQ(dashboard.kpis.net_revenue, 111110);
}

TEST(DashboardTime, MonthsCutInLocalTime) {
  SalesFixture sales;
  sales.add({.receipt = "A", .time = "2025-11-14 12:00:00", .amount = 1});
  sales.add({.receipt = "B", .time = "2025-11-15 00:00:00", .amount = 10});
  // 2026-02-28 23:30 in Rome is 22:30Z, still February; 2026-03-01 00:30 is 23:30Z of the 28th.
  sales.add({.receipt = "C", .time = "2026-02-28 23:30:00", .amount = 100});
  sales.add({.receipt = "D", .time = "2026-03-01 00:30:00", .amount = 1000});
  sales.add({.receipt = "E", .time = "2026-06-10 23:59:59", .amount = 10000});
  sales.add({.receipt = "F", .time = "2026-06-11 00:00:00", .amount = 100000});
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2025-11-15", "2026-06-10"));

  EXPECT_EQ(dashboard.granularity, Granularity::month);
  const auto starts = bucket_starts(dashboard);
  ASSERT_EQ(starts.size(), 8u);
  EXPECT_EQ(starts.front(), day_of("2025-11-01"));
  EXPECT_EQ(starts[3], day_of("2026-02-01"));
  EXPECT_EQ(starts[4], day_of("2026-03-01"));
  EXPECT_EQ(starts.back(), day_of("2026-06-01"));
  EXPECT_EQ(dashboard.series[0].net_revenue, 10);
  EXPECT_EQ(dashboard.series[3].net_revenue, 100);
  EXPECT_EQ(dashboard.series[4].net_revenue, 1000);
  EXPECT_EQ(dashboard.series[7].net_revenue, 10000);
}

TEST(DashboardTime, QuarterPeriodUsesWeeks) {
  SalesFixture sales;
  sales.add({.receipt = "A", .time = "2025-12-31 12:00:00", .amount = 1});
  sales.add({.receipt = "B", .time = "2026-01-01 12:00:00", .amount = 10});
  sales.add({.receipt = "C", .time = "2026-03-31 12:00:00", .amount = 100});
  sales.add({.receipt = "D", .time = "2026-04-01 12:00:00", .amount = 1000});
  const auto engine = sales.load_engine();
  const int32_t first = quarter_start(day_of("2026-02-15"));
  ASSERT_EQ(first, day_of("2026-01-01"));
  SalesFilter filter;
  filter.from_day = first;
  filter.to_day = quarter_start(day_of("2026-04-15")) - 1;
  const Dashboard dashboard = engine->dashboard(filter);

  // 90 days: weeks from Monday 2025-12-29, which holds only 2026-01-01 to 01-04 of the period.
  EXPECT_EQ(dashboard.granularity, Granularity::week);
  ASSERT_EQ(dashboard.series.size(), 14u);
  EXPECT_EQ(dashboard.series.front().start_day, day_of("2025-12-29"));
  EXPECT_EQ(dashboard.series.front().net_revenue, 10);
  EXPECT_EQ(dashboard.series.back().start_day, day_of("2026-03-30"));
  EXPECT_EQ(dashboard.series.back().net_revenue, 100);
  EXPECT_EQ(dashboard.kpis.net_revenue, 110);
}

TEST(DashboardTime, GranularityLimits) {
  const int32_t start = day_of("2026-01-01");
  EXPECT_EQ(granularity_for(start, start), Granularity::day);
  EXPECT_EQ(granularity_for(start, start + 61), Granularity::day);    // 62 days
  EXPECT_EQ(granularity_for(start, start + 62), Granularity::week);   // 63 days
  EXPECT_EQ(granularity_for(start, start + 181), Granularity::week);  // 182 days
  EXPECT_EQ(granularity_for(start, start + 182), Granularity::month);
  // The first half of 2026 has 181 days, the second 184.
  EXPECT_EQ(granularity_for(day_of("2026-01-01"), day_of("2026-06-30")), Granularity::week);
  EXPECT_EQ(granularity_for(day_of("2026-07-01"), day_of("2026-12-31")), Granularity::month);
}

}  // namespace
}  // namespace imagross::analytics
