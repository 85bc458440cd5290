#include "http/quote.h"

#include <fmt/format.h>

namespace imagross::http {
namespace {

// The length of the valid UTF-8 sequence starting at `text[0]`, or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  }
  if (length == 0 || text.size() < length) {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      return 0;
    }
  }
  return length;
}

}  // namespace

std::string quote_value(std::string_view value) {
  constexpr std::size_t kMaxShown = 60;
  std::string out = "'";
  std::size_t shown = 0;
  std::size_t i = 0;
  while (i < value.size() && shown < kMaxShown) {
    const auto byte = static_cast<unsigned char>(value[i]);
    std::size_t length = byte >= 0x20 && byte < 0x7F ? 1 : 0;
    if (byte >= 0x80) {
      length = utf8_sequence_length(value.substr(i));
    }
    if (length == 0) {
      out += fmt::format("\\x{:02X}", byte);
      length = 1;
    } else {
      out += value.substr(i, length);
    }
    i += length;
    ++shown;
  }
  out += i < value.size() ? "...'" : "'";
  return out;
}

}  // namespace imagross::http
