#pragma once

// The rows that write_lines inserts, and the table-valued functions batch_lines and
// batch_receipts that hand them to SQLite.

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/database.h"
#include "storage/sqlite/batch_table.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/dictionary_cache.h"

namespace imagross::sqlite {

// Marks the absence of a row position.
inline constexpr uint32_t kNoRow = 0xFFFF'FFFFU;

// A receipt line as stored: the public StoredLine, the id of the product name the line gave and
// the import that wrote it.
struct LineRow {
  StoredLine line;
  int32_t product_name_id = 0;
  // The previous row of the same receipt in the batch that contains this row (a position as
  // PreparedBatch numbers them), kNoRow for the first.
  uint32_t previous_row = kNoRow;
  int64_t import_id = 0;
};

// A receipt of the batch: its id, its code and a summary of its rows in the batch.
struct BatchReceipt {
  int64_t id = 0;
  std::string_view code;       // points into the caller's lines, which outlive the batch
  uint32_t last_row = kNoRow;  // the receipt's last row in the batch, the start of its chain
  uint32_t rows = 0;
  int32_t max_line_number = 0;
  bool indexed = false;  // its rows are in PreparedBatch::known_index
};

// Reads a stored line from `row`, whose columns from `first` on are line_number, timestamp,
// store_id, card_id, product_id, department_id, quantity, unit_price, discount, amount,
// promotion_id and is_return (the order of kScanLines and kSelectReceiptLines).
StoredLine read_line_columns(const Statement& row, int first, int64_t receipt_id);

// The rows of batch_lines: every column of receipt_lines but import_id.
class LineRows final : public BatchRows {
 public:
  explicit LineRows(const std::vector<LineRow>& rows) : rows_(rows) {}
  std::size_t size() const noexcept override { return rows_.size(); }
  void column(std::size_t row, int column, sqlite3_context* context) const noexcept override;

 private:
  const std::vector<LineRow>& rows_;
};

// The rows of batch_receipts: id and code.
class ReceiptRows final : public BatchRows {
 public:
  explicit ReceiptRows(const std::vector<BatchReceipt>& rows) : rows_(rows) {}
  std::size_t size() const noexcept override { return rows_.size(); }
  void column(std::size_t row, int column, sqlite3_context* context) const noexcept override;

 private:
  const std::vector<BatchReceipt>& rows_;
};

// The rows of batch_entries: new entries of one dictionary table, as id, key (the UNIQUE text),
// name (stores and products; NULL for the others) and department_id (products; NULL for none).
template <typename Entry>
class EntryRows final : public BatchRows {
 public:
  explicit EntryRows(const std::vector<Entry>& rows) : rows_(rows) {}
  std::size_t size() const noexcept override { return rows_.size(); }
  void column(std::size_t row, int column, sqlite3_context* context) const noexcept override;

 private:
  const std::vector<Entry>& rows_;
};

// Registers batch_lines, batch_receipts and batch_entries on `connection`.
void register_line_batch_tables(Connection& connection);

}  // namespace imagross::sqlite
