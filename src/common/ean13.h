#pragma once

// EAN-13 numbers, used both for product barcodes and for the chain's loyalty cards.

#include <string>
#include <string_view>

namespace imagross {

// GS1 mod-10 check digit ('0'-'9') of the first 12 digits of `digits`, which must be 12 or 13
// ASCII digits.
char ean13_check_digit(std::string_view digits);

// True when `text` is 13 ASCII digits whose last digit is the GS1 check digit of the others.
bool is_valid_ean13(std::string_view text);

// Appends the check digit to 12 digits.
std::string complete_ean13(std::string_view twelve_digits);

}  // namespace imagross
