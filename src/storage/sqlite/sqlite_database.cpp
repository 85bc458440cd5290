#include "storage/sqlite/sqlite_database.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <stdexcept>
#include <vector>

#include "storage/sqlite/import_records.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = statements;

// SQLITE_OPEN_NOMUTEX: SQLite's own per-call locking is redundant, because a connection is used
// by one thread at a time (the class mutex, or the scanning thread).
constexpr int kWriteFlags =
    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
constexpr int kScanFlags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;

void configure(Connection& connection) {
  sqlite3_busy_timeout(connection.handle(), kBusyTimeoutMilliseconds);
  // The first statement reads the file header, so a file that is not a database fails here.
  std::optional<std::string> mode = connection.query_text(sql::kJournalModeWal);
  if (mode != "wal") {
    throw StorageError(fmt::format(
        "database {}: cannot switch to WAL journal mode (the mode stays '{}'); the file may be "
        "read-only or on a file system without shared memory",
        connection.path(), mode.value_or("")));
  }
  connection.execute(sql::kSettings);
}

const std::string& file_path(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.find("mode=memory") != std::string::npos) {
    throw StorageError(fmt::format(
        "database '{}': an in-memory database cannot be used, because scan_lines reads through a "
        "second connection; give a file path",
        path));
  }
  return path;
}

// Turns foreign-key enforcement off for the lifetime of the object. Checking the 8 references
// of each receipt line tripled the time of the insert statement (1.8 s instead of 0.6 s for 1M
// lines on SQLite 3.40). The ids of a batch come from the dictionaries written in the same
// transaction, and the tests check the references with PRAGMA foreign_key_check.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(Connection& connection) : connection_(connection) {
    connection_.execute(sql::kForeignKeysOff);
  }
  ~ForeignKeysOff() {
    int code = sqlite3_exec(connection_.handle(), sql::kForeignKeysOn.text.data(), nullptr, nullptr,
                            nullptr);
    if (code != SQLITE_OK) {
      spdlog::error("database {}: turning foreign keys back on failed: {}", connection_.path(),
                    sqlite3_errmsg(connection_.handle()));
    }
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  Connection& connection_;
};

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path)
    : connection_(file_path(path), kWriteFlags) {
  configure(connection_);
  int version = migrate(connection_, schema_migrations());
  writer_ = std::make_unique<LineWriter>(connection_);
  // A read-only connection (a "mode=ro" URI) cannot checkpoint.
  if (sqlite3_db_readonly(connection_.handle(), "main") == 0) {
    checkpointer_ = std::make_unique<Checkpointer>(connection_.path(), connection_);
  }
  spdlog::info("database {}: opened at schema version {}", connection_.path(), version);
}

SqliteDatabase::~SqliteDatabase() = default;

int SqliteDatabase::schema_version() {
  std::lock_guard lock(mutex_);
  return applied_schema_version(connection_);
}

int64_t SqliteDatabase::create_import(const ImportRecord& record) {
  std::lock_guard lock(mutex_);
  return insert_import(connection_, record);
}

void SqliteDatabase::update_import(const ImportRecord& record) {
  std::lock_guard lock(mutex_);
  sqlite::update_import(connection_, record);
}

std::optional<ImportRecord> SqliteDatabase::find_import(int64_t id) {
  std::lock_guard lock(mutex_);
  return sqlite::find_import(connection_, id);
}

std::vector<ImportRecord> SqliteDatabase::list_imports(int limit, int offset) {
  std::lock_guard lock(mutex_);
  return sqlite::list_imports(connection_, limit, offset);
}

BatchResult SqliteDatabase::write_lines(int64_t import_id, std::span<const ReceiptLine> lines) {
  std::lock_guard lock(mutex_);
  if (!import_exists(connection_, import_id)) {
    throw std::invalid_argument(
        fmt::format("write_lines: no import has id {}; create it with create_import", import_id));
  }
  if (lines.empty()) {
    return {};
  }
  try {
    return write_batch(import_id, lines);
  } catch (...) {
    cache_.reset();
    throw;
  }
}

BatchResult SqliteDatabase::write_batch(int64_t import_id, std::span<const ReceiptLine> lines) {
  ForeignKeysOff foreign_keys_off(connection_);
  Transaction transaction(connection_);
  DictionaryCache& cache = current_cache();
  if (!cache.receipts_loaded) {
    cache.receipts.load(connection_);
    cache.receipts_loaded = true;
  }
  BatchResult result = writer_->write(import_id, lines, cache);
  transaction.commit();
  return result;
}

// Call inside a transaction, so that the version and the tables read belong to one snapshot.
DictionaryCache& SqliteDatabase::current_cache() {
  int64_t version = connection_.query_int64(sql::kDataVersion);
  if (!cache_ || version != cache_data_version_) {
    cache_.emplace();
    cache_->load(connection_);
    cache_data_version_ = version;
    spdlog::debug("database {}: loaded the dictionaries ({} products, {} cards)",
                  connection_.path(), cache_->products.size(), cache_->cards.size());
  }
  return *cache_;
}

Dictionaries SqliteDatabase::load_dictionaries() {
  std::lock_guard lock(mutex_);
  Transaction transaction(connection_, TransactionMode::deferred);
  Dictionaries dictionaries = current_cache().snapshot();
  transaction.commit();
  return dictionaries;
}

int64_t SqliteDatabase::count_lines() {
  std::lock_guard lock(mutex_);
  return connection_.query_int64(sql::kCountLines);
}

void SqliteDatabase::scan_lines(const std::function<void(std::span<const StoredLine>)>& sink) {
  Connection reader(connection_.path(), kScanFlags);
  sqlite3_busy_timeout(reader.handle(), kBusyTimeoutMilliseconds);
  Statement scan(reader, sql::kScanLines);
  std::vector<StoredLine> chunk;
  chunk.reserve(kScanChunkLines);
  while (scan.step()) {
    chunk.push_back(read_line_columns(scan, 1, scan.column_int64(0)));
    if (chunk.size() == kScanChunkLines) {
      sink(chunk);
      chunk.clear();
    }
  }
  if (!chunk.empty()) {
    sink(chunk);
  }
}

}  // namespace imagross::sqlite
