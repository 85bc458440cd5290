// PointsService on a real SQLite file: awarding once across imports and re-runs, a simulation
// equal to the awards made afterwards, till receipts posted twice, proportional reversal on
// returns, tier upgrade and downgrade, blocked cards and expiry. Expected values are computed by
// hand in the comments and read back with SQLite's own SQL through a separate connection.

#include "points/points_service.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/civil_time.h"
#include "common/ean13.h"
#include "domain/receipt_line.h"
#include "ingest/sales_import.h"
#include "storage/sqlite/test_support.h"

namespace imagross::points {
namespace {

using sqlite::testing::RawDatabase;
using sqlite::testing::TempDirectory;

// 1 point per full 10 euros, from 5 euros of eligible spend. Tuesdays earn double, Pescheria
// lines 1.5x, and a receipt with at least 20 euros of Enoteca gets 3 bonus points. Tiers count
// the points of 365 days: Bronze 0 (1x), Silver 50 (1.25x) and Gold 100 (1.5x), each kept at
// least 30 days.
constexpr const char* kRules = R"json({
  "name": "Raccolta di prova",
  "earn": {"mode": "per_threshold", "threshold": "10.00", "points": 1,
           "min_receipt_amount": "5.00"},
  "rules": [
    {"name": "Martedi doppio", "kind": "multiplier", "multiplier": "2", "weekdays": [2]},
    {"name": "Pescheria", "kind": "multiplier", "multiplier": "1.5",
     "match": {"departments": ["Pescheria"]}},
    {"name": "Bonus enoteca", "kind": "bonus", "points": 3, "per": "receipt",
     "min_amount": "20.00", "match": {"departments": ["Enoteca"]}}
  ],
  "seasons": [
    {"name": "2026", "start": "2026-01-01", "end": "2026-12-31", "expires": "2027-01-31",
     "claim_until": "2027-02-28"},
    {"name": "2027", "start": "2027-01-01", "end": "2027-12-31", "expires": "2028-01-31",
     "claim_until": "2028-02-28"}
  ],
  "tiers": {"basis": "points", "window_days": 365, "hold_days": 30,
            "levels": [{"name": "Bronze", "threshold": 0, "multiplier": "1"},
                       {"name": "Silver", "threshold": 50, "multiplier": "1.25"},
                       {"name": "Gold", "threshold": 100, "multiplier": "1.5"}]}
})json";

std::string card(int64_t serial) {
  return complete_ean13(fmt::format("2991{:08}", serial));
}

class PointsServiceTest : public ::testing::Test {
 protected:
  PointsServiceTest()
      : zone_(TimeZone::load("Europe/Rome").value()),
        database_(open_database(path_)),
        service_(*database_, zone_, nullptr, [this] { return now_; }) {
    now_ = utc("2026-06-15 12:00:00");
  }

  // UTC seconds of a wall-clock time in Rome, "YYYY-MM-DD HH:MM:SS".
  int64_t utc(const std::string& local) const {
    const int32_t day = parse_iso_date(local.substr(0, 10)).value();
    const int seconds = std::stoi(local.substr(11, 2)) * 3600 + std::stoi(local.substr(14, 2)) * 60;
    return zone_->to_utc(LocalDateTime{day, seconds}).value();
  }

  int64_t add_member(int64_t serial) {
    const std::string number = card(serial);
    database_->members().issue_cards(std::vector<std::string>{number});
    Member member;
    member.first_name = "Socio";
    member.last_name = fmt::format("Numero {}", serial);
    member.signup_date = "2025-01-10";
    Result<Member> created = database_->members().create_member(member, number);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? created->id : 0;
  }

  int32_t activate(const std::string& from = "2026-01-01T00:00:00Z") {
    const int32_t version = database_->points().create_rule_set("prova", kRules, std::nullopt);
    const auto activated = database_->points().activate_rule_set(version, from, std::nullopt);
    EXPECT_TRUE(activated.ok()) << (activated.ok() ? "" : activated.error().message);
    return version;
  }

