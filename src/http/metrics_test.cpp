#include "http/metrics.h"

#include <gtest/gtest.h>

namespace imagross::http {
namespace {

TEST(RequestMetrics, WritesCumulativeHistogram) {
  RequestMetrics metrics;
  metrics.record("/r", "GET", 200, 0.002);
  metrics.record("/r", "GET", 200, 0.3);
  metrics.record("/r", "GET", 400, 20.0);
  std::string text;
  metrics.append_prometheus(text);
  EXPECT_NE(text.find(R"(imagross_http_requests_total{route="/r",method="GET",status="200"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(imagross_http_requests_total{route="/r",method="GET",status="400"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/r",le="0.001"} 0)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/r",le="0.0025"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/r",le="0.5"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/r",le="10"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(_bucket{route="/r",le="+Inf"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(_count{route="/r"} 3)"), std::string::npos);
}

TEST(RequestMetrics, EscapesLabels) {
  EXPECT_EQ(escape_label("a\"b\\c\nd"), R"(a\"b\\c\nd)");
}

}  // namespace
}  // namespace imagross::http
