#include "domain/contact.h"

#include <gtest/gtest.h>

namespace imagross {
namespace {

struct TextCase {
  const char* input;
  const char* expected;  // the normalised text, or nullptr when invalid
  const char* message_part = "";
};

TEST(NormalizePhone, ItalianFormsTable) {
  const TextCase cases[] = {
      {"347 123 4567", "+393471234567"},      {"347.1234567", "+393471234567"},
      {"3471234567", "+393471234567"},        {"+39 347 1234567", "+393471234567"},
      {"+393471234567", "+393471234567"},     {"0039 347 1234567", "+393471234567"},
      {"0039-347-123-4567", "+393471234567"}, {"(+39) 347 123 4567", "+393471234567"},
      {"  347 1234567  ", "+393471234567"},   {"06 1234 5678", "+390612345678"},
      {"06/12345678", "+390612345678"},       {"035 1234567", "+390351234567"},
      {"02 1234 5678", "+390212345678"},      {"+44 20 7946 0958", "+442079460958"},
      {"+49 30 12345678", "+493012345678"},
  };
  for (const TextCase& test : cases) {
    SCOPED_TRACE(test.input);
    const auto result = normalize_phone(test.input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, test.expected);
  }
}

TEST(NormalizePhone, InvalidNumbersTable) {
  const TextCase cases[] = {
      {"", nullptr, "empty"},
      {"   ", nullptr, "empty"},
      {"347 123", nullptr, "numbering plan"},  // Italian numbers may have 6 digits
      {"34", nullptr, "too few digits"},
      {"3", nullptr, "too few digits"},
      {"347 1234567 8901 2345", nullptr, "too many digits"},
      {"347-CALL-ME", nullptr, "'C' is not a digit"},
      {"347 1234567 int. 12", nullptr, "'i' is not a digit"},
      {"mario@example.it", nullptr, "'m' is not a digit"},
      {"+999 1234567", nullptr, "country code"},
      {"+39 999 9999999", nullptr, "numbering plan"},
      {"+39", nullptr, ""},
      {"+", nullptr, "no digits"},
      {"---", nullptr, "no digits"},
  };
  for (const TextCase& test : cases) {
    SCOPED_TRACE(test.input);
    const auto result = normalize_phone(test.input);
    ASSERT_FALSE(result.ok()) << "accepted as " << *result;
    EXPECT_EQ(result.error().code, "invalid_phone");
    EXPECT_NE(result.error().message.find(test.message_part), std::string::npos)
        << result.error().message;
  }
}

TEST(NormalizePhone, RegionReadsNationalNumbers) {
  const auto british = normalize_phone("020 7946 0958", "GB");
  ASSERT_TRUE(british.ok()) << british.error().message;
  EXPECT_EQ(*british, "+442079460958");
}

TEST(NormalizeEmail, ValidTable) {
  const TextCase cases[] = {
      {"mario.rossi@example.it", "mario.rossi@example.it"},
      {"  Mario.Rossi@Example.IT ", "mario.rossi@example.it"},
      {"GIULIA+spesa@libero.it", "giulia+spesa@libero.it"},
      {"a.b-c_d@mail.example.com", "a.b-c_d@mail.example.com"},
      {"o'brien@tiscali.it", "o'brien@tiscali.it"},
      {"x@a-b.it", "x@a-b.it"},
  };
  for (const TextCase& test : cases) {
    SCOPED_TRACE(test.input);
    const auto result = normalize_email(test.input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, test.expected);
  }
}

TEST(NormalizeEmail, InvalidTable) {
  const TextCase cases[] = {
      {"", nullptr, "empty"},
      {"mario.rossi", nullptr, "no '@'"},
      {"mario.rossi.example.it", nullptr, "no '@'"},
      {"mario@@example.it", nullptr, "more than one '@'"},
      {"mario@rossi@example.it", nullptr, "more than one '@'"},
      {"@example.it", nullptr, "nothing before"},
      {"mario@", nullptr, "nothing after"},
      {"mario rossi@example.it", nullptr, "' ' cannot appear"},
      {"mario,rossi@example.it", nullptr, "',' cannot appear"},
      {".mario@example.it", nullptr, "dot"},
      {"mario.@example.it", nullptr, "dot"},
      {"mario..rossi@example.it", nullptr, "dot"},
      {"mario@example", nullptr, "no top-level domain"},
      {"mario@example.i", nullptr, "no top-level domain"},
      {"mario@example.123", nullptr, "no top-level domain"},
      {"mario@example..it", nullptr, "malformed"},
      {"mario@.example.it", nullptr, "malformed"},
      {"mario@-example.it", nullptr, "malformed"},
      {"mario@example.it.", nullptr, "malformed"},
      {"mario@exa_mple.it", nullptr, "'_' cannot appear"},
      {"\"mario\"@example.it", nullptr, "'\"' cannot appear"},
  };
  for (const TextCase& test : cases) {
    SCOPED_TRACE(test.input);
    const auto result = normalize_email(test.input);
    ASSERT_FALSE(result.ok()) << "accepted as " << *result;
    EXPECT_EQ(result.error().code, "invalid_email");
    EXPECT_NE(result.error().message.find(test.message_part), std::string::npos)
        << result.error().message;
  }
}

TEST(NormalizeEmail, LocalPartOver64Characters) {
  const std::string local(65, 'a');
  const auto result = normalize_email(local + "@example.it");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("64"), std::string::npos);
  EXPECT_TRUE(normalize_email(std::string(64, 'a') + "@example.it").ok());
}

TEST(NormalizeEmail, RejectsAddressOverMaximumLength) {
  const std::string local(64, 'a');
  const auto domain = [](std::size_t first_label) {
    return "@" + std::string(first_label, 'd') + "." + std::string(61, 'e') + "." +
           std::string(62, 'f') + ".it";
  };
  ASSERT_EQ((local + domain(61)).size(), 254u);
  EXPECT_TRUE(normalize_email(local + domain(61)).ok());

  const auto result = normalize_email(local + domain(62));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "the e-mail address is 255 characters long; an e-mail address may have at most "
            "254 characters");

