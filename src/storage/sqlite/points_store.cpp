// SqlitePointsStore: receipts, the ledger, expiry, balances, tiers, liability and flows. The
// catalogue methods are in points_catalog.cpp.

#include "storage/sqlite/points_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/civil_time.h"
#include "common/utc_time.h"
#include "storage/sqlite/points_ledger.h"
#include "storage/sqlite/points_receipt_scan.h"
#include "storage/sqlite/points_reports.h"

namespace imagross {
namespace {

constexpr std::array<std::pair<LedgerKind, std::string_view>, 8> kLedgerKindNames{{
    {LedgerKind::award, "award"},
    {LedgerKind::reversal, "reversal"},
    {LedgerKind::redemption, "redemption"},
    {LedgerKind::refund, "refund"},
    {LedgerKind::expiry, "expiry"},
    {LedgerKind::adjustment, "adjustment"},
    {LedgerKind::transfer, "transfer"},
    {LedgerKind::opening, "opening"},
}};

}  // namespace

std::string_view ledger_kind_name(LedgerKind kind) {
  for (const auto& [value, name] : kLedgerKindNames) {
    if (value == kind) {
      return name;
    }
  }
  return "adjustment";
}

std::optional<LedgerKind> parse_ledger_kind(std::string_view name) {
  for (const auto& [value, known] : kLedgerKindNames) {
    if (known == name) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace imagross

namespace imagross::sqlite {
namespace {

constexpr Sql kSelectMemberExists{"select_member_exists", "SELECT 1 FROM members WHERE id = ?1"};

constexpr Sql kSelectReceiptEvaluated{"select_receipt_evaluated",
                                      "SELECT 1 FROM points_receipts WHERE receipt_id = ?1"};
constexpr Sql kInsertPointsReceipt{"insert_points_receipt", R"sql(
INSERT INTO points_receipts (
  receipt_id, member_id, at, points, eligible_amount, rule_set_version, entry_id, details)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql"};

// An evaluated receipt found by its code, with what the returns naming it took back.
constexpr Sql kSelectReceiptPoints{"select_receipt_points", R"sql(
SELECT r.code, pr.member_id, pr.points, pr.eligible_amount,
       coalesce((SELECT sum(points) FROM points_returns WHERE original_receipt_id = pr.receipt_id),
                0),
       coalesce((SELECT sum(returned_amount) FROM points_returns
                 WHERE original_receipt_id = pr.receipt_id), 0),
       coalesce(pr.rule_set_version, 0), pr.entry_id, pr.receipt_id
FROM receipts r
JOIN points_receipts pr ON pr.receipt_id = r.id
WHERE r.code = ?1)sql"};

constexpr Sql kSelectReturnRecorded{"select_return_recorded",
                                    "SELECT 1 FROM points_returns WHERE receipt_id = ?1"};
constexpr Sql kInsertPointsReturn{"insert_points_return", R"sql(
INSERT INTO points_returns (
  receipt_id, member_id, original_receipt_id, returned_amount, points, entry_id, details)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql"};

// A member's credits with points left, in the order a debit consumes them.
constexpr Sql kSelectMemberOpenCredits{"select_member_open_credits", R"sql(
SELECT entry_id, coalesce(expires_on, ''), left
FROM points_open_entries
WHERE member_id = ?1 AND is_credit = 1
ORDER BY expires_on IS NULL, expires_on, entry_id)sql"};

// Credits with points left whose expiry date is on or before ?1.
constexpr Sql kSelectExpiredCredits{"select_expired_credits", R"sql(
SELECT entry_id, member_id, expires_on, left
FROM points_open_entries
WHERE is_credit = 1 AND expires_on <= ?1
ORDER BY expires_on, entry_id)sql"};

constexpr Sql kSelectOpeningExists{"select_opening_exists",
                                   "SELECT 1 FROM points_openings WHERE external_id = ?1"};
constexpr Sql kInsertOpening{
    "insert_points_opening",
    "INSERT INTO points_openings (external_id, entry_id, import_id) VALUES (?1, ?2, ?3)"};

// ?4 is 1 for the eligible spend and 0 for the points; ?2 and ?3 bound the receipt times.
constexpr Sql kSelectQualifyingTotal{"select_qualifying_total", R"sql(
SELECT coalesce(sum(CASE WHEN ?4 THEN eligible_amount ELSE points END), 0)
FROM points_receipts
WHERE member_id = ?1 AND unixepoch(at) >= unixepoch(?2) AND unixepoch(at) < unixepoch(?3))sql"};

constexpr Sql kUpsertMemberTier{"upsert_member_tier", R"sql(
INSERT INTO member_tiers (member_id, tier, since, reviewed_at) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (member_id) DO UPDATE SET
  tier = excluded.tier, since = excluded.since, reviewed_at = excluded.reviewed_at)sql"};
constexpr Sql kDeleteMemberTier{"delete_member_tier",
                                "DELETE FROM member_tiers WHERE member_id = ?1"};
constexpr Sql kSelectMembersWithTiers{"select_members_with_tiers", R"sql(
SELECT member_id, tier, since, reviewed_at FROM member_tiers ORDER BY member_id)sql"};

// Details are stored as JSON, so an award or return without any gets an empty object.
std::string_view details_or_empty(const std::string& details) {
  return details.empty() ? std::string_view{"{}"} : std::string_view{details};
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

bool member_exists(Connection& connection, int64_t member_id) {
  Statement select(connection, kSelectMemberExists);
  select.bind(1, member_id);
  return select.step();
}

bool row_exists(Connection& connection, const Sql& sql, int64_t key) {
  Statement select(connection, sql);
  select.bind(1, key);
  return select.step();
}

Error member_not_found(int64_t member_id) {
  return Error{"member_not_found", fmt::format("no member has id {}", member_id)};
}

// A ledger entry written by an admin or by the system now.
LedgerEntry entry_now(int64_t member_id, LedgerKind kind, int64_t points, std::string_view reason,
                      std::optional<int64_t> account_id) {
  LedgerEntry entry;
  entry.member_id = member_id;
  entry.kind = kind;
  entry.points = points;
  entry.at = utc_now_iso8601();
  entry.source_type = "admin";
  entry.reason = std::string(reason);
  entry.account_id = account_id;
  return entry;
}

int64_t append(Connection& connection, const LedgerEntry& entry) {
  return entry.points > 0 ? append_credit(connection, entry) : append_debit(connection, entry);
}

struct OpenCredit {
  int64_t id = 0;
  std::string expires_on;
  int64_t left = 0;
};

std::vector<OpenCredit> open_credits(Connection& connection, int64_t member_id) {
  Statement select(connection, kSelectMemberOpenCredits);
  select.bind(1, member_id);
  std::vector<OpenCredit> credits;
  while (select.step()) {
    credits.push_back(
        OpenCredit{select.column_int64(0), select.column_text(1), select.column_int64(2)});
  }
  return credits;
}

// Reads the receipts that `filter` selects, all from one read snapshot.
std::vector<PendingReceipt> read_receipts_in_snapshot(StoreConnections& connections,
                                                      const EarningReceiptFilter& filter) {
  StoreConnections::Reader reader = connections.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  return read_earning_receipts(*reader, filter);
}

}  // namespace

std::vector<PendingReceipt> SqlitePointsStore::pending_receipts(int64_t after_receipt_id,
                                                                int limit) {
  EarningReceiptFilter filter;
  filter.after_receipt_id = after_receipt_id;
  filter.limit = limit;
  filter.pending_only = true;
  return read_receipts_in_snapshot(connections_, filter);
}

std::vector<PendingReceipt> SqlitePointsStore::receipts_in_period(int64_t from, int64_t to,
                                                                  int64_t after_receipt_id,
                                                                  int limit) {
  EarningReceiptFilter filter;
  filter.after_receipt_id = after_receipt_id;
  filter.limit = limit;
  filter.from = from;
  filter.to = to;
  return read_receipts_in_snapshot(connections_, filter);
}

// Records one award inside the caller's write transaction; false when the receipt was
// evaluated before.
bool SqlitePointsStore::write_award(Connection& connection, const ReceiptAward& award) {
  if (row_exists(connection, kSelectReceiptEvaluated, award.receipt_id)) {
    return false;
  }

  int64_t entry_id = 0;
  if (award.points > 0) {
    LedgerEntry entry;
    entry.member_id = award.member_id;
    entry.kind = LedgerKind::award;
    entry.points = award.points;
    entry.at = award.at;
    entry.expires_on = award.expires_on;
    entry.source_type = "receipt";
    entry.source_ref = award.receipt_code;
    entry.rule_set_version = award.rule_set_version;
    entry_id = append_credit(connection, entry);
  }
  Statement insert(connection, kInsertPointsReceipt);
  insert.bind(1, award.receipt_id).bind(2, award.member_id).bind(3, award.at);
  insert.bind(4, award.points).bind(5, award.eligible_amount);
  insert.bind_id_or_null(6, award.rule_set_version).bind_id_or_null(7, entry_id);
  insert.bind(8, details_or_empty(award.details)).execute();
  return true;
}

bool SqlitePointsStore::record_award(const ReceiptAward& award) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  const bool recorded = write_award(connection, award);
  transaction.commit();
  return recorded;
}

// One transaction for the whole span: awarding a history of receipts one transaction each
// rewrote the ledger's pages for every receipt.
std::vector<bool> SqlitePointsStore::record_awards(std::span<const ReceiptAward> awards) {
  std::vector<bool> recorded;
  recorded.reserve(awards.size());
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  for (const ReceiptAward& award : awards) {
    recorded.push_back(write_award(connection, award));
  }
  transaction.commit();
  return recorded;
}

std::optional<ReceiptPoints> SqlitePointsStore::receipt_points(std::string_view receipt_code) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, kSelectReceiptPoints);
  select.bind(1, receipt_code);
  if (!select.step()) {
    return std::nullopt;
  }
  ReceiptPoints points;
  points.receipt_code = select.column_text(0);
  points.member_id = select.column_int64(1);
  points.points = select.column_int64(2);
  points.eligible_amount = select.column_int64(3);
  points.reversed_points = select.column_int64(4);
  points.returned_amount = select.column_int64(5);
  points.rule_set_version = static_cast<int32_t>(select.column_int64(6));
  if (!select.column_is_null(7)) {
    points.entry_id = select.column_int64(7);
  }
  return points;
}

bool SqlitePointsStore::record_reversal(const ReturnReversal& reversal) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  if (row_exists(connection, kSelectReturnRecorded, reversal.receipt_id)) {
    return false;
  }

  // The earning receipt, when the return names one that was evaluated.
  int64_t original_receipt_id = 0;
  std::optional<int64_t> original_entry_id;
  if (!reversal.original_receipt_code.empty()) {
    Statement select(connection, kSelectReceiptPoints);
    select.bind(1, reversal.original_receipt_code);
    if (select.step()) {
      original_receipt_id = select.column_int64(8);
      if (!select.column_is_null(7)) {
        original_entry_id = select.column_int64(7);
      }
    }
    select.reset();
  }

  int64_t entry_id = 0;
  if (reversal.points > 0) {
    LedgerEntry entry;
    entry.member_id = reversal.member_id;
    entry.kind = LedgerKind::reversal;
    entry.points = -reversal.points;
    entry.at = reversal.at;
    entry.source_type = "return";
    entry.source_ref = reversal.receipt_code;
    entry_id = append_debit(connection, entry, original_entry_id);
  }
  Statement insert(connection, kInsertPointsReturn);
  insert.bind(1, reversal.receipt_id).bind(2, reversal.member_id);
  insert.bind_id_or_null(3, original_receipt_id).bind(4, reversal.returned_amount);
  insert.bind(5, reversal.points).bind_id_or_null(6, entry_id);
  insert.bind(7, details_or_empty(reversal.details)).execute();
  transaction.commit();
  return true;
}

Result<LedgerEntry> SqlitePointsStore::adjust(int64_t member_id, int64_t points,
                                              std::string_view reason, std::string_view expires_on,
                                              std::optional<int64_t> account_id) {
  if (points == 0) {
    return Error{"zero_points", "an adjustment must add or remove at least one point, got 0"};
  }
  if (is_blank(reason)) {
    return Error{"reason_required", "an adjustment needs a reason: say why the points change"};
  }
  if (!expires_on.empty()) {
    if (points < 0) {
      return Error{"invalid_expires_on",
                   fmt::format("expires_on {} is set on a debit of {} points: only added points "
                               "expire, so leave it empty",
                               expires_on, points)};
    }
    if (!parse_iso_date(expires_on)) {
      return Error{"invalid_expires_on",
                   fmt::format("expires_on '{}' is not a date: use YYYY-MM-DD", expires_on)};
    }
  }

  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  if (!member_exists(connection, member_id)) {
    return member_not_found(member_id);
  }
  LedgerEntry entry = entry_now(member_id, LedgerKind::adjustment, points, reason, account_id);
  entry.expires_on = std::string(expires_on);
  const int64_t id = append(connection, entry);
  std::optional<LedgerEntry> written = find_ledger_entry(connection, id);
  transaction.commit();
  return std::move(*written);
}

Result<int64_t> SqlitePointsStore::transfer(int64_t from_member, int64_t to_member,
                                            std::string_view reason,
                                            std::optional<int64_t> account_id) {
  if (from_member == to_member) {
    return Error{"same_member",
                 fmt::format("cannot transfer points from member {} to itself", from_member)};
  }
  if (is_blank(reason)) {
    return Error{"reason_required", "a transfer needs a reason: say why the points move"};
  }

  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  for (int64_t member_id : {from_member, to_member}) {
    if (!member_exists(connection, member_id)) {
      return member_not_found(member_id);
    }
  }

  const int64_t balance = cached_balance(connection, from_member);
  if (balance > 0) {
    // Each credit moves with its own expiry date, so the points expire as they would have.
    for (const OpenCredit& credit : open_credits(connection, from_member)) {
      LedgerEntry debit =
          entry_now(from_member, LedgerKind::transfer, -credit.left, reason, account_id);
      debit.source_ref = std::to_string(to_member);
      append_debit(connection, debit, credit.id);
      LedgerEntry moved =
          entry_now(to_member, LedgerKind::transfer, credit.left, reason, account_id);
      moved.source_ref = std::to_string(from_member);
      moved.expires_on = credit.expires_on;
      append_credit(connection, moved);
    }
  } else if (balance < 0) {
    // The debt moves: a credit pays it at the source and the receiving member owes it.
    LedgerEntry paid = entry_now(from_member, LedgerKind::transfer, -balance, reason, account_id);
    paid.source_ref = std::to_string(to_member);
    append_credit(connection, paid);
    LedgerEntry owed = entry_now(to_member, LedgerKind::transfer, balance, reason, account_id);
    owed.source_ref = std::to_string(from_member);
    append_debit(connection, owed);
  }
  transaction.commit();
  return balance;
}

std::vector<OpeningOutcome> SqlitePointsStore::write_openings(
    int64_t import_id, std::span<const OpeningEntry> entries) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  std::vector<OpeningOutcome> outcomes;
  outcomes.reserve(entries.size());
  Statement exists(connection, kSelectOpeningExists);
  for (const OpeningEntry& opening : entries) {
    exists.bind(1, opening.external_id);
    const bool duplicate = exists.step();
    exists.reset();
    if (duplicate) {
      outcomes.push_back(OpeningOutcome::duplicate);
      continue;
    }
    LedgerEntry entry;
    entry.member_id = opening.member_id;
    entry.kind = LedgerKind::opening;
    entry.points = opening.points;
    entry.at = opening.at;
    // Only credits expire; an expiry date given with a debit is ignored.
    entry.expires_on = opening.points > 0 ? opening.expires_on : std::string();
    entry.source_type = "import";
    entry.source_ref = opening.external_id;
    entry.reason = opening.reason;
    const int64_t entry_id = append(connection, entry);

    Statement insert(connection, kInsertOpening);
    insert.bind(1, opening.external_id).bind(2, entry_id).bind_id_or_null(3, import_id);
    insert.execute();
    outcomes.push_back(OpeningOutcome::inserted);
  }
  transaction.commit();
  return outcomes;
}

int64_t SqlitePointsStore::expire(std::string_view today) {
  if (!parse_iso_date(today)) {
    throw std::invalid_argument(
        fmt::format("invalid expiry date '{}': expected YYYY-MM-DD", today));
  }

  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  struct Expired {
    int64_t credit_id;
    int64_t member_id;
    std::string expires_on;
    int64_t left;
  };
  std::vector<Expired> expired;
  {
    Statement select(connection, kSelectExpiredCredits);
    select.bind(1, today);
    while (select.step()) {
      expired.push_back(Expired{select.column_int64(0), select.column_int64(1),
                                select.column_text(2), select.column_int64(3)});
    }
  }

  int64_t total = 0;
  for (const Expired& credit : expired) {
    LedgerEntry entry;
    entry.member_id = credit.member_id;
    entry.kind = LedgerKind::expiry;
    entry.points = -credit.left;
    // Dated at the start (UTC) of the expiry date, when the points stopped being valid, so that
    // a late run still reports them in the right period.
    entry.at = credit.expires_on + "T00:00:00Z";
    entry.source_type = "system";
    entry.source_ref = std::to_string(credit.credit_id);
    append_debit(connection, entry, credit.credit_id);
    total += credit.left;
  }
  transaction.commit();
  return total;
}

MemberPoints SqlitePointsStore::member_points(int64_t member_id) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  return read_member_points(*reader, member_id);
}

LedgerPage SqlitePointsStore::ledger(const LedgerQuery& query) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  return read_ledger_page(*reader, query);
}

