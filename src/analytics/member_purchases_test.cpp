// The member purchase summary on lines worked out by hand, and on random lines against the same
// figures computed by SQLite's own SQL over an oracle table of the lines.

#include "analytics/member_purchases.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "analytics/sales_engine.h"
#include "analytics/testing/random_sales.h"
#include "analytics/testing/sales_fixture.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

using testing::day_of;
using testing::SalesFixture;

std::map<std::string, int32_t> card_ids(Database& database) {
  std::map<std::string, int32_t> ids;
  for (const CardEntry& card : database.load_dictionaries().cards) {
    ids[card.number] = card.id;
  }
  return ids;
}

// A member who held two cards: the old one on 2026-03-01, the new one later, with a receipt
// that has a return and a return-only receipt; another member shops on the same days.
class MemberPurchasesByHand : public ::testing::Test {
 protected:
  void SetUp() override {
    // R1 (new card), 2026-03-02: Ortofrutta 3.000, Latticini 2.000.
    sales_.add({.receipt = "R1",
                .time = "2026-03-02 09:00:00",
                .card = kNewCard,
                .department = "Ortofrutta",
                .amount = 3000});
    sales_.add({.receipt = "R1",
                .time = "2026-03-02 09:00:00",
                .card = kNewCard,
                .product = "P2",
                .department = "Latticini",
                .amount = 2000});
    // R2 (new card), 2026-03-05: a return of Latticini, -1.000; not a visit.
    sales_.add({.receipt = "R2",
                .time = "2026-03-05 17:00:00",
                .card = kNewCard,
                .product = "P2",
                .department = "Latticini",
                .quantity = -1000,
                .amount = -1000});
    // R3 (old card), 2026-03-01, another store: Drogheria 1.500 and a line without department.
    sales_.add({.receipt = "R3",
                .time = "2026-03-01 12:00:00",
                .store = "PV02",
                .card = kOldCard,
                .product = "P3",
                .department = "Drogheria",
                .amount = 1500});
    sales_.add({.receipt = "R3",
                .time = "2026-03-01 12:00:00",
                .store = "PV02",
                .card = kOldCard,
                .product = "P4",
                .department = "",
                .amount = 9000});
    // R4 (someone else), 2026-03-06, and R5 without a card.
    sales_.add(
        {.receipt = "R4", .time = "2026-03-06 10:00:00", .card = kOtherCard, .amount = 100000});
    sales_.add({.receipt = "R5", .time = "2026-03-06 11:00:00", .amount = 5000});
    engine_ = sales_.load_engine();
    ids_ = card_ids(sales_.database());
  }

  static constexpr const char* kOldCard = "2991000000016";
  static constexpr const char* kNewCard = "2991000000023";
  static constexpr const char* kOtherCard = "2991000000030";
  SalesFixture sales_;
  std::unique_ptr<SalesEngine> engine_;
  std::map<std::string, int32_t> ids_;
};

TEST_F(MemberPurchasesByHand, SumsEveryCardOfTheMember) {
  const std::vector<int32_t> cards = {ids_.at(kOldCard), ids_.at(kNewCard)};
  const MemberPurchases purchases = engine_->member_purchases(cards);
  // 3.000 + 2.000 - 1.000 + 1.500 + 9.000
  EXPECT_EQ(purchases.net_revenue, 14500);
  EXPECT_EQ(purchases.receipts, 2);  // R1 and R3; R2 holds only a return
  EXPECT_EQ(purchases.lines, 5);
  EXPECT_EQ(purchases.last_visit_day, day_of("2026-03-02"));
  ASSERT_EQ(purchases.favourite_departments.size(), 3u);
  EXPECT_EQ(purchases.favourite_departments[0].name, "Ortofrutta");
  EXPECT_EQ(purchases.favourite_departments[0].net_revenue, 3000);
  EXPECT_EQ(purchases.favourite_departments[1].name, "Drogheria");
  EXPECT_EQ(purchases.favourite_departments[1].net_revenue, 1500);
  EXPECT_EQ(purchases.favourite_departments[2].name, "Latticini");
  EXPECT_EQ(purchases.favourite_departments[2].net_revenue, 1000);
  EXPECT_EQ(purchases.favourite_departments[2].receipts, 1);
}

TEST_F(MemberPurchasesByHand, OneCardCountsOnlyItsLines) {
  const std::vector<int32_t> cards = {ids_.at(kOldCard)};
  const MemberPurchases purchases = engine_->member_purchases(cards);
  EXPECT_EQ(purchases.net_revenue, 10500);
  EXPECT_EQ(purchases.receipts, 1);
  EXPECT_EQ(purchases.last_visit_day, day_of("2026-03-01"));
  ASSERT_EQ(purchases.favourite_departments.size(), 1u);  // the line without one is left out
  EXPECT_EQ(purchases.favourite_departments[0].name, "Drogheria");
}

