#include "http/router.h"

#include <gtest/gtest.h>

namespace imagross::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return json_response(200, name); };
}

std::string run(const RouteMatch& match) {
  Request request;
  return match.route->handler(request).body;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("GET", "/api/v1/imports", named("list"));
    router_.add("POST", "/api/v1/imports", named("create"));
    router_.add("GET", "/api/v1/imports/{id}", named("one"));
    router_.add("GET", "/api/v1/imports/{id}/rejects", named("rejects"));
    router_.set_fallback(named("static"), {"/api/", "/health/"});
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralRoutes) {
  const auto match = router_.match("GET", "/api/v1/imports");
  ASSERT_EQ(match.status, 200);
  EXPECT_EQ(run(match), "list");
  EXPECT_EQ(run(router_.match("POST", "/api/v1/imports")), "create");
}

TEST_F(RouterTest, CapturesPathParameters) {
  const auto match = router_.match("GET", "/api/v1/imports/42/rejects");
  ASSERT_EQ(match.status, 200);
  EXPECT_EQ(run(match), "rejects");
  ASSERT_EQ(match.path_params.size(), 1u);
  EXPECT_EQ(match.path_params[0].first, "id");
  EXPECT_EQ(match.path_params[0].second, "42");
}

TEST_F(RouterTest, ParameterNeedsNonEmptySegment) {
  EXPECT_EQ(router_.match("GET", "/api/v1/imports/").status, 404);
}

TEST_F(RouterTest, HeadUsesGetRoute) {
  EXPECT_EQ(run(router_.match("HEAD", "/api/v1/imports/7")), "one");
}

TEST_F(RouterTest, WrongMethodListsAllowed) {
  const auto match = router_.match("DELETE", "/api/v1/imports");
  EXPECT_EQ(match.status, 405);
  EXPECT_EQ(match.allow, "GET, HEAD, POST");
  EXPECT_EQ(router_.match("POST", "/api/v1/imports/7").allow, "GET, HEAD");
}

TEST_F(RouterTest, UnknownApiPathIs404) {
  EXPECT_EQ(router_.match("GET", "/api/v1/nothing").status, 404);
  EXPECT_EQ(router_.match("GET", "/health/other").status, 404);
  EXPECT_EQ(router_.match("GET", "/api/v1/imports/1/2/3").status, 404);
}

TEST_F(RouterTest, OtherPathsGoToFallback) {
  EXPECT_EQ(run(router_.match("GET", "/")), "static");
  EXPECT_EQ(run(router_.match("GET", "/dashboard/stores")), "static");
  EXPECT_EQ(router_.match("POST", "/dashboard").status, 405);
  EXPECT_EQ(router_.match("POST", "/dashboard").allow, "GET, HEAD");
}

TEST(Router, WithoutFallbackUnknownIs404) {
  Router router;
  router.add("GET", "/a", named("a"));
  EXPECT_EQ(router.match("GET", "/b").status, 404);
  EXPECT_EQ(router.match("GET", "").status, 404);
  EXPECT_EQ(router.match("GET", "a").status, 404);
}

}  // namespace
}  // namespace imagross::http
