#include "export/dashboard_tables.h"

#include <gtest/gtest.h>

namespace imagross {
namespace {

TEST(DashboardTables, ParsesEveryName) {
  for (const auto* name : {"kpis", "series", "top_products", "products", "departments", "stores",
                           "promotions", "weekday_hour"}) {
    const auto table = parse_table_name(name);
    ASSERT_TRUE(table) << name;
    EXPECT_EQ(table_name(*table), name);
  }
  EXPECT_FALSE(parse_table_name("Kpis"));
  EXPECT_FALSE(parse_table_name(""));
}

TEST(DashboardTables, KpisCompareWithPreviousPeriod) {
  Dashboard dashboard;
  dashboard.kpis.net_revenue = 110000;
  dashboard.previous_kpis.net_revenue = 100000;
  dashboard.kpis.receipts = 5;
  dashboard.previous_kpis.receipts = 0;
  const auto table = dashboard_table(DashboardTable::kpis, dashboard);
  ASSERT_EQ(table.columns.size(), 4u);
  const auto& revenue = table.rows[0];
  EXPECT_EQ(revenue[0].text, "net_revenue");
  EXPECT_EQ(revenue[1].type, CellType::money);
  EXPECT_EQ(revenue[1].number, 110000);
  EXPECT_DOUBLE_EQ(revenue[3].fraction, 0.1);
  const auto& receipts = table.rows[4];
  EXPECT_EQ(receipts[0].text, "receipts");
  EXPECT_EQ(receipts[3].type, CellType::empty);  // a change on a zero base is not available
}

TEST(DashboardTables, KpisLeaveMissingAveragesEmpty) {
  Dashboard dashboard;
  const auto table = dashboard_table(DashboardTable::kpis, dashboard);
  const auto& average = table.rows[6];
  EXPECT_EQ(average[0].text, "average_receipt");
  EXPECT_EQ(average[1].type, CellType::empty);
  EXPECT_EQ(average[3].type, CellType::empty);
}

TEST(DashboardTables, WeekdayHourHasSevenRowsOf24Hours) {
  Dashboard dashboard;
  dashboard.weekday_hour[6][23] = 1250;
  const auto table = dashboard_table(DashboardTable::weekday_hour, dashboard);
  ASSERT_EQ(table.columns.size(), 25u);
  EXPECT_EQ(table.columns[1].name, "00");
  EXPECT_EQ(table.columns[24].name, "23");
  ASSERT_EQ(table.rows.size(), 7u);
  EXPECT_EQ(table.rows[6][0].text, "Sunday");
  EXPECT_EQ(table.rows[6][24].number, 1250);
}

TEST(DashboardTables, StoresCarryOptionalAverage) {
  Dashboard dashboard;
  dashboard.stores.push_back(StoreRow{1, "PV01", "Centro", 5000, 2, 1, 2500});
  dashboard.stores.push_back(StoreRow{2, "PV02", "PV02", -300, 0, 0, std::nullopt});
  const auto table = dashboard_table(DashboardTable::stores, dashboard);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][5].number, 2500);
  EXPECT_EQ(table.rows[1][5].type, CellType::empty);
}

TEST(DashboardTables, ProductsTableFromPage) {
  ProductPage page;
  page.rows.push_back(ProductRow{3, "0012", "Latte", "Latticini", 2310400, 1540000, 1311});
  const auto table = products_table(page);
  EXPECT_EQ(table.name, "products");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0][0].text, "0012");
  EXPECT_EQ(table.rows[0][4].type, CellType::quantity);
}

}  // namespace
}  // namespace imagross
