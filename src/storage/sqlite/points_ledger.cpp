#include "storage/sqlite/points_ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/utc_time.h"

namespace imagross::sqlite {
namespace {

constexpr Sql kInsertEntry{"insert_points_entry", R"sql(
INSERT INTO points_ledger (
  member_id, kind, points, at, recorded_at, expires_on, source_type, source_ref,
  rule_set_version, reason, account_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
RETURNING id)sql"};

constexpr Sql kInsertAllocation{
    "insert_points_allocation",
    "INSERT INTO points_allocations (debit_id, credit_id, points) VALUES (?1, ?2, ?3)"};

// The member's debits that still owe points, oldest first: what a new credit pays.
constexpr Sql kSelectOwedDebits{"select_owed_debits", R"sql(
SELECT entry_id, left FROM points_open_entries
WHERE member_id = ?1 AND is_credit = 0
ORDER BY entry_id)sql"};

// The member's credits with points left, in the order a debit consumes them: soonest expiry
// first, never-expiring last, then oldest entry first. ?2 is a credit consumed before the call
// and so left out (0 for none).
// NOTE: a credit whose expiry date has passed is consumed like the others until the expiry run
// reaches it, so points spent in that window never expire.
constexpr Sql kSelectOpenCredits{"select_open_credits", R"sql(
SELECT entry_id, left FROM points_open_entries
WHERE member_id = ?1 AND is_credit = 1 AND entry_id <> ?2
ORDER BY expires_on IS NULL, expires_on, entry_id)sql"};

constexpr Sql kSelectCreditLeft{
    "select_credit_left",
    "SELECT left FROM points_open_entries WHERE entry_id = ?1 AND is_credit = 1"};
constexpr Sql kSelectMemberCreditLeft{"select_member_credit_left", R"sql(
SELECT left FROM points_open_entries WHERE entry_id = ?1 AND member_id = ?2 AND is_credit = 1)sql"};

constexpr Sql kInsertOpenEntry{"insert_open_entry", R"sql(
INSERT INTO points_open_entries (entry_id, member_id, is_credit, expires_on, left)
VALUES (?1, ?2, ?3, ?4, ?5))sql"};
constexpr Sql kShrinkOpenEntry{
    "shrink_open_entry", "UPDATE points_open_entries SET left = left - ?2 WHERE entry_id = ?1"};
constexpr Sql kDeleteOpenEntry{"delete_open_entry",
                               "DELETE FROM points_open_entries WHERE entry_id = ?1"};

constexpr Sql kAddToBalance{"add_to_points_balance", R"sql(
INSERT INTO points_balances (member_id, balance, updated_at) VALUES (?1, ?2, ?3)
ON CONFLICT (member_id) DO UPDATE SET
  balance = balance + excluded.balance, updated_at = excluded.updated_at)sql"};

constexpr Sql kSelectBalance{"select_points_balance",
                             "SELECT balance FROM points_balances WHERE member_id = ?1"};

// An open entry as a debit or credit reads it before consuming it.
struct OpenEntry {
  int64_t id = 0;
  int64_t left = 0;
};

std::vector<OpenEntry> read_open_entries(Statement& select) {
  std::vector<OpenEntry> entries;
  while (select.step()) {
    entries.push_back(OpenEntry{select.column_int64(0), select.column_int64(1)});
  }
  select.reset();
  return entries;
}

int64_t insert_entry(Connection& connection, const LedgerEntry& entry, const std::string& now) {
  Statement insert(connection, kInsertEntry);
  insert.bind(1, entry.member_id).bind(2, ledger_kind_name(entry.kind)).bind(3, entry.points);
  insert.bind(4, entry.at).bind(5, now).bind_text_or_null(6, entry.expires_on);
  insert.bind(7, entry.source_type).bind(8, entry.source_ref);
  insert.bind_id_or_null(9, entry.rule_set_version).bind(10, entry.reason);
  if (entry.account_id) {
    insert.bind(11, *entry.account_id);
  } else {
    insert.bind_null(11);
  }
  insert.step();
  const int64_t id = insert.column_int64(0);
  insert.reset();
  return id;
}

// Writes the allocation of `points` of credit `credit_id` to debit `debit_id`, and takes them off
// the open entry `consumed` (the debit's or the credit's, whichever was open before the call).
void allocate(Connection& connection, int64_t debit_id, int64_t credit_id, int64_t points,
              const OpenEntry& consumed) {
  Statement insert(connection, kInsertAllocation);
  insert.bind(1, debit_id).bind(2, credit_id).bind(3, points).execute();
  if (points == consumed.left) {
    Statement remove(connection, kDeleteOpenEntry);
    remove.bind(1, consumed.id).execute();
  } else {
    Statement shrink(connection, kShrinkOpenEntry);
    shrink.bind(1, consumed.id).bind(2, points).execute();
  }
}

void open_entry(Connection& connection, const LedgerEntry& entry, int64_t id, int64_t left) {
  Statement insert(connection, kInsertOpenEntry);
  insert.bind(1, id).bind(2, entry.member_id).bind(3, int64_t{entry.points > 0 ? 1 : 0});
  insert.bind_text_or_null(4, entry.expires_on).bind(5, left).execute();
}

void add_to_balance(Connection& connection, const LedgerEntry& entry, const std::string& now) {
  Statement add(connection, kAddToBalance);
  add.bind(1, entry.member_id).bind(2, entry.points).bind(3, now).execute();
}

}  // namespace

int64_t append_credit(Connection& connection, const LedgerEntry& entry) {
  if (entry.points <= 0) {
    throw std::invalid_argument(
        fmt::format("append_credit: points must be positive, got {}", entry.points));
  }
  const std::string now = utc_now_iso8601();
  const int64_t id = insert_entry(connection, entry, now);

  int64_t left = entry.points;
  Statement select_owed(connection, kSelectOwedDebits);
  select_owed.bind(1, entry.member_id);
  for (const OpenEntry& debit : read_open_entries(select_owed)) {
    if (left == 0) {
      break;
    }
    const int64_t paid = std::min(left, debit.left);
    allocate(connection, debit.id, id, paid, debit);
    left -= paid;
  }
  if (left > 0) {
    open_entry(connection, entry, id, left);
  }
  add_to_balance(connection, entry, now);
  return id;
}

int64_t append_debit(Connection& connection, const LedgerEntry& entry,
                     std::optional<int64_t> first_credit) {
  if (entry.points >= 0) {
    throw std::invalid_argument(
        fmt::format("append_debit: points must be negative, got {}", entry.points));
  }
  if (!entry.expires_on.empty()) {
    throw std::invalid_argument(
        fmt::format("append_debit: a debit has no expiry date, got {}", entry.expires_on));
  }
  const std::string now = utc_now_iso8601();
  const int64_t id = insert_entry(connection, entry, now);

  int64_t needed = -entry.points;
  if (first_credit) {
    // Only a credit of the same member with points left can be consumed first.
    Statement select(connection, kSelectMemberCreditLeft);
    select.bind(1, *first_credit).bind(2, entry.member_id);
    if (select.step()) {
      const OpenEntry credit{*first_credit, select.column_int64(0)};
      select.reset();
      const int64_t taken = std::min(needed, credit.left);
      allocate(connection, id, credit.id, taken, credit);
      needed -= taken;
    }
  }
  if (needed > 0) {
    Statement select_credits(connection, kSelectOpenCredits);
    select_credits.bind(1, entry.member_id).bind(2, first_credit.value_or(0));
    for (const OpenEntry& credit : read_open_entries(select_credits)) {
      if (needed == 0) {
        break;
      }
      const int64_t taken = std::min(needed, credit.left);
      allocate(connection, id, credit.id, taken, credit);
      needed -= taken;
    }
  }
  if (needed > 0) {
    open_entry(connection, entry, id, needed);
  }
  add_to_balance(connection, entry, now);
  return id;
}

int64_t cached_balance(Connection& connection, int64_t member_id) {
  Statement select(connection, kSelectBalance);
  select.bind(1, member_id);
  return select.step() ? select.column_int64(0) : 0;
}

int64_t credit_left(Connection& connection, int64_t entry_id) {
  Statement select(connection, kSelectCreditLeft);
  select.bind(1, entry_id);
  return select.step() ? select.column_int64(0) : 0;
}

}  // namespace imagross::sqlite
