#include "auth/sign_in_limiter.h"

#include <algorithm>
#include <utility>

#include "common/utc_time.h"

namespace imagross::auth {
namespace {

int64_t failure_time(const SignInFailures& failures, int64_t now) {
  return parse_utc(failures.last_failure_at).value_or(now);
}

}  // namespace

std::chrono::seconds delay_after(int64_t failures, const SignInLimits& limits) {
  if (failures < limits.free_failures) {
    return std::chrono::seconds(0);
  }
  auto delay = limits.first_delay;
  // Doubling stops at the cap, so the loop runs at most about 64 times whatever the count.
  for (int64_t i = limits.free_failures; i < failures && delay < limits.max_delay; ++i) {
    delay *= 2;
  }
  return std::min(delay, limits.max_delay);
}

int64_t seconds_to_wait(const SignInFailures& failures, const SignInLimits& limits, int64_t now) {
  if (failures.count == 0) {
    return 0;
  }
  const auto allowed_at = failure_time(failures, now) + delay_after(failures.count, limits).count();
  return std::max<int64_t>(0, allowed_at - now);
}

std::string identifier_key(std::string_view normalised_identifier) {
  return LimitKeyPrefixes{}.identifier + std::string(normalised_identifier);
}

std::string address_key(std::string_view client_address) {
  return LimitKeyPrefixes{}.address + std::string(client_address);
}

SignInLimiter::SignInLimiter(AccountStore& store, SignInLimits per_identifier,
                             SignInLimits per_address, LimitKeyPrefixes prefixes)
    : store_(store),
      per_identifier_(per_identifier),
      per_address_(per_address),
      prefixes_(std::move(prefixes)) {}

std::string SignInLimiter::key_of_identifier(std::string_view identifier) const {
  return prefixes_.identifier + std::string(identifier);
}

std::string SignInLimiter::key_of_address(std::string_view address) const {
  return prefixes_.address + std::string(address);
}

SignInFailures SignInLimiter::current(const std::string& key, const SignInLimits& limits,
                                      int64_t now) {
  auto failures = store_.sign_in_failures(key);
  if (failures.count > 0 && now - failure_time(failures, now) >= limits.forget_after.count()) {
    store_.clear_sign_in_failures(key);
    return {};
  }
  return failures;
}

int64_t SignInLimiter::seconds_to_wait(std::string_view identifier, std::string_view address,
                                       int64_t now) {
  const auto by_identifier = auth::seconds_to_wait(
      current(key_of_identifier(identifier), per_identifier_, now), per_identifier_, now);
  const auto by_address =
      auth::seconds_to_wait(current(key_of_address(address), per_address_, now), per_address_, now);
  return std::max(by_identifier, by_address);
}

int64_t SignInLimiter::count_failure(const std::string& key, const SignInLimits& limits,
                                     int64_t now) {
  // Reading first applies forget_after, so an old run of failures does not carry over.
  static_cast<void>(current(key, limits, now));
  const auto failures = store_.record_sign_in_failure(key);
  return auth::seconds_to_wait(failures, limits, now);
}

int64_t SignInLimiter::record_failure(std::string_view identifier, std::string_view address,
                                      int64_t now) {
  const auto by_identifier = count_failure(key_of_identifier(identifier), per_identifier_, now);
  const auto by_address = count_failure(key_of_address(address), per_address_, now);
  return std::max(by_identifier, by_address);
}

void SignInLimiter::record_success(std::string_view identifier) {
  store_.clear_sign_in_failures(key_of_identifier(identifier));
}

}  // namespace imagross::auth
