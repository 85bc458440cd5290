#include "http/request.h"

#include <gtest/gtest.h>

namespace imagross::http {
namespace {

TEST(ParseTarget, DecodesPathAndQuery) {
  const auto target = parse_target("/a%20b/c?store=PV07&store=PV%2008&q=latte+intero&flag");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/a b/c");
  const QueryParams expected{
      {"store", "PV07"}, {"store", "PV 08"}, {"q", "latte intero"}, {"flag", ""}};
  EXPECT_EQ(target->query, expected);
}

TEST(ParseTarget, DecodesUtf8) {
  const auto target = parse_target("/x?department=Salumeria%20e%20Formaggi&q=citt%C3%A0");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->query[0].second, "Salumeria e Formaggi");
  EXPECT_EQ(target->query[1].second, "città");
}

TEST(ParseTarget, RejectsInvalidTargets) {
  EXPECT_FALSE(parse_target("/x?a=%zz"));
  EXPECT_FALSE(parse_target("/x%"));
  EXPECT_FALSE(parse_target("x"));
  EXPECT_FALSE(parse_target("http://example.com/x"));
  EXPECT_FALSE(parse_target("*"));
}

TEST(Headers, FindsIgnoringCase) {
  Headers headers;
  headers.add("X-Request-Id", "abc");
  headers.add("x-request-id", "second");
  EXPECT_EQ(headers.find("x-REQUEST-id"), "abc");
  EXPECT_FALSE(headers.find("X-Other"));
}

TEST(Request, ReturnsPathParameters) {
  Request request;
  request.path_params = {{"id", "42"}};
  EXPECT_EQ(request.path_param("id"), "42");
  EXPECT_EQ(request.path_param("other"), "");
}

TEST(ParseTarget, EmptySegmentsAreNoParameters) {
  const auto bare = parse_target("/api/v1/members?");
  ASSERT_TRUE(bare);
  EXPECT_TRUE(bare->query.empty());
  const auto doubled = parse_target("/x?a=1&&b=2&");
  ASSERT_TRUE(doubled);
  ASSERT_EQ(doubled->query.size(), 2U);
  EXPECT_EQ(doubled->query[0].first, "a");
  EXPECT_EQ(doubled->query[1].first, "b");
}

}  // namespace
}  // namespace imagross::http
