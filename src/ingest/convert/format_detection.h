#pragma once

// Decides, from every value of a file, how the file writes numbers (decimal comma or point) and
// dates (day first, month first, ISO, Excel serials). The decision covers the whole file:
// values that contradict it are later rejected, never read another way.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/convert/date_time.h"
#include "ingest/import_options.h"

namespace imagross::ingest {

// A value of a file, kept to explain a decision in messages.
struct Evidence {
  int64_t count = 0;
  int64_t first_line = 0;
  std::string first_text;

  void add(std::string_view text, int64_t line);
};

class NumberStyleDetector {
 public:
  void add(std::string_view text, int64_t line);

  // The number style of the file. Without decisive values (only integers, or only values such
  // as "1,250" that read either way) a lone comma style means a decimal comma and anything
  // else the decimal point, which is also the canonical CSV's style.
  Locale decide() const;

  // Why `decide()` chose as it did: "decimal comma, as in '1.234,56' on line 7".
  std::string explain() const;

 private:
  Evidence italian_;          // "1.234,5", "12,5", "1.234.567"
  Evidence english_;          // "1,234.5", "12.5", "1,234,567"
  Evidence ambiguous_comma_;  // "1,250": 1250 with a thousands comma, or 1.25 with a decimal one
  Evidence ambiguous_dot_;    // "1.250"
};

class DateStyleDetector {
 public:
  void add(std::string_view text, int64_t line);

  // The date style of the file. Slashed dates whose first or second number exceeds 12 decide
  // between day first and month first; when none does, `default_order` applies (day first for
  // Italian files). Excel serials win only when they outnumber slashed dates.
  DateStyle decide(DateStyle default_order) const;

  std::string explain(DateStyle decided) const;

 private:
  Evidence iso_;
  Evidence day_first_;    // a first number above 12: 25/03/2026
  Evidence month_first_;  // a second number above 12: 03/25/2026
  Evidence either_;       // both numbers 12 or less: 03/04/2026
  Evidence serial_;       // 46106 or 46106.5
};

}  // namespace imagross::ingest