  const auto huge = normalize_email(std::string(300'000, 'a') + "@example.it");
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().code, "invalid_email");
  EXPECT_EQ(huge.error().message,
            "the e-mail address is 300011 characters long; an e-mail address may have at most "
            "254 characters");
}

TEST(NormalizePhone, RejectsTextOverMaximumLength) {
  const auto result = normalize_phone(std::string(41, '3'));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_phone");
  EXPECT_EQ(result.error().message,
            "the phone number is 41 characters long; a phone number may have at most 40 "
            "characters");
}

TEST(NormalizeName, Table) {
  const TextCase cases[] = {
      {"Mario", "Mario"},
      {"  Maria   Grazia ", "Maria Grazia"},
      {"Maria\tGrazia", "Maria Grazia"},
      {"De\u00a0Luca", "De Luca"},         // no-break space
      {"Nicolo\u0300", "Nicol\u00f2"},     // o + combining grave -> ò
      {"Nicol\u00f2", "Nicol\u00f2"},      // already composed
      {"D\u2019Angelo", "D\u2019Angelo"},  // apostrophes are kept as written
      {"  ", ""},
      {"", ""},
  };
  for (const TextCase& test : cases) {
    SCOPED_TRACE(test.input);
    const auto result = normalize_name(test.input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(*result, test.expected);
  }
}

TEST(NormalizeName, RejectsBadText) {
  const auto invalid_utf8 = normalize_name("Ros\xe0");
  ASSERT_FALSE(invalid_utf8.ok());
  EXPECT_EQ(invalid_utf8.error().code, "invalid_name");
  EXPECT_NE(invalid_utf8.error().message.find("UTF-8"), std::string::npos);

  const auto control = normalize_name("Ros\x01si");
  ASSERT_FALSE(control.ok());
  EXPECT_EQ(control.error().code, "invalid_name");
  EXPECT_NE(control.error().message.find("U+0001"), std::string::npos);
}

TEST(NormalizeName, RejectsNameOverMaximumLength) {
  std::string longest;
  for (std::size_t i = 0; i < kMaxNameLength; ++i) {
    longest += "\u00e8";  // two bytes, one character
  }
  EXPECT_TRUE(normalize_name(longest).ok());
  // Surrounding spaces do not count, because they are trimmed first.
  EXPECT_TRUE(normalize_name("  " + longest + "  ").ok());

  const auto result = normalize_name(longest + "x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_name");
  EXPECT_EQ(result.error().message,
            "the name is 101 characters long; a name may have at most 100 characters");

  const auto huge = normalize_name(std::string(300'000, 'a'));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("300000 characters"), std::string::npos);
}

TEST(FoldForSearch, Table) {
  const TextCase cases[] = {
      {"Rossi", "rossi"},
      {"ROSSI", "rossi"},
      {"Nicol\u00f2", "nicolo"},
      {"Nicolo\u0300", "nicolo"},
      {"NICCOL\u00d2 D\u2019\u00c0NGELO", "niccolo d'angelo"},
      {"  Maria   Grazia  ", "maria grazia"},
      {"Fran\u00e7ois", "francois"},
      {"Stra\u00dfe", "strasse"},
      {"\uff32\uff4f\uff53\uff53\uff49", "rossi"},  // full-width letters
      {"Dell\u2018Acqua", "dell'acqua"},
      {"mario.rossi@example.it", "mario.rossi@example.it"},
      {"", ""},
  };
  for (const TextCase& test : cases) {
    SCOPED_TRACE(test.input);
    EXPECT_EQ(fold_for_search(test.input), test.expected);
  }
}

TEST(FoldForSearch, InvalidUtf8FoldsAscii) {
  EXPECT_EQ(fold_for_search("ROS\xe0"), "ros\xe0");
}

TEST(FoldForSearch, FoldedNamesCompareEqual) {
  EXPECT_EQ(fold_for_search("D\u2019\u00c0ngelo"), fold_for_search("d'angelo"));
  EXPECT_NE(fold_for_search("Rossi"), fold_for_search("Russo"));
}

TEST(PhoneSearchDigits, AnyFormIsSubstringOfE164) {
  const std::string stored = "393471234567";  // "+393471234567" without the '+'
  for (const char* typed : {"347 123", "+39 347 1234567", "0039 347", "347.1234567", "4567"}) {
    SCOPED_TRACE(typed);
    const std::string digits = phone_search_digits(typed);
    EXPECT_NE(stored.find(digits), std::string::npos) << digits;
  }
  EXPECT_EQ(phone_search_digits("0039 347"), "39347");
  EXPECT_EQ(phone_search_digits("no digits"), "");
}

}  // namespace
}  // namespace imagross
