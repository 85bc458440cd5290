#include "common/posix_tz_rule.h"

#include <cctype>

#include "common/civil_time.h"

namespace imagross {
namespace {

class RuleParser {
 public:
  explicit RuleParser(std::string_view text) : text_(text) {}

  bool at_end() const { return position_ >= text_.size(); }
  bool peek(char c) const { return !at_end() && text_[position_] == c; }
  bool consume(char c) {
    if (!peek(c)) {
      return false;
    }
    ++position_;
    return true;
  }

  // A zone abbreviation: three or more letters, or any text in angle brackets ("<+03>").
  bool read_name() {
    if (consume('<')) {
      const auto close = text_.find('>', position_);
      if (close == std::string_view::npos) {
        return false;
      }
      position_ = close + 1;
      return true;
    }
    const std::size_t start = position_;
    while (!at_end() && std::isalpha(static_cast<unsigned char>(text_[position_])) != 0) {
      ++position_;
    }
    return position_ - start >= 3;
  }

  bool read_number(int& value, int max_digits) {
    const std::size_t start = position_;
    value = 0;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(text_[position_])) != 0 &&
           position_ - start < static_cast<std::size_t>(max_digits)) {
      value = value * 10 + (text_[position_++] - '0');
    }
    return position_ > start;
  }

  // [+-]hh[:mm[:ss]] in seconds.
  bool read_time(int32_t& seconds) {
    const bool negative = consume('-');
    if (!negative) {
      consume('+');
    }
    int hours = 0;
    int minutes = 0;
    int secs = 0;
    if (!read_number(hours, 3)) {
      return false;
    }
    if (consume(':') && (!read_number(minutes, 2) || (consume(':') && !read_number(secs, 2)))) {
      return false;
    }
    seconds = (hours * 3600 + minutes * 60 + secs) * (negative ? -1 : 1);
    return true;
  }

  bool read_date(PosixTzRule::DateRule& rule) {
    using Kind = PosixTzRule::DateRule::Kind;
    if (consume('M')) {
      rule.kind = Kind::month_week_day;
      if (!read_number(rule.month, 2) || !consume('.') || !read_number(rule.week, 1) ||
          !consume('.') || !read_number(rule.day, 1)) {
        return false;
      }
      if (rule.month < 1 || rule.month > 12 || rule.week < 1 || rule.week > 5 || rule.day > 6) {
        return false;
      }
    } else {
      rule.kind = consume('J') ? Kind::julian_no_leap : Kind::zero_based;
      if (!read_number(rule.day, 3) || rule.day > 365) {
        return false;
      }
    }
    rule.time = 7200;
    return !consume('/') || read_time(rule.time);
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

int32_t day_of_rule(const PosixTzRule::DateRule& rule, int year) {
  using Kind = PosixTzRule::DateRule::Kind;
  const int32_t january_first = days_from_civil({year, 1, 1});
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  switch (rule.kind) {
    case Kind::julian_no_leap:
      return january_first + rule.day - 1 + (leap && rule.day >= 60 ? 1 : 0);
    case Kind::zero_based:
      return january_first + rule.day;
    case Kind::month_week_day:
      break;
  }
  const int32_t first = days_from_civil({year, rule.month, 1});
  // ISO weekday 7 is Sunday, POSIX weekday 0.
  const int first_weekday = iso_weekday(first) % 7;
  int32_t day = first + (rule.day - first_weekday + 7) % 7 + (rule.week - 1) * 7;
  const int32_t next_month = add_months(first, 1);
  while (day >= next_month) {
    day -= 7;
  }
  return day;
}

}  // namespace

Result<PosixTzRule> PosixTzRule::parse(std::string_view text) {
  const auto fail = [&] {
    return Error{"invalid_tz_rule", "invalid POSIX TZ rule '" + std::string(text) + "'"};
  };
  RuleParser parser(text);
  PosixTzRule rule;
  int32_t posix_offset = 0;
  if (!parser.read_name() || !parser.read_time(posix_offset)) {
    return fail();
  }
  // POSIX counts offsets west of UTC: "CET-1" is one hour east.
  rule.standard_offset_ = -posix_offset;
  if (parser.at_end()) {
    return rule;
  }
  if (!parser.read_name()) {
    return fail();
  }
  rule.has_daylight_ = true;
  rule.daylight_offset_ = rule.standard_offset_ + 3600;
  if (!parser.peek(',') && !parser.at_end()) {
    if (!parser.read_time(posix_offset)) {
      return fail();
    }
    rule.daylight_offset_ = -posix_offset;
  }
  if (!parser.consume(',') || !parser.read_date(rule.start_) || !parser.consume(',') ||
      !parser.read_date(rule.end_) || !parser.at_end()) {
    return fail();
  }
  return rule;
}

void PosixTzRule::append_transitions(int64_t after, int last_year,
                                     std::vector<TimeZone::Transition>& out) const {
  if (!has_daylight_) {
    return;
  }
  const int first_year =
      after == INT64_MIN ? 1970 : civil_from_days(static_cast<int32_t>(after / 86400)).year;
  for (int year = first_year; year <= last_year; ++year) {
    // The start is written in standard time and the end in daylight time.
    const int64_t start =
        int64_t{day_of_rule(start_, year)} * 86400 + start_.time - standard_offset_;
    const int64_t end = int64_t{day_of_rule(end_, year)} * 86400 + end_.time - daylight_offset_;
    const TimeZone::Transition in_year[2][2] = {
        {{start, daylight_offset_}, {end, standard_offset_}},
        {{end, standard_offset_}, {start, daylight_offset_}}};
    for (const auto& transition : in_year[start <= end ? 0 : 1]) {
      if (transition.at > after) {
        out.push_back(transition);
      }
    }
  }
}

}  // namespace imagross
