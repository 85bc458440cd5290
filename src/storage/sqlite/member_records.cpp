#include "storage/sqlite/member_records.h"

#include <fmt/format.h>

#include <span>
#include <stdexcept>

#include "common/utc_time.h"
#include "storage/sqlite/member_rows.h"
#include "storage/sqlite/member_statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = member_statements;

constexpr Sql kSelectAdminEmail{"select_admin_email", "SELECT 1 FROM accounts WHERE email = ?1"};
constexpr Sql kSelectMemberAccount{"select_member_account",
                                   "SELECT 1 FROM accounts WHERE member_id = ?1"};

std::optional<int64_t> select_id(Connection& connection, const Sql& sql, std::string_view key) {
  Statement statement(connection, sql);
  statement.bind(1, key);
  if (!statement.step()) {
    return std::nullopt;
  }
  return statement.column_int64(0);
}

void bind_derived(Statement& statement, int first_index, const DerivedColumns& derived) {
  if (derived.card_number) {
    statement.bind(first_index, *derived.card_number);
  } else {
    statement.bind_null(first_index);
  }
  statement.bind(first_index + 1, derived.sort_last)
      .bind(first_index + 2, derived.sort_first)
      .bind(first_index + 3, derived.search_text);
}

// Makes the card of `lookup` the active card of `member_id`, registering the number when the
// registry lacks it.
void give_card(Connection& connection, const CardLookup& lookup, std::string_view number,
               int64_t member_id, std::string_view now) {
  if (lookup.registered()) {
    Statement activate(connection, sql::kActivateIssuedCard);
    activate.bind(1, int64_t{lookup.card.id}).bind(2, member_id).bind(3, now).execute();
    return;
  }
  Statement register_card(connection, sql::kRegisterActiveCard);
  register_card.bind(1, number).bind(2, member_id).bind(3, now);
  if (!register_card.step()) {
    throw std::logic_error(
        fmt::format("card {} could not be registered for member {}", number, member_id));
  }
}

}  // namespace

std::optional<Member> load_member(Connection& connection, int64_t id) {
  Statement select(connection, sql::kSelectMember);
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  Member member = read_member(select);
  member.cards = load_cards_of_member(connection, id);
  return member;
}

std::vector<Card> load_cards_of_member(Connection& connection, int64_t member_id) {
  Statement select(connection, sql::kSelectCardsOfMember);
  select.bind(1, member_id);
  std::vector<Card> cards;
  while (select.step()) {
    cards.push_back(read_card(select));
  }
  return cards;
}

std::optional<int64_t> member_id_by_email(Connection& connection, std::string_view email) {
  return select_id(connection, sql::kSelectMemberIdByEmail, email);
}

std::optional<int64_t> member_id_by_phone(Connection& connection, std::string_view e164) {
  return select_id(connection, sql::kSelectMemberIdByPhone, e164);
}

CardLookup lookup_card(Connection& connection, std::string_view number) {
  Statement select(connection, sql::kSelectCard);
  select.bind(1, number);
  CardLookup lookup;
  if (!select.step()) {
    return lookup;
  }
  if (select.column_is_null(2)) {
    lookup.state = CardLookup::State::on_receipts_only;
    return lookup;
  }
  lookup.state = CardLookup::State::registered;
  lookup.card = read_card(select);
  return lookup;
}

std::optional<Error> card_unavailable(const CardLookup& lookup, std::string_view number,
                                      bool registry_only) {
  if (!lookup.registered()) {
    if (!registry_only) {
      return std::nullopt;
    }
    return Error{
        "card_not_issued",
        fmt::format("card {} was not issued by the chain: it is not in the card registry", number)};
  }
  switch (lookup.card.status) {
    case CardStatus::issued:
      return std::nullopt;
    case CardStatus::active:
      return Error{"card_taken", fmt::format("card {} belongs to a member already", number)};
    case CardStatus::blocked:
    case CardStatus::replaced:
      return Error{"card_blocked", fmt::format("card {} is {} and can no longer be used", number,
                                               card_status_name(lookup.card.status))};
  }
  return std::nullopt;
}

std::optional<Error> contact_conflict(Connection& connection, const Member& member,
                                      int64_t member_id) {
  if (!member.email.empty()) {
    std::optional<int64_t> owner = member_id_by_email(connection, member.email);
    if (owner && *owner != member_id) {
      return Error{"email_taken",
                   fmt::format("the e-mail {} belongs to another member", member.email)};
    }
  }
  if (!member.phone.empty()) {
    std::optional<int64_t> owner = member_id_by_phone(connection, member.phone);
    if (owner && *owner != member_id) {
      return Error{"phone_taken",
                   fmt::format("the phone {} belongs to another member", member.phone)};
    }
  }
  return std::nullopt;
}

std::optional<Error> admin_email_conflict(Connection& connection, std::string_view email) {
  if (email.empty() || !select_id(connection, kSelectAdminEmail, email)) {
    return std::nullopt;
  }
  return Error{"email_taken", fmt::format("the e-mail {} belongs to another account", email)};
}

bool member_has_account(Connection& connection, int64_t member_id) {
  Statement select(connection, kSelectMemberAccount);
  select.bind(1, member_id);
  return select.step();
}

int64_t insert_member_with_card(Connection& connection, const Member& member,
                                const CardLookup& lookup, std::string_view number,
                                int64_t import_id, std::string_view now) {
  Card card;
  card.number = std::string(number);
  card.status = CardStatus::active;
  const DerivedColumns derived = derive_columns(member, std::span<const Card>(&card, 1));

  Statement insert(connection, sql::kInsertMember);
  bind_member_fields(insert, member);
  bind_derived(insert, 18, derived);
  insert.bind_id_or_null(22, import_id).bind(23, now);
  if (!insert.step()) {
    throw std::logic_error("insert_member returned no id");
  }
  const int64_t member_id = insert.column_int64(0);
  insert.reset();

  give_card(connection, lookup, number, member_id, now);
  return member_id;
}

void update_member_row(Connection& connection, const Member& member, int64_t import_id,
                       std::string_view now) {
  Statement update(connection, sql::kUpdateMember);
  bind_member_fields(update, member);
  update.bind_id_or_null(18, import_id).bind(19, member.id).bind(20, now).execute();
  refresh_derived_columns(connection, member.id);
}

void refresh_derived_columns(Connection& connection, int64_t member_id) {
  std::optional<Member> member = load_member(connection, member_id);
  if (!member) {
    return;
  }
  const DerivedColumns derived = derive_columns(*member, member->cards);
  Statement update(connection, sql::kUpdateMemberDerived);
  update.bind(1, member_id);
  bind_derived(update, 2, derived);
  update.execute();
}

std::string utc_today() {
  return utc_now_iso8601().substr(0, 10);
}

}  // namespace imagross::sqlite
