#include "storage/sqlite/line_rows.h"

namespace imagross::sqlite {
namespace {

// Columns of batch_lines, in the order LineRows::column returns them.
constexpr const char* kLineColumns =
    "receipt_id, line_number, timestamp, store_id, card_id, product_id, product_name_id, "
    "department_id, quantity, unit_price, discount, amount, promotion_id, is_return";
constexpr const char* kReceiptColumns = "id, code";
constexpr const char* kEntryColumns = "id, key, name, department_id";

void result_id_or_null(sqlite3_context* context, int32_t id) {
  if (id == 0) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_int(context, id);
  }
}

int32_t column_id32(const Statement& row, int column) {
  return static_cast<int32_t>(row.column_id(column));
}

}  // namespace

StoredLine read_line_columns(const Statement& row, int first, int64_t receipt_id) {
  StoredLine line;
  line.receipt_id = receipt_id;
  line.line_number = column_id32(row, first);
  line.timestamp = row.column_int64(first + 1);
  line.store_id = column_id32(row, first + 2);
  line.card_id = column_id32(row, first + 3);
  line.product_id = column_id32(row, first + 4);
  line.department_id = column_id32(row, first + 5);
  line.quantity = row.column_int64(first + 6);
  line.unit_price = row.column_int64(first + 7);
  line.discount = row.column_int64(first + 8);
  line.amount = row.column_int64(first + 9);
  line.promotion_id = column_id32(row, first + 10);
  line.is_return = row.column_int64(first + 11) != 0;
  return line;
}

void LineRows::column(std::size_t row, int column, sqlite3_context* context) const noexcept {
  const LineRow& stored = rows_[row];
  const StoredLine& line = stored.line;
  switch (column) {
    case 0:
      sqlite3_result_int64(context, line.receipt_id);
      break;
    case 1:
      sqlite3_result_int(context, line.line_number);
      break;
    case 2:
      sqlite3_result_int64(context, line.timestamp);
      break;
    case 3:
      sqlite3_result_int(context, line.store_id);
      break;
    case 4:
      result_id_or_null(context, line.card_id);
      break;
    case 5:
      sqlite3_result_int(context, line.product_id);
      break;
    case 6:
      sqlite3_result_int(context, stored.product_name_id);
      break;
    case 7:
      result_id_or_null(context, line.department_id);
      break;
    case 8:
      sqlite3_result_int64(context, line.quantity);
      break;
    case 9:
      sqlite3_result_int64(context, line.unit_price);
      break;
    case 10:
      sqlite3_result_int64(context, line.discount);
      break;
    case 11:
      sqlite3_result_int64(context, line.amount);
      break;
    case 12:
      result_id_or_null(context, line.promotion_id);
      break;
    case 13:
      sqlite3_result_int(context, line.is_return ? 1 : 0);
      break;
    default:
      sqlite3_result_null(context);
      break;
  }
}

void ReceiptRows::column(std::size_t row, int column, sqlite3_context* context) const noexcept {
  const BatchReceipt& receipt = rows_[row];
  if (column == 0) {
    sqlite3_result_int64(context, receipt.id);
  } else {
    // SQLITE_STATIC: the code outlives the statement, which copies it into the table.
    sqlite3_result_text(context, receipt.code.data(), static_cast<int>(receipt.code.size()),
                        SQLITE_STATIC);
  }
}

namespace {

// SQLITE_STATIC: the text outlives the statement, which copies it into the table.
void result_text(sqlite3_context* context, const std::string& text) {
  sqlite3_result_text(context, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

const std::string* name_of(const StoreEntry& entry) {
  return &entry.name;
}
const std::string* name_of(const ProductEntry& entry) {
  return &entry.name;
}
template <typename Entry>
const std::string* name_of(const Entry& /*entry*/) {
  return nullptr;
}

int32_t department_of(const ProductEntry& entry) {
  return entry.department_id;
}
template <typename Entry>
int32_t department_of(const Entry& /*entry*/) {
  return 0;
}

}  // namespace

template <typename Entry>
void EntryRows<Entry>::column(std::size_t row, int column,
                              sqlite3_context* context) const noexcept {
  const Entry& entry = rows_[row];
  const std::string* name = name_of(entry);
  switch (column) {
    case 0:
      sqlite3_result_int(context, entry.id);
      break;
    case 1:
      result_text(context, dictionary_key(entry));
      break;
    case 2:
      if (name != nullptr) {
        result_text(context, *name);
      } else {
        sqlite3_result_null(context);
      }
      break;
    case 3:
      result_id_or_null(context, department_of(entry));
      break;
    default:
      sqlite3_result_null(context);
      break;
  }
}

template class EntryRows<StoreEntry>;
template class EntryRows<DepartmentEntry>;
template class EntryRows<ProductEntry>;
template class EntryRows<ProductNameEntry>;
template class EntryRows<CardEntry>;
template class EntryRows<PromotionEntry>;

void register_line_batch_tables(Connection& connection) {
  register_batch_table(connection, "batch_lines", kLineColumns);
  register_batch_table(connection, "batch_receipts", kReceiptColumns);
  register_batch_table(connection, "batch_entries", kEntryColumns);
}

}  // namespace imagross::sqlite
