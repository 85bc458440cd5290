// The points ledger of SqlitePointsStore on a real SQLite file: the order in which debits consume
// credits, expiry, reversals that leave points owed, awarding once, the append-only tables and the
// receipts waiting for points. A long random sequence then checks every cached balance against
// the ledger sums that SQLite computes through a separate connection.

#include "storage/sqlite/points_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <ctime>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/civil_time.h"
#include "common/ean13.h"
#include "common/time_zone.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using testing::make_line;
using testing::RawDatabase;
using testing::TempDirectory;
using Rows = std::vector<std::vector<std::string>>;

// A valid chain card number: "2", `serial` on 11 digits, and the check digit.
std::string card(int64_t serial) {
  return complete_ean13(fmt::format("2{:011}", serial));
}

// The SQLite result code of running `sql` on its own connection, and its error message.
struct ExecOutcome {
  int code = SQLITE_OK;
  std::string message;
};

ExecOutcome exec_raw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ExecOutcome outcome;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    outcome.code = SQLITE_CANTOPEN;
    sqlite3_close(db);
    return outcome;
  }
  sqlite3_busy_timeout(db, 10000);
  char* error = nullptr;
  outcome.code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (error != nullptr) {
    outcome.message = error;
    sqlite3_free(error);
  }
  sqlite3_close(db);
  return outcome;
}

class PointsStoreTest : public ::testing::Test {
 protected:
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database{path};
  PointsStore& points = database.points();
  RawDatabase raw{path};

  // Creates a member holding the active card `card(serial)`.
  int64_t add_member(int64_t serial) {
    const std::string number = card(serial);
    database.members().issue_cards(std::vector<std::string>{number});
    Member member;
    member.first_name = "Socio";
    member.last_name = fmt::format("Numero {}", serial);
    member.signup_date = "2025-01-10";
    Result<Member> created = database.members().create_member(member, number);
    if (!created) {
      ADD_FAILURE() << "create_member failed: " << created.error().message;
      return 0;
    }
    return created->id;
  }

  // Writes the lines and returns the receipt id of each receipt code.
  std::map<std::string, int64_t> write_receipts(const std::vector<ReceiptLine>& lines) {
    const int64_t import_id = database.create_import(ImportRecord{});
    database.write_lines(import_id, lines);
    std::map<std::string, int64_t> ids;
    for (const auto& row : raw.rows("SELECT code, id FROM receipts")) {
      ids[row[0]] = std::stoll(row[1]);
    }
    return ids;
  }

  int64_t credit(int64_t member_id, int64_t amount, const std::string& expires_on) {
    Result<LedgerEntry> entry = points.adjust(member_id, amount, "test credit", expires_on, {});
    if (!entry) {
      ADD_FAILURE() << "adjust failed: " << entry.error().message;
      return 0;
    }
    return entry->id;
  }

  int64_t debit(int64_t member_id, int64_t amount) {
    Result<LedgerEntry> entry = points.adjust(member_id, -amount, "test debit", "", {});
    if (!entry) {
      ADD_FAILURE() << "adjust failed: " << entry.error().message;
      return 0;
    }
    return entry->id;
  }

  int64_t ledger_sum(int64_t member_id) {
    return raw.integer(fmt::format(
        "SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = {}", member_id));
  }

  // The allocations of a debit as (credit id, points), by credit id.
  Rows allocations_of(int64_t debit_id) {
    return raw.rows(fmt::format(
        "SELECT credit_id, points FROM points_allocations WHERE debit_id = {} ORDER BY credit_id",
        debit_id));
  }

  static ReceiptAward award(int64_t receipt_id, const std::string& code, int64_t member_id,
                            int64_t amount, const std::string& expires_on) {
    ReceiptAward result;
    result.receipt_id = receipt_id;
    result.receipt_code = code;
    result.member_id = member_id;
    result.at = "2026-03-02T10:15:00Z";
    result.points = amount;
    result.eligible_amount = amount * 1000;
    result.expires_on = expires_on;
    result.details = R"({"rules":[]})";
    return result;
  }

  static ReturnReversal reversal_of(int64_t receipt_id, const std::string& code,
                                    const std::string& original_code, int64_t member_id,
                                    int64_t returned_amount, int64_t amount) {
    ReturnReversal result;
    result.receipt_id = receipt_id;
    result.receipt_code = code;
    result.member_id = member_id;
    result.at = "2026-03-05T09:00:00Z";
    result.original_receipt_code = original_code;
    result.returned_amount = returned_amount;
    result.points = amount;
    return result;
  }
};

std::string id_text(int64_t id) {
  return std::to_string(id);
}

