#include "ingest/encoding/windows1252.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <cstdint>
#include <string>

#include "ingest/encoding/utf8.h"

namespace imagross::ingest {
namespace {

std::string convert(std::string_view text) {
  std::string out;
  append_windows1252_as_utf8(text, out);
  return out;
}

// Converts one byte with glibc's iconv, an independent implementation; empty when iconv
// rejects the byte.
std::string convert_with_iconv(unsigned char byte) {
  iconv_t converter = iconv_open("UTF-8", "WINDOWS-1252");
  EXPECT_NE(converter, reinterpret_cast<iconv_t>(static_cast<intptr_t>(-1)));
  char input[1] = {static_cast<char>(byte)};
  char output[8] = {};
  char* in = input;
  char* out = output;
  size_t in_left = 1;
  size_t out_left = sizeof output;
  const size_t result = iconv(converter, &in, &in_left, &out, &out_left);
  iconv_close(converter);
  if (result == static_cast<size_t>(-1)) {
    return "";
  }
  return std::string(output, sizeof output - out_left);
}

TEST(Windows1252, EuroSignAndItalianLetters) {
  EXPECT_EQ(convert("\x80"), "\xE2\x82\xAC");  // €
  EXPECT_EQ(convert("caff\xE8"), "caff\xC3\xA8");
  EXPECT_EQ(convert("\xE0\xE8\xE9\xEC\xF2\xF9"),
            "\xC3\xA0\xC3\xA8\xC3\xA9\xC3\xAC\xC3\xB2\xC3\xB9");
  EXPECT_EQ(convert("Qualit\xC0"), "Qualit\xC3\x80");                              // À
  EXPECT_EQ(convert("\x93virgolette\x94"), "\xE2\x80\x9Cvirgolette\xE2\x80\x9D");  // “ ”
  EXPECT_EQ(convert("\x96\x85"), "\xE2\x80\x93\xE2\x80\xA6");                      // – …
}

TEST(Windows1252, AsciiUnchanged) {
  EXPECT_EQ(convert("PV01;12,50\r\n"), "PV01;12,50\r\n");
}

TEST(Windows1252, EveryByteMatchesIconv) {
  int compared = 0;
  for (int value = 0x80; value <= 0xFF; ++value) {
    const auto byte = static_cast<unsigned char>(value);
    const std::string ours = convert(std::string(1, static_cast<char>(byte)));
    EXPECT_EQ(find_invalid_utf8(ours), std::string::npos) << "byte " << value;
    const std::string expected = convert_with_iconv(byte);
    if (!expected.empty()) {
      EXPECT_EQ(ours, expected) << "byte " << value;
      ++compared;
    }
  }
  // iconv leaves at most the five undefined bytes out.
  EXPECT_GE(compared, 128 - 5);
}

TEST(Windows1252, UndefinedBytesBecomeControlCharacters) {
  EXPECT_EQ(convert("\x81"), "\xC2\x81");
  EXPECT_EQ(convert("\x8D"), "\xC2\x8D");
  EXPECT_EQ(convert("\x8F"), "\xC2\x8F");
  EXPECT_EQ(convert("\x90"), "\xC2\x90");
  EXPECT_EQ(convert("\x9D"), "\xC2\x9D");
}

}  // namespace
}  // namespace imagross::ingest
