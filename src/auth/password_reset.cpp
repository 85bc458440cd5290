// AuthService's password reset: a one-time token sent through the MessageSender, then a new
// password set with it.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "auth/auth_service.h"
#include "auth/crypto.h"
#include "auth/passwords.h"
#include "common/utc_time.h"
#include "http/log_line.h"

namespace imagross::auth {

void AuthService::request_password_reset(std::string_view identifier_text,
                                         const RequestOrigin& origin) {
  const auto at = now();
  const auto identifier = parse_sign_in_identifier(identifier_text, config_.card_policy);
  const auto wait =
      reset_limiter_.seconds_to_wait(identifier.normalised, origin.client_address, at);
  if (wait > 0) {
    // Sends nothing and returns as usual, so that the limit reveals no account either.
    spdlog::warn("{}", http::LogLine("password_reset_limited")
                           .add("retry_after_seconds", wait)
                           .add("request_id", origin.request_id)
                           .str());
    audit(std::nullopt, "password_reset_limited", {}, {}, "{}", origin);
    return;
  }
  // Every request counts, found or not: each one that finds an account sends a message.
  reset_limiter_.record_failure(identifier.normalised, origin.client_address, at);
  const auto account = find_account(identifier, accounts_, members_);
  // A suspended or closed member could not sign in with a new password, so gets no message.
  if (!account || account->disabled || !member_is_active(*account)) {
    audit(std::nullopt, "password_reset_requested", {}, {}, R"({"account_found":false})", origin);
    return;
  }
  const auto token = random_token();
  accounts_.insert_password_reset(sha256_hex(token), account->id,
                                  format_utc(at + config_.reset_lifetime.count()));
  send_reset_message(*account, token);
  audit(std::nullopt, "password_reset_requested", "account", std::to_string(account->id),
        R"({"account_found":true})", origin);
}

void AuthService::send_reset_message(const Account& account, const std::string& token) {
  OutboxMessage message;
  std::optional<Member> member;
  if (account.member_id) {
    member = members_.find_member(*account.member_id);
  }
  // E-mail when the account has one, else an SMS to the member's phone.
  if (!account.email.empty()) {
    message.channel = "email";
    message.recipient = account.email;
  } else if (member && !member->phone.empty()) {
    message.channel = "sms";
    message.recipient = member->phone;
  } else {
    return;
  }
  const auto minutes = config_.reset_lifetime.count() / 60;
  message.subject = "ImaGross: reset your password";
  message.body = fmt::format(
      "To choose a new password, open {}?token={} within {} minutes, or enter this code: {}\n"
      "If you did not ask for a new password, ignore this message: your password stays as it "
      "is.",
      config_.reset_page, token, minutes, token);
  sender_.send(message);
}

AuthResult<std::monostate> AuthService::confirm_password_reset(std::string_view token,
                                                               std::string_view password,
                                                               const RequestOrigin& origin) {
  if (const auto strength = check_password_policy(password); !strength.ok()) {
    return AuthFailure{"invalid_field", strength.error().message, "password", strength.error().code,
                       0};
  }
  const auto account_id = accounts_.consume_password_reset(sha256_hex(token));
  if (!account_id) {
    return AuthFailure{"invalid_reset_token",
                       "the reset token is invalid, expired or used already; ask for a new one",
                       "token",
                       {},
                       0};
  }
  accounts_.update_password(*account_id, hash_password(password));
  accounts_.revoke_account_tokens(*account_id);
  audit(accounts_.find_account(*account_id), "password_reset", "account",
        std::to_string(*account_id), "{}", origin);
  return std::monostate{};
}

}  // namespace imagross::auth
