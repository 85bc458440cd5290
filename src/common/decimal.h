#pragma once

// Exact fixed-point numbers. Money and quantities are int64 counts of thousandths ("milli"):
// 1.5 kg is 1500 and 0.001 EUR is 1. Nothing in the project stores them as floating point.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross {

inline constexpr int64_t kMilliPerUnit = 1000;

// How a file writes numbers: "1,234.5" (en-US) or "1.234,5" (it-IT).
struct NumberFormat {
  char decimal_separator = '.';
  // '\0' when the file never groups thousands.
  char thousands_separator = ',';

  static NumberFormat english() { return {'.', ','}; }
  static NumberFormat italian() { return {',', '.'}; }
};

// Parses a decimal number into thousandths, ignoring surrounding white space. Accepts an optional
// sign ('+', '-', or a trailing
// '-' as some tills write), thousands separators only in groups of three, and at most three
// decimals (further decimals are accepted only when they are zeros). Rejects empty text,
// exponents ("1E+12") and currency symbols with error code "invalid_number", and values beyond
// +-9.2e15 with "number_too_large", each with a message that quotes the text.
Result<int64_t> parse_milli(std::string_view text, const NumberFormat& format);

// Formats thousandths with exactly `decimals` (0-3) digits after a '.', rounding half away from
// zero: format_milli(1234567, 2) is "1234.57".
std::string format_milli(int64_t milli, int decimals = 3);

// Rounds thousandths to whole cents, half away from zero, and returns thousandths:
// 12345 (12.345) becomes 12350.
int64_t round_milli_to_cents(int64_t milli);

// Converts thousandths to a double rounded to cents, for JSON output only.
double milli_to_rounded_units(int64_t milli);

// Multiplies two thousandths values (quantity x unit price) and rounds the product to whole
// cents, half away from zero, as a till does; returns thousandths. Uses 128-bit arithmetic.
int64_t line_total_milli(int64_t quantity_milli, int64_t unit_price_milli);

// Multiplies two thousandths values and rounds the product to thousandths, half away from zero:
// exact whenever the product has at most three decimals (a whole quantity times a price).
int64_t multiply_milli(int64_t quantity_milli, int64_t unit_price_milli);

}  // namespace imagross
