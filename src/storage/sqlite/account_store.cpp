#include "storage/sqlite/account_store.h"

#include <mutex>

#include "common/utc_time.h"
#include "storage/sqlite/account_records.h"
#include "storage/sqlite/account_statements.h"
#include "storage/sqlite/sign_up.h"

namespace imagross::sqlite {
namespace {

namespace sql = account_statements;

RefreshTokenRecord read_refresh_token(const Statement& statement) {
  RefreshTokenRecord token;
  token.id = statement.column_int64(0);
  token.account_id = statement.column_int64(1);
  token.family = statement.column_text(2);
  token.token_hash = statement.column_text(3);
  token.created_at = statement.column_text(4);
  token.expires_at = statement.column_text(5);
  token.used_at = statement.column_text(6);
  token.revoked_at = statement.column_text(7);
  return token;
}

OutboxMessage read_message(const Statement& statement) {
  OutboxMessage message;
  message.id = statement.column_int64(0);
  message.channel = statement.column_text(1);
  message.recipient = statement.column_text(2);
  message.subject = statement.column_text(3);
  message.body = statement.column_text(4);
  message.created_at = statement.column_text(5);
  message.sent_at = statement.column_text(6);
  return message;
}

}  // namespace

Result<Account> SqliteAccountStore::create_account(const Account& account) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  Result<int64_t> id = insert_account(connection, account, utc_now_iso8601());
  if (!id) {
    return id.error();
  }
  std::optional<Account> created = load_account(connection, *id);
  transaction.commit();
  return std::move(*created);
}

Result<SignUpResult> SqliteAccountStore::sign_up(const SignUpRequest& request) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  Result<SignUpResult> result = sqlite::sign_up(connection, request, utc_now_iso8601());
  if (result) {
    transaction.commit();
  }
  return result;
}

std::optional<Account> SqliteAccountStore::find_account(int64_t id) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  return load_account(*reader, id);
}

std::optional<Account> SqliteAccountStore::find_account_by_email(std::string_view email) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  std::optional<int64_t> id = account_id_by_email(*reader, email);
  return id ? load_account(*reader, *id) : std::nullopt;
}

std::optional<Account> SqliteAccountStore::find_account_by_member(int64_t member_id) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  std::optional<int64_t> id = account_id_by_member(*reader, member_id);
  return id ? load_account(*reader, *id) : std::nullopt;
}

void SqliteAccountStore::update_password(int64_t account_id, std::string_view password_hash) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  const std::string now = utc_now_iso8601();
  Statement update(connection, sql::kUpdatePassword);
  update.bind(1, account_id).bind(2, password_hash).bind(3, now).execute();
  // Every pending reset token of the account is spent with the change.
  Statement spend(connection, sql::kUseOtherPasswordResets);
  spend.bind(1, account_id).bind(2, now).execute();
  transaction.commit();
}

void SqliteAccountStore::record_sign_in(int64_t account_id) {
  std::lock_guard lock(connections_.write_mutex());
  Statement update(connections_.writer(), sql::kRecordSignIn);
  update.bind(1, account_id).bind(2, utc_now_iso8601()).execute();
}

void SqliteAccountStore::insert_refresh_token(const RefreshTokenRecord& token) {
  std::lock_guard lock(connections_.write_mutex());
  Statement insert(connections_.writer(), sql::kInsertRefreshToken);
  insert.bind(1, token.account_id).bind(2, token.family).bind(3, token.token_hash);
  insert.bind(4, token.created_at.empty() ? utc_now_iso8601() : token.created_at);
  insert.bind(5, token.expires_at);
  insert.bind_text_or_null(6, token.used_at);
  insert.bind_text_or_null(7, token.revoked_at);
  insert.execute();
}

std::optional<RefreshTokenRecord> SqliteAccountStore::find_refresh_token(
    std::string_view token_hash) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kSelectRefreshToken);
  select.bind(1, token_hash);
  if (!select.step()) {
    return std::nullopt;
  }
  RefreshTokenRecord token = read_refresh_token(select);
  select.reset();
  return token;
}

bool SqliteAccountStore::mark_refresh_token_used(int64_t id) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Statement update(connection, sql::kMarkRefreshTokenUsed);
  update.bind(1, id).bind(2, utc_now_iso8601()).execute();
  return sqlite3_changes64(connection.handle()) == 1;
}

void SqliteAccountStore::revoke_refresh_family(std::string_view family) {
  std::lock_guard lock(connections_.write_mutex());
  Statement update(connections_.writer(), sql::kRevokeRefreshFamily);
  update.bind(1, family).bind(2, utc_now_iso8601()).execute();
}

void SqliteAccountStore::revoke_account_tokens(int64_t account_id) {
  std::lock_guard lock(connections_.write_mutex());
  Statement update(connections_.writer(), sql::kRevokeAccountTokens);
  update.bind(1, account_id).bind(2, utc_now_iso8601()).execute();
}

SignInFailures SqliteAccountStore::record_sign_in_failure(std::string_view key) {
  std::lock_guard lock(connections_.write_mutex());
  Statement upsert(connections_.writer(), sql::kRecordSignInFailure);
  upsert.bind(1, key).bind(2, utc_now_iso8601());
  upsert.step();
  SignInFailures failures{upsert.column_int64(0), upsert.column_text(1)};
  upsert.reset();
  return failures;
}

SignInFailures SqliteAccountStore::sign_in_failures(std::string_view key) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kSelectSignInFailures);
  select.bind(1, key);
  if (!select.step()) {
    return {};
  }
  SignInFailures failures{select.column_int64(0), select.column_text(1)};
  select.reset();
  return failures;
}

void SqliteAccountStore::clear_sign_in_failures(std::string_view key) {
  std::lock_guard lock(connections_.write_mutex());
  Statement remove(connections_.writer(), sql::kClearSignInFailures);
  remove.bind(1, key).execute();
}

void SqliteAccountStore::insert_password_reset(std::string_view token_hash, int64_t account_id,
                                               std::string_view expires_at) {
  std::lock_guard lock(connections_.write_mutex());
  Statement insert(connections_.writer(), sql::kInsertPasswordReset);
  insert.bind(1, token_hash).bind(2, account_id).bind(3, utc_now_iso8601()).bind(4, expires_at);
  insert.execute();
}

std::optional<int64_t> SqliteAccountStore::consume_password_reset(std::string_view token_hash) {
  std::lock_guard lock(connections_.write_mutex());
  Statement consume(connections_.writer(), sql::kConsumePasswordReset);
  consume.bind(1, token_hash).bind(2, utc_now_iso8601());
  if (!consume.step()) {
    return std::nullopt;
  }
  const int64_t account_id = consume.column_int64(0);
  consume.reset();
  return account_id;
}

int64_t SqliteAccountStore::enqueue_message(const OutboxMessage& message) {
  std::lock_guard lock(connections_.write_mutex());
  Statement insert(connections_.writer(), sql::kInsertMessage);
  insert.bind(1, message.channel).bind(2, message.recipient).bind(3, message.subject);
  insert.bind(4, message.body);
  insert.bind(5, message.created_at.empty() ? utc_now_iso8601() : message.created_at);
  insert.bind_text_or_null(6, message.sent_at);
  insert.step();
  const int64_t id = insert.column_int64(0);
  insert.reset();
  return id;
}

std::vector<OutboxMessage> SqliteAccountStore::list_messages(int limit) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kListMessages);
  select.bind(1, int64_t{limit});
  std::vector<OutboxMessage> messages;
  while (select.step()) {
    messages.push_back(read_message(select));
  }
  return messages;
}

}  // namespace imagross::sqlite
