#include "auth/sign_in_limiter.h"

#include <gtest/gtest.h>

#include <ctime>

#include "auth/testing/auth_fixture.h"
#include "common/utc_time.h"

namespace imagross::auth {
namespace {

using std::chrono::seconds;

constexpr int64_t kNow = 1'800'000'000;

SignInFailures failures_at(int64_t count, int64_t at) {
  return SignInFailures{count, format_utc(at)};
}

TEST(SignInLimits, FreeFailuresThenDoubling) {
  const SignInLimits limits{5, seconds(1), seconds(15 * 60), seconds(86'400)};
  for (int64_t count = 0; count < 5; ++count) {
    EXPECT_EQ(delay_after(count, limits), seconds(0)) << count;
  }
  EXPECT_EQ(delay_after(5, limits), seconds(1));
  EXPECT_EQ(delay_after(6, limits), seconds(2));
  EXPECT_EQ(delay_after(7, limits), seconds(4));
  EXPECT_EQ(delay_after(14, limits), seconds(512));
  EXPECT_EQ(delay_after(15, limits), seconds(900));
  EXPECT_EQ(delay_after(1'000'000, limits), seconds(900));
}

TEST(SignInLimits, WaitCountsFromLastFailure) {
  const SignInLimits limits{2, seconds(10), seconds(60), seconds(86'400)};
  EXPECT_EQ(seconds_to_wait(failures_at(1, kNow), limits, kNow), 0);
  EXPECT_EQ(seconds_to_wait(failures_at(2, kNow), limits, kNow), 10);
  EXPECT_EQ(seconds_to_wait(failures_at(2, kNow - 4), limits, kNow), 6);
  EXPECT_EQ(seconds_to_wait(failures_at(2, kNow - 10), limits, kNow), 0);
  EXPECT_EQ(seconds_to_wait(failures_at(3, kNow), limits, kNow), 20);
  EXPECT_EQ(seconds_to_wait(SignInFailures{3, "garbled"}, limits, kNow), 20);
}

class SignInLimiterStore : public testing::AuthFixture {};

TEST_F(SignInLimiterStore, CountsPerIdentifierAndPerAddress) {
  const SignInLimits per_identifier{2, seconds(30), seconds(600), seconds(86'400)};
  const SignInLimits per_address{3, seconds(60), seconds(600), seconds(86'400)};
  SignInLimiter limiter(accounts(), per_identifier, per_address);
  const auto now = static_cast<int64_t>(std::time(nullptr));

  EXPECT_EQ(limiter.record_failure("a@example.com", "10.0.0.1", now), 0);
  EXPECT_EQ(limiter.seconds_to_wait("a@example.com", "10.0.0.1", now), 0);
  EXPECT_GE(limiter.record_failure("a@example.com", "10.0.0.1", now), 29);
  EXPECT_GE(limiter.seconds_to_wait("a@example.com", "10.0.0.2", now), 29);
  EXPECT_EQ(limiter.seconds_to_wait("b@example.com", "10.0.0.2", now), 0);

  // The address's third failure, on another identifier, locks the address for every identifier.
  EXPECT_GE(limiter.record_failure("b@example.com", "10.0.0.1", now), 59);
  EXPECT_GE(limiter.seconds_to_wait("c@example.com", "10.0.0.1", now), 59);
  EXPECT_EQ(limiter.seconds_to_wait("c@example.com", "10.0.0.3", now), 0);
}

TEST_F(SignInLimiterStore, SuccessClearsOnlyTheIdentifier) {
  const SignInLimits limits{1, seconds(30), seconds(600), seconds(86'400)};
  SignInLimiter limiter(accounts(), limits, limits);
  const auto now = static_cast<int64_t>(std::time(nullptr));
  limiter.record_failure("a@example.com", "10.0.0.1", now);
  limiter.record_success("a@example.com");
  EXPECT_EQ(accounts().sign_in_failures(identifier_key("a@example.com")).count, 0);
  EXPECT_EQ(accounts().sign_in_failures(address_key("10.0.0.1")).count, 1);
}

TEST_F(SignInLimiterStore, OldFailuresAreForgotten) {
  const SignInLimits limits{1, seconds(30), seconds(600), seconds(100)};
  SignInLimiter limiter(accounts(), limits, limits);
  const auto now = static_cast<int64_t>(std::time(nullptr));
  limiter.record_failure("a@example.com", "10.0.0.1", now);
  EXPECT_GT(limiter.seconds_to_wait("a@example.com", "10.0.0.1", now), 0);
  EXPECT_EQ(limiter.seconds_to_wait("a@example.com", "10.0.0.1", now + 101), 0);
  EXPECT_EQ(accounts().sign_in_failures(identifier_key("a@example.com")).count, 0);
}

TEST_F(SignInLimiterStore, CountersSurviveReopening) {
  const SignInLimits limits{1, seconds(30), seconds(600), seconds(86'400)};
  const auto now = static_cast<int64_t>(std::time(nullptr));
  {
    SignInLimiter limiter(accounts(), limits, limits);
    limiter.record_failure("a@example.com", "10.0.0.1", now);
  }
  reopen();
  SignInLimiter limiter(accounts(), limits, limits);
  EXPECT_GE(limiter.seconds_to_wait("a@example.com", "10.0.0.9", now), 29);
}

TEST_F(SignInLimiterStore, PrefixesKeepLimitersApart) {
  const SignInLimits limits{1, seconds(30), seconds(600), seconds(86'400)};
  const auto now = static_cast<int64_t>(std::time(nullptr));
  SignInLimiter sign_in(accounts(), limits, limits);
  SignInLimiter sign_up(accounts(), limits, limits, {"signup-card:", "signup-ip:"});
  sign_up.record_failure("2991687560742", "10.0.0.1", now);

  EXPECT_EQ(accounts().sign_in_failures("signup-card:2991687560742").count, 1);
  EXPECT_EQ(accounts().sign_in_failures("signup-ip:10.0.0.1").count, 1);
  EXPECT_GE(sign_up.seconds_to_wait("2991687560742", "10.0.0.2", now), 29);
  EXPECT_EQ(sign_in.seconds_to_wait("2991687560742", "10.0.0.1", now), 0);

  sign_up.record_success("2991687560742");
  EXPECT_EQ(accounts().sign_in_failures("signup-card:2991687560742").count, 0);
  EXPECT_EQ(accounts().sign_in_failures("signup-ip:10.0.0.1").count, 1);
}

}  // namespace
}  // namespace imagross::auth
