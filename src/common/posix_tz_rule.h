#pragma once

// The POSIX TZ rule at the end of a TZif file, such as "CET-1CEST,M3.5.0,M10.5.0/3": how a zone
// keeps changing its clocks after the last transition the file lists.

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time_zone.h"

namespace imagross {

class PosixTzRule {
 public:
  // Parses the rule; error code "invalid_tz_rule".
  static Result<PosixTzRule> parse(std::string_view text);

  // Appends the transitions after the instant `after` through the end of `last_year`.
  void append_transitions(int64_t after, int last_year,
                          std::vector<TimeZone::Transition>& out) const;

  int32_t standard_offset() const { return standard_offset_; }

  // A day of the year in one of the three POSIX forms.
  struct DateRule {
    enum class Kind : uint8_t { julian_no_leap, zero_based, month_week_day } kind;
    int day = 0;  // Jn: 1-365; n: 0-365; Mm.w.d: d, 0 = Sunday
    int month = 0;
    int week = 0;         // 1-5, 5 = the last such weekday of the month
    int32_t time = 7200;  // seconds after local midnight; may be negative or beyond 24 h
  };

 private:
  int32_t standard_offset_ = 0;  // seconds east of UTC
  bool has_daylight_ = false;
  int32_t daylight_offset_ = 0;
  DateRule start_{};
  DateRule end_{};
};

}  // namespace imagross
