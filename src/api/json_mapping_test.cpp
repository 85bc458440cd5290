#include "api/json_mapping.h"

#include <gtest/gtest.h>

#include <limits>

#include <boost/json.hpp>

#include "common/civil_time.h"
#include "http/json.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

std::string text(const json::value& value) {
  return http::to_json_text(value);
}

TEST(JsonMapping, MoneyRoundsToCentsHalfAwayFromZero) {
  EXPECT_EQ(text(money_json(int64_t{123456785})), "123456.79");
  EXPECT_EQ(text(money_json(int64_t{12344})), "12.34");
  EXPECT_EQ(text(money_json(int64_t{-12345})), "-12.35");
  EXPECT_EQ(text(money_json(int64_t{5})), "0.01");
  EXPECT_EQ(text(money_json(int64_t{4})), "0");
  EXPECT_EQ(text(money_json(int64_t{1000})), "1");
}

TEST(JsonMapping, MissingMoneyIsNull) {
  EXPECT_EQ(text(money_json(std::optional<int64_t>())), "null");
  EXPECT_EQ(text(money_json(std::optional<int64_t>(2340))), "2.34");
}

TEST(JsonMapping, QuantityKeepsThousandths) {
  EXPECT_EQ(text(quantity_json(40211532)), "40211.532");
  EXPECT_EQ(text(quantity_json(-1000)), "-1");
}

TEST(JsonMapping, ChangeIsNullOnZeroOrNegativeBase) {
  EXPECT_EQ(text(change_json(110.0, 100.0)), "0.1");
  EXPECT_EQ(text(change_json(5.0, 0.0)), "null");
  EXPECT_EQ(text(change_json(5.0, -3.0)), "null");
  EXPECT_EQ(text(change_json(std::nullopt, 3.0)), "null");
  EXPECT_EQ(text(change_json(0.0, 4.0)), "-1");
}

TEST(JsonMapping, RatioNeverCarriesNonFiniteValues) {
  EXPECT_EQ(text(ratio_json(std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(text(ratio_json(std::numeric_limits<double>::quiet_NaN())), "null");
  EXPECT_EQ(text(ratio_json(0.7123456789)), "0.712346");
}

TEST(JsonMapping, KpisCarryEveryField) {
  Kpis kpis;
  kpis.net_revenue = 8220;
  kpis.average_receipt = std::nullopt;
  kpis.card_share = 0.5;
  const auto object = kpis_json(kpis);
  for (const auto* field : {"net_revenue", "gross_sales", "returns", "discount", "receipts",
                            "return_receipts", "average_receipt", "units", "customers", "products",
                            "lines", "card_share", "promo_share"}) {
    EXPECT_TRUE(object.contains(field)) << field;
  }
  EXPECT_EQ(text(object.at("net_revenue")), "8.22");
  EXPECT_TRUE(object.at("average_receipt").is_null());
  EXPECT_TRUE(object.at("promo_share").is_null());
}

TEST(JsonMapping, DashboardHasDocumentedShape) {
  Dashboard dashboard;
  dashboard.filter.from_day = days_from_civil({2026, 11, 1});
  dashboard.filter.to_day = days_from_civil({2026, 11, 30});
  dashboard.previous_from_day = days_from_civil({2026, 10, 2});
  dashboard.previous_to_day = days_from_civil({2026, 10, 31});
  dashboard.kpis.receipts = 10;
  dashboard.previous_kpis.receipts = 0;
  dashboard.series.push_back({dashboard.filter.from_day, 4123500, 180});
  dashboard.stores.push_back({7, "PV07", "PV07", 1000, 1, 1, std::nullopt});
  dashboard.weekday_hour[0][9] = 1500;
  ParsedFilter filter;
  filter.filter = dashboard.filter;
  filter.stores = {"PV07"};

  const auto object = dashboard_json(dashboard, filter, "Europe/Rome");

  EXPECT_EQ(
      text(object.at("filter")),
      R"({"from":"2026-11-01","to":"2026-11-30","stores":["PV07"],"departments":[],"cards_only":false,"promo_only":false})");
  EXPECT_EQ(text(object.at("previous_period")), R"({"from":"2026-10-02","to":"2026-10-31"})");
  EXPECT_EQ(object.at("currency"), "EUR");
  EXPECT_EQ(object.at("time_zone"), "Europe/Rome");
  EXPECT_TRUE(object.at("changes").at("receipts").is_null());
  EXPECT_EQ(
      text(object.at("series")),
      R"({"granularity":"day","points":[{"start":"2026-11-01","net_revenue":4123.5,"receipts":180}]})");
  EXPECT_TRUE(object.at("stores").at(0).at("average_receipt").is_null());
  ASSERT_EQ(object.at("weekday_hour").as_array().size(), 7u);
  ASSERT_EQ(object.at("weekday_hour").at(0).as_array().size(), 24u);
  EXPECT_EQ(text(object.at("weekday_hour").at(0).at(9)), "1.5");
}

TEST(JsonMapping, ProductWithoutDepartmentIsNull) {
  const auto object = product_json(ProductRow{1, "0012", "Latte", "", 2310400, 1540000, 1311});
  EXPECT_EQ(
      text(object),
      R"({"code":"0012","name":"Latte","department":null,"net_revenue":2310.4,"units":1540,"receipts":1311})");
}

TEST(JsonMapping, CoverageWithoutDataHasNullDays) {
  EXPECT_EQ(text(coverage_json(SalesCoverage{}, "Europe/Rome")),
            R"({"first_day":null,"last_day":null,"lines":0,"time_zone":"Europe/Rome"})");
}

TEST(JsonMapping, ImportShowsPhaseAndPercent) {
  ImportRecord record;
  record.id = 5;
  record.source_name = "sales.csv";
  record.bytes_total = 1000;
  record.bytes_read = 333;
  record.rejected = 2;
  record.reject_report = "data/rejects/import-5-rejects.csv";
  record.options = R"({"preset":""})";

  auto object = import_json(record, ImportPhase::queued);
  EXPECT_EQ(object.at("status"), "queued");
  object = import_json(record, ImportPhase::running);
  EXPECT_EQ(object.at("status"), "running");
  EXPECT_EQ(text(object.at("percent")), "33.3");
  EXPECT_EQ(object.at("rejects_url"), "/api/v1/imports/5/rejects");
  EXPECT_TRUE(object.at("finished_at").is_null());
  EXPECT_EQ(text(object.at("options")), R"({"preset":""})");
  EXPECT_EQ(text(object).find("data/rejects"), std::string::npos);  // no server paths

  record.status = ImportStatus::completed;
  EXPECT_EQ(text(import_json(record, ImportPhase::finished).at("percent")), "100");
}

TEST(JsonMapping, PageCountsPages) {
  const auto object = page_json(json::array{}, 2, 20, 41);
  EXPECT_EQ(text(object), R"({"items":[],"page":2,"page_size":20,"total":41,"pages":3})");
}

}  // namespace
}  // namespace imagross::api
