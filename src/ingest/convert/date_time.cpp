#include "ingest/convert/date_time.h"

#include <fmt/format.h>

#include "ingest/convert/date_format.h"

namespace imagross::ingest {
namespace {

constexpr int32_t kSecondsPerDay = 86400;
// Excel's largest date, 9999-12-31.
constexpr int64_t kMaxExcelSerial = 2958465;
// Excel's 1900 date system counts a 29 February 1900 that never existed.
constexpr int64_t kExcelFictitiousLeapDay = 60;

// A cursor over the text of one value.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return position_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[position_]; }

  bool consume(char c) {
    if (peek() != c) {
      return false;
    }
    ++position_;
    return true;
  }

  void skip_spaces() {
    while (peek() == ' ') {
      ++position_;
    }
  }

  // Reads `min_count` to `max_count` decimal digits.
  std::optional<int> digits(int min_count, int max_count) {
    int value = 0;
    int count = 0;
    while (count < max_count && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (peek() - '0');
      ++position_;
      ++count;
    }
    if (count < min_count) {
      return std::nullopt;
    }
    return value;
  }

  // Skips a fraction of a second: timestamps are stored to the second.
  void skip_fraction() {
    if (consume('.') || consume(',')) {
      while (peek() >= '0' && peek() <= '9') {
        ++position_;
      }
    }
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Error date_error(std::string message) {
  return Error{"invalid_date", std::move(message)};
}

Error shape_error(std::string_view text, const DateFormat& format) {
  return date_error(
      fmt::format("'{}' is not a date written as {}", text, describe_date_format(format)));
}

// Checks the calendar fields and builds the day number.
Result<int32_t> make_day(std::string_view text, int year, int month, int day,
                         const DateFormat& format) {
  if (month < 1 || month > 12) {
    return date_error(fmt::format("'{}' has month {}, which does not exist; this file writes {}",
                                  text, month, describe_date_format(format)));
  }
  if (day < 1 || day > days_in_month(year, month)) {
    return date_error(fmt::format("'{}' is not a real date: month {} of {} has {} days", text,
                                  month, year, days_in_month(year, month)));
  }
  return days_from_civil(CivilDate{year, month, day});
}

// Reads "hh:mm" or "hh:mm:ss" with an optional fraction of a second.
std::optional<int32_t> scan_time(Scanner& scanner) {
  const auto hours = scanner.digits(1, 2);
  if (!hours || !scanner.consume(':')) {
    return std::nullopt;
  }
  const auto minutes = scanner.digits(2, 2);
  if (!minutes) {
    return std::nullopt;
  }
  int seconds = 0;
  if (scanner.consume(':')) {
    const auto read = scanner.digits(2, 2);
    if (!read) {
      return std::nullopt;
    }
    seconds = *read;
    scanner.skip_fraction();
  }
  if (*hours > 23 || *minutes > 59 || seconds > 59) {
    return std::nullopt;
  }
  return *hours * 3600 + *minutes * 60 + seconds;
}

// Reads 'Z', "+hh:mm", "+hhmm" or "+hh" into seconds east of UTC.
std::optional<int32_t> scan_offset(Scanner& scanner) {
  if (scanner.consume('Z') || scanner.consume('z')) {
    return 0;
  }
  int sign = 0;
  if (scanner.consume('+')) {
    sign = 1;
  } else if (scanner.consume('-')) {
    sign = -1;
  } else {
    return std::nullopt;
  }
  const auto hours = scanner.digits(2, 2);
  if (!hours) {
    return std::nullopt;
  }
  scanner.consume(':');
  const int minutes = scanner.digits(2, 2).value_or(0);
  if (*hours > 14 || minutes > 59) {
    return std::nullopt;
  }
  return sign * (*hours * 3600 + minutes * 60);
}

// Reads an optional time after a date, separated by 'T' or spaces, and the end of the text.
Result<DateTimeValue> finish_date_time(Scanner& scanner, int32_t day, bool allow_offset,
                                       std::string_view text, const DateFormat& format) {
  DateTimeValue value;
  value.local.day = day;
  if (scanner.done()) {
    return value;
  }
  if (!scanner.consume('T')) {
    if (scanner.peek() != ' ') {
      return shape_error(text, format);
    }
    scanner.skip_spaces();
  }
  const auto seconds = scan_time(scanner);
  if (!seconds) {
    return date_error(
        fmt::format("'{}' has no valid time of day (expected hh:mm or hh:mm:ss, "
                    "hours 0-23)",
                    text));
  }
  value.local.second_of_day = *seconds;
  value.has_time = true;
  if (allow_offset && !scanner.done()) {
    value.utc_offset = scan_offset(scanner);
    if (!value.utc_offset) {
      return shape_error(text, format);
    }
  }
  if (!scanner.done()) {
    return shape_error(text, format);
  }
  return value;
}

Result<DateTimeValue> parse_iso(std::string_view text, const DateFormat& format) {
  Scanner scanner(text);
  const auto year = scanner.digits(4, 4);
  if (!year || !scanner.consume('-')) {
    return shape_error(text, format);
  }
  const auto month = scanner.digits(1, 2);
  if (!month || !scanner.consume('-')) {
    return shape_error(text, format);
  }
  const auto day = scanner.digits(1, 2);
  if (!day) {
    return shape_error(text, format);
  }
  auto day_number = make_day(text, *year, *month, *day, format);
  if (!day_number.ok()) {
    return day_number.error();
  }
  return finish_date_time(scanner, *day_number, true, text, format);
}

bool starts_like_iso(std::string_view text) {
  return text.size() >= 5 && text[4] == '-' && text.find_first_not_of("0123456789") == 4;
}

// Reads "a/b/yyyy" (or with '-' or '.') with the day and month in the order of `style`.
Result<DateTimeValue> parse_slashed(std::string_view text, const DateFormat& format) {
  Scanner scanner(text);
  const auto first = scanner.digits(1, 2);
  const char separator = scanner.peek();
  if (!first || (separator != '/' && separator != '-' && separator != '.')) {
    return shape_error(text, format);
  }
  scanner.consume(separator);
  const auto second = scanner.digits(1, 2);
  if (!second || !scanner.consume(separator)) {
    return shape_error(text, format);
  }
  const auto year = scanner.digits(4, 4);
  if (!year) {
    return shape_error(text, format);
  }
  const bool day_first = format.style == DateStyle::day_first;
  const int day = day_first ? *first : *second;
  const int month = day_first ? *second : *first;
  auto day_number = make_day(text, *year, month, day, format);
  if (!day_number.ok()) {
    return day_number.error();
  }
  return finish_date_time(scanner, *day_number, false, text, format);
}

// Splits "46106.75" into whole days and seconds of the day, rounded to the nearest second.
struct SerialParts {
  int64_t days = 0;
  int32_t seconds = 0;
  bool has_fraction = false;
};

std::optional<SerialParts> split_serial(std::string_view text) {
  if (!looks_like_excel_serial(text)) {
    return std::nullopt;
  }
  SerialParts parts;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (parts.days > kMaxExcelSerial) {
      return std::nullopt;
    }
    parts.days = parts.days * 10 + (text[i] - '0');
  }
  // Twelve digits of a day resolve 86 nanoseconds, far below the second kept.
  int64_t numerator = 0;
  int64_t denominator = 1;
  for (++i; i < text.size() && denominator < 1'000'000'000'000; ++i) {
    numerator = numerator * 10 + (text[i] - '0');
    denominator *= 10;
    parts.has_fraction = true;
  }
  parts.seconds =
      static_cast<int32_t>((numerator * kSecondsPerDay + denominator / 2) / denominator);
  return parts;
}

Result<DateTimeValue> parse_excel_serial(std::string_view text, const DateFormat& format) {
  const auto parts = split_serial(text);
  if (!parts) {
    return shape_error(text, format);
  }
  if (parts->days < 1 || parts->days > kMaxExcelSerial) {
    return date_error(
        fmt::format("'{}' is outside Excel's dates (serial 1 = 1900-01-01 to "
                    "2958465 = 9999-12-31)",
                    text));
  }
  if (parts->days == kExcelFictitiousLeapDay) {
    return date_error(
        fmt::format("'{}' is Excel's serial for 1900-02-29, a day that does not "
                    "exist (Excel counts 1900 as a leap year)",
                    text));
  }
  // Before the fictitious day, serial 1 is 1900-01-01; after it, serials count from 1899-12-30.
  const int32_t base = parts->days < kExcelFictitiousLeapDay
                           ? days_from_civil(CivilDate{1899, 12, 31})
                           : days_from_civil(CivilDate{1899, 12, 30});
  DateTimeValue value;
  value.local.day = base + static_cast<int32_t>(parts->days);
  value.local.second_of_day = parts->seconds;
  if (value.local.second_of_day == kSecondsPerDay) {
    value.local.day += 1;
    value.local.second_of_day = 0;
  }
  value.has_time = parts->has_fraction;
  return value;
}

}  // namespace

bool looks_like_excel_serial(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
  }
  if (i == 0) {
    return false;
  }
  if (i == text.size()) {
    return true;
  }
  if (text[i] != '.' && text[i] != ',') {
    return false;
  }
  const std::string_view fraction = text.substr(i + 1);
  return !fraction.empty() && fraction.find_first_not_of("0123456789") == std::string_view::npos;
}

