#include "storage/sqlite/member_store.h"

#include <fmt/format.h>

#include <mutex>

#include "common/utc_time.h"
#include "storage/sqlite/member_import.h"
#include "storage/sqlite/member_records.h"
#include "storage/sqlite/member_rows.h"
#include "storage/sqlite/member_search.h"
#include "storage/sqlite/member_statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = member_statements;

Error invalid_member(const std::string& problem) {
  return Error{"invalid_member", problem};
}

Error card_not_found(std::string_view number) {
  return Error{"card_not_found", fmt::format("card {} is not in the card registry", number)};
}

std::optional<Card> registered_card(Connection& connection, std::string_view number) {
  CardLookup lookup = lookup_card(connection, number);
  if (!lookup.registered()) {
    return std::nullopt;
  }
  return lookup.card;
}

}  // namespace

MemberBatchResult SqliteMemberStore::write_members(int64_t import_id,
                                                   std::span<const MemberImportRow> rows,
                                                   bool update) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  MemberImporter importer(connection, import_id, update, utc_now_iso8601());
  MemberBatchResult result;
  for (const MemberImportRow& row : rows) {
    MemberRowOutcome outcome = importer.write(row);
    result.outcomes.push_back(outcome.outcome);
    result.messages.push_back(std::move(outcome.message));
  }
  transaction.commit();
  return result;
}

std::optional<Member> SqliteMemberStore::find_member(int64_t id) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  return load_member(*reader, id);
}

std::optional<Member> SqliteMemberStore::find_member_by_card(std::string_view card_number) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  std::optional<Card> card = registered_card(*reader, card_number);
  if (!card || !card->member_id) {
    return std::nullopt;
  }
  return load_member(*reader, *card->member_id);
}

std::optional<Member> SqliteMemberStore::find_member_by_email(std::string_view email) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  std::optional<int64_t> id = member_id_by_email(*reader, email);
  return id ? load_member(*reader, *id) : std::nullopt;
}

std::optional<Member> SqliteMemberStore::find_member_by_phone(std::string_view e164) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  std::optional<int64_t> id = member_id_by_phone(*reader, e164);
  return id ? load_member(*reader, *id) : std::nullopt;
}

MemberPage SqliteMemberStore::search_members(const MemberQuery& query) {
  StoreConnections::Reader reader = connections_.reader();
  return sqlite::search_members(*reader, query);
}

Result<Member> SqliteMemberStore::create_member(const Member& member,
                                                std::string_view card_number) {
  Member fields = member;
  if (fields.signup_date.empty()) {
    fields.signup_date = utc_today();
  }
  if (std::optional<std::string> problem = member_problem(fields)) {
    return invalid_member(*problem);
  }

  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  const CardLookup card = lookup_card(connection, card_number);
  if (std::optional<Error> error = card_unavailable(card, card_number, true)) {
    return *error;
  }
  if (std::optional<Error> error = contact_conflict(connection, fields, 0)) {
    return *error;
  }
  const int64_t id =
      insert_member_with_card(connection, fields, card, card_number, 0, utc_now_iso8601());
  std::optional<Member> created = load_member(connection, id);
  transaction.commit();
  return std::move(*created);
}

Result<Member> SqliteMemberStore::update_member(const Member& member) {
  if (std::optional<std::string> problem = member_problem(member)) {
    return invalid_member(*problem);
  }

  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  if (!load_member(connection, member.id)) {
    return Error{"member_not_found", fmt::format("no member has id {}", member.id)};
  }
  if (std::optional<Error> error = contact_conflict(connection, member, member.id)) {
    return *error;
  }
  if (member_has_account(connection, member.id)) {
    if (std::optional<Error> error = admin_email_conflict(connection, member.email)) {
      return *error;
    }
  }
  update_member_row(connection, member, 0, utc_now_iso8601());
  std::optional<Member> updated = load_member(connection, member.id);
  transaction.commit();
  return std::move(*updated);
}

std::optional<Card> SqliteMemberStore::find_card(std::string_view number) {
  StoreConnections::Reader reader = connections_.reader();
  return registered_card(*reader, number);
}

int64_t SqliteMemberStore::issue_cards(std::span<const std::string> numbers) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  const std::string now = utc_now_iso8601();
  Statement issue(connection, sql::kIssueCard);
  int64_t added = 0;
  for (const std::string& number : numbers) {
    issue.bind(1, number).bind(2, now).execute();
    added += sqlite3_changes64(connection.handle());
  }
  transaction.commit();
  return added;
}

Result<Card> SqliteMemberStore::block_card(std::string_view number) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  std::optional<Card> card = registered_card(connection, number);
  if (!card) {
    return card_not_found(number);
  }
  if (card->status != CardStatus::issued && card->status != CardStatus::active) {
    return Error{"card_not_blockable", fmt::format("card {} is {} already and cannot be blocked",
                                                   number, card_status_name(card->status))};
  }
  Statement block(connection, sql::kBlockCard);
  block.bind(1, int64_t{card->id}).bind(2, utc_now_iso8601()).execute();
  std::optional<Card> blocked = registered_card(connection, number);
  transaction.commit();
  return std::move(*blocked);
}

Result<Card> SqliteMemberStore::replace_card(std::string_view old_number,
                                             std::string_view new_number) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  std::optional<Card> old_card = registered_card(connection, old_number);
  if (!old_card) {
    return card_not_found(old_number);
  }
  if (!old_card->member_id ||
      (old_card->status != CardStatus::active && old_card->status != CardStatus::blocked)) {
    return Error{"card_not_replaceable",
                 fmt::format("card {} is {}{}: only a member's active or blocked card can be "
                             "replaced",
                             old_number, card_status_name(old_card->status),
                             old_card->member_id ? "" : " and belongs to no member")};
  }
  std::optional<Card> new_card = registered_card(connection, new_number);
  if (!new_card || new_card->status != CardStatus::issued) {
    return Error{"card_not_issued",
                 fmt::format("card {} is not an issued card free for a member", new_number)};
  }

  // The old card leaves the active state first: a member has one active card at most.
  const std::string now = utc_now_iso8601();
  Statement mark_replaced(connection, sql::kMarkCardReplaced);
  mark_replaced.bind(1, int64_t{old_card->id}).bind(2, int64_t{new_card->id}).bind(3, now);
  mark_replaced.execute();
  Statement activate(connection, sql::kActivateIssuedCard);
  activate.bind(1, int64_t{new_card->id}).bind(2, *old_card->member_id).bind(3, now).execute();
  refresh_derived_columns(connection, *old_card->member_id);

  std::optional<Card> replacement = registered_card(connection, new_number);
  transaction.commit();
  return std::move(*replacement);
}

std::optional<std::string> SqliteMemberStore::next_free_card() {
  StoreConnections::Reader reader = connections_.reader();
  return reader->query_text(sql::kSelectNextFreeCard);
}

std::vector<int32_t> SqliteMemberStore::sales_card_ids_of_member(int64_t member_id) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kSelectCardIdsOfMember);
  select.bind(1, member_id);
  std::vector<int32_t> ids;
  while (select.step()) {
    ids.push_back(static_cast<int32_t>(select.column_int64(0)));
  }
  return ids;
}

int64_t SqliteMemberStore::count_members() {
  StoreConnections::Reader reader = connections_.reader();
  return reader->query_int64(sql::kCountMembers);
}

}  // namespace imagross::sqlite
