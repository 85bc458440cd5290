#pragma once

// E-mail addresses and telephone numbers of the demo card holders, in the forms Italians write
// them.

#include <set>
#include <string>
#include <string_view>

#include "demo/random.h"

namespace imagross::demo {

// Lowercase ASCII letters of a name for an e-mail address: accents dropped ("Niccolò" becomes
// "niccolo"), apostrophes and spaces removed ("D'Angelo" becomes "dangelo").
std::string email_letters(std::string_view name);

// An e-mail address built from the names in one of several common patterns, at a common Italian
// provider, unique within `used_addresses` (which it extends).
std::string email_address(Random& random, std::string_view first_name, std::string_view last_name,
                          int birth_year, std::set<std::string>& used_addresses);

// An Italian telephone number: mostly mobile, sometimes a landline under `area_code`, written in
// one of the forms people type, such as "+39 347 123 4567", "347.1234567", "0039 3471234567" or
// "035 1234567".
std::string phone_number(Random& random, std::string_view area_code);

}  // namespace imagross::demo
