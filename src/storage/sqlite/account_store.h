#pragma once

// The SQLite implementation of AccountStore: accounts, sign-up, refresh tokens, sign-in failure
// counters, password reset tokens and the outbox.

#include "storage/account_store.h"
#include "storage/sqlite/store_connections.h"

namespace imagross::sqlite {

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(StoreConnections& connections) : connections_(connections) {}

  Result<Account> create_account(const Account& account) override;
  Result<SignUpResult> sign_up(const SignUpRequest& request) override;
  std::optional<Account> find_account(int64_t id) override;
  std::optional<Account> find_account_by_email(std::string_view email) override;
  std::optional<Account> find_account_by_member(int64_t member_id) override;
  void update_password(int64_t account_id, std::string_view password_hash) override;
  void record_sign_in(int64_t account_id) override;

  void insert_refresh_token(const RefreshTokenRecord& token) override;
  std::optional<RefreshTokenRecord> find_refresh_token(std::string_view token_hash) override;
  bool mark_refresh_token_used(int64_t id) override;
  void revoke_refresh_family(std::string_view family) override;
  void revoke_account_tokens(int64_t account_id) override;

  SignInFailures record_sign_in_failure(std::string_view key) override;
  SignInFailures sign_in_failures(std::string_view key) override;
  void clear_sign_in_failures(std::string_view key) override;

  void insert_password_reset(std::string_view token_hash, int64_t account_id,
                             std::string_view expires_at) override;
  std::optional<int64_t> consume_password_reset(std::string_view token_hash) override;

  int64_t enqueue_message(const OutboxMessage& message) override;
  std::vector<OutboxMessage> list_messages(int limit) override;

 private:
  StoreConnections& connections_;
};

}  // namespace imagross::sqlite
