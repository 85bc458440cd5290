#include "common/utc_time.h"

#include <charconv>
#include <ctime>

#include <fmt/format.h>

#include "common/civil_time.h"

namespace imagross {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;

// Reads `width` digits at `position`; nullopt when any is not a digit.
std::optional<int> read_digits(std::string_view text, std::size_t position, std::size_t width) {
  int value = 0;
  const auto* first = text.data() + position;
  const auto [end, error] = std::from_chars(first, first + width, value);
  if (error != std::errc() || end != first + width) {
    return std::nullopt;
  }
  return value;
}

bool separators_match(std::string_view text) {
  return text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':';
}

// A fraction of a second: "", or "." followed by at least one digit.
bool is_fraction(std::string_view text) {
  if (text.empty()) {
    return true;
  }
  return text.size() > 1 && text[0] == '.' &&
         text.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string format_utc(int64_t unix_seconds) {
  auto day = unix_seconds / kSecondsPerDay;
  auto second = unix_seconds % kSecondsPerDay;
  if (second < 0) {
    second += kSecondsPerDay;
    --day;
  }
  const auto date = civil_from_days(static_cast<int32_t>(day));
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", date.year, date.month, date.day,
                     second / 3600, second / 60 % 60, second % 60);
}

std::optional<int64_t> parse_utc(std::string_view text) {
  if (text.size() < 20 || text.back() != 'Z' || !separators_match(text) ||
      !is_fraction(text.substr(19, text.size() - 20))) {
    return std::nullopt;
  }
  const auto year = read_digits(text, 0, 4);
  const auto month = read_digits(text, 5, 2);
  const auto day = read_digits(text, 8, 2);
  const auto hour = read_digits(text, 11, 2);
  const auto minute = read_digits(text, 14, 2);
  const auto second = read_digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second ||
      !is_valid_date(*year, *month, *day) || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  const int64_t days = days_from_civil(CivilDate{*year, *month, *day});
  return days * kSecondsPerDay + *hour * 3600 + *minute * 60 + *second;
}

std::string utc_now_iso8601() {
  return format_utc(std::time(nullptr));
}

}  // namespace imagross
