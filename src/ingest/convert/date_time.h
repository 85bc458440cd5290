#pragma once

// Dates and times as exports write them: ISO 8601, day-first or month-first with slashes,
// Excel serial numbers, or an explicit strftime-like pattern. How a file writes its dates is
// decided once for the whole file (see format_detection.h); these functions parse one value in
// that decided format and reject anything else rather than guess.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/civil_time.h"
#include "common/result.h"

namespace imagross::ingest {

enum class DateStyle : uint8_t {
  iso,           // 2026-03-25, 2026-03-25 14:30, 2026-03-25T14:30:05+01:00
  day_first,     // 25/03/2026, 25-03-2026, 25.03.2026, each with an optional time
  month_first,   // 03/25/2026 with an optional time
  excel_serial,  // 46106.5: days since 1899-12-30 in Excel's 1900 date system
};

// How a file writes its dates. ISO values are accepted in every style except a pattern,
// because they cannot be read two ways.
struct DateFormat {
  DateStyle style = DateStyle::iso;
  // strftime-like: %d %m %Y %y %H %M %S and %% with literal characters between them. When set,
  // it is the only form accepted.
  std::string pattern;

  friend bool operator==(const DateFormat&, const DateFormat&) = default;
};

// Parses the --date-format option: "iso", "day-first", "month-first", "excel" or a pattern
// containing '%'. Error code "invalid_date_format".
Result<DateFormat> parse_date_format(std::string_view text);

// How the format reads, for messages: "dd/mm/yyyy [hh:mm[:ss]] (day first)".
std::string describe_date_format(const DateFormat& format);

// A parsed date and time. Without an offset it is a wall-clock reading in the import's zone.
struct DateTimeValue {
  LocalDateTime local;
  std::optional<int32_t> utc_offset;  // seconds east of UTC when the text gives 'Z' or +hh:mm
  bool has_time = false;
};

// Parses a date with an optional time. Error code "invalid_date"; the message quotes `text`,
// says what was expected and, for an impossible day, why it does not exist.
Result<DateTimeValue> parse_date_time(std::string_view text, const DateFormat& format);

// Parses a time of day: "14:30", "14:30:05", "9:05", or an Excel fraction of a day such as
// "0.6041666667". Returns seconds since midnight. Error code "invalid_time".
Result<int32_t> parse_time_of_day(std::string_view text);

// True when `text` looks like an Excel serial date: digits with an optional fraction.
bool looks_like_excel_serial(std::string_view text);

}  // namespace imagross::ingest
