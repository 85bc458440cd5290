#include "storage/sqlite/receipt_lookup.h"

#include "storage/sqlite/statements.h"

namespace imagross::sqlite {

ReceiptLookup::ReceiptLookup(Connection& connection)
    : select_id_(connection, statements::kSelectReceiptId),
      select_lines_(connection, statements::kSelectReceiptLines) {}

std::optional<int64_t> ReceiptLookup::find_receipt(std::string_view code) {
  select_id_.bind(1, code);
  std::optional<int64_t> id;
  if (select_id_.step()) {
    id = select_id_.column_int64(0);
  }
  select_id_.reset();
  return id;
}

// Reads a row of kSelectReceiptLines.
LineRow ReceiptLookup::read_row(int64_t receipt_id) const {
  LineRow stored;
  stored.line = read_line_columns(select_lines_, 0, receipt_id);
  stored.product_name_id = static_cast<int32_t>(select_lines_.column_id(12));
  stored.import_id = select_lines_.column_int64(13);
  return stored;
}

}  // namespace imagross::sqlite