TEST_F(PointsStoreTest, DebitConsumesSoonestExpiryFirst) {
  const int64_t member = add_member(1);
  const int64_t late = credit(member, 100, "2027-03-01");
  const int64_t soon = credit(member, 50, "2027-01-01");
  const int64_t never = credit(member, 30, "");
  const int64_t soon_twin = credit(member, 10, "2027-01-01");

  // 50 and then 10 of the two January credits (older entry first), then 10 of March.
  const int64_t first = debit(member, 70);
  EXPECT_EQ(allocations_of(first),
            (Rows{{id_text(late), "10"}, {id_text(soon), "50"}, {id_text(soon_twin), "10"}}));

  // The rest of March, then the credit that never expires.
  const int64_t second = debit(member, 100);
  EXPECT_EQ(allocations_of(second), (Rows{{id_text(late), "90"}, {id_text(never), "10"}}));

  const MemberPoints figures = points.member_points(member);
  EXPECT_EQ(figures.balance, 20);
  EXPECT_EQ(figures.available, 20);
  EXPECT_EQ(figures.owed, 0);
  EXPECT_TRUE(figures.expiring.empty());
  EXPECT_EQ(ledger_sum(member), 20);

  LedgerQuery query;
  query.member_id = member;
  const LedgerPage page = points.ledger(query);
  ASSERT_EQ(page.total, 6);
  ASSERT_EQ(page.rows.size(), 6u);
  EXPECT_EQ(page.rows.back().id, late);  // same time: newest id first
  EXPECT_EQ(page.rows.back().remaining, 0);
  EXPECT_EQ(page.rows[3].id, never);
  EXPECT_EQ(page.rows[3].remaining, 20);
}

TEST_F(PointsStoreTest, ExpiryTakesOnlyWhatIsLeftOnce) {
  const int64_t member = add_member(1);
  const int64_t january = credit(member, 100, "2027-01-01");
  const int64_t february = credit(member, 50, "2027-02-01");
  credit(member, 30, "");
  debit(member, 60);  // leaves 40 of January

  const MemberPoints before = points.member_points(member);
  ASSERT_EQ(before.expiring.size(), 2u);
  EXPECT_EQ(before.expiring[0].expires_on, "2027-01-01");
  EXPECT_EQ(before.expiring[0].points, 40);
  EXPECT_EQ(before.expiring[1].expires_on, "2027-02-01");
  EXPECT_EQ(before.expiring[1].points, 50);

  EXPECT_EQ(points.expire("2026-12-31"), 0);
  EXPECT_EQ(points.expire("2027-01-01"), 40);
  EXPECT_EQ(points.expire("2027-01-01"), 0);
  EXPECT_EQ(raw.rows("SELECT points, at, source_ref FROM points_ledger WHERE kind = 'expiry'"),
            (Rows{{"-40", "2027-01-01T00:00:00Z", id_text(january)}}));
  const int64_t first_expiry =
      raw.integer("SELECT id FROM points_ledger WHERE kind = 'expiry' ORDER BY id LIMIT 1");
  EXPECT_EQ(allocations_of(first_expiry), (Rows{{id_text(january), "40"}}));

  EXPECT_EQ(points.expire("2027-06-30"), 50);
  EXPECT_EQ(points.expire("2027-06-30"), 0);
  const int64_t second_expiry =
      raw.integer("SELECT max(id) FROM points_ledger WHERE kind = 'expiry'");
  EXPECT_EQ(allocations_of(second_expiry), (Rows{{id_text(february), "50"}}));

  const MemberPoints after = points.member_points(member);
  EXPECT_EQ(after.balance, 30);
  EXPECT_EQ(after.available, 30);
  EXPECT_EQ(after.expired, 90);
  EXPECT_TRUE(after.expiring.empty());
  EXPECT_EQ(ledger_sum(member), 30);
  EXPECT_TRUE(points.balance_mismatches().empty());

  EXPECT_THROW(points.expire("2027-02-30"), std::invalid_argument);
  EXPECT_THROW(points.expire("yesterday"), std::invalid_argument);
}

