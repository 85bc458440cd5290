#include "auth/auth_service.h"

#include <charconv>
#include <ctime>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "auth/crypto.h"
#include "auth/passwords.h"
#include "common/utc_time.h"

namespace imagross::auth {
namespace {

namespace json = boost::json;

const char* identifier_kind_name(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::card:
      return "card";
    case IdentifierKind::email:
      return "email";
    case IdentifierKind::phone:
      return "phone";
    case IdentifierKind::unknown:
      break;
  }
  return "unknown";
}

AuthFailure invalid_credentials() {
  return {"invalid_credentials",
          "the identifier or the password is wrong; check both, or reset the password",
          {},
          {},
          0};
}

AuthFailure invalid_refresh_token() {
  return {"invalid_refresh_token",
          "the refresh token is invalid, expired or used already; sign in again",
          {},
          {},
          0};
}

std::optional<int64_t> parse_account_id(const json::object& claims) {
  const auto* subject = claims.if_contains("sub");
  if (subject == nullptr || !subject->is_string()) {
    return std::nullopt;
  }
  const std::string_view text = subject->as_string();
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return std::nullopt;
  }
  return id;
}

// Rejects a token without a numeric iat, or one whose exp lies more than `max_lifetime` after
// it: the server never issues such a token, so a valid signature on one means a leaked secret.
std::optional<Error> check_lifetime(const json::object& claims, std::chrono::seconds max_lifetime) {
  const auto issued = numeric_date(claims, "iat");
  const auto expires = numeric_date(claims, "exp");
  if (!issued || !expires) {
    return Error{"missing_claim", "the token has no numeric iat or exp claim"};
  }
  if (*expires - *issued > max_lifetime.count()) {
    return Error{"lifetime_too_long",
                 "the token's exp lies further after its iat than the access-token lifetime "
                 "allows"};
  }
  return std::nullopt;
}

}  // namespace

AuthFailure too_many_attempts(std::string message, int64_t retry_after_seconds) {
  return {"too_many_attempts", std::move(message), {}, {}, retry_after_seconds};
}

AuthService::AuthService(AccountStore& accounts, MemberStore& members, AuditLog& audit,
                         MessageSender& sender, std::string jwt_secret, AuthConfig config,
                         Clock clock)
    : accounts_(accounts),
      members_(members),
      audit_(audit),
      sender_(sender),
      jwt_(std::move(jwt_secret), config.issuer, config.audience),
      config_(std::move(config)),
      clock_(std::move(clock)),
      limiter_(accounts, config_.per_identifier, config_.per_address),
      sign_up_limiter_(accounts, config_.sign_up_per_card, config_.sign_up_per_address,
                       {"signup-card:", "signup-ip:"}),
      reset_limiter_(accounts, config_.reset_per_identifier, config_.reset_per_address,
                     {"reset-id:", "reset-ip:"}) {}

int64_t AuthService::now() const {
  return clock_ ? clock_() : static_cast<int64_t>(std::time(nullptr));
}

AuthResult<Session> AuthService::sign_in(std::string_view identifier_text,
                                         std::string_view password, const RequestOrigin& origin) {
  const auto at = now();
  const auto identifier = parse_sign_in_identifier(identifier_text, config_.card_policy);
  const auto wait = limiter_.seconds_to_wait(identifier.normalised, origin.client_address, at);
  if (wait > 0) {
    audit(std::nullopt, "sign_in_failed", {}, {},
          json::serialize(json::object{{"reason", "too_many_attempts"},
                                       {"identifier_kind", identifier_kind_name(identifier.kind)}}),
          origin);
    return too_many_attempts("too many failed sign-ins; wait before trying again", wait);
  }

  const auto account = find_account(identifier, accounts_, members_);
  if (!account) {
    // The same Argon2id work as a wrong password, so that timing does not reveal the account.
    verify_against_dummy(password);
    return sign_in_failed(identifier, account, "unknown_identifier", origin, at);
  }
  if (!verify_password(account->password_hash, password)) {
    return sign_in_failed(identifier, account, "wrong_password", origin, at);
  }
  if (account->disabled) {
    return sign_in_failed(identifier, account, "account_disabled", origin, at);
  }
  if (!member_is_active(*account)) {
    return sign_in_failed(identifier, account, "member_not_active", origin, at);
  }

  limiter_.record_success(identifier.normalised);
  accounts_.record_sign_in(account->id);
  if (password_needs_rehash(account->password_hash)) {
    accounts_.update_password(account->id, hash_password(password));
  }
  audit(account, "sign_in", "account", std::to_string(account->id),
        json::serialize(json::object{{"identifier_kind", identifier_kind_name(identifier.kind)}}),
        origin);
  return start_session(*account, random_token(kFamilyBytes), at);
}

AuthFailure AuthService::sign_in_failed(const SignInIdentifier& identifier,
                                        const std::optional<Account>& account,
                                        std::string_view reason, const RequestOrigin& origin,
                                        int64_t now) {
  limiter_.record_failure(identifier.normalised, origin.client_address, now);
  audit(std::nullopt, "sign_in_failed", account ? "account" : "",
        account ? std::to_string(account->id) : "",
        json::serialize(json::object{{"reason", reason},
                                     {"identifier_kind", identifier_kind_name(identifier.kind)}}),
        origin);
  return invalid_credentials();
}

