#include "ingest/encoding/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace imagross::ingest {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// How many bytes of context before an invalid byte the error message quotes.
constexpr size_t kContextBytes = 24;

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Returns the length of the valid sequence that starts at `text[i]`, or 0 when it is invalid.
// The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
size_t sequence_length(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : 0x80;
    high = lead == 0xED ? 0x9F : 0xBF;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : 0x80;
    high = lead == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if (second < low || second > high) {
    return 0;
  }
  for (size_t k = 2; k < length; ++k) {
    if (!is_continuation(static_cast<unsigned char>(text[i + k]))) {
      return 0;
    }
  }
  return length;
}

// Returns the position after the leading run of ASCII bytes, checking eight bytes at a time.
size_t skip_ascii(std::string_view text, size_t i) {
  while (i + 8 <= text.size()) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & kHighBits) != 0) {
      break;
    }
    i += 8;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) {
    ++i;
  }
  return i;
}

// Cuts `text` to at most `count` trailing bytes without starting inside a UTF-8 sequence.
std::string_view tail(std::string_view text, size_t count) {
  if (text.size() <= count) {
    return text;
  }
  size_t start = text.size() - count;
  while (start < text.size() && is_continuation(static_cast<unsigned char>(text[start]))) {
    ++start;
  }
  return text.substr(start);
}

}  // namespace

bool is_ascii(std::string_view text) {
  return skip_ascii(text, 0) == text.size();
}

size_t find_invalid_utf8(std::string_view text) {
  size_t i = skip_ascii(text, 0);
  while (i < text.size()) {
    const size_t length = sequence_length(text, i);
    if (length == 0) {
      return i;
    }
    i = skip_ascii(text, i + length);
  }
  return std::string_view::npos;
}

std::string invalid_utf8_message(std::string_view text, size_t offset, std::string_view place) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X",
                static_cast<unsigned>(static_cast<unsigned char>(text[offset])));

  std::string message = "invalid UTF-8: byte ";
  message += byte;
  message += " in ";
  message += place;
  const std::string_view before = tail(text.substr(0, offset), kContextBytes);
  if (!before.empty()) {
    message += " after \"";
    message += before;
    message += '"';
  }
  message +=
      "; if the file is encoded in Windows-1252 (Excel's \"CSV\" on Windows), import it again "
      "with --encoding windows-1252";
  return message;
}

}  // namespace imagross::ingest