std::vector<int64_t> SqlitePointsStore::balance_mismatches() {
  StoreConnections::Reader reader = connections_.reader();
  return find_balance_mismatches(*reader);
}

PointsLiability SqlitePointsStore::liability() {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  return read_liability(*reader);
}

std::vector<PointsFlow> SqlitePointsStore::flows(std::string_view from, std::string_view to,
                                                 std::string_view granularity,
                                                 const TimeZone& zone) {
  StoreConnections::Reader reader = connections_.reader();
  return read_flows(*reader, from, to, granularity, zone);
}

int64_t SqlitePointsStore::qualifying_total(int64_t member_id, bool spend, std::string_view from,
                                            std::string_view to) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, kSelectQualifyingTotal);
  select.bind(1, member_id).bind(2, from).bind(3, to).bind(4, int64_t{spend ? 1 : 0});
  select.step();
  return select.column_int64(0);
}

MemberTier SqlitePointsStore::member_tier(int64_t member_id) {
  StoreConnections::Reader reader = connections_.reader();
  return read_member_tier(*reader, member_id);
}

void SqlitePointsStore::set_member_tier(int64_t member_id, std::string_view tier,
                                        std::string_view since) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  if (tier.empty()) {
    Statement remove(connection, kDeleteMemberTier);
    remove.bind(1, member_id).execute();
  } else {
    Statement upsert(connection, kUpsertMemberTier);
    upsert.bind(1, member_id).bind(2, tier).bind(3, since).bind(4, utc_now_iso8601()).execute();
  }
  transaction.commit();
}

std::vector<std::pair<int64_t, MemberTier>> SqlitePointsStore::members_with_tiers() {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, kSelectMembersWithTiers);
  std::vector<std::pair<int64_t, MemberTier>> members;
  while (select.step()) {
    MemberTier tier;
    tier.tier = select.column_text(1);
    tier.since = select.column_text(2);
    tier.reviewed_at = select.column_text(3);
    members.emplace_back(select.column_int64(0), std::move(tier));
  }
  return members;
}

}  // namespace imagross::sqlite
