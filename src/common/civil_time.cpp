#include "common/civil_time.h"

#include <fmt/format.h>

namespace imagross {
namespace {

// Floor division, so that days before 1970 map to the right era and weekday.
int32_t floor_div(int32_t a, int32_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool is_leap(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

// The calendar repeats every 400 years (an era of 146,097 days). Counting years from March
// puts the leap day at the end of the year, so the day of the year follows from the month by a
// linear formula.
int32_t days_from_civil(const CivilDate& date) {
  const int year = date.month <= 2 ? date.year - 1 : date.year;
  const int era = floor_div(year, 400);
  const int year_of_era = year - era * 400;
  const int march_month = date.month > 2 ? date.month - 3 : date.month + 9;
  const int day_of_year = (153 * march_month + 2) / 5 + date.day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(int32_t day) {
  const int32_t shifted = day + 719468;
  const int32_t era = floor_div(shifted, 146097);
  const int day_of_era = shifted - era * 146097;
  const int year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int march_month = (5 * day_of_year + 2) / 153;
  const int day_of_month = day_of_year - (153 * march_month + 2) / 5 + 1;
  const int month = march_month < 10 ? march_month + 3 : march_month - 9;
  const int year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return CivilDate{year, month, day_of_month};
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

int iso_weekday(int32_t day) {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const int32_t from_monday = (day + 3) % 7;
  return (from_monday < 0 ? from_monday + 7 : from_monday) + 1;
}

int32_t iso_week_start(int32_t day) {
  return day - (iso_weekday(day) - 1);
}

IsoWeek iso_week(int32_t day) {
  // The ISO year is the calendar year of the week's Thursday.
  const int32_t thursday = iso_week_start(day) + 3;
  const int year = civil_from_days(thursday).year;
  const int32_t first_thursday_of_year = iso_week_start(days_from_civil({year, 1, 4})) + 3;
  return IsoWeek{year, (thursday - first_thursday_of_year) / 7 + 1};
}

int32_t month_start(int32_t day) {
  CivilDate date = civil_from_days(day);
  date.day = 1;
  return days_from_civil(date);
}

int32_t quarter_start(int32_t day) {
  CivilDate date = civil_from_days(day);
  date.month = (date.month - 1) / 3 * 3 + 1;
  date.day = 1;
  return days_from_civil(date);
}

int32_t add_months(int32_t day, int months) {
  const CivilDate date = civil_from_days(day);
  const int month_index = date.year * 12 + (date.month - 1) + months;
  const int year = floor_div(month_index, 12);
  const int month = month_index - year * 12 + 1;
  const int last = days_in_month(year, month);
  return days_from_civil({year, month, date.day < last ? date.day : last});
}

Result<int32_t> parse_iso_date(std::string_view text) {
  const auto fail = [&] {
    return Error{"invalid_date",
                 "invalid date '" + std::string(text) + "': expected YYYY-MM-DD, e.g. 2026-11-30"};
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return fail();
  }
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') {
        return fail();
      }
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (!is_valid_date(parts[0], parts[1], parts[2])) {
    return Error{"invalid_date", "invalid date '" + std::string(text) +
                                     "': that day does not exist in the calendar"};
  }
  return days_from_civil({parts[0], parts[1], parts[2]});
}

std::string format_iso_date(int32_t day) {
  const CivilDate date = civil_from_days(day);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string format_local_date_time(const LocalDateTime& time) {
  const int hours = time.second_of_day / 3600;
  const int minutes = time.second_of_day / 60 % 60;
  const int seconds = time.second_of_day % 60;
  return fmt::format("{} {:02}:{:02}:{:02}", format_iso_date(time.day), hours, minutes, seconds);
}

}  // namespace imagross
