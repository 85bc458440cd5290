#pragma once

// Calendar arithmetic on the proleptic Gregorian calendar, independent of any time zone.
// A day number counts days since 1970-01-01 (day 0, a Thursday).

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// A wall-clock reading: a calendar day and the seconds since its midnight (0-86399).
struct LocalDateTime {
  int32_t day = 0;
  int32_t second_of_day = 0;

  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
  friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

int32_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(int32_t day);
bool is_valid_date(int year, int month, int day);

// ISO 8601 weekday: 1 = Monday ... 7 = Sunday.
int iso_weekday(int32_t day);

// The Monday that starts the ISO week containing `day`.
int32_t iso_week_start(int32_t day);

// ISO 8601 week-numbering year and week (1-53) of `day`.
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek iso_week(int32_t day);

// The first day of the month / quarter containing `day`.
int32_t month_start(int32_t day);
int32_t quarter_start(int32_t day);

// Adds whole months, clamping the day to the end of a shorter month.
int32_t add_months(int32_t day, int months);

// Parses exactly "YYYY-MM-DD"; error code "invalid_date" otherwise.
Result<int32_t> parse_iso_date(std::string_view text);

// Formats as "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS".
std::string format_iso_date(int32_t day);
std::string format_local_date_time(const LocalDateTime& time);

}  // namespace imagross