TEST_F(PointsStoreTest, ReversalAfterSpendingIsOwed) {
  const int64_t member = add_member(1);
  std::vector<ReceiptLine> lines{make_line("R1", 1), make_line("R2", 1), make_line("RET1", 1)};
  lines[2].is_return = true;
  lines[2].amount = -11'000;
  std::map<std::string, int64_t> ids = write_receipts(lines);

  ASSERT_TRUE(points.record_award(award(ids["R1"], "R1", member, 100, "2027-12-31")));
  debit(member, 100);

  const ReturnReversal reversal = reversal_of(ids["RET1"], "RET1", "R1", member, 11'000, 40);
  ASSERT_TRUE(points.record_reversal(reversal));
  EXPECT_FALSE(points.record_reversal(reversal));

  MemberPoints owing = points.member_points(member);
  EXPECT_EQ(owing.balance, -40);
  EXPECT_EQ(owing.available, 0);
  EXPECT_EQ(owing.owed, 40);
  EXPECT_EQ(ledger_sum(member), -40);
  const int64_t reversal_id = raw.integer("SELECT id FROM points_ledger WHERE kind = 'reversal'");
  EXPECT_TRUE(allocations_of(reversal_id).empty());

  std::optional<ReceiptPoints> earned = points.receipt_points("R1");
  ASSERT_TRUE(earned);
  EXPECT_EQ(earned->points, 100);
  EXPECT_EQ(earned->reversed_points, 40);
  EXPECT_EQ(earned->returned_amount, 11'000);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_returns"), 1);

  // The next award pays the debt before anything else.
  ASSERT_TRUE(points.record_award(award(ids["R2"], "R2", member, 100, "2027-12-31")));
  const int64_t second_award =
      raw.integer("SELECT max(id) FROM points_ledger WHERE kind = 'award'");
  EXPECT_EQ(allocations_of(reversal_id), (Rows{{id_text(second_award), "40"}}));
  MemberPoints paid = points.member_points(member);
  EXPECT_EQ(paid.balance, 60);
  EXPECT_EQ(paid.available, 60);
  EXPECT_EQ(paid.owed, 0);
  EXPECT_EQ(ledger_sum(member), 60);
  EXPECT_TRUE(points.balance_mismatches().empty());
}

TEST_F(PointsStoreTest, ReversalTakesFromOriginalAwardFirst) {
  const int64_t member = add_member(1);
  std::vector<ReceiptLine> lines{make_line("R1", 1), make_line("RET1", 1)};
  lines[1].is_return = true;
  std::map<std::string, int64_t> ids = write_receipts(lines);

  ASSERT_TRUE(points.record_award(award(ids["R1"], "R1", member, 100, "2027-12-31")));
  const int64_t award_id = raw.integer("SELECT id FROM points_ledger WHERE kind = 'award'");
  credit(member, 50, "2027-01-01");  // expires sooner, so a plain debit would take it first

  const ReturnReversal reversal = reversal_of(ids["RET1"], "RET1", "R1", member, 5'000, 30);
  ASSERT_TRUE(points.record_reversal(reversal));
  const int64_t reversal_id = raw.integer("SELECT id FROM points_ledger WHERE kind = 'reversal'");
  EXPECT_EQ(allocations_of(reversal_id), (Rows{{id_text(award_id), "30"}}));
  EXPECT_EQ(raw.integer("SELECT original_receipt_id FROM points_returns"), ids["R1"]);
}

TEST_F(PointsStoreTest, RecordAwardTwiceWritesOnce) {
  const int64_t member = add_member(1);
  std::map<std::string, int64_t> ids = write_receipts({make_line("R1", 1), make_line("R0", 1)});

  ASSERT_TRUE(points.record_award(award(ids["R1"], "R1", member, 25, "2027-12-31")));
  EXPECT_FALSE(points.record_award(award(ids["R1"], "R1", member, 80, "2027-12-31")));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_ledger"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_receipts"), 1);
  EXPECT_EQ(raw.integer("SELECT points FROM points_receipts"), 25);
  EXPECT_EQ(points.member_points(member).balance, 25);

  // A receipt that earns nothing is recorded as evaluated, with no ledger entry.
  ASSERT_TRUE(points.record_award(award(ids["R0"], "R0", member, 0, "2027-12-31")));
  EXPECT_FALSE(points.record_award(award(ids["R0"], "R0", member, 0, "2027-12-31")));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_ledger"), 1);
  std::optional<ReceiptPoints> nothing = points.receipt_points("R0");
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->points, 0);
  EXPECT_FALSE(nothing->entry_id);
  EXPECT_FALSE(points.receipt_points("R9"));
}

TEST_F(PointsStoreTest, LedgerTablesRejectUpdateAndDelete) {
  const int64_t member = add_member(1);
  credit(member, 100, "2027-01-01");
  debit(member, 30);
  ASSERT_EQ(raw.integer("SELECT count(*) FROM points_allocations"), 1);

  for (const char* sql :
       {"UPDATE points_ledger SET points = 1", "DELETE FROM points_ledger",
        "UPDATE points_allocations SET points = 1", "DELETE FROM points_allocations"}) {
    const ExecOutcome outcome = exec_raw(path, sql);
    EXPECT_EQ(outcome.code, SQLITE_CONSTRAINT) << sql;
    EXPECT_NE(outcome.message.find("append-only"), std::string::npos) << outcome.message;
  }
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_ledger"), 2);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_allocations"), 1);
  EXPECT_EQ(ledger_sum(member), 70);
}

