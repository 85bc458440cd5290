#include "api/member_query_params.h"

#include <gtest/gtest.h>

#include "api/testing/http_error.h"

namespace imagross::api {
namespace {

using testing::error_of;

Principal super_admin() {
  Principal principal;
  principal.role = Role::super_admin;
  return principal;
}

Principal store_admin(std::vector<std::string> stores) {
  Principal principal;
  principal.role = Role::store_admin;
  principal.stores = std::move(stores);
  return principal;
}

MemberQuery read(const http::QueryParams& params, const Principal& principal) {
  static const auto accepted = with_member_filter_parameters({"page"});
  const QueryReader reader(params, accepted);
  return read_member_query(reader, principal);
}

TEST(MemberQueryParams, DefaultsSortByLastName) {
  const MemberQuery query = read({}, super_admin());
  EXPECT_EQ(query.search, "");
  EXPECT_TRUE(query.home_stores.empty());
  EXPECT_EQ(query.sort, MemberSort::last_name);
  EXPECT_FALSE(query.descending);
  EXPECT_FALSE(query.status);
}

TEST(MemberQueryParams, ReadsEveryFilter) {
  const MemberQuery query = read({{"q", "rossi"},
                                  {"store", "PV01"},
                                  {"store", "PV02"},
                                  {"store", "PV01"},
                                  {"signup_from", "2024-01-01"},
                                  {"signup_to", "2024-12-31"},
                                  {"status", "suspended"},
                                  {"sort", "signup_date"},
                                  {"order", "desc"}},
                                 super_admin());
  EXPECT_EQ(query.search, "rossi");
  EXPECT_EQ(query.home_stores, (std::vector<std::string>{"PV01", "PV02"}));
  EXPECT_EQ(query.signup_from, "2024-01-01");
  EXPECT_EQ(query.signup_to, "2024-12-31");
  EXPECT_EQ(query.status, MemberStatus::suspended);
  EXPECT_EQ(query.sort, MemberSort::signup_date);
  EXPECT_TRUE(query.descending);
}

TEST(MemberQueryParams, StoreAdminDefaultsToOwnStores) {
  const MemberQuery query = read({}, store_admin({"PV03", "PV04"}));
  EXPECT_EQ(query.home_stores, (std::vector<std::string>{"PV03", "PV04"}));
}

TEST(MemberQueryParams, StoreAdminOutsideStoresIsForbidden) {
  const auto error = error_of([] { (void)read({{"store", "PV09"}}, store_admin({"PV03"})); });
  EXPECT_EQ(error.status(), 403);
  EXPECT_EQ(error.code(), "forbidden");
}

TEST(MemberQueryParams, StoreAdminWithoutStoresSeesNothing) {
  EXPECT_EQ(error_of([] { (void)read({}, store_admin({})); }).status(), 403);
}

TEST(MemberQueryParams, BadValuesNameTheParameter) {
  const std::vector<std::pair<http::QueryParams, const char*>> cases{
      {{{"q", std::string(201, 'a')}}, "q"},
      {{{"signup_from", "2024-02-30"}}, "signup_from"},
      {{{"signup_from", "2024-05-01"}, {"signup_to", "2024-04-01"}}, "signup_from"},
      {{{"status", "deleted"}}, "status"},
      {{{"sort", "phone"}}, "sort"},
      {{{"order", "up"}}, "order"},
      {{{"store", ""}}, "store"},
      {{{"limit", "5"}}, "limit"},
  };
  for (const auto& [params, parameter] : cases) {
    const auto error = error_of([&] { (void)read(params, super_admin()); });
    EXPECT_EQ(error.status(), 400) << parameter;
    EXPECT_EQ(error.parameter(), parameter);
  }
}

}  // namespace
}  // namespace imagross::api