  static RuleSet rules() { return parse_rule_set(kRules).value(); }

  // A receipt line of `amount` thousandths in `department`; negative amounts are returns.
  static ReceiptLine line(const std::string& receipt, int32_t number, int64_t timestamp,
                          const std::string& card_number, const std::string& department,
                          int64_t amount) {
    ReceiptLine out;
    out.receipt_code = receipt;
    out.line_number = number;
    out.timestamp = timestamp;
    out.store_code = "PV01";
    out.card_number = card_number;
    out.product_code = fmt::format("P-{}", department.size());
    out.product_name = "Prodotto " + department;
    out.department = department;
    out.quantity = amount < 0 ? -1000 : 1000;
    out.unit_price = amount < 0 ? -amount : amount;
    out.amount = amount;
    out.is_return = amount < 0;
    return out;
  }

  void write(const std::vector<ReceiptLine>& lines) {
    const int64_t import_id = database_->create_import(ImportRecord{});
    database_->write_lines(import_id, lines);
  }

  int64_t sql(const std::string& query) { return raw_.integer(query); }

  int64_t ledger_sum(const std::string& kind) {
    return sql(
        fmt::format("SELECT coalesce(sum(points), 0) FROM points_ledger WHERE kind = '{}'", kind));
  }

  TempDirectory directory_;
  std::string path_ = directory_.file("points.db");
  std::shared_ptr<const TimeZone> zone_;
  std::unique_ptr<Database> database_;
  int64_t now_ = 0;
  PointsService service_;
  RawDatabase raw_{path_};
};

TEST_F(PointsServiceTest, AwardsOnceAcrossReimportsAndReruns) {
  add_member(1);
  activate();
  // A canonical sales file: a Monday receipt of 70.00 (7 points) and one of 4.00, below the
  // 5.00 minimum (0 points, evaluated all the same).
  const std::string file = directory_.file("sales.csv");
  std::ofstream(file)
      << "receipt_id,timestamp,store_id,card_number,product_code,product_name,department,"
         "quantity,unit_price,discount,amount,promo_code\n"
      << "PV01-1,2026-03-02 10:00:00,PV01," << card(1)
      << ",A1,Pane,Panetteria,1,70.00,0.00,70.00,\n"
      << "PV01-2,2026-03-02 11:00:00,PV01," << card(1) << ",A2,Latte,Latticini,1,4.00,0.00,4.00,\n";
  SalesImportOptions options;
  options.reject_directory = directory_.file("rejects");
  ASSERT_EQ(import_sales(file, options, *database_).imported, 2);

  const AwardSummary first = service_.award_pending();
  EXPECT_EQ(first.receipts, 2);
  EXPECT_EQ(first.receipts_earning, 1);
  EXPECT_EQ(first.points, 7);

  EXPECT_EQ(import_sales(file, options, *database_).duplicates, 2);
  const AwardSummary second = service_.award_pending();
  EXPECT_EQ(second.receipts, 0);
  EXPECT_EQ(second.points, 0);
  EXPECT_EQ(service_.award_pending().receipts, 0);

  EXPECT_EQ(ledger_sum("award"), 7);
  EXPECT_EQ(sql("SELECT count(*) FROM points_ledger"), 1);
  EXPECT_EQ(sql("SELECT count(*) FROM points_receipts"), 2);
}

TEST_F(PointsServiceTest, ReceiptsWithoutRulesStayPending) {
  add_member(1);
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 30'000)});
  const AwardSummary before = service_.award_pending();
  EXPECT_EQ(before.no_rules, 1);
  EXPECT_EQ(before.receipts, 0);
  EXPECT_EQ(sql("SELECT count(*) FROM points_receipts"), 0);

  activate();
  const AwardSummary after = service_.award_pending();
  EXPECT_EQ(after.receipts, 1);
  EXPECT_EQ(after.points, 3);
}

