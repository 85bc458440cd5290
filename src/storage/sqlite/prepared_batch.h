#pragma once

// A batch of receipt lines with every id resolved: what BatchPreparer produces without a write
// transaction and LineWriter inserts inside one.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/receipt_line.h"
#include "storage/database.h"
#include "storage/sqlite/dictionary_cache.h"
#include "storage/sqlite/line_rows.h"
#include "storage/sqlite/position_index.h"

namespace imagross::sqlite {

// Dictionary entries that a batch creates, inserted when the batch is written.
struct NewEntries {
  std::vector<StoreEntry> stores;
  std::vector<DepartmentEntry> departments;
  std::vector<ProductEntry> products;  // with the name and department they were created with
  std::vector<ProductNameEntry> product_names;
  std::vector<CardEntry> cards;
  std::vector<PromotionEntry> promotions;
};

// The latest name and department of a product after a batch, written with the batch.
struct ProductUpdate {
  int32_t id = 0;
  std::string name;
  int32_t department_id = 0;  // 0 when none
};

// A batch of lines with its ids, keys, outcomes and the rows to insert.
struct PreparedBatch {
  // Row positions with this bit set are in stored_rows, the others in new_rows.
  static constexpr uint32_t kStoredRow = 0x8000'0000U;

  const LineRow& row(uint32_t position) const {
    return (position & kStoredRow) != 0 ? stored_rows[position & ~kStoredRow] : new_rows[position];
  }
  // The row of `receipt` with `line_number`, among the stored and the new rows; null when none.
  const LineRow* find_known(const BatchReceipt& receipt, int32_t line_number) const;
  // The receipt with `code`, whose hash_text() is `hash`; null when the batch has none.
  const BatchReceipt* find_receipt(std::string_view code, uint64_t hash) const;
  // Adds a row to new_rows or (`stored`) stored_rows, chained to the receipt's earlier rows.
  void add_row(LineRow row, BatchReceipt& receipt, bool stored);
  // Calls `visit` with every row of `receipt`, last first.
  template <typename Visit>
  void for_each_row(const BatchReceipt& receipt, Visit&& visit) const {
    for (uint32_t position = receipt.last_row; position != kNoRow;) {
      const LineRow& current = row(position);
      visit(current);
      position = current.previous_row;
    }
  }

  // Moves the rows of a receipt whose chain got long into known_index.
  void index_rows(BatchReceipt& receipt);

  int64_t import_id = 0;
  std::span<const ReceiptLine> lines;
  // Set by BatchChain: the state of the dictionary cache this batch was prepared on, and its
  // place in the order of prepared batches.
  uint64_t epoch = 0;
  uint64_t sequence = 0;

  // Receipts met in this batch, stored or new, found by code through receipt_index.
  std::vector<BatchReceipt> receipts;
  PositionIndex receipt_index;
  std::vector<BatchReceipt> new_receipts;
  // Lines whose key is in use: the lines stored already (or written by an earlier batch not yet
  // committed) of the batch's receipts, and the new lines. A receipt's rows are found through its
  // chain, or through known_index once it has more than kChainedRows of them.
  static constexpr uint32_t kChainedRows = 16;
  std::vector<LineRow> stored_rows;
  std::vector<LineRow> new_rows;
  PositionIndex known_index;
  NewEntries entries;
  std::vector<ProductUpdate> product_updates;
  BatchResult result;
};

}  // namespace imagross::sqlite
