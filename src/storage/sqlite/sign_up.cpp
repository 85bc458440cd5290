#include "storage/sqlite/sign_up.h"

#include <fmt/format.h>

#include <optional>

#include "storage/sqlite/account_records.h"
#include "storage/sqlite/member_records.h"
#include "storage/sqlite/member_rows.h"

namespace imagross::sqlite {
namespace {

Consent stamped(Consent consent, std::string_view now) {
  if (consent.at.empty()) {
    consent.at = std::string(now);
  }
  return consent;
}

// The member as the sign-up gives it, before it is checked or stored.
Member member_of_request(const SignUpRequest& request, std::string_view now) {
  Member member = request.member;
  member.id = 0;
  member.status = MemberStatus::active;
  member.signup_date = std::string(now.substr(0, 10));
  member.privacy = stamped(member.privacy, now);
  member.marketing = stamped(member.marketing, now);
  member.profiling = stamped(member.profiling, now);
  member.cards.clear();
  return member;
}

// The imported member with what the sign-up changes: contacts when given, and the consents.
Member taken_over(const Member& stored, const Member& given) {
  Member member = stored;
  if (!given.email.empty()) {
    member.email = given.email;
  }
  if (!given.phone.empty()) {
    member.phone = given.phone;
  }
  member.privacy = given.privacy;
  member.marketing = given.marketing;
  member.profiling = given.profiling;
  return member;
}

Error invalid_member(const std::string& problem) {
  return Error{"invalid_member", problem};
}

// Checks and writes the member of a card that has one. Returns the member's id.
Result<int64_t> take_over(Connection& connection, const Card& card, const Member& given,
                          std::string_view now) {
  const int64_t member_id = *card.member_id;
  if (member_has_account(connection, member_id)) {
    return Error{"card_taken",
                 fmt::format("card {} is linked to another online account", card.number)};
  }
  std::optional<Member> stored = load_member(connection, member_id);
  if (!same_last_name(stored->last_name, given.last_name)) {
    return Error{
        "last_name_mismatch",
        fmt::format("the last name does not match the one on file for card {}", card.number)};
  }
  const Member member = taken_over(*stored, given);
  if (std::optional<std::string> problem = member_problem(member)) {
    return invalid_member(*problem);
  }
  if (std::optional<Error> conflict = contact_conflict(connection, member, member_id)) {
    return *conflict;
  }
  if (std::optional<Error> conflict = admin_email_conflict(connection, member.email)) {
    return *conflict;
  }
  update_member_row(connection, member, 0, now);
  return member_id;
}

Result<int64_t> create(Connection& connection, const CardLookup& card, const Member& member,
                       std::string_view card_number, std::string_view now) {
  if (std::optional<Error> unavailable = card_unavailable(card, card_number, true)) {
    return *unavailable;
  }
  if (std::optional<std::string> problem = member_problem(member)) {
    return invalid_member(*problem);
  }
  if (std::optional<Error> conflict = contact_conflict(connection, member, 0)) {
    return *conflict;
  }
  if (std::optional<Error> conflict = admin_email_conflict(connection, member.email)) {
    return *conflict;
  }
  return insert_member_with_card(connection, member, card, card_number, 0, now);
}

}  // namespace

Result<SignUpResult> sign_up(Connection& connection, const SignUpRequest& request,
                             std::string_view now) {
  const Member given = member_of_request(request, now);
  const CardLookup card = lookup_card(connection, request.card_number);
  const bool has_member = card.registered() && card.card.member_id.has_value();
  if (has_member && card.card.status != CardStatus::active) {
    return *card_unavailable(card, request.card_number, true);
  }

  Result<int64_t> member_id = has_member
                                  ? take_over(connection, card.card, given, now)
                                  : create(connection, card, given, request.card_number, now);
  if (!member_id) {
    return member_id.error();
  }

  Account account;
  account.role = Role::customer;
  account.member_id = *member_id;
  account.password_hash = request.password_hash;
  Result<int64_t> account_id = insert_account(connection, account, now);
  if (!account_id) {
    return account_id.error();
  }
  SignUpResult result;
  result.account = *load_account(connection, *account_id);
  result.member = *load_member(connection, *member_id);
  result.took_over = has_member;
  return result;
}

}  // namespace imagross::sqlite
