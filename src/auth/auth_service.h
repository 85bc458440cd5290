#pragma once

// Sign-up, sign-in, sessions and password resets: everything the auth routes do, apart from
// HTTP. Sessions are a short-lived access token (an HS256 JWT) and a refresh token that rotates
// on every use. Refresh tokens of one sign-in form a family: presenting a token that was already
// rotated revokes the whole family, so a stolen token stops working for the thief and the owner
// alike, and the owner signs in again.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

#include "auth/jwt.h"
#include "auth/message_sender.h"
#include "auth/principal.h"
#include "auth/sign_in_identifier.h"
#include "auth/sign_in_limiter.h"
#include "domain/card_number.h"
#include "storage/account_store.h"
#include "storage/audit_log.h"
#include "storage/member_store.h"

namespace imagross::auth {

struct AuthConfig {
  std::string issuer = "imagross";
  std::string audience = "imagross-api";
  std::chrono::seconds access_lifetime{15 * 60};
  std::chrono::seconds refresh_lifetime{30 * 24 * 60 * 60};
  std::chrono::seconds reset_lifetime{60 * 60};
  SignInLimits per_identifier{};
  // An address may be shared by many people (an office, a mobile network), so it gets more free
  // failures than one identifier does.
  SignInLimits per_address{20, std::chrono::seconds(1), std::chrono::seconds(15 * 60),
                           std::chrono::seconds(24 * 60 * 60)};
  // Sign-ups that fail on the card's member (a wrong last name, a card not issued, blocked or
  // taken), per card number and per address, so that the last name on file cannot be guessed.
  SignInLimits sign_up_per_card{};
  SignInLimits sign_up_per_address{20, std::chrono::seconds(1), std::chrono::seconds(15 * 60),
                                   std::chrono::seconds(24 * 60 * 60)};
  // Password-reset requests, counted whether or not an account matches: every one may send a
  // message, so only a few per identifier go out before the delays begin.
  SignInLimits reset_per_identifier{3, std::chrono::seconds(60), std::chrono::seconds(60 * 60),
                                    std::chrono::seconds(24 * 60 * 60)};
  SignInLimits reset_per_address{10, std::chrono::seconds(60), std::chrono::seconds(60 * 60),
                                 std::chrono::seconds(24 * 60 * 60)};
  // How much longer than access_lifetime an access token's exp may lie after its iat, for the
  // clocks of several server processes.
  std::chrono::seconds clock_skew{5};
  CardPolicy card_policy;
  std::string privacy_notice_version = "2026-01";
  // The web page a reset message links to, with "?token=..." appended.
  std::string reset_page = "/reset-password";
};

// The origin of a request (client address and request id), for the audit log and the
// per-address limits.
struct RequestOrigin {
  std::string client_address;
  std::string request_id;
};

struct SignUpForm {
  std::string first_name;
  std::string last_name;
  std::string email;  // optional, but an e-mail or a phone is required
  std::string phone;  // any common form; optional, but an e-mail or a phone is required
  std::string password;
  std::string card_number;  // as typed or printed
  bool privacy_accepted = false;
  bool marketing_consent = false;
  bool profiling_consent = false;
};

// An expected failure of an auth operation, with the fields the HTTP response needs.
struct AuthFailure {
  // "invalid_field", "card_taken", "email_taken", "phone_taken", "last_name_mismatch",
  // "invalid_credentials", "too_many_attempts", "invalid_refresh_token", "invalid_reset_token".
  std::string code;
  std::string message;  // for the client: never reveals whether an account exists
  std::string field;    // invalid_field: the form field at fault
  std::string reason;   // invalid_field: the validation code, such as "card_wrong_check_digit"
  int64_t retry_after_seconds = 0;  // too_many_attempts
};

// Builds the too_many_attempts failure: `message` names what was limited, and
// `retry_after_seconds` is the wait in seconds.
AuthFailure too_many_attempts(std::string message, int64_t retry_after_seconds);

template <typename T>
using AuthResult = std::variant<T, AuthFailure>;

struct Session {
  std::string access_token;
  int64_t expires_in = 0;  // seconds
  std::string refresh_token;
  int64_t refresh_expires_in = 0;  // seconds
  Account account;                 // password_hash cleared
  std::string display_name;        // a customer's first and last name, an admin's e-mail
};

// Thread-safe as long as the stores and the sender are.
class AuthService {
 public:
  using Clock = std::function<int64_t()>;  // Unix seconds