TEST_F(PointsServiceTest, SimulationEqualsAwardsMade) {
  const int64_t anna = add_member(1);
  const int64_t bruno = add_member(2);
  add_member(3);  // no receipts
  std::vector<ReceiptLine> lines;
  // Monday 2026-03-02: 45.00 of bread -> 4 points.
  lines.push_back(line("R1", 1, utc("2026-03-02 09:00:00"), card(1), "Panetteria", 45'000));
  // Tuesday 2026-03-03: 35.00 -> 3 base points, doubled -> 6.
  lines.push_back(line("R2", 1, utc("2026-03-03 09:00:00"), card(1), "Latticini", 35'000));
  // Wednesday: 40.00 of fish weighs 1.5x, so the weighted spend is 60.00 + 25.00 of wine =
  // 85.00 -> 8 points, and the wine's 25.00 reaches the bonus minimum -> 3 more: 11.
  lines.push_back(line("R3", 1, utc("2026-03-04 18:00:00"), card(2), "Pescheria", 40'000));
  lines.push_back(line("R3", 2, utc("2026-03-04 18:00:00"), card(2), "Enoteca", 25'000));
  // Below the minimum: 0 points.
  lines.push_back(line("R4", 1, utc("2026-03-05 18:00:00"), card(2), "Latticini", 3'000));
  // Outside the simulated period.
  lines.push_back(line("R5", 1, utc("2026-04-01 18:00:00"), card(2), "Latticini", 99'000));
  // No card.
  lines.push_back(line("R6", 1, utc("2026-03-04 18:00:00"), "", "Latticini", 50'000));
  write(lines);

  const RuleSet rule_set = rules();
  const auto from = parse_iso_date("2026-03-01").value();
  const auto to = parse_iso_date("2026-03-31").value();
  const Result<Simulation> simulation = service_.simulate(rule_set, from, to);
  ASSERT_TRUE(simulation.ok());
  EXPECT_EQ(simulation->receipts, 4);
  EXPECT_EQ(simulation->receipts_earning, 3);
  EXPECT_EQ(simulation->members, 2);
  EXPECT_EQ(simulation->members_earning, 2);
  EXPECT_FALSE(simulation->current_version.has_value());

  // Awards made once the same rules are in force, restricted to the same receipts.
  activate();
  service_.award_pending();
  const std::string in_march =
      "FROM points_receipts WHERE at >= '2026-02-28T23:00:00Z' AND at < '2026-03-31T22:00:00Z'";
  const int64_t awarded = sql("SELECT coalesce(sum(points), 0) " + in_march);
  EXPECT_EQ(simulation->points, awarded);
  EXPECT_EQ(simulation->points, 4 + 6 + 11);
  EXPECT_EQ(simulation->receipts, sql("SELECT count(*) " + in_march));
  EXPECT_EQ(simulation->receipts_earning, sql("SELECT count(*) " + in_march + " AND points > 0"));
  EXPECT_EQ(simulation->members_earning,
            sql("SELECT count(DISTINCT member_id) " + in_march + " AND points > 0"));
  EXPECT_EQ(simulation->eligible_amount, sql("SELECT sum(eligible_amount) " + in_march));
  EXPECT_EQ(simulation->value, simulation->points * rule_set.point_value);
  EXPECT_EQ(simulation->max, 11);
  EXPECT_EQ(simulation->p50, 10);  // nearest rank: ceil(0.5 x 2) = 1st of (10, 11)
  EXPECT_EQ(simulation->p90, 11);
  // A maximum of 11 needs buckets 2 points wide: 0-1, 2-3, ..., 10-11.
  ASSERT_EQ(simulation->buckets.size(), 6U);
  EXPECT_EQ(simulation->buckets.back().from, 10);
  EXPECT_EQ(simulation->buckets.back().to, 11);
  EXPECT_EQ(simulation->buckets.back().members, 2);
  EXPECT_EQ(simulation->buckets.front().members, 0);
  EXPECT_EQ(service_.view(anna).points.balance, 10);
  EXPECT_EQ(service_.view(bruno).points.balance, 11 + 9);

  ASSERT_EQ(simulation->by_rule.size(), 3U);
  EXPECT_EQ(simulation->by_rule[0].receipts, 1);  // Tuesday
  EXPECT_EQ(simulation->by_rule[1].receipts, 1);  // fish
  EXPECT_EQ(simulation->by_rule[2].receipts, 1);  // wine bonus

  // With the rules now in force, the comparison figures equal the simulated ones.
  const Result<Simulation> again = service_.simulate(rule_set, from, to);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->current_points, again->points);
}

TEST_F(PointsServiceTest, SimulationRejectsReversedPeriod) {
  const Result<Simulation> simulation = service_.simulate(rules(), 20'000, 19'999);
  ASSERT_FALSE(simulation.ok());
  EXPECT_EQ(simulation.error().code, "invalid_period");
}

PosLine pos_line(const std::string& department, int64_t amount) {
  PosLine out;
  out.product_code = "P-" + department;
  out.product_name = department;
  out.department = department;
  out.quantity = amount < 0 ? -1000 : 1000;
  out.unit_price = amount < 0 ? -amount : amount;
  out.amount = amount;
  return out;
}

TEST_F(PointsServiceTest, PosReceiptPostedTwiceAwardsOnce) {
  const int64_t member = add_member(1);
  activate();
  PosReceipt receipt;
  receipt.receipt_id = "PV01-T-1";
  receipt.timestamp = utc("2026-03-02 10:00:00");
  receipt.card = card(1);
  receipt.lines = {pos_line("Panetteria", 50'000), pos_line("Latticini", 20'000)};

  const Result<PosOutcome> first = service_.post_receipt("PV01", receipt);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->status, "awarded");
  EXPECT_EQ(first->points, 7);
  EXPECT_FALSE(first->duplicate);
  EXPECT_EQ(first->balance, 7);

  const Result<PosOutcome> second = service_.post_receipt("PV01", receipt);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_TRUE(second->duplicate);
  EXPECT_EQ(second->status, "awarded");
  EXPECT_EQ(second->points, 7);
  EXPECT_EQ(ledger_sum("award"), 7);
  EXPECT_EQ(service_.view(member).points.balance, 7);

  // The same id with other lines is a conflict, and the stored receipt stays as it was.
  receipt.lines[1].amount = 30'000;
  receipt.lines[1].unit_price = 30'000;
  const Result<PosOutcome> changed = service_.post_receipt("PV01", receipt);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, "receipt_conflict");
  EXPECT_EQ(sql("SELECT sum(amount) FROM receipt_lines"), 70'000);
  EXPECT_EQ(ledger_sum("award"), 7);
}

TEST_F(PointsServiceTest, PosReceiptWithoutMember) {
  activate();
  PosReceipt receipt;
  receipt.receipt_id = "PV01-T-2";
  receipt.timestamp = utc("2026-03-02 10:00:00");
  receipt.lines = {pos_line("Panetteria", 50'000)};
  const Result<PosOutcome> no_card = service_.post_receipt("PV01", receipt);
  ASSERT_TRUE(no_card.ok());
  EXPECT_EQ(no_card->status, "no_card");
  EXPECT_FALSE(no_card->balance.has_value());

  receipt.receipt_id = "PV01-T-3";
  receipt.card = card(9);  // never linked to a member
  const Result<PosOutcome> unlinked = service_.post_receipt("PV01", receipt);
  ASSERT_TRUE(unlinked.ok());
  EXPECT_EQ(unlinked->status, "card_not_linked");

  receipt.receipt_id = "";
  const Result<PosOutcome> invalid = service_.post_receipt("PV01", receipt);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, "invalid_receipt");
}

TEST_F(PointsServiceTest, PosReceiptChecksNameTheField) {
  PosReceipt valid;
  valid.receipt_id = "PV01-C-1";
  valid.timestamp = utc("2026-06-15 11:30:00");
  valid.lines = {pos_line("Panetteria", 2'500)};
  ASSERT_FALSE(service_.check_receipt(valid).has_value());

  struct Case {
    std::function<void(PosReceipt&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](PosReceipt& r) { r.receipt_id = "   "; }, "receipt_id"},
      {[](PosReceipt& r) { r.receipt_id = std::string("T\0X", 3); }, "receipt_id"},
      {[](PosReceipt& r) { r.lines[0].product_code = " "; }, "lines[0].product_code"},
      {[this](PosReceipt& r) { r.timestamp = now_ + kMaxPosClockSkew + 1; }, "timestamp"},
      {[](PosReceipt& r) { r.timestamp = kMinPosTimestamp - 1; }, "timestamp"},
      {[](PosReceipt& r) { r.lines[0].amount = 1'000'000'000; }, "lines[0].amount"},
      {[](PosReceipt& r) { r.lines[0].unit_price = 9'000'000'000'000'000'000; },
       "lines[0].unit_price"},
      {[](PosReceipt& r) { r.lines[0].quantity = 100'001'000; }, "lines[0].quantity"},
      {[](PosReceipt& r) { r.lines[0].discount = -5'000; }, "lines[0].discount"},
      {[](PosReceipt& r) {
         r.lines.push_back(r.lines[0]);
         r.lines[0].line = 2;
       },
       "lines[1].line"},
  };
  for (const Case& bad : cases) {
    PosReceipt receipt = valid;
    bad.change(receipt);
    const std::optional<PosProblem> problem = service_.check_receipt(receipt);
    ASSERT_TRUE(problem.has_value()) << bad.field;
    EXPECT_EQ(problem->field, bad.field);
    const Result<PosOutcome> posted = service_.post_receipt("PV01", receipt);
    ASSERT_FALSE(posted.ok()) << bad.field;
    EXPECT_EQ(posted.error().code, "invalid_receipt");
  }
  // Up to 5 minutes ahead of the server's clock, and a cent of rounding, are accepted.
  PosReceipt skewed = valid;
  skewed.timestamp = now_ + kMaxPosClockSkew;
  skewed.lines[0].amount += kLineAmountTolerance;
  EXPECT_FALSE(service_.check_receipt(skewed).has_value());
  EXPECT_EQ(sql("SELECT count(*) FROM receipt_lines"), 0);
}

TEST_F(PointsServiceTest, PosReceiptOtherLineCountConflicts) {
  add_member(1);
  activate();
  PosReceipt receipt;
  receipt.receipt_id = "PV01-T-9";
  receipt.timestamp = utc("2026-03-02 10:00:00");
  receipt.card = card(1);
  receipt.lines = {pos_line("Panetteria", 50'000), pos_line("Latticini", 20'000)};
  ASSERT_TRUE(service_.post_receipt("PV01", receipt).ok());

  PosReceipt subset = receipt;
  subset.lines.pop_back();
  PosReceipt superset = receipt;
  superset.lines.push_back(pos_line("Enoteca", 30'000));
  for (const PosReceipt& other : {subset, superset}) {
    const Result<PosOutcome> posted = service_.post_receipt("PV01", other);
    ASSERT_FALSE(posted.ok());
    EXPECT_EQ(posted.error().code, "receipt_conflict");
  }
  EXPECT_EQ(sql("SELECT count(*) FROM receipt_lines"), 2);
  EXPECT_EQ(ledger_sum("award"), 7);
}

TEST_F(PointsServiceTest, PosReceiptUpgradesTier) {
  const int64_t member = add_member(1);
  activate();
  // 45 points so far: Bronze, 5 short of Silver.
  write({line("R1", 1, utc("2026-05-04 10:00:00"), card(1), "Panetteria", 450'000)});
  service_.award_pending();
  ASSERT_NE(database_->points().member_tier(member).tier, "Silver");

  PosReceipt crossing;
  crossing.receipt_id = "PV01-U-1";
  crossing.timestamp = utc("2026-06-15 11:00:00");
  crossing.card = card(1);
  crossing.lines = {pos_line("Panetteria", 50'000)};
  const Result<PosOutcome> first = service_.post_receipt("PV01", crossing);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->points, 5);
  EXPECT_EQ(database_->points().member_tier(member).tier, "Silver");

  // The next receipt earns at Silver's 1.25x: 8 x 1.25 = 10 points.
  PosReceipt next = crossing;
  next.receipt_id = "PV01-U-2";
  next.lines = {pos_line("Panetteria", 80'000)};
  const Result<PosOutcome> second = service_.post_receipt("PV01", next);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->points, 10);
}

TEST_F(PointsServiceTest, PosReturnReversesProportionally) {
  const int64_t member = add_member(1);
  activate();
  PosReceipt sale;
  sale.receipt_id = "PV01-S-1";
  sale.timestamp = utc("2026-03-02 10:00:00");
  sale.card = card(1);
  sale.lines = {pos_line("Panetteria", 50'000), pos_line("Latticini", 20'000)};
  ASSERT_EQ(service_.post_receipt("PV01", sale)->points, 7);

  // 20.00 of 70.00 returned: 7 x 20 / 70 = 2 points back.
  PosReceipt first_return;
  first_return.receipt_id = "PV01-R-1";
  first_return.timestamp = utc("2026-03-03 10:00:00");
  first_return.card = card(1);
  first_return.original_receipt_id = "PV01-S-1";
  first_return.lines = {pos_line("Latticini", -20'000)};
  const Result<PosOutcome> reversed = service_.post_receipt("PV01", first_return);
  ASSERT_TRUE(reversed.ok()) << reversed.error().message;
  EXPECT_EQ(reversed->status, "reversed");
  EXPECT_EQ(reversed->points, 2);
  EXPECT_EQ(reversed->balance, 5);

  // Posting the return again takes nothing more.
  const Result<PosOutcome> repeated = service_.post_receipt("PV01", first_return);
  ASSERT_TRUE(repeated.ok());
  EXPECT_TRUE(repeated->duplicate);
  EXPECT_EQ(repeated->points, 2);

  // The other 50.00: 7 x 50 / 70 = 5, all that the receipt still holds.
  PosReceipt second_return = first_return;
  second_return.receipt_id = "PV01-R-2";
  second_return.lines = {pos_line("Panetteria", -50'000)};
  const Result<PosOutcome> rest = service_.post_receipt("PV01", second_return);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->points, 5);
  EXPECT_EQ(service_.view(member).points.balance, 0);
  EXPECT_EQ(ledger_sum("reversal"), -7);
  EXPECT_EQ(sql("SELECT count(*) FROM points_returns WHERE original_receipt_id IS NOT NULL"), 2);
}

TEST_F(PointsServiceTest, ImportedReturnReversesAtBaseRate) {
  const int64_t member = add_member(1);
  activate();
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 70'000),
         line("C1", 1, utc("2026-03-09 10:00:00"), card(1), "Panetteria", -25'000)});
  const AwardSummary summary = service_.award_pending();
  EXPECT_EQ(summary.points, 7);
  EXPECT_EQ(summary.returns, 1);
  // 25.00 at 1 point per 10 euros is 2.5 points, rounded to nearest: 3.
  EXPECT_EQ(summary.reversed_points, 3);
  EXPECT_EQ(service_.view(member).points.balance, 4);
}

TEST_F(PointsServiceTest, TierUpgradeThenDowngradeOneLevelAtATime) {
  const int64_t member = add_member(1);
  activate();
  // 1,050.00 on a Monday: 105 points, enough for Gold (100).
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 1'050'000)});
  const AwardSummary summary = service_.award_pending();
  EXPECT_EQ(summary.points, 105);
  EXPECT_EQ(summary.upgrades, 1);
  EXPECT_EQ(database_->points().member_tier(member).tier, "Gold");
  EXPECT_EQ(database_->points().member_tier(member).since, "2026-06-15");

  // A Gold member earns 1.5x: 20.00 -> 2 x 1.5 = 3 points.
  write({line("R2", 1, utc("2026-06-15 11:00:00"), card(1), "Panetteria", 20'000)});
  EXPECT_EQ(service_.award_pending().points, 3);

  // Within the 30 days held, a review keeps Gold even though nothing new is earned.
  TierReview review = service_.review_tiers("2026-07-01");
  EXPECT_EQ(review.reviewed, 1);
  EXPECT_EQ(review.kept, 1);

  // 2027-06-16: the window [2026-06-16, 2027-06-16] contains no awards, which supports only
  // Bronze, but a review moves down one level at a time.
  review = service_.review_tiers("2027-06-16");
  EXPECT_EQ(review.downgraded, 1);
  EXPECT_EQ(database_->points().member_tier(member).tier, "Silver");
  EXPECT_EQ(database_->points().member_tier(member).since, "2027-06-16");
  // Again on the same day: the new level is held.
  EXPECT_EQ(service_.review_tiers("2027-06-16").downgraded, 0);
  EXPECT_EQ(service_.review_tiers("2027-07-16").downgraded, 1);
  EXPECT_EQ(database_->points().member_tier(member).tier, "Bronze");
  EXPECT_EQ(service_.review_tiers("2027-09-16").downgraded, 0);
}

TEST_F(PointsServiceTest, BlockedCardLinesEarnNothing) {
  const int64_t member = add_member(1);
  activate();
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 30'000)});
  ASSERT_EQ(service_.award_pending().points, 3);
  ASSERT_TRUE(database_->members().block_card(card(1)).ok());
  // Sold on the blocked card after it was blocked (the block is dated now, so a later day).
  write({line("R2", 1, utc("2027-03-02 10:00:00"), card(1), "Panetteria", 80'000)});
  const AwardSummary after = service_.award_pending();
  EXPECT_EQ(after.points, 0);
  EXPECT_EQ(service_.view(member).points.balance, 3);
  EXPECT_EQ(ledger_sum("award"), 3);
}

TEST_F(PointsServiceTest, ExpiryIsIdempotent) {
  const int64_t member = add_member(1);
  activate();
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 30'000)});
  service_.award_pending();
  EXPECT_EQ(raw_.rows("SELECT expires_on FROM points_ledger WHERE kind = 'award'")[0][0],
            "2027-01-31");
  now_ = utc("2027-02-01 12:00:00");  // expiry takes only days up to today
  EXPECT_EQ(service_.expire("2027-01-30"), 0);
  EXPECT_EQ(service_.expire("2027-01-31"), 3);
  EXPECT_EQ(service_.expire("2027-01-31"), 0);
  EXPECT_EQ(service_.view(member).points.balance, 0);
  EXPECT_EQ(ledger_sum("expiry"), -3);
}

TEST_F(PointsServiceTest, ExpiryRejectsDayAfterToday) {
  add_member(1);
  activate();
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 30'000)});
  service_.award_pending();
  try {
    service_.expire("9999-12-31");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("9999-12-31"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("2026-06-15"), std::string::npos) << error.what();
  }
  EXPECT_EQ(ledger_sum("expiry"), 0);
  EXPECT_EQ(service_.expire("2026-06-15"), 0);
}

TEST_F(PointsServiceTest, SimulationAtLargestFiguresStaysBounded) {
  add_member(1);
  add_member(2);
  std::vector<ReceiptLine> lines;
  for (int number = 1; number <= 3; ++number) {
    lines.push_back(
        line("R1", number, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 1'000'000'000));
  }
  lines.push_back(line("R2", 1, utc("2026-03-03 10:00:00"), card(2), "Panetteria", 1'000));
  write(lines);
  const RuleSet rule_set = parse_rule_set(R"json({"name": "Massimo",
      "earn": {"mode": "per_threshold", "threshold": "0.01", "points": 10000},
      "stacking": {"receipt": "multiply"},
      "rules": [{"name": "x100", "multiplier": "100"}, {"name": "x10", "multiplier": "10"}],
      "seasons": [{"name": "2026", "start": "2026-01-01", "end": "2026-12-31",
                   "expires": "2027-01-31", "claim_until": "2027-01-31"}],
      "tiers": {"levels": [{"name": "Base", "threshold": 0, "multiplier": "100"}]},
      "point_value": "100.00"})json")
                               .value();
  const Result<Simulation> simulation = service_.simulate(
      rule_set, parse_iso_date("2026-03-01").value(), parse_iso_date("2026-03-31").value());
  ASSERT_TRUE(simulation.ok());
  // R1 reaches the per-receipt cap; R2: 1.00 euro is 100 thresholds of 10,000 points, times
  // 1000 and 100 = 100,000,000,000, also capped.
  EXPECT_EQ(simulation->points, 2 * kMaxReceiptPoints);
  EXPECT_EQ(simulation->value, 2 * kMaxReceiptPoints * 100'000);
  EXPECT_EQ(simulation->max, kMaxReceiptPoints);
  EXPECT_LE(simulation->buckets.size(), 10U);
  for (const PointsBucket& bucket : simulation->buckets) {
    EXPECT_GE(bucket.from, 0);
    EXPECT_GE(bucket.to, bucket.from);
  }
}

TEST_F(PointsServiceTest, ViewShowsTierProgressAndSeason) {
  const int64_t member = add_member(1);
  activate();
  write({line("R1", 1, utc("2026-03-02 10:00:00"), card(1), "Panetteria", 300'000)});
  service_.award_pending();
  const MemberPointsView view = service_.view(member);
  EXPECT_EQ(view.points.balance, 30);
  EXPECT_EQ(view.tier.name, "Bronze");
  EXPECT_EQ(view.tier.qualifying_total, 30);
  ASSERT_TRUE(view.tier.next.has_value());
  EXPECT_EQ(view.tier.next->name, "Silver");
  EXPECT_EQ(view.tier.missing, 20);
  ASSERT_TRUE(view.season.has_value());
  EXPECT_EQ(view.season->name, "2026");
  EXPECT_EQ(view.value, 30 * 10);  // the default point value, 0.01 euro
}

TEST(ParseDayOrTime, DatesAndOffsets) {
  const auto zone = TimeZone::load("Europe/Rome").value();
  // Midnight in Rome in winter is 23:00 UTC of the day before.
  EXPECT_EQ(format_utc(parse_day_or_time("2026-01-10", *zone).value()), "2026-01-09T23:00:00Z");
  EXPECT_EQ(format_utc(parse_day_or_time("2026-07-10T08:00:00+02:00", *zone).value()),
            "2026-07-10T06:00:00Z");
  EXPECT_EQ(format_utc(parse_day_or_time("2026-07-10T08:00:00Z", *zone).value()),
            "2026-07-10T08:00:00Z");
  EXPECT_FALSE(parse_day_or_time("10/07/2026", *zone).ok());
  EXPECT_FALSE(parse_day_or_time("2026-07-10T25:00:00Z", *zone).ok());
}

TEST(ParseEffectiveFrom, OffsetWholeSecondsAndRange) {
  const auto zone = TimeZone::load("Europe/Rome").value();
  EXPECT_EQ(format_utc(parse_effective_from("2026-01-10", *zone).value()), "2026-01-09T23:00:00Z");
  EXPECT_EQ(format_utc(parse_effective_from("2026-07-10T08:00:00+02:00", *zone).value()),
            "2026-07-10T06:00:00Z");
  const std::vector<std::pair<std::string, std::string>> rejected{
      {"2026-12-05T10:00:00", "no UTC offset"},
      {"2026-12-05T09:00:00.5Z", "fraction of a second"},
      {"0000-01-01", "outside the allowed range"},
      {"1999-12-31T23:59:59Z", "outside the allowed range"},
      {"3000-01-01T00:00:00Z", "outside the allowed range"},
      {"3000-01-01", "outside the allowed range"},
      {"soon", "is not a date or a time"},
  };
  for (const auto& [text, problem] : rejected) {
    const Result<int64_t> parsed = parse_effective_from(text, *zone);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, "invalid_effective_from");
    EXPECT_NE(parsed.error().message.find(problem), std::string::npos) << parsed.error().message;
    EXPECT_NE(parsed.error().message.find("2000 to 2999"), std::string::npos);
  }
}

}  // namespace
}  // namespace imagross::points
