#include "storage/sqlite/sqlite_database.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

#include "storage/sqlite/dictionary_cache.h"
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
  connection.execute(sql::kPageSize);
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

// A batch that prepare_lines prepared. Destroyed unwritten, it leaves the chain.
class SqliteDatabase::Prepared final : public PreparedLines {
 public:
  Prepared(SqliteDatabase& owner, int64_t import_id, std::span<const ReceiptLine> lines)
      : PreparedLines(import_id, lines), owner_(owner) {
    batch.import_id = import_id;
    batch.lines = lines;
  }
  ~Prepared() override { owner_.chain_.discard(batch); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  bool belongs_to(const SqliteDatabase& database) const { return &owner_ == &database; }

  PreparedBatch batch;

 private:
  SqliteDatabase& owner_;
};

SqliteDatabase::SqliteDatabase(const std::string& path)
    : connection_(file_path(path), kWriteFlags), chain_(connection_.path()) {
  configure(connection_);
  int version = migrate(connection_, schema_migrations());
  writer_ = std::make_unique<LineWriter>(connection_);
  lookup_ = std::make_unique<ReceiptLookup>(connection_);
  // A read-only connection (a "mode=ro" URI) cannot checkpoint.
  if (sqlite3_db_readonly(connection_.handle(), "main") == 0) {
    checkpointer_ = std::make_unique<Checkpointer>(connection_.path(), connection_);
  }
  store_connections_ =
      std::make_unique<StoreConnections>(connection_.path(), kWriteFlags, kScanFlags);
  members_ = std::make_unique<SqliteMemberStore>(*store_connections_);
  accounts_ = std::make_unique<SqliteAccountStore>(*store_connections_);
  audit_ = std::make_unique<SqliteAuditLog>(*store_connections_);
  points_ = std::make_unique<SqlitePointsStore>(*store_connections_);
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
  std::unique_ptr<PreparedLines> prepared = prepare_lines(import_id, lines);
  return write_prepared(*prepared);
}

std::unique_ptr<PreparedLines> SqliteDatabase::prepare_lines(int64_t import_id,
                                                             std::span<const ReceiptLine> lines) {
  auto prepared = std::make_unique<Prepared>(*this, import_id, lines);
  if (lines.empty()) {
    return prepared;
  }
  std::unique_lock chain_lock(chain_.mutex());
  while (!chain_.loaded()) {
    chain_lock.unlock();
    load_chain();
    chain_lock.lock();
  }
  chain_.prepare(prepared->batch);
  return prepared;
}

// Loads the chain's cache through the writing connection. PRAGMA data_version on that connection
// changes only when another connection commits, so write_batch can compare it later.
void SqliteDatabase::load_chain() {
  std::lock_guard lock(mutex_);
  std::lock_guard chain_lock(chain_.mutex());
  if (chain_.loaded()) {
    return;
  }
  Transaction transaction(connection_, TransactionMode::deferred);
  chain_.load(connection_);
  chain_data_version_ = connection_.query_int64(sql::kDataVersion);
  transaction.commit();
  spdlog::debug("database {}: loaded the dictionaries for writing", connection_.path());
}

BatchResult SqliteDatabase::write_prepared(PreparedLines& lines) {
  auto* prepared = dynamic_cast<Prepared*>(&lines);
  if (prepared == nullptr || !prepared->belongs_to(*this)) {
    return write_lines(lines.import_id(), lines.lines());
  }
  std::lock_guard lock(mutex_);
  if (!import_exists(connection_, lines.import_id())) {
    throw std::invalid_argument(fmt::format(
        "write_lines: no import has id {}; create it with create_import", lines.import_id()));
  }
  if (lines.lines().empty()) {
    return {};
  }
  try {
    return write_batch(prepared->batch);
  } catch (...) {
    // The cache contains the ids of the batch that the rollback undid.
    std::lock_guard chain_lock(chain_.mutex());
    chain_.reset();
    throw;
  }
}

// A batch is written as it was prepared when it is the next of the chain and no other
// connection has committed since the chain's cache was loaded. Otherwise it is prepared again
// here, inside the transaction, on a cache loaded afresh. The usual case takes no lock of the
// chain, so that preparing the next batch goes on meanwhile.
BatchResult SqliteDatabase::write_batch(PreparedBatch& batch) {
  ForeignKeysOff foreign_keys_off(connection_);
  Transaction transaction(connection_);
  const int64_t data_version = connection_.query_int64(sql::kDataVersion);
  std::unique_lock<std::mutex> chain_lock;
  if (!chain_.is_next(batch) || data_version != chain_data_version_) {
    chain_lock = std::unique_lock(chain_.mutex());
    chain_.load(connection_);
    chain_data_version_ = data_version;
    chain_.prepare_again(batch, *lookup_);
    spdlog::debug("database {}: prepared a batch again inside its transaction", connection_.path());
  }
  writer_->insert(batch);
  transaction.commit();
  chain_.mark_written(batch);
  record_committed(batch);
  return std::move(batch.result);
}

// Adds what a committed batch created to committed_, keeping every dictionary sorted by id: new
// ids are above every stored one.
void SqliteDatabase::record_committed(const PreparedBatch& batch) {
  if (!committed_) {
    return;
  }
  Dictionaries& dictionaries = *committed_;
  const NewEntries& created = batch.entries;
  dictionaries.stores.insert(dictionaries.stores.end(), created.stores.begin(),
                             created.stores.end());
  dictionaries.departments.insert(dictionaries.departments.end(), created.departments.begin(),
                                  created.departments.end());
  dictionaries.products.insert(dictionaries.products.end(), created.products.begin(),
                               created.products.end());
  dictionaries.cards.insert(dictionaries.cards.end(), created.cards.begin(), created.cards.end());
  dictionaries.promotions.insert(dictionaries.promotions.end(), created.promotions.begin(),
                                 created.promotions.end());
  for (const ProductUpdate& update : batch.product_updates) {
    auto product =
        std::lower_bound(dictionaries.products.begin(), dictionaries.products.end(), update.id,
                         [](const ProductEntry& entry, int32_t id) { return entry.id < id; });
    if (product != dictionaries.products.end() && product->id == update.id) {
      product->name = update.name;
      product->department_id = update.department_id;
    }
  }
}

Dictionaries SqliteDatabase::load_dictionaries() {
  std::lock_guard lock(mutex_);
  Transaction transaction(connection_, TransactionMode::deferred);
  const int64_t data_version = connection_.query_int64(sql::kDataVersion);
  if (!committed_ || data_version != committed_data_version_) {
    DictionaryCache stored;
    stored.load(connection_);
    committed_ = stored.snapshot();
    committed_data_version_ = data_version;
  }
  transaction.commit();
  return *committed_;
}

int64_t SqliteDatabase::count_lines() {
  std::lock_guard lock(mutex_);
  return connection_.query_int64(sql::kCountLines);
}

int64_t SqliteDatabase::count_receipt_lines(std::string_view receipt_code) {
  std::lock_guard lock(mutex_);
  Statement count(connection_, sql::kCountReceiptLines);
  count.bind(1, receipt_code);
  return count.step() ? count.column_int64(0) : 0;
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
