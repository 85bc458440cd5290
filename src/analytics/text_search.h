#pragma once

// Case- and accent-insensitive matching of product codes and names.

#include <string>
#include <string_view>

namespace imagross::analytics {

// Folds UTF-8 text for matching. ASCII letters become lower case, and the Latin letters of U+00C0
// to U+017F become their unaccented lower-case base: "Città" and "CITTA" both become "citta", and
// "ß" becomes "ss". Other characters, and bytes that are not valid UTF-8, are kept as they are.
std::string fold_for_search(std::string_view text);

}  // namespace imagross::analytics
