#pragma once

// The one identifier field of the sign-in and reset forms: a card number, an e-mail address or
// a phone number, in any common form, and the account it names.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/card_number.h"
#include "domain/member.h"
#include "storage/account_store.h"
#include "storage/member_store.h"

namespace imagross::auth {

enum class IdentifierKind : uint8_t { card, email, phone, unknown };

struct SignInIdentifier {
  IdentifierKind kind = IdentifierKind::unknown;
  // The 13 digits of a card, the normalised e-mail or the E.164 phone. For an unknown form it is
  // the trimmed, lower-cased text, so that the sign-in limits still count it.
  std::string normalised;
};

// Identifiers longer than this are not looked up: no card, e-mail or phone is this long.
inline constexpr std::size_t kMaxIdentifierLength = 320;

// Parses an identifier. An "@" makes it an e-mail. Otherwise a valid card number of the chain
// (with spaces or dashes between digits) makes it a card. Failing that, a number libphonenumber
// accepts, with dashes read as spaces, makes it a phone (Italian without a country prefix).
SignInIdentifier parse_sign_in_identifier(std::string_view text, const CardPolicy& policy);

// The account an identifier names: the account of the member of an active card, the account
// with the e-mail, or the account of the member with the phone. Blocked and replaced cards name
// none.
std::optional<Account> find_account(const SignInIdentifier& identifier, AccountStore& accounts,
                                    MemberStore& members);

}  // namespace imagross::auth
