#include "common/ean13.h"

#include <gtest/gtest.h>

namespace imagross {
namespace {

TEST(Ean13, CheckDigitOfKnownCodes) {
  EXPECT_EQ(ean13_check_digit("400638133393"), '1');
  EXPECT_EQ(ean13_check_digit("590123412345"), '7');
  EXPECT_EQ(ean13_check_digit("800000000000"), '2');
  EXPECT_EQ(complete_ean13("299100000001"), "2991000000016");
}

TEST(Ean13, Validation) {
  EXPECT_TRUE(is_valid_ean13("4006381333931"));
  EXPECT_TRUE(is_valid_ean13("5901234123457"));
  EXPECT_FALSE(is_valid_ean13("4006381333932"));  // wrong check digit
  EXPECT_FALSE(is_valid_ean13("400638133393"));   // 12 digits
  EXPECT_FALSE(is_valid_ean13("40063813339311"));
  EXPECT_FALSE(is_valid_ean13("40063813339a1"));
  EXPECT_FALSE(is_valid_ean13(""));
}

}  // namespace
}  // namespace imagross
