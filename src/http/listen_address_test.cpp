#include "http/listen_address.h"

#include <gtest/gtest.h>

namespace imagross::http {
namespace {

TEST(ListenAddress, ParsesIpv4Loopback) {
  const auto address = parse_listen_address("127.0.0.1:8080");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 8080);
  EXPECT_TRUE(address->loopback);
}

TEST(ListenAddress, AcceptsWholeLoopbackRange) {
  EXPECT_TRUE(parse_listen_address("127.1.2.3:80")->loopback);
}

TEST(ListenAddress, ParsesIpv6Loopback) {
  const auto address = parse_listen_address("[::1]:9000");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "::1");
  EXPECT_TRUE(address->loopback);
}

TEST(ListenAddress, MapsLocalhost) {
  const auto address = parse_listen_address("localhost:0");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 0);
}

TEST(ListenAddress, MarksOtherAddressesAsNotLoopback) {
  EXPECT_FALSE(parse_listen_address("0.0.0.0:8080")->loopback);
  EXPECT_FALSE(parse_listen_address("192.168.1.10:8080")->loopback);
  EXPECT_FALSE(parse_listen_address("[::]:8080")->loopback);
}

TEST(ListenAddress, RejectsMalformedText) {
  for (const auto* text : {"", "8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536",
                           "127.0.0.1:80x", "example.com:80", "::1:80", "[::1:80"}) {
    const auto address = parse_listen_address(text);
    ASSERT_FALSE(address.ok()) << text;
    EXPECT_EQ(address.error().code, "invalid_listen_address") << text;
  }
}

}  // namespace
}  // namespace imagross::http
