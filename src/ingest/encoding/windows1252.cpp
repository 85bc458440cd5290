#include "ingest/encoding/windows1252.h"

#include <array>
#include <cstdint>

namespace imagross::ingest {
namespace {

// Code points of the bytes 0x80 to 0x9F, where Windows-1252 differs from ISO-8859-1. From
// 0xA0 to 0xFF the byte value is the code point.
constexpr std::array<char16_t, 32> kHighControlRange = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 0x88
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 0x98
};

void append_code_point(char16_t code_point, std::string& out) {
  if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
    return;
  }
  out += static_cast<char>(0xE0 | (code_point >> 12));
  out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (code_point & 0x3F));
}

}  // namespace

void append_windows1252_as_utf8(std::string_view text, std::string& out) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else if (byte < 0xA0) {
      append_code_point(kHighControlRange[byte - 0x80], out);
    } else {
      append_code_point(byte, out);
    }
  }
}

}  // namespace imagross::ingest
