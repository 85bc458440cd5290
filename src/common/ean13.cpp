#include "common/ean13.h"

#include <cassert>

namespace imagross {

char ean13_check_digit(std::string_view digits) {
  assert(digits.size() == 12 || digits.size() == 13);
  // GS1 mod 10: from the right of the 12 data digits, weights 3, 1, 3, 1, ...
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const int digit = digits[i] - '0';
    sum += (i % 2 == 0) ? digit : 3 * digit;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool is_valid_ean13(std::string_view text) {
  if (text.size() != 13) {
    return false;
  }
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return ean13_check_digit(text) == text[12];
}

std::string complete_ean13(std::string_view twelve_digits) {
  assert(twelve_digits.size() == 12);
  std::string result(twelve_digits);
  result += ean13_check_digit(twelve_digits);
  return result;
}

}  // namespace imagross