TEST_F(PointsStoreTest, AdjustAndTransferRejectBadInput) {
  const int64_t member = add_member(1);
  const int64_t other = add_member(2);
  EXPECT_EQ(points.adjust(member, 0, "why", "", {}).error().code, "zero_points");
  EXPECT_EQ(points.adjust(member, 5, " \t", "", {}).error().code, "reason_required");
  EXPECT_EQ(points.adjust(999, 5, "why", "", {}).error().code, "member_not_found");
  EXPECT_EQ(points.adjust(member, 5, "why", "2027-02-30", {}).error().code, "invalid_expires_on");
  EXPECT_EQ(points.adjust(member, -5, "why", "2027-01-01", {}).error().code, "invalid_expires_on");
  EXPECT_EQ(points.transfer(member, member, "merge", {}).error().code, "same_member");
  EXPECT_EQ(points.transfer(member, other, "", {}).error().code, "reason_required");
  EXPECT_EQ(points.transfer(member, 999, "merge", {}).error().code, "member_not_found");
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_ledger"), 0);

  Result<LedgerEntry> entry = points.adjust(member, 12, "goodwill", "2027-05-31", {});
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->kind, LedgerKind::adjustment);
  EXPECT_EQ(entry->points, 12);
  EXPECT_EQ(entry->expires_on, "2027-05-31");
  EXPECT_EQ(entry->reason, "goodwill");
  EXPECT_EQ(entry->remaining, 12);
  EXPECT_EQ(entry->source_type, "admin");
}

TEST_F(PointsStoreTest, TransferMovesCreditsWithTheirExpiry) {
  const int64_t from = add_member(1);
  const int64_t to = add_member(2);
  credit(from, 40, "2027-01-01");
  credit(from, 25, "");
  Result<int64_t> moved = points.transfer(from, to, "duplicate member merged", {});
  ASSERT_TRUE(moved);
  EXPECT_EQ(*moved, 65);
  EXPECT_EQ(points.member_points(from).balance, 0);
  const MemberPoints received = points.member_points(to);
  EXPECT_EQ(received.balance, 65);
  ASSERT_EQ(received.expiring.size(), 1u);
  EXPECT_EQ(received.expiring[0].expires_on, "2027-01-01");
  EXPECT_EQ(received.expiring[0].points, 40);

  // A debt moves too: the source is paid and the receiver owes it.
  debit(from, 15);
  moved = points.transfer(from, to, "duplicate member merged", {});
  ASSERT_TRUE(moved);
  EXPECT_EQ(*moved, -15);
  EXPECT_EQ(points.member_points(from).balance, 0);
  EXPECT_EQ(points.member_points(from).owed, 0);
  EXPECT_EQ(points.member_points(to).balance, 50);
  EXPECT_EQ(ledger_sum(to), 50);
  EXPECT_TRUE(points.balance_mismatches().empty());
}

TEST_F(PointsStoreTest, OpeningsImportOnce) {
  const int64_t member = add_member(1);
  std::vector<OpeningEntry> entries(3);
  entries[0].external_id = "OLD-1";
  entries[0].member_id = member;
  entries[0].points = 300;
  entries[0].at = "2025-06-01T08:00:00Z";
  entries[0].expires_on = "2026-01-31";
  entries[1].external_id = "OLD-2";
  entries[1].member_id = member;
  entries[1].points = -120;
  entries[1].at = "2025-07-01T08:00:00Z";
  entries[1].expires_on = "2026-01-31";  // ignored: debits do not expire
  entries[2] = entries[0];               // the same external id again in one batch
  const std::vector<OpeningOutcome> first = points.write_openings(0, entries);
  EXPECT_EQ(first, (std::vector<OpeningOutcome>{OpeningOutcome::inserted, OpeningOutcome::inserted,
                                                OpeningOutcome::duplicate}));
  const std::vector<OpeningOutcome> again = points.write_openings(0, entries);
  EXPECT_EQ(again, std::vector<OpeningOutcome>(3, OpeningOutcome::duplicate));
  EXPECT_EQ(points.member_points(member).balance, 180);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_openings"), 2);
  EXPECT_EQ(raw.rows("SELECT expires_on FROM points_ledger WHERE points < 0"), (Rows{{"NULL"}}));
}

