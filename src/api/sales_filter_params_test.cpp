#include "api/sales_filter_params.h"

#include <gtest/gtest.h>

#include <map>

#include "common/civil_time.h"
#include "http/errors.h"

namespace imagross::api {
namespace {

class FakeCatalog final : public SalesCatalog {
 public:
  std::optional<int32_t> find_store(std::string_view code) const override {
    const auto it = stores_.find(std::string(code));
    return it == stores_.end() ? std::nullopt : std::optional<int32_t>(it->second);
  }
  std::optional<int32_t> find_department(std::string_view name) const override {
    return name == "Ortofrutta" ? std::optional<int32_t>(3) : std::nullopt;
  }
  std::optional<int32_t> last_sales_day() const override { return last_day; }
  int32_t today() const override { return days_from_civil({2026, 12, 4}); }

  std::optional<int32_t> last_day = days_from_civil({2026, 11, 30});

 private:
  std::map<std::string, int32_t> stores_{{"PV01", 1}, {"PV07", 7}};
};

ParsedFilter parse(const http::QueryParams& params, const FakeCatalog& catalog = {}) {
  static const auto accepted = with_filter_parameters({});
  return parse_sales_filter(QueryReader(params, accepted), catalog);
}

std::string failing_parameter(const http::QueryParams& params) {
  try {
    parse(params);
  } catch (const http::HttpError& error) {
    EXPECT_EQ(error.status(), 400);
    return error.parameter();
  }
  return "(no error)";
}

TEST(SalesFilterParams, ReadsFullFilter) {
  const auto parsed = parse({{"from", "2026-11-01"},
                             {"to", "2026-11-30"},
                             {"store", "PV07"},
                             {"store", "PV01"},
                             {"store", "PV07"},
                             {"department", "Ortofrutta"},
                             {"cards_only", "true"}});
  EXPECT_EQ(parsed.filter.from_day, days_from_civil({2026, 11, 1}));
  EXPECT_EQ(parsed.filter.to_day, days_from_civil({2026, 11, 30}));
  EXPECT_EQ(parsed.filter.store_ids, (std::vector<int32_t>{7, 1}));
  EXPECT_EQ(parsed.stores, (std::vector<std::string>{"PV07", "PV01"}));
  EXPECT_EQ(parsed.filter.department_ids, (std::vector<int32_t>{3}));
  EXPECT_TRUE(parsed.filter.cards_only);
  EXPECT_FALSE(parsed.filter.promo_only);
}

TEST(SalesFilterParams, DefaultsToThirtyDaysEndingOnLastSale) {
  const auto parsed = parse({});
  EXPECT_EQ(parsed.filter.to_day, days_from_civil({2026, 11, 30}));
  EXPECT_EQ(parsed.filter.from_day, days_from_civil({2026, 11, 1}));
}

TEST(SalesFilterParams, DefaultsToTodayWithoutSales) {
  FakeCatalog empty;
  empty.last_day = std::nullopt;
  const auto parsed = parse({}, empty);
  EXPECT_EQ(parsed.filter.to_day, days_from_civil({2026, 12, 4}));
}

TEST(SalesFilterParams, SingleDayPeriodIsValid) {
  const auto parsed = parse({{"from", "2026-03-29"}, {"to", "2026-03-29"}});
  EXPECT_EQ(parsed.filter.from_day, parsed.filter.to_day);
}

TEST(SalesFilterParams, RejectsBadInput) {
  EXPECT_EQ(failing_parameter({{"from", "2026-11-01"}}), "to");
  EXPECT_EQ(failing_parameter({{"to", "2026-11-01"}}), "from");
  EXPECT_EQ(failing_parameter({{"from", "2026-11-02"}, {"to", "2026-11-01"}}), "from");
  EXPECT_EQ(failing_parameter({{"from", "2000-01-01"}, {"to", "2026-11-01"}}), "to");
  EXPECT_EQ(failing_parameter({{"from", "2026-02-30"}, {"to", "2026-03-01"}}), "from");
  EXPECT_EQ(failing_parameter({{"store", "PV99"}}), "store");
  EXPECT_EQ(failing_parameter({{"department", "ortofrutta"}}), "department");
  EXPECT_EQ(failing_parameter({{"cards_only", "1"}}), "cards_only");
  EXPECT_EQ(failing_parameter({{"promo_only", "true"}, {"promo_only", "true"}}), "promo_only");
  EXPECT_EQ(
      failing_parameter({{"from", "2026-11-01"}, {"from", "2026-11-02"}, {"to", "2026-11-30"}}),
      "from");
}

TEST(SalesFilterParams, MessageNamesUnknownStore) {
  try {
    parse({{"store", "PV99"}});
    FAIL() << "expected an error";
  } catch (const http::HttpError& error) {
    EXPECT_STREQ(error.what(), "unknown store 'PV99'; GET /api/v1/stores lists them");
  }
}

TEST(SalesFilterParams, AcceptsLongestPeriod) {
  const int32_t from = days_from_civil({2016, 1, 1});
  const auto to = format_iso_date(from + kMaxPeriodDays - 1);
  EXPECT_NO_THROW(parse({{"from", "2016-01-01"}, {"to", to}}));
  EXPECT_EQ(
      failing_parameter({{"from", "2016-01-01"}, {"to", format_iso_date(from + kMaxPeriodDays)}}),
      "to");
}

Principal store_admin(std::vector<std::string> stores) {
  return Principal{2, Role::store_admin, std::nullopt, std::move(stores)};
}

ParsedFilter parse_for(const Principal& principal, const http::QueryParams& params) {
  static const auto accepted = with_filter_parameters({});
  return parse_sales_filter(QueryReader(params, accepted), FakeCatalog{}, principal);
}

int status_for(const Principal& principal, const http::QueryParams& params) {
  try {
    parse_for(principal, params);
  } catch (const http::HttpError& error) {
    return error.status();
  }
  return 200;
}

TEST(SalesFilterScope, SuperAdminKeepsRequestedStores) {
  const Principal super_admin{1, Role::super_admin, std::nullopt, {}};
  EXPECT_TRUE(parse_for(super_admin, {}).filter.store_ids.empty());
  EXPECT_EQ(parse_for(super_admin, {{"store", "PV07"}}).filter.store_ids,
            (std::vector<int32_t>{7}));
}

TEST(SalesFilterScope, StoreAdminDefaultsToOwnStores) {
  const auto parsed = parse_for(store_admin({"PV07", "PV99"}), {});
  // PV99 has no sales, so only PV07 is looked up.
  EXPECT_EQ(parsed.filter.store_ids, (std::vector<int32_t>{7}));
  EXPECT_EQ(parsed.stores, (std::vector<std::string>{"PV07"}));
}

TEST(SalesFilterScope, StoreAdminWithoutSalesSelectsNothing) {
  const auto parsed = parse_for(store_admin({"PV99"}), {});
  ASSERT_EQ(parsed.filter.store_ids.size(), 1u);
  EXPECT_LT(parsed.filter.store_ids[0], 0);
  EXPECT_TRUE(parsed.stores.empty());
}

TEST(SalesFilterScope, StoreAdminOutsideOwnStoresIsForbidden) {
  EXPECT_EQ(status_for(store_admin({"PV01"}), {{"store", "PV01"}}), 200);
  EXPECT_EQ(status_for(store_admin({"PV01"}), {{"store", "PV07"}}), 403);
  EXPECT_EQ(status_for(store_admin({"PV01"}), {{"store", "PV01"}, {"store", "PV07"}}), 403);
  // An unknown store outside theirs is 403 too, before it is looked up.
  EXPECT_EQ(status_for(store_admin({"PV01"}), {{"store", "NOPE"}}), 403);
}

TEST(SalesFilterScope, StoreAdminWithNoStoresSelectsNothing) {
  const auto parsed = parse_for(store_admin({}), {});
  ASSERT_EQ(parsed.filter.store_ids.size(), 1u);
  EXPECT_LT(parsed.filter.store_ids[0], 0);
}

}  // namespace
}  // namespace imagross::api
