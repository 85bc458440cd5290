#include "storage/sqlite/connection.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <utility>

#include "storage/database.h"

namespace imagross::sqlite {
namespace {

constexpr Sql kBeginImmediate{"begin_immediate", "BEGIN IMMEDIATE"};
constexpr Sql kBeginDeferred{"begin_deferred", "BEGIN"};
constexpr Sql kCommit{"commit", "COMMIT"};
constexpr Sql kRollback{"rollback", "ROLLBACK"};

int to_int(std::size_t size) {
  return static_cast<int>(size);
}

}  // namespace

Connection::Connection(const std::string& path, int flags) : path_(path) {
  int code = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
  if (code != SQLITE_OK) {
    // The handle exists even on failure and carries the message.
    std::string message = handle_ != nullptr ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
    sqlite3_close(handle_);
    handle_ = nullptr;
    throw StorageError(
        fmt::format("cannot open database {}: {} (SQLite error {})", path, message, code));
  }
  sqlite3_extended_result_codes(handle_, 1);
}

Connection::~Connection() {
  // close_v2 waits for the last statement to be finalized, should one outlive its connection.
  sqlite3_close_v2(handle_);
}

void Connection::fail(std::string_view action, int code) const {
  throw StorageError(fmt::format("database {}: {} failed: {} (SQLite error {})", path_, action,
                                 sqlite3_errmsg(handle_), code));
}

void Connection::execute(const Sql& sql) {
  std::string text(sql.text);
  int code = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) {
    fail(fmt::format("statement {}", sql.name), code);
  }
}

int64_t Connection::query_int64(const Sql& sql) {
  Statement statement(*this, sql);
  if (!statement.step()) {
    throw StorageError(fmt::format("database {}: statement {} returned no row", path_, sql.name));
  }
  return statement.column_int64(0);
}

std::optional<std::string> Connection::query_text(const Sql& sql) {
  Statement statement(*this, sql);
  if (!statement.step()) {
    return std::nullopt;
  }
  return statement.column_text(0);
}

Statement::Statement(Connection& connection, const Sql& sql)
    : connection_(&connection), name_(sql.name) {
  int code = sqlite3_prepare_v3(connection.handle(), sql.text.data(), to_int(sql.text.size()),
                                SQLITE_PREPARE_PERSISTENT, &handle_, nullptr);
  if (code != SQLITE_OK) {
    connection.fail(fmt::format("preparing statement {}", name_), code);
  }
}

Statement::~Statement() {
  sqlite3_finalize(handle_);
}

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_),
      name_(other.name_),
      handle_(std::exchange(other.handle_, nullptr)) {}

void Statement::fail(int code) const {
  // Read the message before reset, which releases the statement's locks.
  std::string message = sqlite3_errmsg(connection_->handle());
  sqlite3_reset(handle_);
  throw StorageError(fmt::format("database {}: statement {} failed: {} (SQLite error {})",
                                 connection_->path(), name_, message, code));
}

Statement& Statement::bind(int index, int64_t value) {
  int code = sqlite3_bind_int64(handle_, index, value);
  if (code != SQLITE_OK) {
    fail(code);
  }
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  int code =
      sqlite3_bind_text(handle_, index, value.data(), to_int(value.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) {
    fail(code);
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  int code = sqlite3_bind_null(handle_, index);
  if (code != SQLITE_OK) {
    fail(code);
  }
  return *this;
}

Statement& Statement::bind_id_or_null(int index, int64_t id) {
  return id == 0 ? bind_null(index) : bind(index, id);
}

Statement& Statement::bind_text_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

Statement& Statement::bind_optional(int index, std::optional<int64_t> value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_pointer(int index, const void* pointer, const char* type) {
  // SQLite takes a mutable pointer but only hands it back to the function that reads it.
  int code = sqlite3_bind_pointer(handle_, index, const_cast<void*>(pointer), type, nullptr);
  if (code != SQLITE_OK) {
    fail(code);
  }
  return *this;
}

bool Statement::step() {
  int code = sqlite3_step(handle_);
  if (code == SQLITE_ROW) {
    return true;
  }
  if (code == SQLITE_DONE) {
    return false;
  }
  fail(code);
}

void Statement::execute() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  // A failure of the last step was reported by step() already.
  sqlite3_reset(handle_);
  sqlite3_clear_bindings(handle_);
}

int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(handle_, column);
}

std::string Statement::column_text(int column) const {
  return std::string(column_view(column));
}

std::string_view Statement::column_view(int column) const {
  const unsigned char* text = sqlite3_column_text(handle_, column);
  if (text == nullptr) {
    return {};
  }
  auto size = static_cast<std::size_t>(sqlite3_column_bytes(handle_, column));
  return std::string_view(reinterpret_cast<const char*>(text), size);
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(handle_, column) == SQLITE_NULL;
}

Transaction::Transaction(Connection& connection, TransactionMode mode) : connection_(connection) {
  connection_.execute(mode == TransactionMode::immediate ? kBeginImmediate : kBeginDeferred);
}

Transaction::~Transaction() {
  // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR), so check first.
  if (!open_ || !connection_.in_transaction()) {
    return;
  }
  int code = sqlite3_exec(connection_.handle(), kRollback.text.data(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) {
    spdlog::error("database {}: rollback failed: {} (SQLite error {})", connection_.path(),
                  sqlite3_errmsg(connection_.handle()), code);
  }
}

void Transaction::commit() {
  connection_.execute(kCommit);
  open_ = false;
}

}  // namespace imagross::sqlite
