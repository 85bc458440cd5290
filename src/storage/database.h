#pragma once

// The one storage interface of ImaGross Loyalty. Callers never see SQL dialects: the SQLite
// implementation (storage/sqlite) is the default and a PostgreSQL one can replace it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/receipt_line.h"
#include "storage/account_store.h"
#include "storage/audit_log.h"
#include "storage/member_store.h"
#include "storage/points_store.h"

namespace imagross {

// A receipt line as the analytics engine reads it: dictionary ids in place of text.
// Ids are positive; 0 means "none" for card, department and promotion.
struct StoredLine {
  int64_t receipt_id = 0;
  int32_t line_number = 0;
  int64_t timestamp = 0;  // UTC seconds
  int32_t store_id = 0;
  int32_t card_id = 0;
  int32_t product_id = 0;
  int32_t department_id = 0;
  int32_t promotion_id = 0;
  int64_t quantity = 0;  // thousandths
  int64_t unit_price = 0;
  int64_t discount = 0;
  int64_t amount = 0;
  bool is_return = false;
};

struct StoreEntry {
  int32_t id = 0;
  std::string code;
  std::string name;  // the code when no name is known
};
struct DepartmentEntry {
  int32_t id = 0;
  std::string name;
};
struct ProductEntry {
  int32_t id = 0;
  std::string code;
  std::string name;       // the most recent name seen for this code
  int32_t department_id;  // the most recent department seen, 0 when none
};
struct CardEntry {
  int32_t id = 0;
  std::string number;
};
struct PromotionEntry {
  int32_t id = 0;
  std::string code;
};

// The dictionaries that StoredLine ids refer to, each sorted by id.
struct Dictionaries {
  std::vector<StoreEntry> stores;
  std::vector<DepartmentEntry> departments;
  std::vector<ProductEntry> products;
  std::vector<CardEntry> cards;
  std::vector<PromotionEntry> promotions;
};

enum class LineOutcome : uint8_t {
  inserted,
  duplicate,  // a line with the same key and identical values is stored already
  conflict,   // a line with the same key and different values is stored already
};

struct BatchResult {
  std::vector<LineOutcome> outcomes;  // one per input line, in input order
  std::vector<StoredLine> inserted;   // the lines inserted, in input order
  // One per conflict outcome, in input order: the id of the import that stored the line the
  // conflicting one collides with. Empty when the implementation does not track it.
  std::vector<int64_t> conflict_import_ids;
};

enum class ImportStatus : uint8_t { running, completed, failed };

// The status as the database, the API and the command line write it.
inline std::string_view import_status_name(ImportStatus status) {
  switch (status) {
    case ImportStatus::running:
      return "running";
    case ImportStatus::completed:
      return "completed";
    case ImportStatus::failed:
      return "failed";
  }
  return "failed";
}

// One run of an import: a file, its counts and where its rejected rows were written.
struct ImportRecord {
  int64_t id = 0;
  std::string kind = "sales";  // what was imported
  std::string source_name;     // file name as given by the user
  std::string format;          // "csv", "json", "xlsx", with "+gz" when compressed
  std::string options;         // JSON of the options used, for the record
  ImportStatus status = ImportStatus::running;
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // empty while running
  int64_t bytes_total = 0;  // 0 when unknown
  int64_t bytes_read = 0;
  int64_t lines_read = 0;
  int64_t imported = 0;
  int64_t updated = 0;  // rows that changed what was stored (a members import with --update)
  int64_t duplicates = 0;
  int64_t rejected = 0;
  std::string reject_report;  // path of the reject CSV, empty when nothing was rejected
  std::string error;          // why a failed import failed
  bool dry_run = false;
};

// A batch of lines prepared by Database::prepare_lines for Database::write_prepared. It refers
// to the caller's lines, which must stay unchanged until it is destroyed (a later batch may still
// read them), and it must not outlive the database that prepared it.
class PreparedLines {
 public:
  PreparedLines(int64_t import_id, std::span<const ReceiptLine> lines)
      : import_id_(import_id), lines_(lines) {}
  virtual ~PreparedLines() = default;
  PreparedLines(const PreparedLines&) = delete;
  PreparedLines& operator=(const PreparedLines&) = delete;

  int64_t import_id() const { return import_id_; }
  std::span<const ReceiptLine> lines() const { return lines_; }

 private:
  int64_t import_id_;
  std::span<const ReceiptLine> lines_;
};

// Thread-safe: every method may be called from any thread. Methods throw StorageError when the
// database itself fails (disk full, corrupt file, lost connection); bad data never throws.
class Database {
 public:
  virtual ~Database() = default;

  // The schema version after the migrations run at open.
  virtual int schema_version() = 0;

  // Imports. create_import fills in id and started_at and returns the id.
  virtual int64_t create_import(const ImportRecord& record) = 0;
  virtual void update_import(const ImportRecord& record) = 0;
  virtual std::optional<ImportRecord> find_import(int64_t id) = 0;
  // Newest first.
  virtual std::vector<ImportRecord> list_imports(int limit, int offset) = 0;

  // Writes a batch in one transaction: all of it or none. A line whose key (receipt code, line
  // number) is stored already is not written again and is reported as duplicate or conflict.
  virtual BatchResult write_lines(int64_t import_id, std::span<const ReceiptLine> lines) = 0;

  // write_lines in two steps, so that one thread can prepare the next batch while another writes
  // the previous one. prepare_lines does the work that needs no write transaction (for SQLite:
  // dictionary ids, receipt ids and the duplicate and conflict checks), and write_prepared
  // writes the batch with the contract of write_lines and returns its result. Write batches in
  // the order they were prepared. A batch written out of that order, or after another write
  // changed the database since it was prepared, is prepared again inside its transaction: the
  // result is the same, only slower. The defaults leave all the work to write_lines.
  virtual std::unique_ptr<PreparedLines> prepare_lines(int64_t import_id,
                                                       std::span<const ReceiptLine> lines) {
    return std::make_unique<PreparedLines>(import_id, lines);
  }
  virtual BatchResult write_prepared(PreparedLines& batch) {
    return write_lines(batch.import_id(), batch.lines());
  }

  // Calls `sink` with every stored line, in chunks, ordered by (receipt id, line number).
  virtual void scan_lines(const std::function<void(std::span<const StoredLine>)>& sink) = 0;
  // The dictionaries as committed: entries that only prepared batches use are not in them.
  virtual Dictionaries load_dictionaries() = 0;
  virtual int64_t count_lines() = 0;
  // The number of stored lines of the receipt `receipt_code`; 0 when it is not stored.
  virtual int64_t count_receipt_lines(std::string_view receipt_code) = 0;

  // The stores of members and cards, of online accounts, of the audit log, and of points. They
  // live as long as the database object and are thread-safe like it.
  virtual MemberStore& members() = 0;
  virtual AccountStore& accounts() = 0;
  virtual AuditLog& audit() = 0;
  virtual PointsStore& points() = 0;
};

// A failure of the database itself, not of the data given to it.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Opens (creating when absent) the database at `location` and runs its migrations.
// `location` is a SQLite file path, optionally prefixed "sqlite:".
std::unique_ptr<Database> open_database(const std::string& location);

}  // namespace imagross
