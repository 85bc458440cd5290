#include "storage/sqlite/line_writer.h"

#include <vector>

#include "storage/sqlite/batch_table.h"
#include "storage/sqlite/line_rows.h"
#include "storage/sqlite/statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = statements;

template <typename Entry>
void insert_all(Statement& insert, const std::vector<Entry>& entries) {
  if (!entries.empty()) {
    EntryRows<Entry> rows(entries);
    bind_rows(insert, 1, rows).execute();
  }
}

}  // namespace

LineWriter::BatchFunctions::BatchFunctions(Connection& connection) {
  register_line_batch_tables(connection);
}

LineWriter::LineWriter(Connection& connection)
    : functions_(connection),
      insert_stores_(connection, sql::kInsertStores),
      insert_departments_(connection, sql::kInsertDepartments),
      insert_products_(connection, sql::kInsertProducts),
      update_product_(connection, sql::kUpdateProduct),
      insert_product_names_(connection, sql::kInsertProductNames),
      insert_cards_(connection, sql::kInsertCards),
      insert_promotions_(connection, sql::kInsertPromotions),
      insert_receipts_(connection, sql::kInsertBatchReceipts),
      insert_lines_(connection, sql::kInsertBatchLines) {}

void LineWriter::insert(const PreparedBatch& batch) {
  insert_entries(batch.entries);
  update_products(batch);
  insert_rows(batch);
}

void LineWriter::insert_entries(const NewEntries& entries) {
  insert_all(insert_stores_, entries.stores);
  insert_all(insert_departments_, entries.departments);
  insert_all(insert_products_, entries.products);
  insert_all(insert_product_names_, entries.product_names);
  insert_all(insert_cards_, entries.cards);
  insert_all(insert_promotions_, entries.promotions);
}

void LineWriter::update_products(const PreparedBatch& batch) {
  for (const ProductUpdate& update : batch.product_updates) {
    update_product_.bind(1, int64_t{update.id})
        .bind(2, update.name)
        .bind_id_or_null(3, update.department_id)
        .execute();
  }
}

void LineWriter::insert_rows(const PreparedBatch& batch) {
  if (!batch.new_receipts.empty()) {
    ReceiptRows receipts(batch.new_receipts);
    bind_rows(insert_receipts_, 1, receipts).execute();
  }
  if (!batch.new_rows.empty()) {
    LineRows lines(batch.new_rows);
    bind_rows(insert_lines_, 1, lines).bind(2, batch.import_id).execute();
  }
}

}  // namespace imagross::sqlite
