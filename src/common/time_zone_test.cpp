#include "common/time_zone.h"

#include <cstdlib>
#include <ctime>

#include <gtest/gtest.h>

#include "common/posix_tz_rule.h"

namespace imagross {
namespace {

int64_t utc(int year, int month, int day, int hour, int minute = 0) {
  return int64_t{days_from_civil({year, month, day})} * 86400 + hour * 3600 + minute * 60;
}

LocalDateTime local(int year, int month, int day, int hour, int minute = 0) {
  return {days_from_civil({year, month, day}), hour * 3600 + minute * 60};
}

std::shared_ptr<const TimeZone> rome() {
  auto zone = TimeZone::load("Europe/Rome");
  EXPECT_TRUE(zone.ok()) << zone.error().message;
  return *zone;
}

TEST(TimeZone, RomeDaylightSavingIn2026) {
  const auto zone = rome();
  // Clocks go forward at 01:00 UTC on the last Sunday of March and back on the last of October.
  EXPECT_EQ(zone->offset_at(utc(2026, 3, 29, 0, 59)), 3600);
  EXPECT_EQ(zone->offset_at(utc(2026, 3, 29, 1, 0)), 7200);
  EXPECT_EQ(zone->offset_at(utc(2026, 10, 25, 0, 59)), 7200);
  EXPECT_EQ(zone->offset_at(utc(2026, 10, 25, 1, 0)), 3600);
  EXPECT_EQ(zone->to_local(utc(2026, 7, 1, 22, 30)), local(2026, 7, 2, 0, 30));
}

TEST(TimeZone, SkippedHourIsRejected) {
  const auto result = rome()->to_utc(local(2026, 3, 29, 2, 30));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "nonexistent_local_time");
  EXPECT_NE(result.error().message.find("2026-03-29 02:30:00"), std::string::npos);
  EXPECT_EQ(*rome()->to_utc(local(2026, 3, 29, 3, 0)), utc(2026, 3, 29, 1, 0));
}

TEST(TimeZone, RepeatedHourTakesFirstOccurrence) {
  EXPECT_EQ(*rome()->to_utc(local(2026, 10, 25, 2, 30)), utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(*rome()->to_utc(local(2026, 10, 25, 3, 0)), utc(2026, 10, 25, 2, 0));
}

TEST(TimeZone, FarFutureFollowsTheRule) {
  // Beyond the file's transitions the POSIX rule applies: 2150-03-29 is the last March Sunday.
  const auto zone = rome();
  EXPECT_EQ(zone->offset_at(utc(2150, 3, 29, 0, 59)), 3600);
  EXPECT_EQ(zone->offset_at(utc(2150, 3, 29, 1, 0)), 7200);
}

// glibc's localtime_r reads the same tz database with its own code, so it is an independent
// check of offsets every few hours over two centuries.
TEST(TimeZone, AgreesWithTheCLibrary) {
  for (const char* name : {"Europe/Rome", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
                           "Europe/London", "America/Sao_Paulo"}) {
    auto zone = TimeZone::load(name);
    ASSERT_TRUE(zone.ok()) << zone.error().message;
    setenv("TZ", name, 1);
    tzset();
    for (int64_t instant = utc(1950, 1, 1, 0); instant < utc(2100, 1, 1, 0); instant += 7 * 3607) {
      const auto seconds = static_cast<time_t>(instant);
      std::tm tm{};
      localtime_r(&seconds, &tm);
      ASSERT_EQ((*zone)->offset_at(instant), tm.tm_gmtoff) << name << " at " << instant;
    }
  }
  unsetenv("TZ");
  tzset();
}

TEST(TimeZone, RoundTripsEveryValidLocalTime) {
  const auto zone = rome();
  for (int64_t instant = utc(2024, 1, 1, 0); instant < utc(2027, 1, 1, 0); instant += 900) {
    const LocalDateTime wall = zone->to_local(instant);
    const auto back = zone->to_utc(wall);
    ASSERT_TRUE(back.ok());
    // In the repeated hour the earlier instant comes back.
    ASSERT_TRUE(*back == instant || *back == instant - 3600) << instant;
  }
}

TEST(TimeZone, UnknownAndUnsafeNames) {
  for (const char* name : {"Mars/Olympus", "../../etc/passwd", "/etc/localtime", ""}) {
    const auto zone = TimeZone::load(name);
    ASSERT_FALSE(zone.ok()) << name;
    EXPECT_EQ(zone.error().code, "unknown_time_zone");
  }
  ASSERT_TRUE(TimeZone::load("UTC").ok());
  EXPECT_EQ(TimeZone::utc()->offset_at(utc(2026, 6, 1, 0)), 0);
}

TEST(PosixTzRule, ParsesCommonForms) {
  for (const char* text : {"CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0", "<+0530>-5:30",
                           "AEST-10AEDT,M10.1.0,M4.1.0/3", "UTC0", "XXX3YYY,J60/2,300/-1"}) {
    EXPECT_TRUE(PosixTzRule::parse(text).ok()) << text;
  }
  for (const char* text : {"", "C-1", "CET", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0"}) {
    EXPECT_FALSE(PosixTzRule::parse(text).ok()) << text;
  }
}

}  // namespace
}  // namespace imagross
