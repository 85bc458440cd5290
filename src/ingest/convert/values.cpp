#include "ingest/convert/values.h"

#include <fmt/format.h>

namespace imagross::ingest {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Divides by a positive divisor, rounding half away from zero.
int64_t divide_rounded(int64_t dividend, int64_t divisor) {
  const int64_t quotient = dividend / divisor;
  const int64_t remainder = dividend % divisor;
  if (2 * remainder >= divisor) {
    return quotient + 1;
  }
  if (2 * remainder <= -divisor) {
    return quotient - 1;
  }
  return quotient;
}

}  // namespace

std::string_view trim_value(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_scientific_notation(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  if (i == 0 || i == text.size()) {
    return false;
  }
  if (text[i] == '.' || text[i] == ',') {
    const std::size_t start = ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
    }
    if (i == start || i == text.size()) {
      return false;
    }
  }
  if (text[i] != 'E' && text[i] != 'e') {
    return false;
  }
  ++i;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    ++i;
  }
  const std::size_t exponent_start = i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  return i > exponent_start && i == text.size();
}

std::string scientific_notation_reason(std::string_view text) {
  return fmt::format(
      "'{}' is in scientific notation, as a spreadsheet shows long numbers, and its last digits "
      "are lost; format the column as text in the spreadsheet and export the file again",
      text);
}

std::optional<int32_t> parse_line_number(std::string_view text) {
  if (text.empty() || text.size() > 10) {
    return std::nullopt;
  }
  int64_t value = 0;
  for (const char c : text) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > INT32_MAX) {
    return std::nullopt;
  }
  return static_cast<int32_t>(value);
}

std::optional<int64_t> multiply_milli(int64_t quantity, int64_t unit_price) {
  int64_t product = 0;
  if (__builtin_mul_overflow(quantity, unit_price, &product)) {
    return std::nullopt;
  }
  return divide_rounded(product, 1000);
}

std::optional<int64_t> divide_milli(int64_t total, int64_t quantity) {
  if (quantity == 0) {
    return 0;
  }
  int64_t scaled = 0;
  if (__builtin_mul_overflow(total, int64_t{1000}, &scaled)) {
    return std::nullopt;
  }
  if (quantity < 0) {
    // Dividing by the magnitude keeps divide_rounded()'s divisor positive.
    return divide_rounded(-scaled, -quantity);
  }
  return divide_rounded(scaled, quantity);
}

}  // namespace imagross::ingest
