// KPIs of the dashboard on small sets of lines whose figures are worked out by hand in the
// comments, following the definitions of docs/METRICS.md.

#include <gtest/gtest.h>

#include "analytics/sales_engine.h"
#include "analytics/testing/sales_fixture.h"

namespace imagross::analytics {
namespace {

using testing::day_of;
using testing::LineSpec;
using testing::period;
using testing::SalesFixture;

// Four receipts over 2026-03-02..05: a mixed receipt with a weighed line on promotion and a
// return, a receipt without a card, a cancellation document, and a 0.001 EUR unit price.
void add_mixed_week(SalesFixture& sales) {
  // R1: 1.250 kg x 2.000 = 2.500 - 0.300 discount = 2.200 on promotion; 2 x 1.500 = 3.000;
  // a return of 1 x 1.500.
  sales.add({.receipt = "R1",
             .time = "2026-03-02 10:00:00",
             .card = "2000000000017",
             .product = "P1",
             .quantity = 1250,
             .unit_price = 2000,
             .discount = 300,
             .amount = 2200,
             .promo = "PR1"});
  sales.add({.receipt = "R1",
             .time = "2026-03-02 10:00:00",
             .card = "2000000000017",
             .product = "P2",
             .department = "Latticini",
             .quantity = 2000,
             .unit_price = 1500,
             .amount = 3000});
  sales.add({.receipt = "R1",
             .time = "2026-03-02 10:00:00",
             .card = "2000000000017",
             .product = "P2",
             .department = "Latticini",
             .quantity = -1000,
             .unit_price = 1500,
             .amount = -1500});
  // R2, no card: 10 x 0.990 = 9.900 - 0.900 = 9.000.
  sales.add({.receipt = "R2",
             .time = "2026-03-03 18:30:00",
             .store = "PV02",
             .product = "P3",
             .department = "Bevande",
             .quantity = 10000,
             .unit_price = 990,
             .discount = 900,
             .amount = 9000});
  // C9, a cancellation document of a card holder who buys nothing else: -0.500 kg, -1.000.
  sales.add({.receipt = "C9",
             .time = "2026-03-04 11:00:00",
             .card = "2000000000024",
             .product = "P1",
             .quantity = -500,
             .unit_price = 2000,
             .amount = -1000,
             .cancellation = true});
  // R4: 5 x 0.001 rounds to 0.010.
  sales.add({.receipt = "R4",
             .time = "2026-03-05 09:00:00",
             .card = "2000000000017",
             .product = "P4",
             .department = "Dolciumi",
             .quantity = 5000,
             .unit_price = 1,
             .amount = 10});
}

TEST(DashboardKpis, MixedReceiptsByHand) {
  SalesFixture sales;
  add_mixed_week(sales);
  const auto engine = sales.load_engine();
  const Kpis kpis = engine->dashboard(period("2026-03-02", "2026-03-05")).kpis;

  // 2200 + 3000 - 1500 + 9000 - 1000 + 10
  EXPECT_EQ(kpis.net_revenue, 11710);
  // (2200 + 300) + 3000 + (9000 + 900) + 10
  EXPECT_EQ(kpis.gross_sales, 15410);
  EXPECT_EQ(kpis.discount, 1200);
  EXPECT_EQ(kpis.returns, 2500);
  EXPECT_EQ(kpis.gross_sales - kpis.discount - kpis.returns, kpis.net_revenue);
  EXPECT_EQ(kpis.receipts, 3);         // R1, R2, R4
  EXPECT_EQ(kpis.return_receipts, 1);  // C9
  // (15410 - 1200) / 3 = 4736.67 thousandths, 4.74 EUR to the cent.
  ASSERT_TRUE(kpis.average_receipt.has_value());
  EXPECT_EQ(*kpis.average_receipt, 4740);
  // 1.250 kg + 2 - 1 + 10 - 0.500 kg + 5
  EXPECT_EQ(kpis.units, 16750);
  EXPECT_EQ(kpis.customers, 1);  // the holder of C9 only returned goods
  EXPECT_EQ(kpis.products, 4);
  EXPECT_EQ(kpis.lines, 6);
  // Card lines: 2200 + 3000 - 1500 - 1000 + 10 = 2710; promotion lines: 2200.
  ASSERT_TRUE(kpis.card_share.has_value());
  EXPECT_DOUBLE_EQ(*kpis.card_share, 2710.0 / 11710.0);
  ASSERT_TRUE(kpis.promo_share.has_value());
  EXPECT_DOUBLE_EQ(*kpis.promo_share, 2200.0 / 11710.0);
}

TEST(DashboardKpis, EmptyPreviousPeriodIsNotAvailable) {
  SalesFixture sales;
  add_mixed_week(sales);
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2026-03-02", "2026-03-05"));

  EXPECT_EQ(dashboard.previous_from_day, day_of("2026-02-26"));
  EXPECT_EQ(dashboard.previous_to_day, day_of("2026-03-01"));
  EXPECT_EQ(dashboard.previous_kpis.net_revenue, 0);
  EXPECT_EQ(dashboard.previous_kpis.receipts, 0);
  EXPECT_FALSE(dashboard.previous_kpis.average_receipt.has_value());
  EXPECT_FALSE(dashboard.previous_kpis.card_share.has_value());
  EXPECT_FALSE(dashboard.previous_kpis.promo_share.has_value());
  EXPECT_FALSE(relative_change(static_cast<double>(dashboard.kpis.net_revenue),
                               static_cast<double>(dashboard.previous_kpis.net_revenue))
                   .has_value());
}

TEST(DashboardKpis, PeriodIncludesBothDays) {
  SalesFixture sales;
  sales.add({.receipt = "A", .time = "2026-03-01 23:59:59", .amount = 1});
  sales.add({.receipt = "B", .time = "2026-03-02 00:00:00", .amount = 10});
  sales.add({.receipt = "C", .time = "2026-03-05 23:59:59", .amount = 100});
  sales.add({.receipt = "D", .time = "2026-03-06 00:00:00", .amount = 1000});
  const auto engine = sales.load_engine();
  const Kpis kpis = engine->dashboard(period("2026-03-02", "2026-03-05")).kpis;
  EXPECT_EQ(kpis.net_revenue, 110);
  EXPECT_EQ(kpis.receipts, 2);
  EXPECT_EQ(kpis.lines, 2);
}

TEST(DashboardKpis, PreviousPeriodHasEqualLength) {
  SalesFixture sales;
  sales.add({.receipt = "A", .time = "2026-01-28 12:00:00", .amount = 1});
  sales.add({.receipt = "B", .time = "2026-01-29 12:00:00", .amount = 10});
  sales.add({.receipt = "C", .time = "2026-02-28 12:00:00", .amount = 100});
  sales.add({.receipt = "D", .time = "2026-03-01 12:00:00", .amount = 1000});
  sales.add({.receipt = "E", .time = "2026-03-31 12:00:00", .amount = 3000});
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2026-03-01", "2026-03-31"));

  // 31 days: the previous period is 2026-01-29 through 2026-02-28.
  EXPECT_EQ(dashboard.previous_from_day, day_of("2026-01-29"));
  EXPECT_EQ(dashboard.previous_to_day, day_of("2026-02-28"));
  EXPECT_EQ(dashboard.kpis.net_revenue, 4000);
  EXPECT_EQ(dashboard.previous_kpis.net_revenue, 110);
  EXPECT_EQ(dashboard.previous_kpis.receipts, 2);
  const auto change = relative_change(static_cast<double>(dashboard.kpis.net_revenue),
                                      static_cast<double>(dashboard.previous_kpis.net_revenue));
  ASSERT_TRUE(change.has_value());
  EXPECT_DOUBLE_EQ(*change, (4000.0 - 110.0) / 110.0);
}

TEST(DashboardKpis, ReturnsOnlyHaveNoAverage) {
  SalesFixture sales;
  sales.add({.receipt = "R", .card = "2000000000017", .quantity = -2000, .amount = -3000});
  const auto engine = sales.load_engine();
  const Kpis kpis = engine->dashboard(period("2026-03-02", "2026-03-02")).kpis;
  EXPECT_EQ(kpis.net_revenue, -3000);
  EXPECT_EQ(kpis.returns, 3000);
  EXPECT_EQ(kpis.gross_sales, 0);
  EXPECT_EQ(kpis.receipts, 0);
  EXPECT_EQ(kpis.return_receipts, 1);
  EXPECT_EQ(kpis.customers, 0);
  EXPECT_EQ(kpis.products, 0);
  EXPECT_EQ(kpis.units, -2000);
  EXPECT_FALSE(kpis.average_receipt.has_value());
  EXPECT_FALSE(kpis.card_share.has_value());  // net revenue is not positive
  EXPECT_FALSE(kpis.promo_share.has_value());
}

TEST(DashboardKpis, RelativeChangeOnZeroOrNegativeBase) {
  EXPECT_FALSE(relative_change(5.0, 0.0).has_value());
  EXPECT_FALSE(relative_change(5.0, -1.0).has_value());
  EXPECT_FALSE(relative_change(std::nullopt, 3.0).has_value());
  EXPECT_FALSE(relative_change(3.0, std::nullopt).has_value());
  ASSERT_TRUE(relative_change(6.0, 4.0).has_value());
  EXPECT_DOUBLE_EQ(*relative_change(6.0, 4.0), 0.5);
  EXPECT_DOUBLE_EQ(*relative_change(0.0, 4.0), -1.0);
}

TEST(DashboardKpis, AverageRoundsHalfAwayFromZero) {
  SalesFixture sales;
  // (12345 + 10) / 2 = 6177.5 thousandths = 6.1775 EUR, 6.18 to the cent.
  sales.add({.receipt = "A", .amount = 12345});
  sales.add({.receipt = "B", .amount = 10});
  // Two receipts of 0.005 and 0.010: 0.0075, 0.01 to the cent.
  sales.add({.receipt = "C", .time = "2026-03-03 10:00:00", .amount = 5});
  sales.add({.receipt = "D", .time = "2026-03-03 10:00:00", .amount = 10});
  const auto engine = sales.load_engine();
  EXPECT_EQ(engine->dashboard(period("2026-03-02", "2026-03-02")).kpis.average_receipt, 6180);
  EXPECT_EQ(engine->dashboard(period("2026-03-03", "2026-03-03")).kpis.average_receipt, 10);
}

TEST(DashboardKpis, AmountsBeyond32BitsStayExact) {
  SalesFixture sales;
  // 3,000,000.001 EUR and -2,500,000.000 EUR do not fit a 32-bit count of thousandths.
  sales.add({.receipt = "A", .quantity = 3'000'000'000, .amount = 3'000'000'001});
  sales.add({.receipt = "B", .quantity = -1000, .amount = -2'500'000'000});
  sales.add({.receipt = "C", .discount = 2'147'483'648, .amount = 1});
  const auto engine = sales.load_engine();
  const Kpis kpis = engine->dashboard(period("2026-03-02", "2026-03-02")).kpis;
  EXPECT_EQ(kpis.net_revenue, 500'000'002);
  EXPECT_EQ(kpis.units, 3'000'000'000);
  EXPECT_EQ(kpis.discount, 2'147'483'648);
  EXPECT_EQ(kpis.returns, 2'500'000'000);
}

TEST(DashboardKpis, NoLinesBeforeLoad) {
  SalesFixture sales;
  add_mixed_week(sales);
  sales.write();
  SalesEngine engine(sales.zone());
  EXPECT_FALSE(engine.ready());
  EXPECT_EQ(engine.dashboard(period("2026-03-02", "2026-03-05")).kpis.lines, 0);
  engine.load(sales.database());
  EXPECT_TRUE(engine.ready());
  EXPECT_EQ(engine.dashboard(period("2026-03-02", "2026-03-05")).kpis.lines, 6);
}

TEST(DashboardKpis, ReversedPeriodSelectsNothing) {
  SalesFixture sales;
  add_mixed_week(sales);
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(period("2026-03-05", "2026-03-02"));
  EXPECT_EQ(dashboard.kpis.lines, 0);
  EXPECT_TRUE(dashboard.series.empty());
}

}  // namespace
}  // namespace imagross::analytics
