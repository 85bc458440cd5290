// The tables and filters of the dashboard and the product list, on lines small enough to count
// by hand.

#include <gtest/gtest.h>

#include "analytics/sales_engine.h"
#include "analytics/testing/sales_fixture.h"

namespace imagross::analytics {
namespace {

using testing::day_of;
using testing::SalesFixture;

constexpr std::string_view kCard1 = "2000000000017";
constexpr std::string_view kCard2 = "2000000000024";

SalesFilter march_second() {
  return testing::period("2026-03-02", "2026-03-02");
}

// Three receipts of Monday 2026-03-02, amounts in thousandths:
// - R1, PV01, card 1: P1 Ortofrutta 500 (PR1, discount 50), P2 Latticini 300, a P2 return -100.
// - R2, PV01, card 2: P3 Ortofrutta 500, P1 Ortofrutta 200 (PR1, discount 20).
// - R3, PV02, no card: P2 Latticini 400 (PR2, discount 40), P4 Bevande 1000.
void add_three_receipts(SalesFixture& sales) {
  const std::string card1(kCard1);
  const std::string card2(kCard2);
  sales.add({.receipt = "R1",
             .card = card1,
             .product = "P1",
             .name = "Mele Golden",
             .discount = 50,
             .amount = 500,
             .promo = "PR1"});
  sales.add({.receipt = "R1",
             .card = card1,
             .product = "P2",
             .name = "Latte Intero",
             .department = "Latticini",
             .amount = 300});
  sales.add({.receipt = "R1",
             .card = card1,
             .product = "P2",
             .name = "Latte Intero",
             .department = "Latticini",
             .quantity = -1000,
             .amount = -100});
  sales.add({.receipt = "R2",
             .time = "2026-03-02 17:00:00",
             .card = card2,
             .product = "P3",
             .name = "Caffè Qualità Rossa",
             .amount = 500});
  sales.add({.receipt = "R2",
             .time = "2026-03-02 17:00:00",
             .card = card2,
             .product = "P1",
             .name = "Mele Golden",
             .quantity = 2000,
             .discount = 20,
             .amount = 200,
             .promo = "PR1"});
  sales.add({.receipt = "R3",
             .time = "2026-03-02 18:00:00",
             .store = "PV02",
             .product = "P2",
             .name = "Latte Intero",
             .department = "Latticini",
             .discount = 40,
             .amount = 400,
             .promo = "PR2"});
  sales.add({.receipt = "R3",
             .time = "2026-03-02 18:00:00",
             .store = "PV02",
             .product = "P4",
             .name = "Acqua Frizzante",
             .department = "Bevande",
             .amount = 1000});
}

TEST(DashboardTables, TopProductsByRevenueThenCode) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(march_second(), 3);

  // P4 1000; P1 500 + 200 = 700; P2 300 - 100 + 400 = 600; P3 500.
  ASSERT_EQ(dashboard.top_products.size(), 3u);
  EXPECT_EQ(dashboard.top_products[0].code, "P4");
  EXPECT_EQ(dashboard.top_products[0].department, "Bevande");
  EXPECT_EQ(dashboard.top_products[1].code, "P1");
  EXPECT_EQ(dashboard.top_products[1].name, "Mele Golden");
  EXPECT_EQ(dashboard.top_products[1].net_revenue, 700);
  EXPECT_EQ(dashboard.top_products[1].units, 3000);
  EXPECT_EQ(dashboard.top_products[1].receipts, 2);
  EXPECT_EQ(dashboard.top_products[2].code, "P2");
  EXPECT_EQ(dashboard.top_products[2].net_revenue, 600);
  EXPECT_EQ(dashboard.top_products[2].units, 1000);
  EXPECT_EQ(dashboard.top_products[2].receipts, 2);  // the return is no purchase
}

TEST(DashboardTables, DepartmentsStoresPromotions) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(march_second());

  // Ortofrutta 500 + 500 + 200 = 1200 in R1, R2; Bevande 1000; Latticini 600 in R1, R3.
  ASSERT_EQ(dashboard.departments.size(), 3u);
  EXPECT_EQ(dashboard.departments[0].name, "Ortofrutta");
  EXPECT_EQ(dashboard.departments[0].net_revenue, 1200);
  EXPECT_EQ(dashboard.departments[0].units, 3000 + 1000);
  EXPECT_EQ(dashboard.departments[0].receipts, 2);
  EXPECT_EQ(dashboard.departments[1].name, "Bevande");
  EXPECT_EQ(dashboard.departments[2].name, "Latticini");
  EXPECT_EQ(dashboard.departments[2].units, 1000);
  EXPECT_EQ(dashboard.departments[2].receipts, 2);

  // PV01: 700 + 700 = 1400 over R1, R2 with two card holders, sale amounts (800 + 700) / 2;
  // PV02 ties at 1400 and comes after by code.
  ASSERT_EQ(dashboard.stores.size(), 2u);
  EXPECT_EQ(dashboard.stores[0].code, "PV01");
  EXPECT_EQ(dashboard.stores[0].net_revenue, 1400);
  EXPECT_EQ(dashboard.stores[0].receipts, 2);
  EXPECT_EQ(dashboard.stores[0].customers, 2);
  EXPECT_EQ(dashboard.stores[0].average_receipt, 750);
  EXPECT_EQ(dashboard.stores[1].code, "PV02");
  EXPECT_EQ(dashboard.stores[1].net_revenue, 1400);
  EXPECT_EQ(dashboard.stores[1].customers, 0);
  EXPECT_EQ(dashboard.stores[1].average_receipt, 1400);

