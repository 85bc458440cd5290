#pragma once

// Member contact details in the one form the registry stores, whichever way they arrive
// (imports, sign-up, admin edits), and the folded form that searches and name comparisons use.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross {

// The maximum lengths of member text, in characters. The name limit of 100 is a choice that
// leaves room for long compound names. An e-mail address has at most 254 characters, because
// RFC 5321 limits a path to 256 including its angle brackets. A phone number in E.164 has at
// most 15 digits, so 40 characters leave room for any spacing people type.
inline constexpr std::size_t kMaxNameLength = 100;
inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMaxPhoneLength = 40;

// The region of phone numbers written without an international prefix.
inline constexpr std::string_view kDefaultPhoneRegion = "IT";

// Normalises a phone number to E.164, such as "+393471234567", with Google's libphonenumber.
// Accepts the forms people type: spaces, dots, dashes and brackets between digits, and a leading
// "+" or "00" before the country code ("+39 347 1234567", "0039 347 1234567"). A number without
// one belongs to `region` (ISO 3166-1 alpha-2): "347.1234567" and "06 1234 5678" are Italian.
// Error code "invalid_phone": the message quotes the text and names the fault (not a number,
// too short, too long, unknown country code, no such number in the country's plan). Text of more
// than kMaxPhoneLength characters is rejected without being quoted.
Result<std::string> normalize_phone(std::string_view text,
                                    std::string_view region = kDefaultPhoneRegion);

// Normalises an e-mail address: surrounding spaces removed, lower case. It must look deliverable:
// one "@", a local part of at most 64 characters without spaces or quotes and with no leading,
// trailing or doubled dot, and a domain of at least two dot-separated labels (letters, digits and
// inner hyphens; the last label at least two letters), and at most kMaxEmailLength characters.
// Nothing is looked up on the network. Error code "invalid_email", naming the part at fault.
Result<std::string> normalize_email(std::string_view text);

// Normalises a personal name: surrounding white space removed, inner runs of white space made one
// space, Unicode NFC ("Nicolo" with a combining grave accent becomes the single letter "ò"). An
// empty result is not an error: callers decide whether the name may be blank. Error code
// "invalid_name" for text that is not UTF-8, contains control characters, or has more than
// kMaxNameLength characters once normalised.
Result<std::string> normalize_name(std::string_view text);

// Folds text for searching and for comparing names: Unicode compatibility decomposition, case
// folded, accents and other combining marks removed, look-alike apostrophes, dashes and spaces
// made ASCII, runs of white space made one space, and the ends trimmed. "Niccolò D’Àngelo" and
// "NICCOLO D'ANGELO" both fold to "niccolo d'angelo". Invalid UTF-8 is folded byte by byte as
// ASCII. Stable: a stored folded column stays valid as long as this function is unchanged.
std::string fold_for_search(std::string_view text);

// The digits of a phone number as typed in a search box, with a leading "00" dropped, so that
// any common form of a number is a substring of the digits of its E.164 form: "347 123",
// "+39 347 1234567" and "0039 347" all match "+393471234567".
std::string phone_search_digits(std::string_view text);

}  // namespace imagross
