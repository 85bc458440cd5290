#pragma once

// Conversions of single values that the line converter combines: identifiers, line numbers and
// exact money arithmetic in thousandths.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imagross::ingest {

// Removes spaces, tabs and line breaks around a value.
std::string_view trim_value(std::string_view text);

// True for text such as "2.01234E+12": the way a spreadsheet shows a long number, whose digits
// beyond the shown ones are lost. Identifiers in that form cannot be recovered.
bool is_scientific_notation(std::string_view text);

// The reject reason for an identifier in scientific notation, with the fix.
std::string scientific_notation_reason(std::string_view text);

// Parses a 1-based line number: digits only, 1 to 2^31-1.
std::optional<int32_t> parse_line_number(std::string_view text);

// quantity x unit price, both in thousandths, rounded half away from zero to thousandths.
// Nothing when the product does not fit in 64 bits.
std::optional<int64_t> multiply_milli(int64_t quantity, int64_t unit_price);

// (amount + discount) / quantity in thousandths, rounded half away from zero: the unit price
// of a line whose export gives only its amount. 0 for a zero quantity; nothing on overflow.
std::optional<int64_t> divide_milli(int64_t total, int64_t quantity);

}  // namespace imagross::ingest
