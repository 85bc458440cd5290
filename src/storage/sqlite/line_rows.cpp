#include "storage/sqlite/line_rows.h"

namespace imagross::sqlite {
namespace {

// Columns of batch_lines, in the order LineRows::column returns them.
constexpr const char* kLineColumns =
    "receipt_id, line_number, timestamp, store_id, card_id, product_id, product_name_id, "
    "department_id, quantity, unit_price, discount, amount, promotion_id, is_return";
constexpr const char* kReceiptColumns = "id, code";

void result_id_or_null(sqlite3_context* context, int32_t id) {
  if (id == 0) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_int(context, id);
  }
}

}  // namespace

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

void register_line_batch_tables(Connection& connection) {
  register_batch_table(connection, "batch_lines", kLineColumns);
  register_batch_table(connection, "batch_receipts", kReceiptColumns);
}

}  // namespace imagross::sqlite