  ASSERT_EQ(dashboard.promotions.size(), 2u);
  EXPECT_EQ(dashboard.promotions[0].code, "PR1");
  EXPECT_EQ(dashboard.promotions[0].net_revenue, 700);
  EXPECT_EQ(dashboard.promotions[0].discount, 70);
  EXPECT_EQ(dashboard.promotions[0].receipts, 2);
  EXPECT_EQ(dashboard.promotions[1].code, "PR2");
  EXPECT_EQ(dashboard.promotions[1].discount, 40);
}

TEST(DashboardTables, WeekdayHourIsLocal) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();
  const Dashboard dashboard = engine->dashboard(march_second());
  // Monday: R1 at 10 (700), R2 at 17 (700), R3 at 18 (1400).
  EXPECT_EQ(dashboard.weekday_hour[0][10], 700);
  EXPECT_EQ(dashboard.weekday_hour[0][17], 700);
  EXPECT_EQ(dashboard.weekday_hour[0][18], 1400);
  EXPECT_EQ(dashboard.weekday_hour[1][10], 0);
}

TEST(DashboardFilters, StoreDepartmentCardPromotion) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();

  SalesFilter by_store = march_second();
  by_store.store_ids = {*engine->find_store("PV02")};
  EXPECT_EQ(engine->dashboard(by_store).kpis.net_revenue, 1400);
  EXPECT_EQ(engine->dashboard(by_store).kpis.receipts, 1);

  // Under a department filter a receipt counts only through its lines of that department.
  SalesFilter by_department = march_second();
  by_department.department_ids = {*engine->find_department("Latticini")};
  const Kpis latticini = engine->dashboard(by_department).kpis;
  EXPECT_EQ(latticini.net_revenue, 600);
  EXPECT_EQ(latticini.receipts, 2);
  EXPECT_EQ(latticini.products, 1);
  EXPECT_EQ(latticini.lines, 3);

  SalesFilter cards = march_second();
  cards.cards_only = true;
  const Kpis card_kpis = engine->dashboard(cards).kpis;
  EXPECT_EQ(card_kpis.net_revenue, 1400);
  EXPECT_EQ(card_kpis.customers, 2);
  EXPECT_DOUBLE_EQ(*card_kpis.card_share, 1.0);

  SalesFilter promo = march_second();
  promo.promo_only = true;
  promo.store_ids = {*engine->find_store("PV01"), *engine->find_store("PV02")};
  const Kpis promo_kpis = engine->dashboard(promo).kpis;
  EXPECT_EQ(promo_kpis.net_revenue, 1100);
  EXPECT_EQ(promo_kpis.receipts, 3);
  EXPECT_EQ(promo_kpis.discount, 110);

  SalesFilter unknown_store = march_second();
  unknown_store.store_ids = {9999};
  EXPECT_EQ(engine->dashboard(unknown_store).kpis.lines, 0);
}

TEST(ProductList, SearchIgnoresCaseAndAccents) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();
  ProductQuery query;
  query.filter = march_second();

  query.search = "CAFFE QUALITA";
  ProductPage page = engine->products(query);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].code, "P3");

  query.search = "latte";
  page = engine->products(query);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].code, "P2");

  query.search = "p4";  // codes match too
  EXPECT_EQ(engine->products(query).total, 1);

  query.search = "zzz";
  page = engine->products(query);
  EXPECT_EQ(page.total, 0);
  EXPECT_TRUE(page.rows.empty());
}

TEST(ProductList, SortAndPage) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();
  ProductQuery query;
  query.filter = march_second();
  query.sort = ProductSort::name;
  query.descending = false;
  query.offset = 1;
  query.limit = 2;

  // By name: Acqua Frizzante (P4), Caffè Qualità Rossa (P3), Latte Intero (P2), Mele (P1).
  ProductPage page = engine->products(query);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.rows.size(), 2u);
  EXPECT_EQ(page.rows[0].code, "P3");
  EXPECT_EQ(page.rows[1].code, "P2");

  // Units descending: P1 3000, then P2, P3 and P4 tie at 1000 and go by code.
  query.sort = ProductSort::units;
  query.descending = true;
  query.offset = 0;
  query.limit = 10;
  page = engine->products(query);
  ASSERT_EQ(page.rows.size(), 4u);
  EXPECT_EQ(page.rows[0].code, "P1");
  EXPECT_EQ(page.rows[1].code, "P2");
  EXPECT_EQ(page.rows[2].code, "P3");
  EXPECT_EQ(page.rows[3].code, "P4");

  query.offset = 10;
  page = engine->products(query);
  EXPECT_EQ(page.total, 4);
  EXPECT_TRUE(page.rows.empty());
}

TEST(SalesEngineCatalog, StoresDepartmentsCoverage) {
  SalesFixture sales;
  add_three_receipts(sales);
  const auto engine = sales.load_engine();
  EXPECT_EQ(engine->stores().size(), 2u);
  EXPECT_EQ(engine->departments().size(), 3u);
  EXPECT_TRUE(engine->find_store("PV01").has_value());
  EXPECT_FALSE(engine->find_store("PV99").has_value());
  EXPECT_FALSE(engine->find_department("Pescheria").has_value());
  const SalesCoverage coverage = engine->coverage();
  EXPECT_EQ(coverage.first_day, day_of("2026-03-02"));
  EXPECT_EQ(coverage.last_day, day_of("2026-03-02"));
  EXPECT_EQ(coverage.lines, 7);
  EXPECT_GT(engine->memory_bytes(), 0u);
}

}  // namespace
}  // namespace imagross::analytics
