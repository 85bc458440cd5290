#pragma once

// The rows that write_lines inserts, and the table-valued functions batch_lines and
// batch_receipts that hand them to SQLite.

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/database.h"
#include "storage/sqlite/batch_table.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// A receipt line as stored: the public StoredLine, the id of the product name the line gave and
// the import that wrote it.
struct LineRow {
  StoredLine line;
  int32_t product_name_id = 0;
  int64_t import_id = 0;
};

// A receipt of the batch: its id and its code.
struct BatchReceipt {
  int64_t id = 0;
  std::string_view code;  // points into the caller's lines, which outlive the batch
};

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

// Registers batch_lines and batch_receipts on `connection`.
void register_line_batch_tables(Connection& connection);

}  // namespace imagross::sqlite
