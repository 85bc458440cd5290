#include "cards/barcode_symbols.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "common/ean13.h"

namespace imagross::cards {
namespace {

// The EAN-13 encoding written out from the GS1 tables, independently of zxing-cpp: the first
// digit picks the L/G parity of the left six digits, the right six use the R set.
std::string expected_modules(std::string_view number) {
  static const std::array<const char*, 10> l_set = {"0001101", "0011001", "0010011", "0111101",
                                                    "0100011", "0110001", "0101111", "0111011",
                                                    "0110111", "0001011"};
  static const std::array<const char*, 10> parity = {"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL",
                                                     "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG",
                                                     "LGLGGL", "LGGLGL"};
  const auto digit = [&](std::size_t i) { return static_cast<std::size_t>(number[i] - '0'); };
  const auto complement = [](std::string code) {
    for (char& c : code) {
      c = c == '0' ? '1' : '0';
    }
    return code;
  };
  std::string modules = "101";
  for (std::size_t i = 1; i <= 6; ++i) {
    const std::string l = l_set[digit(i)];
    // The G set is the R set (the complement of L) read backwards.
    const std::string r = complement(l);
    modules += parity[digit(0)][i - 1] == 'L' ? l : std::string(r.rbegin(), r.rend());
  }
  modules += "01010";
  for (std::size_t i = 7; i <= 12; ++i) {
    modules += complement(l_set[digit(i)]);
  }
  return modules + "101";
}

std::string as_text(const Ean13Modules& modules) {
  std::string text;
  for (const bool dark : modules.dark) {
    text += dark ? '1' : '0';
  }
  return text;
}

TEST(EncodeEan13, MatchesGs1TablesForEveryFirstDigit) {
  for (char first = '0'; first <= '9'; ++first) {
    const std::string number = complete_ean13(std::string(1, first) + "99100001234");
    const auto modules = encode_ean13(number);
    ASSERT_TRUE(modules.ok()) << number;
    EXPECT_EQ(as_text(*modules), expected_modules(number)) << number;
  }
}

TEST(EncodeEan13, RejectsWrongCheckDigit) {
  const auto modules = encode_ean13("2991000000017");
  ASSERT_FALSE(modules.ok());
  EXPECT_EQ(modules.error().code, "invalid_ean13");
  EXPECT_NE(modules.error().message.find("2991000000017"), std::string::npos);
}

TEST(EncodeEan13, RejectsWrongLengthAndLetters) {
  EXPECT_FALSE(encode_ean13("299100000001").ok());
  EXPECT_FALSE(encode_ean13("29910000000160").ok());
  EXPECT_FALSE(encode_ean13("29910000A0016").ok());
  EXPECT_FALSE(encode_ean13("").ok());
}

// The 7 x 7 finder pattern: a dark ring, a light ring and a dark 3 x 3 centre.
bool has_finder_at(const QrModules& qr, int left, int top) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (qr.is_dark(left + x, top + y) != (ring || centre)) {
        return false;
      }
    }
  }
  return true;
}

TEST(EncodeQr, CardNumberFitsVersionOne) {
  const auto qr = encode_qr("2991000000016");
  ASSERT_TRUE(qr.ok());
  EXPECT_EQ(qr->size, 21);
  EXPECT_EQ(qr->dark.size(), 21u * 21u);
  EXPECT_TRUE(has_finder_at(*qr, 0, 0));
  EXPECT_TRUE(has_finder_at(*qr, 14, 0));
  EXPECT_TRUE(has_finder_at(*qr, 0, 14));
}

TEST(EncodeQr, RejectsEmptyAndOversizedText) {
  EXPECT_EQ(encode_qr("").error().code, "invalid_qr_text");
  EXPECT_EQ(encode_qr(std::string(kMaxQrTextBytes + 1, 'a')).error().code, "invalid_qr_text");
}

TEST(EncodeQr, EncodesLongestTextAllowed) {
  const auto qr = encode_qr(std::string(kMaxQrTextBytes, 'a'));
  ASSERT_TRUE(qr.ok());
  EXPECT_GT(qr->size, 100);
}

}  // namespace
}  // namespace imagross::cards