TEST_F(PointsStoreTest, PendingReceiptsSkipBlockedCardLines) {
  const int64_t member = add_member(1);
  database.members().issue_cards(std::vector<std::string>{card(2)});  // issued, no member
  const int64_t now = std::time(nullptr);

  std::vector<ReceiptLine> lines;
  auto add = [&](const std::string& code, int32_t number, int64_t timestamp,
                 const std::string& card_number) {
    ReceiptLine line = make_line(code, number);
    line.timestamp = timestamp;
    line.card_number = card_number;
    lines.push_back(line);
    return lines.size() - 1;
  };
  add("P1", 1, now - 7200, card(1));  // evaluated below
  add("P2", 1, now - 3600, card(1));  // before the block
  add("P2", 2, now + 3600, card(1));  // after the block
  add("P3", 1, now + 7200, card(1));  // only after the block
  add("P4", 1, now - 3600, card(2));  // a card of no member
  add("P5", 1, now - 3600, "");       // no card
  const std::size_t refund = add("P6", 1, now - 1800, card(1));
  lines[refund].is_return = true;
  lines[refund].amount = -2'500;
  lines[refund].promo_code = "";
  std::map<std::string, int64_t> ids = write_receipts(lines);

  ASSERT_TRUE(points.record_award(award(ids["P1"], "P1", member, 10, "2027-12-31")));
  ASSERT_TRUE(database.members().block_card(card(1)));

  std::vector<PendingReceipt> pending = points.pending_receipts(0, 100);
  ASSERT_EQ(pending.size(), 2u);
  const PendingReceipt& p2 = pending[0];
  EXPECT_EQ(p2.receipt_code, "P2");
  EXPECT_EQ(p2.receipt_id, ids["P2"]);
  EXPECT_EQ(p2.member_id, member);
  EXPECT_EQ(p2.card_number, card(1));
  EXPECT_EQ(p2.store_code, "PV07");
  EXPECT_EQ(p2.timestamp, now - 3600);
  ASSERT_EQ(p2.lines.size(), 1u);
  EXPECT_EQ(p2.lines[0].product_code, "8001234567890");
  EXPECT_EQ(p2.lines[0].department, "Salumeria e Formaggi");
  EXPECT_EQ(p2.lines[0].promo_code, "PROMO-FORMAGGI");
  EXPECT_EQ(p2.lines[0].quantity, 1'250);
  EXPECT_EQ(p2.lines[0].amount, 28'880);
  EXPECT_FALSE(p2.lines[0].is_return);
  EXPECT_EQ(pending[1].receipt_code, "P6");
  ASSERT_EQ(pending[1].lines.size(), 1u);
  EXPECT_TRUE(pending[1].lines[0].is_return);
  EXPECT_EQ(pending[1].lines[0].promo_code, "");

  // The limit counts receipts, and paging goes on after the last id.
  std::vector<PendingReceipt> first_page = points.pending_receipts(0, 1);
  ASSERT_EQ(first_page.size(), 1u);
  EXPECT_EQ(first_page[0].receipt_code, "P2");
  std::vector<PendingReceipt> second_page = points.pending_receipts(ids["P2"], 1);
  ASSERT_EQ(second_page.size(), 1u);
  EXPECT_EQ(second_page[0].receipt_code, "P6");
  EXPECT_TRUE(points.pending_receipts(ids["P6"], 10).empty());

  // A simulation reads evaluated receipts too, by the time of their first line.
  std::vector<PendingReceipt> period = points.receipts_in_period(now - 86400, now + 86400, 0, 100);
  ASSERT_EQ(period.size(), 3u);
  EXPECT_EQ(period[0].receipt_code, "P1");
  EXPECT_EQ(period[1].receipt_code, "P2");
  EXPECT_EQ(period[2].receipt_code, "P6");
  std::vector<PendingReceipt> late = points.receipts_in_period(now - 3000, now + 86400, 0, 100);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].receipt_code, "P6");
}

TEST_F(PointsStoreTest, PendingReceiptsFollowReplacedCard) {
  const int64_t member = add_member(1);
  database.members().issue_cards(std::vector<std::string>{card(2)});
  const int64_t now = std::time(nullptr);
  std::vector<ReceiptLine> lines{make_line("OLD-BEFORE", 1), make_line("OLD-AFTER", 1),
                                 make_line("NEW-AFTER", 1)};
  lines[0].timestamp = now - 3600;
  lines[0].card_number = card(1);
  lines[1].timestamp = now + 3600;
  lines[1].card_number = card(1);
  lines[2].timestamp = now + 3600;
  lines[2].card_number = card(2);
  write_receipts(lines);
  ASSERT_TRUE(database.members().replace_card(card(1), card(2)));

  const std::vector<PendingReceipt> pending = points.pending_receipts(0, 100);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].receipt_code, "OLD-BEFORE");
  EXPECT_EQ(pending[0].card_number, card(1));
  EXPECT_EQ(pending[0].member_id, member);
  EXPECT_EQ(pending[1].receipt_code, "NEW-AFTER");
  EXPECT_EQ(pending[1].card_number, card(2));
  EXPECT_EQ(pending[1].member_id, member);
}

