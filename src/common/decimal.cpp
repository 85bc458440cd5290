#include "common/decimal.h"

#include <cstdlib>
#include <limits>

namespace imagross {
namespace {

constexpr int64_t kMaxWhole = std::numeric_limits<int64_t>::max() / kMilliPerUnit;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

Error invalid_number(std::string_view text, std::string_view reason) {
  return Error{"invalid_number",
               "invalid number '" + std::string(text) + "': " + std::string(reason)};
}

// A number beyond the range of int64 thousandths, with its own code so callers can say so.
Error too_large(std::string_view text) {
  return Error{"number_too_large",
               "invalid number '" + std::string(text) + "': the value is too large"};
}

// Reads the integer part, checking that thousands separators split it into groups of three.
// Returns false when the grouping is wrong.
bool read_whole_part(std::string_view digits, char separator, int64_t& whole, bool& overflow) {
  whole = 0;
  overflow = false;
  int group_length = 0;
  bool grouped = false;
  for (char c : digits) {
    if (separator != '\0' && c == separator) {
      // The first group may be 1-3 digits long; every later one exactly 3.
      if (group_length == 0 || group_length > 3 || (grouped && group_length != 3)) {
        return false;
      }
      grouped = true;
      group_length = 0;
      continue;
    }
    if (!is_digit(c)) {
      return false;
    }
    ++group_length;
    if (whole > kMaxWhole / 10) {
      overflow = true;
    }
    whole = whole * 10 + (c - '0');
  }
  if (grouped && group_length != 3) {
    return false;
  }
  if (whole > kMaxWhole) {
    overflow = true;
  }
  return true;
}

}  // namespace

Result<int64_t> parse_milli(std::string_view text, const NumberFormat& format) {
  const std::string_view original = text;
  text = trim(text);
  if (text.empty()) {
    return invalid_number(original, "the value is empty");
  }

  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  } else if (text.back() == '-') {
    negative = true;
    text.remove_suffix(1);
  }

  const auto decimal_at = text.find(format.decimal_separator);
  const std::string_view whole_text = text.substr(0, decimal_at);
  const std::string_view fraction_text =
      decimal_at == std::string_view::npos ? std::string_view{} : text.substr(decimal_at + 1);
  if (whole_text.empty() && fraction_text.empty()) {
    return invalid_number(original, "it has no digits");
  }

  int64_t whole = 0;
  bool overflow = false;
  if (!read_whole_part(whole_text, format.thousands_separator, whole, overflow)) {
    return invalid_number(
        original, std::string("expected digits") +
                      (format.thousands_separator != '\0'
                           ? ", with thousands separated by '" +
                                 std::string(1, format.thousands_separator) + "' in groups of three"
                           : "") +
                      " and '" + std::string(1, format.decimal_separator) +
                      "' before the decimals");
  }
  if (overflow) {
    return too_large(original);
  }

  int64_t fraction = 0;
  for (std::size_t i = 0; i < fraction_text.size(); ++i) {
    const char c = fraction_text[i];
    if (!is_digit(c)) {
      return invalid_number(original,
                            "unexpected character '" + std::string(1, c) + "' in the decimals");
    }
    if (i < 3) {
      fraction = fraction * 10 + (c - '0');
    } else if (c != '0') {
      return invalid_number(original, "more than three decimals");
    }
  }
  for (std::size_t i = fraction_text.size(); i < 3; ++i) {
    fraction *= 10;
  }

  // The whole part fits once multiplied, but its decimals may still carry it past the range.
  int64_t value = 0;
  if (__builtin_mul_overflow(whole, kMilliPerUnit, &value) ||
      __builtin_add_overflow(value, fraction, &value)) {
    return too_large(original);
  }
  return negative ? -value : value;
}

std::string format_milli(int64_t milli, int decimals) {
  if (decimals < 0) {
    decimals = 0;
  }
  if (decimals > 3) {
    decimals = 3;
  }
  int64_t scale = 1;
  for (int i = decimals; i < 3; ++i) {
    scale *= 10;
  }
  const bool negative = milli < 0;
  // Work on the magnitude as unsigned so that INT64_MIN does not overflow.
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(milli) : static_cast<uint64_t>(milli);
  const auto unsigned_scale = static_cast<uint64_t>(scale);
  magnitude = (magnitude + unsigned_scale / 2) / unsigned_scale;

  uint64_t divisor = 1;
  for (int i = 0; i < decimals; ++i) {
    divisor *= 10;
  }
  std::string text = std::to_string(magnitude / divisor);
  if (decimals > 0) {
    std::string fraction = std::to_string(magnitude % divisor);
    text += '.';
    text.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
    text += fraction;
  }
  if (negative && magnitude != 0) {
    text.insert(text.begin(), '-');
  }
  return text;
}

int64_t round_milli_to_cents(int64_t milli) {
  const int64_t magnitude = milli < 0 ? -milli : milli;
  const int64_t rounded = (magnitude + 5) / 10 * 10;
  return milli < 0 ? -rounded : rounded;
}

double milli_to_rounded_units(int64_t milli) {
  return static_cast<double>(round_milli_to_cents(milli) / 10) / 100.0;
}

namespace {

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ using Int128 = __int128;

// Divides a 128-bit product by `divisor`, rounding half away from zero.
int64_t divide_rounded(Int128 product, Int128 divisor) {
  const bool negative = product < 0;
  const Int128 magnitude = negative ? -product : product;
  const Int128 quotient = (magnitude + divisor / 2) / divisor;
  return static_cast<int64_t>(negative ? -quotient : quotient);
}

}  // namespace

int64_t line_total_milli(int64_t quantity_milli, int64_t unit_price_milli) {
  // The product is in millionths; a cent is 10,000 millionths.
  const Int128 product = static_cast<Int128>(quantity_milli) * unit_price_milli;
  return divide_rounded(product, 10000) * 10;
}

int64_t multiply_milli(int64_t quantity_milli, int64_t unit_price_milli) {
  const Int128 product = static_cast<Int128>(quantity_milli) * unit_price_milli;
  return divide_rounded(product, kMilliPerUnit);
}

}  // namespace imagross
