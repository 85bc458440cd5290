#pragma once

// Online accounts and what signing in needs: refresh tokens, failed-attempt counters, password
// reset tokens and the outbox of messages to send. Reached through Database::accounts().

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/member.h"

namespace imagross {

struct RefreshTokenRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string family;      // every token rotated from one sign-in shares it
  std::string token_hash;  // SHA-256 of the token, hex; the token itself is never stored
  std::string created_at;
  std::string expires_at;
  std::string used_at;     // empty until rotated
  std::string revoked_at;  // empty until revoked
};

// Consecutive failed sign-ins under one key ("id:<identifier>" or "ip:<address>").
struct SignInFailures {
  int64_t count = 0;
  std::string last_failure_at;
};

struct OutboxMessage {
  int64_t id = 0;
  std::string channel;    // "email" or "sms"
  std::string recipient;  // an e-mail address or an E.164 phone number
  std::string subject;
  std::string body;
  std::string created_at;
  std::string sent_at;  // empty until a sender delivered it
};

// What a customer gives at sign-up, validated and normalised by the caller.
struct SignUpRequest {
  // The names, e-mail, phone and the three consents as given. A consent without a time gets the
  // time of the sign-up. Other fields are ignored: the store sets the id, the status, the times
  // and, for a new member, the sign-up date (today, UTC).
  Member member;
  std::string card_number;    // 13 digits, as validate_card_number returns them
  std::string password_hash;  // Argon2id string (libsodium)
};

struct SignUpResult {
  Account account;
  Member member;           // with its cards
  bool took_over = false;  // the card belonged to a member already, imported before
};

// Thread-safe. Methods throw StorageError when the database itself fails.
//
// A customer's account has no e-mail of its own: Account::email of a customer is the e-mail of
// its member, read on every find. An e-mail identifies at most one account, so an administrator
// and a member with an account never share one.
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Error codes: "email_taken" (another account has the e-mail), "member_has_account".
  // Administrators need an e-mail and no member; customers a member, and their e-mail is ignored.
  // Error code "invalid_account" when they have not. "member_not_found" when the member is absent.
  virtual Result<Account> create_account(const Account& account) = 0;

  // Signs a customer up, in one transaction. When the card belongs to a member (imported
  // before), the account takes that member over: its last name must match the one given,
  // ignoring case and accents, and the e-mail, phone (each when given) and consents given replace
  // the member's. Otherwise a new member is created and the card becomes active for it. Then the
  // customer account is created. Concurrent sign-ups with one card: exactly one succeeds.
  // Error codes: "card_not_issued" (the number is not in the card registry), "card_blocked"
  // (blocked or replaced), "card_taken" (the card's member has an account already),
  // "last_name_mismatch", "email_taken", "phone_taken" (another member, or an administrator, has
  // it).
  virtual Result<SignUpResult> sign_up(const SignUpRequest& request) = 0;
  virtual std::optional<Account> find_account(int64_t id) = 0;
  // Administrators by their e-mail, customers by their member's.
  virtual std::optional<Account> find_account_by_email(std::string_view email) = 0;
  virtual std::optional<Account> find_account_by_member(int64_t member_id) = 0;
  virtual void update_password(int64_t account_id, std::string_view password_hash) = 0;
  virtual void record_sign_in(int64_t account_id) = 0;

  virtual void insert_refresh_token(const RefreshTokenRecord& token) = 0;
  virtual std::optional<RefreshTokenRecord> find_refresh_token(std::string_view token_hash) = 0;
  // Marks a token used, atomically: false when it was used or revoked already, so of two
  // concurrent rotations of one token only one succeeds.
  virtual bool mark_refresh_token_used(int64_t id) = 0;
  virtual void revoke_refresh_family(std::string_view family) = 0;
  virtual void revoke_account_tokens(int64_t account_id) = 0;

  virtual SignInFailures record_sign_in_failure(std::string_view key) = 0;
  virtual SignInFailures sign_in_failures(std::string_view key) = 0;
  virtual void clear_sign_in_failures(std::string_view key) = 0;

  virtual void insert_password_reset(std::string_view token_hash, int64_t account_id,
                                     std::string_view expires_at) = 0;
  // Uses a reset token once: the account id when the token exists, is unused and unexpired.
  virtual std::optional<int64_t> consume_password_reset(std::string_view token_hash) = 0;

  virtual int64_t enqueue_message(const OutboxMessage& message) = 0;
  // Newest first.
  virtual std::vector<OutboxMessage> list_messages(int limit) = 0;
};

}  // namespace imagross