TEST_F(PointsStoreTest, LiabilityAndFlowsSumTheLedger) {
  const int64_t rich = add_member(1);
  const int64_t poor = add_member(2);
  std::map<std::string, int64_t> ids = write_receipts({make_line("R1", 1)});
  ASSERT_TRUE(points.record_award(award(ids["R1"], "R1", rich, 120, "2027-01-01")));
  credit(rich, 30, "");
  debit(poor, 25);
  ASSERT_EQ(points.expire("2027-01-01"), 120);

  const PointsLiability liability = points.liability();
  EXPECT_EQ(liability.outstanding_points, 30);
  EXPECT_EQ(liability.owed_points, 25);
  EXPECT_EQ(liability.members_with_points, 1);
  EXPECT_EQ(liability.members_owing, 1);
  ASSERT_EQ(liability.by_expiry.size(), 1u);
  EXPECT_EQ(liability.by_expiry[0].expires_on, "");
  EXPECT_EQ(liability.by_expiry[0].points, 30);

  // The award is dated 2026-03-02 and the expiry 2027-01-01. The adjustments are dated now.
  const TimeZone& utc = *TimeZone::utc();
  const std::vector<PointsFlow> months = points.flows("2026-02-15", "2026-04-10", "month", utc);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].period, "2026-02");
  EXPECT_EQ(months[1].period, "2026-03");
  EXPECT_EQ(months[1].issued, 120);
  EXPECT_EQ(months[2].period, "2026-04");
  EXPECT_EQ(months[2].issued, 0);
  const std::vector<PointsFlow> days = points.flows("2027-01-01", "2027-01-02", "day", utc);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].period, "2027-01-01");
  EXPECT_EQ(days[0].expired, 120);
  EXPECT_EQ(days[1].expired, 0);
  EXPECT_THROW(points.flows("2026-03-01", "2026-02-01", "day", utc), std::invalid_argument);
  EXPECT_THROW(points.flows("2026-03-01", "2026-04-01", "week", utc), std::invalid_argument);
}

// Flows count each entry on the chain's local date: in Rome, 23:30 UTC on 31 December is already
// 1 January (UTC+1), and 22:30 UTC on 30 June is 00:30 on 1 July (UTC+2, summer time).
TEST_F(PointsStoreTest, FlowsFollowTheLocalDate) {
  const int64_t member = add_member(1);
  std::map<std::string, int64_t> ids = write_receipts(
      {make_line("R1", 1), make_line("R2", 1), make_line("R3", 1), make_line("R4", 1)});
  const std::vector<std::pair<std::string, std::string>> receipts{
      {"R1", "2026-12-31T22:59:59Z"},  // 23:59:59 on 31 December in Rome
      {"R2", "2026-12-31T23:30:00Z"},  // 00:30 on 1 January
      {"R3", "2026-06-30T21:59:00Z"},  // 23:59 on 30 June
      {"R4", "2026-06-30T22:30:00Z"},  // 00:30 on 1 July
  };
  int64_t points_awarded = 10;
  for (const auto& [code, at] : receipts) {
    ReceiptAward earned = award(ids[code], code, member, points_awarded, "2028-01-31");
    earned.at = at;
    ASSERT_TRUE(points.record_award(earned));
    points_awarded *= 10;
  }
  const auto rome = TimeZone::load("Europe/Rome");
  ASSERT_TRUE(rome.ok());
  const std::vector<PointsFlow> days = points.flows("2026-06-30", "2027-01-01", "day", **rome);
  std::map<std::string, int64_t> issued;
  for (const PointsFlow& flow : days) {
    issued[flow.period] = flow.issued;
  }
  EXPECT_EQ(issued["2026-06-30"], 1000);
  EXPECT_EQ(issued["2026-07-01"], 10000);
  EXPECT_EQ(issued["2026-12-31"], 10);
  EXPECT_EQ(issued["2027-01-01"], 100);
  // UTC dates would put R2 on 31 December and R4 on 30 June.
  const std::vector<PointsFlow> utc_days =
      points.flows("2026-12-31", "2026-12-31", "day", *TimeZone::utc());
  ASSERT_EQ(utc_days.size(), 1u);
  EXPECT_EQ(utc_days[0].issued, 110);
  // A month sums its local days; the bounds of the range are local too.
  const std::vector<PointsFlow> months = points.flows("2026-07-01", "2026-12-31", "month", **rome);
  ASSERT_EQ(months.size(), 6u);
  EXPECT_EQ(months.front().period, "2026-07");
  EXPECT_EQ(months.front().issued, 10000);
  EXPECT_EQ(months.back().issued, 10);
}

