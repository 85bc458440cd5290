#include "auth/sign_in_identifier.h"

#include <algorithm>
#include <cctype>

#include "domain/contact.h"

namespace imagross::auth {
namespace {

std::string trimmed_lower(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  std::string out(text.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<Account> account_of_member(std::optional<int64_t> member_id, AccountStore& accounts) {
  if (!member_id) {
    return std::nullopt;
  }
  return accounts.find_account_by_member(*member_id);
}

}  // namespace

SignInIdentifier parse_sign_in_identifier(std::string_view text, const CardPolicy& policy) {
  if (text.size() > kMaxIdentifierLength) {
    return {IdentifierKind::unknown, trimmed_lower(text.substr(0, kMaxIdentifierLength))};
  }
  if (text.find('@') != std::string_view::npos) {
    auto email = normalize_email(text);
    if (email.ok()) {
      return {IdentifierKind::email, std::move(email).value()};
    }
    return {IdentifierKind::unknown, trimmed_lower(text)};
  }
  // Card and phone numbers are often written in dashed groups: read a dash like a space.
  std::string spaced(text);
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  if (auto card = validate_card_number(spaced, policy); card.ok()) {
    return {IdentifierKind::card, std::move(card).value()};
  }
  if (auto phone = normalize_phone(spaced); phone.ok()) {
    return {IdentifierKind::phone, std::move(phone).value()};
  }
  return {IdentifierKind::unknown, trimmed_lower(text)};
}

std::optional<Account> find_account(const SignInIdentifier& identifier, AccountStore& accounts,
                                    MemberStore& members) {
  switch (identifier.kind) {
    case IdentifierKind::email:
      return accounts.find_account_by_email(identifier.normalised);
    case IdentifierKind::card: {
      const auto card = members.find_card(identifier.normalised);
      if (!card || card->status != CardStatus::active) {
        return std::nullopt;
      }
      return account_of_member(card->member_id, accounts);
    }
    case IdentifierKind::phone: {
      const auto member = members.find_member_by_phone(identifier.normalised);
      return account_of_member(member ? std::optional(member->id) : std::nullopt, accounts);
    }
    case IdentifierKind::unknown:
      break;
  }
  return std::nullopt;
}

}  // namespace imagross::auth
