#include "domain/card_number.h"

#include <gtest/gtest.h>

namespace imagross {
namespace {

struct CardCase {
  const char* text;
  const char* expected;  // the 13 digits when valid, else the error code
  const char* message_part;
};

// Every number is read with the default prefix 2991.
constexpr CardCase kCases[] = {
    {"2991000000016", "2991000000016", ""},
    {"2991123456783", "2991123456783", ""},
    {"  2991000000016\t", "2991000000016", ""},
    {"2991 0000 0001 6", "2991000000016", ""},
    {"2 991000 000016", "2991000000016", ""},
    {"", "card_wrong_length", "empty"},
    {"   ", "card_wrong_length", "empty"},
    {"299100000001", "card_wrong_length", "has 12 digits"},
    {"29910000000160", "card_wrong_length", "has 14 digits"},
    {"1", "card_wrong_length", "has 1 digits"},
    {"2991O00000016", "card_not_digits", "contains 'O'"},
    {"2991-0000-0001-6", "card_not_digits", "contains '-'"},
    {"2.99100E+12", "card_not_digits", "contains '.'"},
    {"2991000000016x", "card_not_digits", "contains 'x'"},
    {"29910000000١6", "card_not_digits", "contains a non-digit"},
    {"2991000000017", "card_wrong_check_digit", "should be 6"},
    {"2991000000010", "card_wrong_check_digit", "should be 6"},
    {"2991123456780", "card_wrong_check_digit", "should be 3"},
    {"2919000000016", "card_wrong_check_digit", "check each digit"},
    {"2001000000012", "card_outside_chain", "start with 2991"},
    {"2992000000013", "card_outside_chain", "start with 2991"},
    {"8001234567897", "card_outside_chain", "product barcode"},
    {"4006381333931", "card_outside_chain", "product barcode"},
};

TEST(CardNumber, ValidationTable) {
  for (const CardCase& test : kCases) {
    SCOPED_TRACE(std::string("card '") + test.text + "'");
    const auto result = validate_card_number(test.text, CardPolicy{});
    const std::string expected = test.expected;
    if (expected.size() == 13 && expected[0] >= '0' && expected[0] <= '9') {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(*result, expected);
      continue;
    }
    ASSERT_FALSE(result.ok()) << "accepted as " << *result;
    EXPECT_EQ(result.error().code, expected);
    EXPECT_NE(result.error().message.find(test.message_part), std::string::npos)
        << result.error().message;
  }
}

TEST(CardNumber, MessagesNameTheNumber) {
  for (const char* text : {"299100000001", "2991O00000016", "2991000000017", "2001000000012"}) {
    const auto result = validate_card_number(text, CardPolicy{});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find(text), std::string::npos) << result.error().message;
  }
}

TEST(CardNumber, OtherPrefixAcceptsItsCards) {
  const auto policy = CardPolicy::with_prefix("2001");
  ASSERT_TRUE(policy.ok());
  EXPECT_TRUE(validate_card_number("2001000000012", *policy).ok());
  const auto ours = validate_card_number("2991000000016", *policy);
  ASSERT_FALSE(ours.ok());
  EXPECT_EQ(ours.error().code, "card_outside_chain");
}

TEST(CardNumber, ShortPrefixCoversMoreCards) {
  const auto policy = CardPolicy::with_prefix("299");
  ASSERT_TRUE(policy.ok());
  EXPECT_TRUE(validate_card_number("2991000000016", *policy).ok());
  EXPECT_TRUE(validate_card_number("2992000000013", *policy).ok());
}

TEST(CardPolicy, PrefixTable) {
  const std::pair<const char*, bool> cases[] = {
      {"2991", true},  {"200", true},         {"299", true},   {"299123456", true},
      {"20", false},   {"2991234567", false}, {"", false},     {"199", false},
      {"300", false},  {"8001", false},       {"29a1", false}, {" 2991", false},
      {"0299", false},
  };
  for (const auto& [prefix, valid] : cases) {
    SCOPED_TRACE(std::string("prefix '") + prefix + "'");
    const auto policy = CardPolicy::with_prefix(prefix);
    EXPECT_EQ(policy.ok(), valid);
    if (valid) {
      EXPECT_EQ(policy->prefix, prefix);
    } else {
      EXPECT_EQ(policy.error().code, "invalid_card_prefix");
      EXPECT_NE(policy.error().message.find(prefix), std::string::npos);
    }
  }
}

TEST(CardPolicy, DefaultIsTheDemoPrefix) {
  EXPECT_EQ(CardPolicy{}.prefix, "2991");
}

}  // namespace
}  // namespace imagross
