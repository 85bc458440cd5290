#pragma once

// Writing a batch of receipt lines: dictionary ids resolved through the in-memory cache, the
// key (receipt code, line number) checked against stored lines and earlier lines of the batch,
// and the new receipts and lines inserted with one statement each.

#include <cstdint>
#include <span>
#include <string_view>

#include "domain/receipt_line.h"
#include "storage/database.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/dictionary_cache.h"
#include "storage/sqlite/line_rows.h"

namespace imagross::sqlite {

// Reads a stored line from `row`, whose columns from `first` on are line_number, timestamp,
// store_id, card_id, product_id, department_id, quantity, unit_price, discount, amount,
// promotion_id and is_return (the order of kScanLines and kSelectReceiptLines).
StoredLine read_line_columns(const Statement& row, int first, int64_t receipt_id);

class LineWriter {
 public:
  // Prepares the statements and registers the table-valued functions batch_lines and
  // batch_receipts on `connection`.
  explicit LineWriter(Connection& connection);
  ~LineWriter();

  // Writes `lines` inside the transaction the caller holds, and adds what it creates to `cache`.
  // The caller discards `cache` when the transaction does not commit.
  BatchResult write(int64_t import_id, std::span<const ReceiptLine> lines, DictionaryCache& cache);

 private:
  struct Batch;

  int64_t receipt_id(Batch& batch, std::string_view code);
  int64_t find_or_add_receipt(Batch& batch, std::string_view code, uint64_t hash);
  void load_stored_lines(Batch& batch, int64_t receipt_id);
  void write_line(Batch& batch, const ReceiptLine& line, BatchResult& result);
  LineRow make_row(Batch& batch, int64_t receipt_id, const ReceiptLine& line);
  void resolve_product(Batch& batch, const ReceiptLine& line, LineRow& row);
  ProductEntry& add_product(DictionaryCache& cache, const ReceiptLine& line, int32_t department_id);
  void update_latest(Batch& batch, ProductEntry& product, const ReceiptLine& line,
                     int32_t department_id);
  // Returns the id of `key` in `dictionary`, inserting a new entry when it has none.
  template <typename Entry>
  int32_t resolve(Dictionary<Entry>& dictionary, Statement& insert, std::string_view key);
  template <typename Entry, typename Recent>
  int32_t resolve(Dictionary<Entry>& dictionary, Statement& insert, std::string_view key,
                  Recent& recent);
  void update_products(Batch& batch);
  void insert_rows(Batch& batch, int64_t import_id);

  // Registers batch_lines and batch_receipts, which the insert statements below need when they
  // are prepared: declared first so that it is constructed first.
  struct BatchFunctions {
    explicit BatchFunctions(Connection& connection);
  };

  BatchFunctions functions_;
  Statement insert_store_;
  Statement insert_department_;
  Statement insert_product_;
  Statement update_product_;
  Statement insert_product_name_;
  Statement insert_card_;
  Statement insert_promotion_;
  Statement select_receipt_id_;
  Statement select_receipt_lines_;
  Statement insert_receipts_;
  Statement insert_lines_;
};

}  // namespace imagross::sqlite
