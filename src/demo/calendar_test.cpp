#include "demo/calendar.h"

#include <gtest/gtest.h>

#include "common/civil_time.h"

namespace imagross::demo {
namespace {

int32_t day_of(int year, int month, int day) {
  return days_from_civil({year, month, day});
}

TEST(Calendar, EasterSundayOfKnownYears) {
  EXPECT_EQ(easter_sunday(2024), day_of(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2025), day_of(2025, 4, 20));
  EXPECT_EQ(easter_sunday(2026), day_of(2026, 4, 5));
  EXPECT_EQ(easter_sunday(2038), day_of(2038, 4, 25));
}

TEST(Calendar, DayKinds) {
  EXPECT_EQ(day_kind(day_of(2025, 12, 25)), DayKind::closed);
  EXPECT_EQ(day_kind(day_of(2026, 1, 1)), DayKind::closed);
  EXPECT_EQ(day_kind(day_of(2025, 4, 20)), DayKind::closed);  // Easter Sunday
  EXPECT_EQ(day_kind(day_of(2026, 5, 1)), DayKind::closed);
  EXPECT_EQ(day_kind(day_of(2025, 12, 24)), DayKind::eve);
  EXPECT_EQ(day_kind(day_of(2025, 12, 31)), DayKind::eve);
  EXPECT_EQ(day_kind(day_of(2026, 8, 15)), DayKind::sunday);  // Ferragosto, a Saturday
  EXPECT_EQ(day_kind(day_of(2025, 4, 21)), DayKind::sunday);  // Easter Monday
  EXPECT_EQ(day_kind(day_of(2026, 11, 28)), DayKind::saturday);
  EXPECT_EQ(day_kind(day_of(2026, 11, 29)), DayKind::sunday);
  EXPECT_EQ(day_kind(day_of(2026, 11, 30)), DayKind::weekday);
}

TEST(Calendar, HoursStayInOpeningTimes) {
  struct Case {
    DayKind kind;
    int open;
    int close;
  };
  for (const Case& expected : {Case{DayKind::weekday, 8, 21}, Case{DayKind::saturday, 8, 21},
                               Case{DayKind::sunday, 9, 14}, Case{DayKind::eve, 8, 19}}) {
    const auto& weights = hour_weights(expected.kind);
    for (int hour = 0; hour < 24; ++hour) {
      const bool open = hour >= expected.open && hour < expected.close;
      EXPECT_EQ(weights[static_cast<size_t>(hour)] > 0, open) << "hour " << hour;
    }
  }
  for (const uint32_t weight : hour_weights(DayKind::closed)) {
    EXPECT_EQ(weight, 0U);
  }
}

TEST(Calendar, PeaksLateMorningAndEarlyEvening) {
  const auto& weekday = hour_weights(DayKind::weekday);
  EXPECT_GT(weekday[11], weekday[8]);
  EXPECT_GT(weekday[11], weekday[14]);
  EXPECT_GT(weekday[18], weekday[14]);
  EXPECT_GT(weekday[18], weekday[20]);
}

TEST(Calendar, DayWeightsFollowWeekAndSeason) {
  const int32_t first = day_of(2024, 12, 1);
  const int32_t last = day_of(2026, 11, 30);
  // 2026-06-08 is a Monday; the Friday and Saturday of the same week follow.
  const uint64_t monday = day_weight(day_of(2026, 6, 8), first, last);
  const uint64_t friday = day_weight(day_of(2026, 6, 12), first, last);
  const uint64_t saturday = day_weight(day_of(2026, 6, 13), first, last);
  const uint64_t sunday = day_weight(day_of(2026, 6, 14), first, last);
  EXPECT_GT(saturday, friday);
  EXPECT_GT(friday, monday);
  EXPECT_GT(monday, sunday);

  const uint64_t december_saturday = day_weight(day_of(2025, 12, 13), first, last);
  const uint64_t august_saturday = day_weight(day_of(2025, 8, 9), first, last);
  EXPECT_GT(december_saturday, august_saturday);
  EXPECT_EQ(day_weight(day_of(2025, 12, 25), first, last), 0U);
}

TEST(Calendar, DayWeightsGrowOverThePeriod) {
  const int32_t first = day_of(2024, 12, 1);
  const int32_t last = day_of(2026, 11, 30);
  // Two ordinary Wednesdays in March, one year apart.
  EXPECT_GT(day_weight(day_of(2026, 3, 11), first, last),
            day_weight(day_of(2025, 3, 12), first, last));
}

}  // namespace
}  // namespace imagross::demo
