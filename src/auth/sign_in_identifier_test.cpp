#include "auth/sign_in_identifier.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace imagross::auth {
namespace {

struct IdentifierCase {
  std::string text;
  IdentifierKind kind;
  std::string normalised;
};

TEST(SignInIdentifier, ReadsEveryCommonForm) {
  const std::vector<IdentifierCase> cases = {
      {"2991687560742", IdentifierKind::card, "2991687560742"},
      {"2991 6875 6074 2", IdentifierKind::card, "2991687560742"},
      {"2991-6875-6074-2", IdentifierKind::card, "2991687560742"},
      {" 2991-6875 6074-2 ", IdentifierKind::card, "2991687560742"},
      {"347 555 0101", IdentifierKind::phone, "+393475550101"},
      {"347-555-0101", IdentifierKind::phone, "+393475550101"},
      {"+39-347-555-0101", IdentifierKind::phone, "+393475550101"},
      {"Marco.Neri@Example.it", IdentifierKind::email, "marco.neri@example.it"},
  };
  for (const auto& item : cases) {
    const auto identifier = parse_sign_in_identifier(item.text, CardPolicy{});
    EXPECT_EQ(identifier.kind, item.kind) << item.text;
    EXPECT_EQ(identifier.normalised, item.normalised) << item.text;
  }
}

TEST(SignInIdentifier, DashedWrongCardIsNoCard) {
  // A wrong check digit stays wrong with dashes: the text is not read as a card.
  const auto identifier = parse_sign_in_identifier("2991-6875-6074-3", CardPolicy{});
  EXPECT_NE(identifier.kind, IdentifierKind::card);
}

TEST(SignInIdentifier, UnknownFormKeepsTrimmedLowerText) {
  const auto identifier = parse_sign_in_identifier("  Not-An-Identifier ", CardPolicy{});
  EXPECT_EQ(identifier.kind, IdentifierKind::unknown);
  EXPECT_EQ(identifier.normalised, "not-an-identifier");
}

}  // namespace
}  // namespace imagross::auth
