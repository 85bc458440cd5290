#pragma once

// Loyalty card numbers: EAN-13 codes in the GS1 restricted-circulation range 200-299, under the
// chain's own prefix.

#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross {

// Which numbers are cards of this chain.
struct CardPolicy {
  // Leading digits every card of the chain carries; 3-9 digits whose first three lie in 200-299.
  std::string prefix = "2991";

  // Checks the prefix itself; error code "invalid_card_prefix".
  static Result<CardPolicy> with_prefix(std::string_view prefix);
};

// Validates a card number as typed or printed: surrounding spaces are ignored, and so are
// spaces inside the number ("2991 0000 0001 6"). Returns the 13 digits. Each problem has its own
// error code and message: "card_wrong_length" (not 13 digits), "card_not_digits" (a character
// other than a digit), "card_wrong_check_digit" (the GS1 check digit does not match) and
// "card_outside_chain" (the prefix is not the chain's).
Result<std::string> validate_card_number(std::string_view text, const CardPolicy& policy);

}  // namespace imagross
