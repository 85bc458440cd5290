#include "http/log_line.h"

#include <gtest/gtest.h>

namespace imagross::http {
namespace {

TEST(LogLine, WritesPlainTokensBare) {
  EXPECT_EQ(LogLine("request").add("status", 200).add("path", "/api/v1/stores").str(),
            "event=request status=200 path=/api/v1/stores");
}

TEST(LogLine, QuotesValuesThatNeedIt) {
  EXPECT_EQ(LogLine("x").add("path", "/a b").str(), R"(event=x path="/a b")");
  EXPECT_EQ(LogLine("x").add("error", "bad \"q\"\nnext=1").str(),
            R"(event=x error="bad \"q\"\nnext=1")");
  EXPECT_EQ(LogLine("x").add("empty", "").str(), R"(event=x empty="")");
}

TEST(LogLine, FormatsNumbers) {
  EXPECT_EQ(LogLine("x").add("ms", 1.23456).add("n", int64_t{-4}).str(), "event=x ms=1.235 n=-4");
}

}  // namespace
}  // namespace imagross::http