TEST_F(PointsStoreTest, TiersAndQualifyingTotals) {
  const int64_t member = add_member(1);
  std::map<std::string, int64_t> ids = write_receipts({make_line("R1", 1), make_line("R2", 1)});
  ReceiptAward first = award(ids["R1"], "R1", member, 40, "2027-12-31");
  first.at = "2026-01-10T10:00:00Z";
  ReceiptAward second = award(ids["R2"], "R2", member, 60, "2027-12-31");
  second.at = "2026-02-10T10:00:00Z";
  ASSERT_TRUE(points.record_award(first));
  ASSERT_TRUE(points.record_award(second));
  EXPECT_EQ(points.qualifying_total(member, false, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            100);
  EXPECT_EQ(points.qualifying_total(member, false, "2026-02-01T00:00:00Z", "2027-01-01T00:00:00Z"),
            60);
  EXPECT_EQ(points.qualifying_total(member, true, "2026-01-01T00:00:00Z", "2026-02-10T10:00:00Z"),
            40'000);

  EXPECT_EQ(points.member_tier(member).tier, "");
  points.set_member_tier(member, "Silver", "2026-02-10");
  EXPECT_EQ(points.member_tier(member).tier, "Silver");
  EXPECT_EQ(points.member_tier(member).since, "2026-02-10");
  EXPECT_EQ(points.member_points(member).tier.tier, "Silver");
  ASSERT_EQ(points.members_with_tiers().size(), 1u);
  EXPECT_EQ(points.members_with_tiers()[0].first, member);
  points.set_member_tier(member, "", "");
  EXPECT_TRUE(points.members_with_tiers().empty());
}

// A fixed-seed random sequence of every kind of ledger write over 20 members and moving dates.
// Afterwards every cached balance must equal the ledger sum that SQLite computes, every open
// entry must match its allocations, and the chain's totals must match what the test wrote.
TEST_F(PointsStoreTest, RandomOperationsKeepBalancesEqualToLedger) {
  constexpr int kMembers = 20;
  constexpr int kOperations = 2400;
  constexpr int kSaleReceipts = 900;
  constexpr int kReturnReceipts = 400;

  std::vector<int64_t> members;
  for (int serial = 1; serial <= kMembers; ++serial) {
    members.push_back(add_member(serial));
  }
  std::vector<ReceiptLine> lines;
  for (int i = 0; i < kSaleReceipts; ++i) {
    lines.push_back(make_line(fmt::format("S{}", i), 1));
    lines.back().card_number = "";
  }
  for (int i = 0; i < kReturnReceipts; ++i) {
    lines.push_back(make_line(fmt::format("X{}", i), 1));
    lines.back().card_number = "";
    lines.back().is_return = true;
  }
  std::map<std::string, int64_t> receipt_ids = write_receipts(lines);

  std::mt19937_64 random(20261204);
  auto uniform = [&](int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(random);
  };
  // A random index below `count`.
  auto pick = [&](std::size_t count) {
    return std::uniform_int_distribution<std::size_t>(0, count - 1)(random);
  };
  auto any_member = [&] { return members[pick(members.size())]; };

  int32_t today = *parse_iso_date("2026-01-01");
  auto expiry_after_today = [&]() -> std::string {
    return uniform(0, 9) == 0 ? std::string()
                              : format_iso_date(today + static_cast<int32_t>(uniform(1, 400)));
  };

  // What the test wrote, summed independently of the store: transfers move points between
  // members and add nothing to the chain's total.
  int64_t written_total = 0;
  int64_t expired_total = 0;
  int next_sale = 0;
  int next_return = 0;
  int next_opening = 0;
  std::vector<std::pair<std::string, int64_t>> awarded;  // receipt code, member
  std::map<std::string, int> operations;

  for (int step = 0; step < kOperations; ++step) {
    today += static_cast<int32_t>(uniform(0, 2));
    const std::string at = format_iso_date(today) + "T12:00:00Z";
    const int64_t choice = uniform(0, 99);
    if (choice < 30 && next_sale < kSaleReceipts) {
      const std::string code = fmt::format("S{}", next_sale++);
      ReceiptAward earned = award(receipt_ids[code], code, any_member(), uniform(0, 300), "");
      earned.at = at;
      earned.expires_on = expiry_after_today();
      ASSERT_TRUE(points.record_award(earned));
      written_total += earned.points;
      awarded.emplace_back(code, earned.member_id);
      ++operations["award"];
    } else if (choice < 42 && !awarded.empty() && next_return < kReturnReceipts) {
      const auto& [original, member] = awarded[pick(awarded.size())];
      const std::string code = fmt::format("X{}", next_return++);
      ReturnReversal reversal = reversal_of(receipt_ids[code], code, original, member,
                                            uniform(1, 50'000), uniform(0, 250));
      reversal.at = at;
      ASSERT_TRUE(points.record_reversal(reversal));
      written_total -= reversal.points;
      ++operations["reversal"];
    } else if (choice < 57) {
      const int64_t amount = uniform(1, 200);
      ASSERT_TRUE(points.adjust(any_member(), amount, "random credit", expiry_after_today(), {}));
      written_total += amount;
      ++operations["adjustment+"];
    } else if (choice < 72) {
      const int64_t amount = uniform(1, 200);
      ASSERT_TRUE(points.adjust(any_member(), -amount, "random debit", "", {}));
      written_total -= amount;
      ++operations["adjustment-"];
    } else if (choice < 77) {
      const std::size_t from = pick(members.size());
      const std::size_t to = (from + 1 + pick(members.size() - 1)) % members.size();
      ASSERT_TRUE(points.transfer(members[from], members[to], "random transfer", {}));
      ++operations["transfer"];
    } else if (choice < 90) {
      // Now and then an external id that was imported before: it must change nothing.
      const bool repeat = next_opening > 0 && uniform(0, 4) == 0;
      OpeningEntry opening;
      opening.external_id =
          fmt::format("H{}", repeat ? uniform(0, next_opening - 1) : next_opening++);
      opening.member_id = any_member();
      opening.points = uniform(0, 1) == 0 ? uniform(1, 300) : -uniform(1, 100);
      opening.at = at;
      opening.expires_on = expiry_after_today();
      const std::vector<OpeningOutcome> outcome =
          points.write_openings(0, std::span<const OpeningEntry>(&opening, 1));
      ASSERT_EQ(outcome.size(), 1u);
      EXPECT_EQ(outcome[0], repeat ? OpeningOutcome::duplicate : OpeningOutcome::inserted);
      if (!repeat) {
        written_total += opening.points;
      }
      ++operations[repeat ? "opening again" : "opening"];
    } else {
      expired_total += points.expire(format_iso_date(today));
      ++operations["expiry"];
    }
  }
  expired_total += points.expire(format_iso_date(today));
  for (const auto& [kind, count] : operations) {
    EXPECT_GT(count, 0) << kind;
  }
  EXPECT_GT(expired_total, 0);

  int64_t balances_total = 0;
  int64_t available_total = 0;
  int64_t owed_total = 0;
  int64_t expired_by_members = 0;
  for (int64_t member : members) {
    const MemberPoints figures = points.member_points(member);
    EXPECT_EQ(figures.balance, ledger_sum(member)) << "member " << member;
    EXPECT_EQ(figures.available - figures.owed, figures.balance) << "member " << member;
    EXPECT_FALSE(figures.available > 0 && figures.owed > 0) << "member " << member;
    balances_total += figures.balance;
    available_total += figures.available;
    owed_total += figures.owed;
    expired_by_members += figures.expired;
  }
  EXPECT_TRUE(points.balance_mismatches().empty());
  EXPECT_EQ(balances_total, written_total - expired_total);
  EXPECT_EQ(expired_by_members, expired_total);
  EXPECT_EQ(raw.integer("SELECT coalesce(sum(balance), 0) FROM points_balances"), balances_total);

  // Every entry's open points equal its points less its allocations, computed by SQLite.
  EXPECT_EQ(raw.integer(R"sql(
SELECT count(*)
FROM points_ledger l
LEFT JOIN points_open_entries o ON o.entry_id = l.id
WHERE abs(l.points) - coalesce(
        (SELECT sum(a.points) FROM points_allocations a
         WHERE (l.points > 0 AND a.credit_id = l.id) OR (l.points < 0 AND a.debit_id = l.id)), 0)
      IS NOT coalesce(o.left, 0))sql"),
            0);
  // No allocation pairs a credit and a debit of different members.
  EXPECT_EQ(raw.integer(R"sql(
SELECT count(*)
FROM points_allocations a
JOIN points_ledger d ON d.id = a.debit_id
JOIN points_ledger c ON c.id = a.credit_id
WHERE d.member_id <> c.member_id OR d.points >= 0 OR c.points <= 0)sql"),
            0);
  EXPECT_EQ(
      raw.integer(fmt::format(
          "SELECT count(*) FROM points_open_entries WHERE is_credit = 1 AND expires_on <= '{}'",
          format_iso_date(today))),
      0);
  EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());

  const PointsLiability liability = points.liability();
  EXPECT_EQ(liability.outstanding_points, available_total);
  EXPECT_EQ(liability.owed_points, owed_total);

  // Over all time, what was issued less what went out equals the balances.
  const std::vector<PointsFlow> flows =
      points.flows("2025-01-01", "2036-12-31", "month", *TimeZone::utc());
  int64_t net = 0;
  for (const PointsFlow& flow : flows) {
    net += flow.issued - flow.redeemed - flow.expired - flow.reversed;
  }
  EXPECT_EQ(net, balances_total);
}

}  // namespace
}  // namespace imagross::sqlite
