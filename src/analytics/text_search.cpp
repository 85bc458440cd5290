#include "analytics/text_search.h"

#include <array>
#include <cstdint>

namespace imagross::analytics {
namespace {

constexpr char32_t kFirstFolded = 0xC0;
constexpr char32_t kLastFolded = 0x17F;

// The folded form of each code point from U+00C0 to U+017F; an empty entry keeps the character
// (the multiplication and division signs).
// clang-format off
constexpr std::array<std::string_view, kLastFolded - kFirstFolded + 1> kLatinFolds = {
    // U+00C0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};
// clang-format on

// Decodes the two-byte UTF-8 sequence at text[i], whose lead byte 0xC3 to 0xC5 covers U+00C0 to
// U+017F. Returns 0 when the bytes there are not such a sequence.
char32_t two_byte_code_point(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0xC3 || lead > 0xC5 || i + 1 >= text.size()) {
    return 0;
  }
  const auto next = static_cast<unsigned char>(text[i + 1]);
  if ((next & 0xC0) != 0x80) {
    return 0;
  }
  return (static_cast<char32_t>(lead & 0x1F) << 6) | static_cast<char32_t>(next & 0x3F);
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      folded.push_back(static_cast<char>(c - 'A' + 'a'));
      continue;
    }
    const char32_t code_point = two_byte_code_point(text, i);
    if (code_point >= kFirstFolded && code_point <= kLastFolded &&
        !kLatinFolds[code_point - kFirstFolded].empty()) {
      folded.append(kLatinFolds[code_point - kFirstFolded]);
      ++i;
      continue;
    }
    folded.push_back(c);
  }
  return folded;
}

}  // namespace imagross::analytics
