#pragma once

// Inserting a prepared batch: the dictionary entries it creates, the latest names and
// departments of its products, and its new receipts and lines, each kind with one statement.

#include "storage/sqlite/connection.h"
#include "storage/sqlite/prepared_batch.h"

namespace imagross::sqlite {

class LineWriter {
 public:
  // Prepares the statements and registers the table-valued functions batch_lines,
  // batch_receipts and batch_entries on `connection`.
  explicit LineWriter(Connection& connection);

  // Inserts `batch` inside the transaction the caller holds.
  void insert(const PreparedBatch& batch);

 private:
  void insert_entries(const NewEntries& entries);
  void update_products(const PreparedBatch& batch);
  void insert_rows(const PreparedBatch& batch);

  // Registers the table-valued functions, which the insert statements below need when they are
  // prepared: declared first so that it is constructed first.
  struct BatchFunctions {
    explicit BatchFunctions(Connection& connection);
  };

  BatchFunctions functions_;
  Statement insert_stores_;
  Statement insert_departments_;
  Statement insert_products_;
  Statement update_product_;
  Statement insert_product_names_;
  Statement insert_cards_;
  Statement insert_promotions_;
  Statement insert_receipts_;
  Statement insert_lines_;
};

}  // namespace imagross::sqlite