AuthResult<Session> AuthService::refresh(std::string_view refresh_token,
                                         const RequestOrigin& origin) {
  const auto at = now();
  const auto record = accounts_.find_refresh_token(sha256_hex(refresh_token));
  if (!record || !record->revoked_at.empty()) {
    return invalid_refresh_token();
  }
  // A used token presented again means two parties hold the family: revoke it for both.
  if (!record->used_at.empty() || !accounts_.mark_refresh_token_used(record->id)) {
    accounts_.revoke_refresh_family(record->family);
    audit(std::nullopt, "refresh_token_reused", "account", std::to_string(record->account_id), "{}",
          origin);
    return invalid_refresh_token();
  }
  const auto expires_at = parse_utc(record->expires_at);
  if (!expires_at || at >= *expires_at) {
    return invalid_refresh_token();
  }
  const auto account = accounts_.find_account(record->account_id);
  if (!account || account->disabled || !member_is_active(*account)) {
    accounts_.revoke_refresh_family(record->family);
    return invalid_refresh_token();
  }
  return start_session(*account, record->family, at);
}

void AuthService::logout(std::string_view refresh_token, const RequestOrigin& origin) {
  const auto record = accounts_.find_refresh_token(sha256_hex(refresh_token));
  if (!record) {
    return;
  }
  accounts_.revoke_refresh_family(record->family);
  audit(accounts_.find_account(record->account_id), "sign_out", "account",
        std::to_string(record->account_id), "{}", origin);
}

Result<Principal> AuthService::authenticate(std::string_view access_token) const {
  auto claims = jwt_.verify(access_token, now());
  if (!claims.ok()) {
    return claims.error();
  }
  if (auto error = check_lifetime(*claims, config_.access_lifetime + config_.clock_skew)) {
    return std::move(*error);
  }
  const auto account_id = parse_account_id(*claims);
  if (!account_id) {
    return Error{"malformed_token", "the token's sub claim is not an account id"};
  }
  const auto account = accounts_.find_account(*account_id);
  if (!account || account->disabled) {
    return Error{"unknown_account", "the token's account is gone or disabled"};
  }
  if (!member_is_active(*account)) {
    return Error{"member_not_active", "the token's member is suspended, closed or gone"};
  }
  return Principal{account->id, account->role, account->member_id, account->stores};
}

std::optional<Session> AuthService::describe(const Principal& principal) const {
  auto account = accounts_.find_account(principal.account_id);
  if (!account) {
    return std::nullopt;
  }
  Session session;
  account->password_hash.clear();
  session.display_name = display_name(*account);
  session.account = std::move(*account);
  return session;
}

Session AuthService::start_session(const Account& account, const std::string& family, int64_t now) {
  const auto access_seconds = config_.access_lifetime.count();
  const auto refresh_seconds = config_.refresh_lifetime.count();
  Session session;
  session.access_token = jwt_.sign(json::object{{"sub", std::to_string(account.id)},
                                                {"role", role_name(account.role)},
                                                {"iat", now},
                                                {"nbf", now},
                                                {"exp", now + access_seconds},
                                                {"jti", random_token(kFamilyBytes)}});
  session.expires_in = access_seconds;
  session.refresh_token = random_token();
  session.refresh_expires_in = refresh_seconds;

  RefreshTokenRecord record;
  record.account_id = account.id;
  record.family = family;
  record.token_hash = sha256_hex(session.refresh_token);
  record.created_at = format_utc(now);
  record.expires_at = format_utc(now + refresh_seconds);
  accounts_.insert_refresh_token(record);

  session.account = account;
  session.account.password_hash.clear();
  session.display_name = display_name(account);
  return session;
}

bool AuthService::member_is_active(const Account& account) const {
  if (!account.member_id) {
    return true;
  }
  const auto member = members_.find_member(*account.member_id);
  return member && member->status == MemberStatus::active;
}

std::string AuthService::display_name(const Account& account) const {
  if (account.member_id) {
    if (const auto member = members_.find_member(*account.member_id)) {
      return member->first_name.empty() ? member->last_name
                                        : member->first_name + " " + member->last_name;
    }
  }
  return account.email;
}

void AuthService::audit(const std::optional<Account>& actor, std::string action,
                        std::string target_type, std::string target_id, std::string details,
                        const RequestOrigin& origin) {
  AuditEntry entry;
  entry.actor_account_id = actor ? std::optional(actor->id) : std::nullopt;
  entry.actor_role = actor ? role_name(actor->role) : "anonymous";
  entry.action = std::move(action);
  entry.target_type = std::move(target_type);
  entry.target_id = std::move(target_id);
  entry.details = std::move(details);
  entry.client_address = origin.client_address;
  entry.request_id = origin.request_id;
  audit_.append(entry);
}

}  // namespace imagross::auth
