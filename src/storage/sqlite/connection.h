#pragma once

// A thin RAII layer over the SQLite C API: a connection, prepared statements and transactions.
// Every failure throws StorageError with SQLite's message, the database path and the statement
// name, so no caller ever checks a result code.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imagross::sqlite {

// How long a statement waits for another process's lock before it fails with "database is
// locked".
inline constexpr int kBusyTimeoutMilliseconds = 10000;

// One SQL statement of the project: a stable name for error messages and logs, and its text.
struct Sql {
  std::string_view name;
  std::string_view text;
};

class Connection;

// A prepared statement. Parameters are 1-based, columns 0-based, as in the SQLite C API.
// Not thread-safe: only the thread that uses its connection may use it.
class Statement {
 public:
  Statement(Connection& connection, const Sql& sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);
  // Binds NULL for 0, the value otherwise: ids of optional dictionary entries.
  Statement& bind_id_or_null(int index, int64_t id);
  // Binds NULL for empty text, the text otherwise: values that are unknown or not set yet.
  Statement& bind_text_or_null(int index, std::string_view text);
  // Binds NULL for none, the value otherwise.
  Statement& bind_optional(int index, std::optional<int64_t> value);
  // Binds a pointer for a table-valued function that reads it (see batch_table.h).
  Statement& bind_pointer(int index, const void* pointer, const char* type);

  // Runs the statement up to its next row. Returns true when a row is available and false when
  // the statement has finished.
  bool step();
  // Runs a statement that returns no rows, then resets it for the next use.
  void execute();
  // Makes the statement ready to run again and clears its bindings.
  void reset();

  int64_t column_int64(int column) const;
  // 0 for NULL: ids of optional dictionary entries.
  int64_t column_id(int column) const { return column_int64(column); }
  std::string column_text(int column) const;
  // The text of `column`, valid until the next step() or reset().
  std::string_view column_view(int column) const;
  bool column_is_null(int column) const;

 private:
  [[noreturn]] void fail(int code) const;

  Connection* connection_;
  std::string_view name_;
  sqlite3_stmt* handle_ = nullptr;
};

// An open database connection. Owns its handle and closes it on destruction.
class Connection {
 public:
  // Opens `path` with `flags` (SQLITE_OPEN_*). Throws StorageError when it cannot be opened.
  Connection(const std::string& path, int flags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that take no parameters (schema changes, pragmas).
  void execute(const Sql& sql);
  // Runs a statement that returns one integer, such as a pragma or count(*).
  int64_t query_int64(const Sql& sql);
  // Runs a statement that returns one text value, or nullopt when it returns no row.
  std::optional<std::string> query_text(const Sql& sql);

  // Throws StorageError for SQLite result `code`, naming `action` and the database path.
  [[noreturn]] void fail(std::string_view action, int code) const;

  sqlite3* handle() const { return handle_; }
  const std::string& path() const { return path_; }
  bool in_transaction() const { return sqlite3_get_autocommit(handle_) == 0; }

 private:
  std::string path_;
  sqlite3* handle_ = nullptr;
};

enum class TransactionMode : uint8_t {
  // BEGIN IMMEDIATE: the write lock is taken at once, so a busy database fails at the start
  // (after the busy timeout) rather than halfway through the work.
  immediate,
  // BEGIN: a read snapshot, taken at the first read.
  deferred,
};

// Begins a transaction on construction and rolls it back on destruction unless commit() was
// called.
class Transaction {
 public:
  explicit Transaction(Connection& connection, TransactionMode mode = TransactionMode::immediate);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

}  // namespace imagross::sqlite
