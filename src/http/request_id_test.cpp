#include "http/request_id.h"

#include <gtest/gtest.h>

#include <set>

namespace imagross::http {
namespace {

TEST(RequestId, AcceptsSafeIds) {
  EXPECT_TRUE(is_safe_request_id("abc-DEF_1.2"));
  EXPECT_TRUE(is_safe_request_id(std::string(64, 'a')));
}

TEST(RequestId, RejectsUnsafeIds) {
  EXPECT_FALSE(is_safe_request_id(""));
  EXPECT_FALSE(is_safe_request_id(std::string(65, 'a')));
  EXPECT_FALSE(is_safe_request_id("a b"));
  EXPECT_FALSE(is_safe_request_id("a\nb"));
  EXPECT_FALSE(is_safe_request_id("a=b"));
  EXPECT_FALSE(is_safe_request_id("é"));
}

TEST(RequestId, GeneratesDistinctHexIds) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    const auto id = generate_request_id();
    EXPECT_EQ(id.size(), 16u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 1000u);
}

TEST(RequestId, ChoosesClientIdOnlyWhenSafe) {
  EXPECT_EQ(choose_request_id("client-1"), "client-1");
  EXPECT_NE(choose_request_id("bad id"), "bad id");
  EXPECT_EQ(choose_request_id("").size(), 16u);
}

}  // namespace
}  // namespace imagross::http
