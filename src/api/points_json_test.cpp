#include "api/points_json.h"

#include <gtest/gtest.h>

#include "api/points_support.h"

namespace imagross::api {
namespace {

TEST(EurosText, CentsOrThousandths) {
  EXPECT_EQ(euros_text(12300), "12.30");
  EXPECT_EQ(euros_text(0), "0.00");
  EXPECT_EQ(euros_text(10), "0.01");
  EXPECT_EQ(euros_text(5), "0.005");
  EXPECT_EQ(euros_text(-1500), "-1.50");
}

points::MemberPointsView sample_view() {
  points::MemberPointsView view;
  view.points.balance = -20;
  view.points.available = 0;
  view.points.owed = 20;
  view.points.expiring = {{"2027-03-01", 40}};
  view.tier.name = "Silver";
  view.tier.since = "2026-05-02";
  view.tier.multiplier = 1250;
  view.tier.qualifying_total = 640;
  view.tier.next = points::TierLevel{"Gold", 1000, 1500};
  view.tier.missing = 360;
  view.point_value = 10;
  return view;
}

TEST(PointsViewJson, PointsBasisTier) {
  const boost::json::object json = points_view_json(sample_view());
  EXPECT_EQ(json.at("balance").as_int64(), -20);
  EXPECT_EQ(json.at("owed").as_int64(), 20);
  EXPECT_EQ(json.at("point_value").as_string(), "0.01");
  EXPECT_EQ(json.at("value").as_string(), "0.00");
  EXPECT_TRUE(json.at("season").is_null());
  EXPECT_TRUE(json.at("expiring_soon").at("expires_on").is_null());
  EXPECT_EQ(json.at("expiring").as_array().at(0).at("expires_on").as_string(), "2027-03-01");
  const boost::json::object& tier = json.at("tier").as_object();
  EXPECT_EQ(tier.at("multiplier").as_string(), "1.25");
  EXPECT_EQ(tier.at("basis").as_string(), "points");
  EXPECT_EQ(tier.at("qualifying_total").as_int64(), 640);
  EXPECT_EQ(tier.at("next").at("threshold").as_int64(), 1000);
  EXPECT_EQ(tier.at("next").at("missing").as_int64(), 360);
}

TEST(PointsViewJson, SpendBasisTierInEuros) {
  points::MemberPointsView view = sample_view();
  view.tier.basis = points::TierBasis::spend;
  view.tier.multiplier = 1000;
  view.tier.qualifying_total = 640500;
  view.tier.next->threshold = 1000000;
  view.tier.missing = 359500;
  const boost::json::object tier = points_view_json(view).at("tier").as_object();
  EXPECT_EQ(tier.at("multiplier").as_string(), "1.00");
  EXPECT_EQ(tier.at("basis").as_string(), "spend");
  EXPECT_EQ(tier.at("qualifying_total").as_string(), "640.50");
  EXPECT_EQ(tier.at("next").at("threshold").as_string(), "1000.00");
  EXPECT_EQ(tier.at("next").at("missing").as_string(), "359.50");
}

TEST(PointsViewJson, NoTierIsNull) {
  points::MemberPointsView view;
  const boost::json::object tier = points_view_json(view).at("tier").as_object();
  EXPECT_TRUE(tier.at("name").is_null());
  EXPECT_TRUE(tier.at("since").is_null());
  EXPECT_TRUE(tier.at("next").is_null());
}

TEST(FlowsJson, TotalsSumRows) {
  const std::vector<PointsFlow> flows{{"2026-03", 100, 30, 5, 2}, {"2026-04", 50, 10, 0, 1}};
  const boost::json::object json = flows_json(flows, "month");
  EXPECT_EQ(json.at("granularity").as_string(), "month");
  EXPECT_EQ(json.at("rows").as_array().size(), 2u);
  const boost::json::object& totals = json.at("totals").as_object();
  EXPECT_EQ(totals.at("issued").as_int64(), 150);
  EXPECT_EQ(totals.at("redeemed").as_int64(), 40);
  EXPECT_EQ(totals.at("expired").as_int64(), 5);
  EXPECT_EQ(totals.at("reversed").as_int64(), 3);
}

TEST(RedemptionJson, CarriesBarcodeRoute) {
  Redemption redemption;
  redemption.id = 41;
  redemption.copay = 1500;
  redemption.voucher_code = "9912345678903";
  const boost::json::object json = redemption_json(redemption, customer_voucher_barcode_url(41));
  EXPECT_EQ(json.at("barcode_url").as_string(), "/api/v1/me/redemptions/41/barcode.svg");
  EXPECT_EQ(json.at("copay").as_string(), "1.50");
  EXPECT_EQ(json.at("status").as_string(), "issued");
  EXPECT_TRUE(json.at("closed_at").is_null());
  EXPECT_EQ(admin_voucher_barcode_url(41), "/api/v1/redemptions/41/barcode.svg");
}

TEST(PointsError, StatusByCode) {
  EXPECT_EQ(points_error(Error{"reward_not_found", "x"}).status(), 404);
  EXPECT_EQ(points_error(Error{"reason_required", "x"}).status(), 422);
  EXPECT_EQ(points_error(Error{"invalid_receipt", "x"}).status(), 422);
  EXPECT_EQ(points_error(Error{"insufficient_points", "x"}).status(), 409);
  EXPECT_EQ(points_error(Error{"receipt_conflict", "x"}, "lines").parameter(), "lines");
  EXPECT_EQ(points_error(Error{"out_of_stock", "x"}).code(), "out_of_stock");
}

}  // namespace
}  // namespace imagross::api
