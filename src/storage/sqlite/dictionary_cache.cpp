#include "storage/sqlite/dictionary_cache.h"

#include "storage/sqlite/statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = statements;

int32_t column_id32(const Statement& statement, int column) {
  return static_cast<int32_t>(statement.column_id(column));
}

StoreEntry read_store(const Statement& row) {
  return {column_id32(row, 0), row.column_text(1), row.column_text(2)};
}
DepartmentEntry read_department(const Statement& row) {
  return {column_id32(row, 0), row.column_text(1)};
}
ProductEntry read_product(const Statement& row) {
  return {column_id32(row, 0), row.column_text(1), row.column_text(2), column_id32(row, 3)};
}
ProductNameEntry read_product_name(const Statement& row) {
  return {column_id32(row, 0), row.column_text(1)};
}
CardEntry read_card(const Statement& row) {
  return {column_id32(row, 0), row.column_text(1)};
}
PromotionEntry read_promotion(const Statement& row) {
  return {column_id32(row, 0), row.column_text(1)};
}

template <typename Entry, typename Read>
void load_table(Connection& connection, const Sql& query, Read read, Dictionary<Entry>& out) {
  out = {};
  Statement statement(connection, query);
  while (statement.step()) {
    out.add(read(statement));
  }
}

}  // namespace

void ReceiptIndex::load(Connection& connection) {
  hashes_.clear();
  Statement codes(connection, sql::kSelectReceiptCodes);
  while (codes.step()) {
    hashes_.insert(hash_text(codes.column_view(0)), 0);
  }
  max_id_ = connection.query_int64(sql::kSelectMaxReceiptId);
}

void DictionaryCache::load(Connection& connection) {
  load_table(connection, sql::kSelectStores, read_store, stores);
  load_table(connection, sql::kSelectDepartments, read_department, departments);
  load_table(connection, sql::kSelectProducts, read_product, products);
  load_table(connection, sql::kSelectProductNames, read_product_name, product_names);
  latest_name_ids.assign(products.size(), 0);
  load_table(connection, sql::kSelectCards, read_card, cards);
  load_table(connection, sql::kSelectPromotions, read_promotion, promotions);
}

Dictionaries DictionaryCache::snapshot() const {
  Dictionaries copy;
  copy.stores = stores.entries();
  copy.departments = departments.entries();
  copy.products = products.entries();
  copy.cards = cards.entries();
  copy.promotions = promotions.entries();
  return copy;
}

}  // namespace imagross::sqlite
