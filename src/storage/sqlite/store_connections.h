#pragma once

// The connections of the member, account and audit stores. They are apart from the connection
// that writes receipt lines, so these stores neither wait for the sales writer's mutex nor make
// it wait. The sales writer learns of their commits through PRAGMA data_version and reloads its
// dictionary caches, which matters because both write the cards table.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

class StoreConnections {
 public:
  // Opens the writing connection at once with `write_flags` and read-only connections with
  // `read_flags` when needed. `path` is the database file or "file:" URI.
  StoreConnections(const std::string& path, int write_flags, int read_flags);
  StoreConnections(const StoreConnections&) = delete;
  StoreConnections& operator=(const StoreConnections&) = delete;

  // A read-only connection lent to one caller, and returned to the pool when destroyed. In WAL
  // mode it reads the last commit without waiting for the writer.
  class Reader {
   public:
    Reader(StoreConnections& owner, std::unique_ptr<Connection> connection)
        : owner_(owner), connection_(std::move(connection)) {}
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    StoreConnections& owner_;
    std::unique_ptr<Connection> connection_;
  };

  Reader reader();

  // The writing connection; use it only while holding write_mutex().
  Connection& writer() { return writer_; }
  std::mutex& write_mutex() { return write_mutex_; }

 private:
  void give_back(std::unique_ptr<Connection> connection);

  std::string path_;
  int read_flags_;
  std::mutex write_mutex_;
  Connection writer_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace imagross::sqlite
