#pragma once

// The SQLite implementation of Database.
//
// Threads: one connection does all writes and most reads, behind a mutex, so calls from many
// threads run one at a time. scan_lines opens a read-only connection of its own for each call:
// in WAL mode it reads a snapshot while writes go on, and it does not hold the mutex, so its sink
// may call back into the database. A Checkpointer thread with a third connection moves the
// write-ahead log into the database file.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/sqlite/checkpointer.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/dictionary_cache.h"
#include "storage/sqlite/line_writer.h"

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

  void scan_lines(const std::function<void(std::span<const StoredLine>)>& sink) override;
  Dictionaries load_dictionaries() override;
  int64_t count_lines() override;

 private:
  DictionaryCache& current_cache();
  BatchResult write_batch(int64_t import_id, std::span<const ReceiptLine> lines);

  std::mutex mutex_;
  Connection connection_;
  std::unique_ptr<LineWriter> writer_;
  std::unique_ptr<Checkpointer> checkpointer_;
  // Loaded on first use, and reloaded when another connection has committed since then
  // (data_version). Dropped when a write fails, because it may contain ids that were rolled back.
  std::optional<DictionaryCache> cache_;
  int64_t cache_data_version_ = 0;
};

}  // namespace imagross::sqlite