  // Everything referred to must outlive the service. `jwt_secret` must hold at least
  // kMinJwtSecretBytes bytes.
  AuthService(AccountStore& accounts, MemberStore& members, AuditLog& audit, MessageSender& sender,
              std::string jwt_secret, AuthConfig config = {}, Clock clock = {});

  // Creates a customer account for a card of the chain, taking over the card's imported member
  // when it has one, and signs it in.
  AuthResult<Session> sign_up(const SignUpForm& form, const RequestOrigin& origin);

  // Signs in with a card number, an e-mail or a phone number, in any common form. Every attempt
  // is audited; failures count towards the sign-in limits.
  AuthResult<Session> sign_in(std::string_view identifier, std::string_view password,
                              const RequestOrigin& origin);

  // Rotates a refresh token into a new session. A token used before revokes its family.
  AuthResult<Session> refresh(std::string_view refresh_token, const RequestOrigin& origin);

  // Revokes the family of a refresh token; an unknown token is ignored.
  void logout(std::string_view refresh_token, const RequestOrigin& origin);

  // Sends a one-time reset token to the account of `identifier`, when there is one with a way
  // to reach it. Says nothing either way, so that callers cannot learn whether it exists. Past
  // the reset limits of the identifier or the address, a request sends nothing and is logged.
  void request_password_reset(std::string_view identifier, const RequestOrigin& origin);

  // Sets a new password with a reset token and revokes every refresh token of the account.
  AuthResult<std::monostate> confirm_password_reset(std::string_view token,
                                                    std::string_view password,
                                                    const RequestOrigin& origin);

  // The caller an access token stands for: its account must exist and be enabled, a customer's
  // member must be active, and the token must carry an iat no further than access_lifetime (plus
  // clock_skew) before its exp. The error is for the log only ("malformed_token",
  // "bad_signature", "expired", "lifetime_too_long", "unknown_account", ...).
  Result<Principal> authenticate(std::string_view access_token) const;

  // The account behind a principal, for GET /auth/session; nullopt when it is gone.
  std::optional<Session> describe(const Principal& principal) const;

  // Appends an audit entry. `actor` is empty for anonymous callers.
  void audit(const std::optional<Account>& actor, std::string action, std::string target_type,
             std::string target_id, std::string details, const RequestOrigin& origin);

  const AuthConfig& config() const { return config_; }

 private:
  // A refresh family id: enough entropy that the families of two sign-ins never collide.
  static constexpr std::size_t kFamilyBytes = 16;

  int64_t now() const;
  Session start_session(const Account& account, const std::string& family, int64_t now);
  std::string display_name(const Account& account) const;
  // False when the account belongs to a member who is suspended, closed or gone.
  bool member_is_active(const Account& account) const;
  AuthFailure sign_in_failed(const SignInIdentifier& identifier,
                             const std::optional<Account>& account, std::string_view reason,
                             const RequestOrigin& origin, int64_t now);
  void send_reset_message(const Account& account, const std::string& token);

  AccountStore& accounts_;
  MemberStore& members_;
  AuditLog& audit_;
  MessageSender& sender_;
  Hs256Jwt jwt_;
  AuthConfig config_;
  Clock clock_;
  SignInLimiter limiter_;
  SignInLimiter sign_up_limiter_;
  SignInLimiter reset_limiter_;
};

}  // namespace imagross::auth
