#pragma once

// The SQLite implementation of Database.
//
// Threads: one connection does all writes and most reads, behind a mutex, so calls from many
// threads run one at a time. prepare_lines runs beside them, under a mutex of its own (the
// BatchChain's), and reads stored receipts through a read-only connection of its own.
// scan_lines opens a read-only connection for each call: in WAL mode it reads a snapshot while
// writes go on, and it does not hold the mutex, so its sink may call back into the database. A
// Checkpointer thread with another connection moves the write-ahead log into the database file.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include "storage/database.h"
#include "storage/sqlite/account_store.h"
#include "storage/sqlite/audit_log.h"
#include "storage/sqlite/batch_chain.h"
#include "storage/sqlite/checkpointer.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/line_writer.h"
#include "storage/sqlite/member_store.h"
#include "storage/sqlite/points_store.h"
#include "storage/sqlite/prepared_batch.h"
#include "storage/sqlite/receipt_lookup.h"
#include "storage/sqlite/store_connections.h"

namespace imagross::sqlite {

// Lines per call of the scan_lines sink.
inline constexpr std::size_t kScanChunkLines = 32768;

class SqliteDatabase final : public Database {
 public:
  // Opens (creating when absent) the database file at `path`, or a "file:" URI, switches it to
  // WAL mode and runs the migrations. Throws StorageError when the file cannot be opened, is not
  // a SQLite database, or has a schema newer than this build.
  explicit SqliteDatabase(const std::string& path);
  ~SqliteDatabase() override;

  int schema_version() override;
  int64_t create_import(const ImportRecord& record) override;
  void update_import(const ImportRecord& record) override;
  std::optional<ImportRecord> find_import(int64_t id) override;
  std::vector<ImportRecord> list_imports(int limit, int offset) override;

  // Throws std::invalid_argument when no import has `import_id`.
  BatchResult write_lines(int64_t import_id, std::span<const ReceiptLine> lines) override;
  std::unique_ptr<PreparedLines> prepare_lines(int64_t import_id,
                                               std::span<const ReceiptLine> lines) override;
  // Throws std::invalid_argument when no import has the batch's import id.
  BatchResult write_prepared(PreparedLines& batch) override;

  void scan_lines(const std::function<void(std::span<const StoredLine>)>& sink) override;
  Dictionaries load_dictionaries() override;
  int64_t count_lines() override;
  int64_t count_receipt_lines(std::string_view receipt_code) override;

  MemberStore& members() override { return *members_; }
  AccountStore& accounts() override { return *accounts_; }
  AuditLog& audit() override { return *audit_; }
  PointsStore& points() override { return *points_; }

 private:
  class Prepared;

  void load_chain();
  BatchResult write_batch(PreparedBatch& batch);
  void record_committed(const PreparedBatch& batch);

  // Lock order: mutex_ before chain_.mutex(), never the other way round.
  std::mutex mutex_;
  Connection connection_;
  std::unique_ptr<LineWriter> writer_;
  std::unique_ptr<ReceiptLookup> lookup_;  // for batches prepared again in their transaction
  std::unique_ptr<Checkpointer> checkpointer_;
  // Guarded by mutex_: PRAGMA data_version when the chain's cache was loaded. The version
  // changes only when another connection commits, after which the cache may be out of date.
  int64_t chain_data_version_ = 0;
  // Guarded by mutex_: what load_dictionaries returns, read on its first call and then kept up
  // to date by each write, or read again when another connection has committed.
  std::optional<Dictionaries> committed_;
  int64_t committed_data_version_ = 0;

  BatchChain chain_;

  // The member, account, audit and points stores, on connections of their own.
  std::unique_ptr<StoreConnections> store_connections_;
  std::unique_ptr<SqliteMemberStore> members_;
  std::unique_ptr<SqliteAccountStore> accounts_;
  std::unique_ptr<SqliteAuditLog> audit_;
  std::unique_ptr<SqlitePointsStore> points_;
};

}  // namespace imagross::sqlite
