#include "demo/calendar.h"

#include <cassert>

#include "common/civil_time.h"

namespace imagross::demo {
namespace {

// Percent of an average day, Monday first.
constexpr std::array<uint64_t, 7> kWeekdayPercent = {92, 86, 90, 96, 118, 150, 55};

// Percent of an average month, January first.
constexpr std::array<uint64_t, 12> kMonthPercent = {92, 90, 97, 99, 100, 99,
                                                    98, 80, 96, 98, 101, 122};

// Growth of the chain's volume from the first to the last day of the period, in per mille.
constexpr uint64_t kGrowthPerMille = 140;

using Hours = std::array<uint32_t, 24>;

// Places the weights of the hours 8:00 to 20:00 into a whole day.
constexpr Hours from_eight(const std::array<uint32_t, 13>& weights) {
  Hours day{};
  for (size_t index = 0; index < weights.size(); ++index) {
    day[8 + index] = weights[index];
  }
  return day;
}

// Relative customers per local hour, by kind of day; stores are closed outside 8:00-21:00.
// clang-format off
//                                       8   9   10   11   12  13  14  15  16  17   18  19  20
constexpr Hours kWeekday  = from_eight({35, 60,  85, 100,  90, 55, 40, 45, 60, 85, 100, 80, 40});
constexpr Hours kSaturday = from_eight({40, 80, 115, 125, 105, 65, 50, 60, 75, 85,  85, 65, 30});
constexpr Hours kSunday   = from_eight({ 0, 70, 110, 120, 100, 45,  0,  0,  0,  0,   0,  0,  0});
constexpr Hours kEve      = from_eight({50, 85, 110, 120, 115, 90, 70, 70, 75, 65,  40,  0,  0});
// clang-format on
constexpr Hours kClosed = {};

bool is_public_holiday(const CivilDate& date, int32_t day) {
  const int32_t easter = easter_sunday(date.year);
  if (day == easter + 1) {
    return true;  // Easter Monday
  }
  const int key = date.month * 100 + date.day;
  switch (key) {
    case 106:   // Epiphany
    case 425:   // Liberation Day
    case 602:   // Republic Day
    case 815:   // Ferragosto
    case 1101:  // All Saints
    case 1208:  // Immaculate Conception
    case 1226:  // St Stephen
      return true;
    default:
      return false;
  }
}

// Percent for the busy days before holidays, 100 on ordinary days.
uint64_t special_percent(const CivilDate& date, int32_t day) {
  const int key = date.month * 100 + date.day;
  if (key == 1223) {
    return 175;
  }
  if (key == 1224) {
    return 190;
  }
  if (key == 1231) {
    return 165;
  }
  if (key == 1222 || key == 1230 || key == 814) {
    return 135;
  }
  if (day == easter_sunday(date.year) - 1) {
    return 160;
  }
  return 100;
}

}  // namespace

int32_t easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return days_from_civil({year, month, day});
}

DayKind day_kind(int32_t day) {
  const CivilDate date = civil_from_days(day);
  const int key = date.month * 100 + date.day;
  if (key == 101 || key == 501 || key == 1225 || day == easter_sunday(date.year)) {
    return DayKind::closed;
  }
  if (key == 1224 || key == 1231) {
    return DayKind::eve;
  }
  const int weekday = iso_weekday(day);
  if (weekday == 7 || is_public_holiday(date, day)) {
    return DayKind::sunday;
  }
  return weekday == 6 ? DayKind::saturday : DayKind::weekday;
}

const std::array<uint32_t, 24>& hour_weights(DayKind kind) {
  switch (kind) {
    case DayKind::weekday:
      return kWeekday;
    case DayKind::saturday:
      return kSaturday;
    case DayKind::sunday:
      return kSunday;
    case DayKind::eve:
      return kEve;
    case DayKind::closed:
      break;
  }
  return kClosed;
}

uint64_t day_weight(int32_t day, int32_t first_day, int32_t last_day) {
  assert(first_day <= day);
  assert(day <= last_day);
  const DayKind kind = day_kind(day);
  if (kind == DayKind::closed) {
    return 0;
  }
  const CivilDate date = civil_from_days(day);
  // Holidays trade like a Sunday; the busy eves keep their weekday's base.
  const int weekday = kind == DayKind::sunday ? 7 : iso_weekday(day);
  const uint64_t span = static_cast<uint64_t>(last_day - first_day);
  const uint64_t elapsed = static_cast<uint64_t>(day - first_day);
  const uint64_t growth = 1000 + (span == 0 ? 0 : kGrowthPerMille * elapsed / span);
  const uint64_t percents = kWeekdayPercent[static_cast<size_t>(weekday - 1)] *
                            kMonthPercent[static_cast<size_t>(date.month - 1)] *
                            special_percent(date, day);
  return percents * growth;
}

}  // namespace imagross::demo