TEST_F(MemberPurchasesByHand, NoCardsOrUnknownIdsGiveNothing) {
  EXPECT_EQ(engine_->member_purchases({}), MemberPurchases{});
  const std::vector<int32_t> unknown = {0, -3, 1'000'000};
  EXPECT_EQ(engine_->member_purchases(unknown), MemberPurchases{});
}

TEST_F(MemberPurchasesByHand, ReturnOnlyMemberHasNoVisit) {
  SalesFixture sales;
  sales.add({.receipt = "C1", .card = kOldCard, .quantity = -1000, .amount = -2500});
  const auto engine = sales.load_engine();
  const std::vector<int32_t> cards = {card_ids(sales.database()).at(kOldCard)};
  const MemberPurchases purchases = engine->member_purchases(cards);
  EXPECT_EQ(purchases.net_revenue, -2500);
  EXPECT_EQ(purchases.receipts, 0);
  EXPECT_FALSE(purchases.last_visit_day.has_value());
  EXPECT_TRUE(purchases.favourite_departments.empty());
}

// The summary of many random card sets against SQLite.
class MemberPurchasesOracle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new testing::RandomSalesData(20260402, 700); }
  static void TearDownTestSuite() { delete data_; }

  static void expect_matches_sql(const std::vector<std::string>& numbers) {
    SCOPED_TRACE(::testing::PrintToString(numbers));
    const auto ids = card_ids(data_->sales.database());
    std::vector<int32_t> cards;
    std::string in;
    for (const auto& number : numbers) {
      cards.push_back(ids.at(number));
      in += (in.empty() ? "'" : ", '") + number + "'";
    }
    const MemberPurchases purchases = data_->engine->member_purchases(cards);

    auto& oracle = *data_->oracle;
    const auto totals = oracle.rows(
        "SELECT COALESCE(SUM(amount), 0), COUNT(DISTINCT CASE WHEN is_return = 0 THEN receipt "
        "END), MAX(CASE WHEN is_return = 0 THEN day END), COUNT(*) FROM lines WHERE card IN (" +
        in + ")")[0];
    EXPECT_EQ(purchases.net_revenue, std::stoll(totals[0]));
    EXPECT_EQ(purchases.receipts, std::stoll(totals[1]));
    EXPECT_EQ(purchases.last_visit_day.has_value(), totals[2] != "NULL");
    if (purchases.last_visit_day) {
      EXPECT_EQ(format_iso_date(*purchases.last_visit_day), totals[2]);
    }
    EXPECT_EQ(purchases.lines, std::stoll(totals[3]));

    const auto departments = oracle.rows(
        "SELECT department, SUM(amount), SUM(quantity), COUNT(DISTINCT CASE WHEN is_return = 0 "
        "THEN receipt END) FROM lines WHERE card IN (" +
        in +
        ") AND department <> '' "
        "GROUP BY department HAVING SUM(amount) > 0 ORDER BY SUM(amount) DESC, department "
        "LIMIT 3");
    ASSERT_EQ(purchases.favourite_departments.size(), departments.size());
    for (std::size_t i = 0; i < departments.size(); ++i) {
      const DepartmentRow& row = purchases.favourite_departments[i];
      EXPECT_EQ(row.name, departments[i][0]) << "rank " << i;
      EXPECT_EQ(row.net_revenue, std::stoll(departments[i][1])) << "rank " << i;
      EXPECT_EQ(row.units, std::stoll(departments[i][2])) << "rank " << i;
      EXPECT_EQ(row.receipts, std::stoll(departments[i][3])) << "rank " << i;
    }
  }

  static std::vector<std::string> all_cards() {
    std::vector<std::string> numbers;
    for (const auto& row :
         data_->oracle->rows("SELECT DISTINCT card FROM lines WHERE card <> '' ORDER BY card")) {
      numbers.push_back(row[0]);
    }
    return numbers;
  }

  static testing::RandomSalesData* data_;
};

testing::RandomSalesData* MemberPurchasesOracle::data_ = nullptr;

TEST_F(MemberPurchasesOracle, EachCardAlone) {
  for (const auto& number : all_cards()) {
    expect_matches_sql({number});
  }
}

TEST_F(MemberPurchasesOracle, RandomCardSets) {
  const auto numbers = all_cards();
  ASSERT_GT(numbers.size(), 20u);
  std::mt19937_64 random(7);
  // Sets of 2 to 20 cards: up to 8 take the short list, more take the table by card id.
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> chosen = numbers;
    std::shuffle(chosen.begin(), chosen.end(), random);
    chosen.resize(2 + static_cast<std::size_t>(round) % 19);
    expect_matches_sql(chosen);
  }
}

}  // namespace
}  // namespace imagross::analytics
