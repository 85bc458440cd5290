#include "ingest/convert/date_format.h"

#include <fmt/format.h>

namespace imagross::ingest {
namespace {

constexpr std::string_view kDirectives = "dmYyHMS%";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads `min_count` to `max_count` digits at `position` of `text`.
std::optional<int> read_digits(std::string_view text, std::size_t& position, int min_count,
                               int max_count) {
  int value = 0;
  int count = 0;
  while (count < max_count && position < text.size() && is_digit(text[position])) {
    value = value * 10 + (text[position] - '0');
    ++position;
    ++count;
  }
  if (count < min_count) {
    return std::nullopt;
  }
  return value;
}

// The calendar and clock fields a pattern fills.
struct PatternFields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_time = false;
};

// Reads the field of one directive; false when the text does not match.
bool read_directive(char directive, std::string_view text, std::size_t& position,
                    PatternFields& fields) {
  std::optional<int> value;
  switch (directive) {
    case 'd':
      value = read_digits(text, position, 1, 2);
      fields.day = value.value_or(0);
      break;
    case 'm':
      value = read_digits(text, position, 1, 2);
      fields.month = value.value_or(0);
      break;
    case 'Y':
      value = read_digits(text, position, 4, 4);
      fields.year = value.value_or(0);
      break;
    case 'y':
      // A two-digit year is taken as 2000-2099: the pattern's author chose it for recent sales.
      value = read_digits(text, position, 2, 2);
      fields.year = 2000 + value.value_or(0);
      break;
    case 'H':
      value = read_digits(text, position, 1, 2);
      fields.hour = value.value_or(0);
      fields.has_time = true;
      break;
    case 'M':
      value = read_digits(text, position, 2, 2);
      fields.minute = value.value_or(0);
      break;
    case 'S':
      value = read_digits(text, position, 2, 2);
      fields.second = value.value_or(0);
      break;
    default:
      return position < text.size() && text[position++] == '%';
  }
  return value.has_value();
}

bool match_pattern(std::string_view text, std::string_view pattern, PatternFields& fields) {
  std::size_t position = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size()) {
      if (!read_directive(pattern[++i], text, position, fields)) {
        return false;
      }
    } else if (position >= text.size() || text[position++] != pattern[i]) {
      return false;
    }
  }
  return position == text.size();
}

Error date_error(std::string message) {
  return Error{"invalid_date", std::move(message)};
}

}  // namespace

Result<DateFormat> parse_date_format(std::string_view text) {
  if (text == "iso") {
    return DateFormat{DateStyle::iso, {}};
  }
  if (text == "day-first") {
    return DateFormat{DateStyle::day_first, {}};
  }
  if (text == "month-first") {
    return DateFormat{DateStyle::month_first, {}};
  }
  if (text == "excel") {
    return DateFormat{DateStyle::excel_serial, {}};
  }
  const auto invalid = [&](std::string_view why) {
    return Error{"invalid_date_format",
                 fmt::format("invalid date format '{}': {}; use iso, day-first, month-first, "
                             "excel or a pattern such as \"%d/%m/%Y %H:%M\"",
                             text, why)};
  };
  if (text.find('%') == std::string_view::npos) {
    return invalid("it is neither a known name nor a pattern");
  }
  std::string seen;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      continue;
    }
    if (i + 1 == text.size() || kDirectives.find(text[i + 1]) == std::string_view::npos) {
      return invalid("only %d %m %Y %y %H %M %S and %% are understood");
    }
    seen += text[++i];
  }
  const bool has_year = seen.find_first_of("Yy") != std::string::npos;
  if (seen.find('d') == std::string::npos || seen.find('m') == std::string::npos || !has_year) {
    return invalid("a pattern needs a day (%d), a month (%m) and a year (%Y or %y)");
  }
  if (seen.find('M') != std::string::npos && seen.find('H') == std::string::npos) {
    return invalid("minutes (%M) need hours (%H)");
  }
  return DateFormat{DateStyle::iso, std::string(text)};
}

std::string describe_date_format(const DateFormat& format) {
  if (!format.pattern.empty()) {
    return fmt::format("the pattern \"{}\"", format.pattern);
  }
  switch (format.style) {
    case DateStyle::iso:
      return "yyyy-mm-dd [hh:mm[:ss]] (ISO 8601)";
    case DateStyle::day_first:
      return "dd/mm/yyyy [hh:mm[:ss]] (day first)";
    case DateStyle::month_first:
      return "mm/dd/yyyy [hh:mm[:ss]] (month first)";
    case DateStyle::excel_serial:
      return "Excel serial day numbers such as 46106.5";
  }
  return {};
}

Result<DateTimeValue> parse_date_time_pattern(std::string_view text, const DateFormat& format) {
  PatternFields fields;
  if (!match_pattern(text, format.pattern, fields)) {
    return date_error(
        fmt::format("'{}' does not match the date format \"{}\"", text, format.pattern));
  }
  if (!is_valid_date(fields.year, fields.month, fields.day)) {
    return date_error(fmt::format("'{}' is not a real date (year {}, month {}, day {})", text,
                                  fields.year, fields.month, fields.day));
  }
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) {
    return date_error(
        fmt::format("'{}' has no valid time of day (hours 0-23, minutes and "
                    "seconds 0-59)",
                    text));
  }
  DateTimeValue value;
  value.local.day = days_from_civil(CivilDate{fields.year, fields.month, fields.day});
  value.local.second_of_day = fields.hour * 3600 + fields.minute * 60 + fields.second;
  value.has_time = fields.has_time;
  return value;
}

}  // namespace imagross::ingest
