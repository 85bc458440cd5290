#include "common/civil_time.h"

#include <ctime>

#include <gtest/gtest.h>

namespace imagross {
namespace {

TEST(CivilTime, KnownDays) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
  EXPECT_EQ(civil_from_days(20787), (CivilDate{2026, 11, 30}));
}

TEST(CivilTime, RoundTripAgreesWithTimegm) {
  // timegm from the C library is an independent implementation of the same calendar.
  for (int32_t day = -800000; day <= 800000; day += 37) {
    const CivilDate date = civil_from_days(day);
    ASSERT_EQ(days_from_civil(date), day);
    std::tm tm{};
    tm.tm_year = date.year - 1900;
    tm.tm_mon = date.month - 1;
    tm.tm_mday = date.day;
    ASSERT_EQ(timegm(&tm) / 86400, day) << date.year << "-" << date.month << "-" << date.day;
    ASSERT_EQ(iso_weekday(day), tm.tm_wday == 0 ? 7 : tm.tm_wday);
  }
}

TEST(CivilTime, IsoWeeksAcrossYearEnds) {
  const struct {
    CivilDate date;
    IsoWeek week;
  } cases[] = {
      {{2020, 12, 31}, {2020, 53}}, {{2021, 1, 3}, {2020, 53}}, {{2021, 1, 4}, {2021, 1}},
      {{2024, 12, 30}, {2025, 1}},  {{2026, 1, 1}, {2026, 1}},  {{2026, 12, 31}, {2026, 53}},
      {{2027, 1, 3}, {2026, 53}},   {{2027, 1, 4}, {2027, 1}},
  };
  for (const auto& c : cases) {
    const IsoWeek week = iso_week(days_from_civil(c.date));
    EXPECT_EQ(week.year, c.week.year) << c.date.year << "-" << c.date.month << "-" << c.date.day;
    EXPECT_EQ(week.week, c.week.week) << c.date.year << "-" << c.date.month << "-" << c.date.day;
  }
}

TEST(CivilTime, PeriodStarts) {
  const int32_t day = days_from_civil({2026, 8, 19});  // a Wednesday
  EXPECT_EQ(iso_week_start(day), days_from_civil({2026, 8, 17}));
  EXPECT_EQ(month_start(day), days_from_civil({2026, 8, 1}));
  EXPECT_EQ(quarter_start(day), days_from_civil({2026, 7, 1}));
  EXPECT_EQ(add_months(days_from_civil({2026, 1, 31}), 1), days_from_civil({2026, 2, 28}));
  EXPECT_EQ(add_months(days_from_civil({2024, 1, 31}), 1), days_from_civil({2024, 2, 29}));
  EXPECT_EQ(add_months(days_from_civil({2026, 3, 15}), -14), days_from_civil({2025, 1, 15}));
}

TEST(ParseIsoDate, AcceptsAndRejects) {
  EXPECT_EQ(*parse_iso_date("2026-11-30"), days_from_civil({2026, 11, 30}));
  EXPECT_EQ(*parse_iso_date("2024-02-29"), days_from_civil({2024, 2, 29}));
  for (const char* bad : {"2026-02-30", "2026-13-01", "2025-02-29", "26-11-30", "2026/11/30",
                          "2026-1-30", "2026-11-30T00", "", "abcd-ef-gh"}) {
    const auto parsed = parse_iso_date(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().code, "invalid_date");
  }
}

TEST(FormatDate, IsoText) {
  EXPECT_EQ(format_iso_date(days_from_civil({2026, 3, 9})), "2026-03-09");
  EXPECT_EQ(format_local_date_time({days_from_civil({2026, 3, 29}), 2 * 3600 + 30 * 60 + 5}),
            "2026-03-29 02:30:05");
}

}  // namespace
}  // namespace imagross
