#include "ingest/convert/format_detection.h"

#include <algorithm>

#include <fmt/format.h>

namespace imagross::ingest {
namespace {

enum class NumberShape : uint8_t { italian, english, ambiguous_comma, ambiguous_dot, neutral };

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A single separator followed by exactly three digits, after one to three digits not starting
// with zero, reads both as a thousands group and as three decimals.
bool reads_both_ways(std::string_view digits, std::size_t separator) {
  const std::size_t before = separator;
  const std::size_t after = digits.size() - separator - 1;
  return after == 3 && before >= 1 && before <= 3 && digits[0] != '0';
}

NumberShape classify_number(std::string_view text) {
  while (!text.empty() && (text.front() == '-' || text.front() == '+' || text.front() == ' ')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == '-' || text.back() == ' ')) {
    text.remove_suffix(1);
  }
  const std::size_t last_comma = text.rfind(',');
  const std::size_t last_dot = text.rfind('.');
  const auto commas = std::count(text.begin(), text.end(), ',');
  const auto dots = std::count(text.begin(), text.end(), '.');
  if (commas > 0 && dots > 0) {
    return last_comma > last_dot ? NumberShape::italian : NumberShape::english;
  }
  if (commas > 1) {
    return NumberShape::english;
  }
  if (dots > 1) {
    return NumberShape::italian;
  }
  if (commas == 1) {
    return reads_both_ways(text, last_comma) ? NumberShape::ambiguous_comma : NumberShape::italian;
  }
  if (dots == 1) {
    return reads_both_ways(text, last_dot) ? NumberShape::ambiguous_dot : NumberShape::english;
  }
  return NumberShape::neutral;
}

std::string example(const Evidence& evidence) {
  return fmt::format("'{}' on line {}", evidence.first_text, evidence.first_line);
}

// The day and month numbers of a slashed date "a/b/yyyy", or nothing.
std::optional<std::pair<int, int>> slashed_numbers(std::string_view text) {
  std::size_t i = 0;
  int first = 0;
  while (i < text.size() && i < 2 && is_digit(text[i])) {
    first = first * 10 + (text[i++] - '0');
  }
  if (i == 0 || i >= text.size()) {
    return std::nullopt;
  }
  const char separator = text[i++];
  if (separator != '/' && separator != '-' && separator != '.') {
    return std::nullopt;
  }
  const std::size_t start = i;
  int second = 0;
  while (i < text.size() && i - start < 2 && is_digit(text[i])) {
    second = second * 10 + (text[i++] - '0');
  }
  if (i == start || i >= text.size() || text[i] != separator) {
    return std::nullopt;
  }
  return std::make_pair(first, second);
}

}  // namespace

void Evidence::add(std::string_view text, int64_t line) {
  if (count++ == 0) {
    first_line = line;
    first_text = std::string(text);
  }
}

void NumberStyleDetector::add(std::string_view text, int64_t line) {
  switch (classify_number(text)) {
    case NumberShape::italian:
      italian_.add(text, line);
      break;
    case NumberShape::english:
      english_.add(text, line);
      break;
    case NumberShape::ambiguous_comma:
      ambiguous_comma_.add(text, line);
      break;
    case NumberShape::ambiguous_dot:
      ambiguous_dot_.add(text, line);
      break;
    case NumberShape::neutral:
      break;
  }
}

Locale NumberStyleDetector::decide() const {
  if (italian_.count > 0 || english_.count > 0) {
    return italian_.count > english_.count ? Locale::it_IT : Locale::en_US;
  }
  return ambiguous_comma_.count > 0 && ambiguous_dot_.count == 0 ? Locale::it_IT : Locale::en_US;
}

std::string NumberStyleDetector::explain() const {
  const Locale decided = decide();
  const bool italian = decided == Locale::it_IT;
  const Evidence& decisive = italian ? italian_ : english_;
  const Evidence& weak = italian ? ambiguous_comma_ : ambiguous_dot_;
  const char* style = italian ? "decimal comma (it-IT)" : "decimal point (en-US)";
  if (decisive.count > 0) {
    return fmt::format("{}, as in {}", style, example(decisive));
  }
  if (weak.count > 0) {
    return fmt::format("{}, as most likely in {}", style, example(weak));
  }
  return fmt::format("{}, since no value has decimals", style);
}

void DateStyleDetector::add(std::string_view text, int64_t line) {
  if (text.size() >= 5 && text[4] == '-' && is_digit(text[0])) {
    iso_.add(text, line);
    return;
  }
  if (const auto numbers = slashed_numbers(text)) {
    if (numbers->first > 12) {
      day_first_.add(text, line);
    } else if (numbers->second > 12) {
      month_first_.add(text, line);
    } else {
      either_.add(text, line);
    }
    return;
  }
  if (looks_like_excel_serial(text)) {
    serial_.add(text, line);
  }
}

DateStyle DateStyleDetector::decide(DateStyle default_order) const {
  const int64_t slashed = day_first_.count + month_first_.count + either_.count;
  if (slashed == 0) {
    return serial_.count > 0 && serial_.count >= iso_.count ? DateStyle::excel_serial
                                                            : DateStyle::iso;
  }
  if (serial_.count > slashed) {
    return DateStyle::excel_serial;
  }
  if (day_first_.count != month_first_.count) {
    return day_first_.count > month_first_.count ? DateStyle::day_first : DateStyle::month_first;
  }
  return default_order;
}

std::string DateStyleDetector::explain(DateStyle decided) const {
  DateFormat format{decided, {}};
  const std::string described = describe_date_format(format);
  switch (decided) {
    case DateStyle::day_first:
      if (day_first_.count > 0) {
        return fmt::format("{}, as in {}", described, example(day_first_));
      }
      break;
    case DateStyle::month_first:
      if (month_first_.count > 0) {
        return fmt::format("{}, as in {}", described, example(month_first_));
      }
      break;
    case DateStyle::excel_serial:
      return fmt::format("{}, as in {}", described, example(serial_));
    case DateStyle::iso:
      return described;
  }
  return fmt::format("{}, the default since no date has a day above 12", described);
}

}  // namespace imagross::ingest