Result<DateTimeValue> parse_date_time(std::string_view text, const DateFormat& format) {
  if (!format.pattern.empty()) {
    return parse_date_time_pattern(text, format);
  }
  if (starts_like_iso(text)) {
    return parse_iso(text, format);
  }
  switch (format.style) {
    case DateStyle::iso:
      return shape_error(text, format);
    case DateStyle::day_first:
    case DateStyle::month_first:
      return parse_slashed(text, format);
    case DateStyle::excel_serial:
      return parse_excel_serial(text, format);
  }
  return shape_error(text, format);
}

Result<int32_t> parse_time_of_day(std::string_view text) {
  if (looks_like_excel_serial(text) && text[0] == '0') {
    const auto parts = split_serial(text);
    if (parts && parts->days == 0) {
      return parts->seconds == kSecondsPerDay ? kSecondsPerDay - 1 : parts->seconds;
    }
  }
  Scanner scanner(text);
  const auto seconds = scan_time(scanner);
  if (!seconds || !scanner.done()) {
    return Error{"invalid_time",
                 fmt::format("'{}' is not a time of day (expected hh:mm or hh:mm:ss with hours "
                             "0-23, or an Excel fraction of a day such as 0.5)",
                             text)};
  }
  return *seconds;
}

}  // namespace imagross::ingest
