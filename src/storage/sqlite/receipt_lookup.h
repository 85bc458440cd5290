#pragma once

// Finds a stored receipt by its code and reads its stored lines, through the statements of one
// connection.

#include <cstdint>
#include <optional>
#include <string_view>

#include "storage/sqlite/connection.h"
#include "storage/sqlite/line_rows.h"

namespace imagross::sqlite {

class ReceiptLookup {
 public:
  explicit ReceiptLookup(Connection& connection);

  // Returns the id of the stored receipt with `code`, if there is one.
  std::optional<int64_t> find_receipt(std::string_view code);
  // Calls `visit` with each stored line of the receipt `receipt_id`, with its product name id
  // and the import that wrote it.
  template <typename Visit>
  void for_each_line(int64_t receipt_id, Visit&& visit) {
    select_lines_.bind(1, receipt_id);
    while (select_lines_.step()) {
      visit(read_row(receipt_id));
    }
    select_lines_.reset();
  }

 private:
  LineRow read_row(int64_t receipt_id) const;

  Statement select_id_;
  Statement select_lines_;
};

}  // namespace imagross::sqlite
