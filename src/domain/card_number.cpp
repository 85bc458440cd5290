#include "domain/card_number.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/ean13.h"

namespace imagross {
namespace {

constexpr std::size_t kCardDigits = 13;
constexpr std::size_t kMinPrefixDigits = 3;
constexpr std::size_t kMaxPrefixDigits = 9;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The number without surrounding white space and without the spaces that group its digits.
std::string strip_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      out += c;
    }
  }
  return out;
}

// Restricted-circulation numbers, which GS1 leaves to each company for internal use, start with
// 200-299, so the chain's cards can never be read as a product barcode.
bool in_restricted_range(std::string_view digits) {
  return digits.size() >= 3 && digits[0] == '2' && is_digit(digits[1]) && is_digit(digits[2]);
}

Error wrong_length(std::string_view text, std::size_t digits) {
  if (digits == 0) {
    return Error{"card_wrong_length", "the card number is empty; type the 13 digits on the card"};
  }
  return Error{"card_wrong_length",
               fmt::format("the card number '{}' has {} digits, but a card number has 13: check "
                           "that no digit is missing or repeated",
                           text, digits)};
}

}  // namespace

Result<CardPolicy> CardPolicy::with_prefix(std::string_view prefix) {
  const bool digits_only = std::all_of(prefix.begin(), prefix.end(), is_digit);
  if (prefix.size() < kMinPrefixDigits || prefix.size() > kMaxPrefixDigits || !digits_only) {
    return Error{
        "invalid_card_prefix",
        fmt::format("invalid card prefix '{}': write 3 to 9 digits, such as 2991", prefix)};
  }
  if (!in_restricted_range(prefix)) {
    return Error{"invalid_card_prefix",
                 fmt::format("invalid card prefix '{}': it must start with 200-299, the GS1 range "
                             "for numbers used inside one company, such as 2991",
                             prefix)};
  }
  return CardPolicy{std::string(prefix)};
}

Result<std::string> validate_card_number(std::string_view text, const CardPolicy& policy) {
  const std::string number = strip_spaces(text);
  const auto bad = std::find_if(number.begin(), number.end(), [](char c) { return !is_digit(c); });
  if (bad != number.end()) {
    // A byte above 0x7F starts a multi-byte character, which must not be cut in the message.
    const std::string shown =
        static_cast<unsigned char>(*bad) < 0x80 ? fmt::format("'{}'", *bad) : "a non-digit";
    return Error{"card_not_digits",
                 fmt::format("the card number '{}' contains {}, but a card number has only "
                             "digits: type the 13 digits under the barcode",
                             number, shown)};
  }
  if (number.size() != kCardDigits) {
    return wrong_length(number, number.size());
  }
  const char expected = ean13_check_digit(number);
  if (number.back() != expected) {
    return Error{"card_wrong_check_digit",
                 fmt::format("the card number '{}' is mistyped: its last digit, the check digit, "
                             "should be {} for the 12 digits before it; check each digit",
                             number, expected)};
  }
  if (!number.starts_with(policy.prefix)) {
    return Error{"card_outside_chain",
                 fmt::format("'{}' is not an ImaGross card: the chain's cards start with {}{}",
                             number, policy.prefix,
                             in_restricted_range(number) ? ""
                                                         : ", and this looks like a product "
                                                           "barcode")};
  }
  return number;
}

}  // namespace imagross
