#include "storage/sqlite/store_connections.h"

#include <utility>

#include "storage/sqlite/statements.h"

namespace imagross::sqlite {
namespace {

// Idle read-only connections kept open, each with its own page cache. More may be open at once
// while many threads read; the extra ones close when returned.
constexpr std::size_t kMaxIdleReaders = 4;

void configure_store_connection(Connection& connection) {
  sqlite3_busy_timeout(connection.handle(), kBusyTimeoutMilliseconds);
  connection.execute(statements::kSettings);
}

}  // namespace

StoreConnections::StoreConnections(const std::string& path, int write_flags, int read_flags)
    : path_(path), read_flags_(read_flags), writer_(path, write_flags) {
  configure_store_connection(writer_);
}

StoreConnections::Reader::~Reader() {
  owner_.give_back(std::move(connection_));
}

StoreConnections::Reader StoreConnections::reader() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return Reader(*this, std::move(connection));
    }
  }
  auto connection = std::make_unique<Connection>(path_, read_flags_);
  sqlite3_busy_timeout(connection->handle(), kBusyTimeoutMilliseconds);
  return Reader(*this, std::move(connection));
}

void StoreConnections::give_back(std::unique_ptr<Connection> connection) {
  // A connection left inside a transaction by an exception must not serve the next reader.
  if (connection == nullptr || connection->in_transaction()) {
    return;
  }
  std::lock_guard lock(pool_mutex_);
  if (idle_readers_.size() < kMaxIdleReaders) {
    idle_readers_.push_back(std::move(connection));
  }
}

}  // namespace imagross::sqlite
