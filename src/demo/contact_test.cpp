#include "demo/contact.h"

#include <cctype>
#include <string>

#include <gtest/gtest.h>

namespace imagross::demo {
namespace {

TEST(EmailLetters, DropsAccentsApostrophesAndSpaces) {
  EXPECT_EQ(email_letters("Niccolò"), "niccolo");
  EXPECT_EQ(email_letters("D'Angelo"), "dangelo");
  EXPECT_EQ(email_letters("Gian Marco"), "gianmarco");
  EXPECT_EQ(email_letters("Cantù"), "cantu");
  EXPECT_EQ(email_letters("NOÈ"), "noe");
  EXPECT_EQ(email_letters("Dell'Acqua"), "dellacqua");
}

TEST(EmailAddress, UniqueAndWellFormed) {
  Random random(21);
  std::set<std::string> used_addresses;
  for (int draw = 0; draw < 2000; ++draw) {
    const size_t before = used_addresses.size();
    const std::string address = email_address(random, "Niccolò", "D'Angelo", 1987, used_addresses);
    const size_t at = address.find('@');
    ASSERT_NE(at, std::string::npos) << address;
    EXPECT_GT(at, 0U) << address;
    const std::string local = address.substr(0, at);
    EXPECT_EQ(local.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._"), std::string::npos)
        << address;
    const std::string domain = address.substr(at + 1);
    EXPECT_TRUE(domain.ends_with(".it") || domain.ends_with(".com")) << address;
    EXPECT_EQ(used_addresses.size(), before + 1) << address;
  }
}

// The digits a phone number dials within Italy, without the country code.
std::string national_digits(const std::string& phone) {
  std::string digits;
  for (const char character : phone) {
    if (character >= '0' && character <= '9') {
      digits += character;
    }
  }
  if (phone.starts_with("+39") || phone.starts_with("0039")) {
    digits.erase(0, phone.starts_with("+39") ? 2 : 4);
  }
  return digits;
}

TEST(PhoneNumber, ItalianMobilesAndLandlines) {
  Random random(22);
  int landlines = 0;
  for (int draw = 0; draw < 5000; ++draw) {
    const std::string phone = phone_number(random, "035");
    EXPECT_EQ(phone.find_first_not_of("+0123456789 ./-"), std::string::npos) << phone;
    EXPECT_EQ(phone.find('+', 1), std::string::npos) << phone;
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(phone.back()))) << phone;
    const std::string digits = national_digits(phone);
    ASSERT_EQ(digits.size(), 10U) << phone;
    if (digits.starts_with("035")) {
      ++landlines;
    } else {
      EXPECT_EQ(digits[0], '3') << phone;
    }
  }
  EXPECT_NEAR(landlines, 600, 120);
}

TEST(PhoneNumber, UsesSeveralWrittenForms) {
  Random random(23);
  std::set<std::string> forms;
  for (int draw = 0; draw < 2000; ++draw) {
    std::string phone = phone_number(random, "02");
    for (char& character : phone) {
      if (character >= '0' && character <= '9') {
        character = 'd';
      }
    }
    forms.insert(phone);
  }
  EXPECT_GE(forms.size(), 8U);
  EXPECT_EQ(forms.count("+dd ddd ddd dddd"), 1U);
  EXPECT_EQ(forms.count("ddd.ddddddd"), 1U);
  EXPECT_EQ(forms.count("dddd dddddddddd"), 1U);
}

}  // namespace
}  // namespace imagross::demo
