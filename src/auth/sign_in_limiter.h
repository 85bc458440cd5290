#pragma once

// Growing delays after failed sign-ins (and, with other key prefixes, after failed sign-ups on a
// card and after password-reset requests), counted per identifier and per client address in the
// AccountStore, so that they survive restarts and hold across server processes.
//
// A key's first `free_failures` consecutive failures cost nothing. From then on, each failure
// makes the next attempt wait: first_delay after the free ones, doubling with every further
// failure up to max_delay. An attempt during the wait is rejected without checking the password
// and without counting. A key's count starts again after `forget_after` without failures, and
// a successful sign-in clears the identifier's count (the address's count stays, so that an
// attacker cannot reset it by signing in to an account of their own).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/account_store.h"

namespace imagross::auth {

struct SignInLimits {
  int64_t free_failures = 5;
  std::chrono::seconds first_delay{1};
  std::chrono::seconds max_delay{15 * 60};
  std::chrono::seconds forget_after{24 * 60 * 60};
};

// The wait after `failures` consecutive failures under `limits`: 0 while they are free.
std::chrono::seconds delay_after(int64_t failures, const SignInLimits& limits);

// The seconds still to wait at `now` (Unix seconds) for a key with `failures`; 0 when an attempt
// may proceed. A failure record whose time cannot be read counts as made at `now`.
int64_t seconds_to_wait(const SignInFailures& failures, const SignInLimits& limits, int64_t now);

// The prefixes of a limiter's counter keys, so that limiters over one store count apart.
struct LimitKeyPrefixes {
  std::string identifier = "id:";
  std::string address = "ip:";
};

// The sign-in counter keys: "id:<normalised identifier>" and "ip:<client address>".
std::string identifier_key(std::string_view normalised_identifier);
std::string address_key(std::string_view client_address);

class SignInLimiter {
 public:
  // `store` must outlive the limiter. The sign-in limiter uses the default prefixes; the
  // sign-up and password-reset limiters use their own.
  SignInLimiter(AccountStore& store, SignInLimits per_identifier, SignInLimits per_address,
                LimitKeyPrefixes prefixes = {});

  // The seconds an attempt for `identifier` from `address` must still wait at `now`: the longer
  // of the two keys' waits, 0 when it may proceed.
  int64_t seconds_to_wait(std::string_view identifier, std::string_view address, int64_t now);

  // Counts a failure under both keys; returns the wait the next attempt meets.
  int64_t record_failure(std::string_view identifier, std::string_view address, int64_t now);

  // Clears the identifier's count after a successful sign-in.
  void record_success(std::string_view identifier);

 private:
  SignInFailures current(const std::string& key, const SignInLimits& limits, int64_t now);
  int64_t count_failure(const std::string& key, const SignInLimits& limits, int64_t now);

  std::string key_of_identifier(std::string_view identifier) const;
  std::string key_of_address(std::string_view address) const;

  AccountStore& store_;
  SignInLimits per_identifier_;
  SignInLimits per_address_;
  LimitKeyPrefixes prefixes_;
};

}  // namespace imagross::auth
