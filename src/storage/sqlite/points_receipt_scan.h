#pragma once

// Reading receipts with a member's card from the sales tables, as the points service evaluates
// them: what PointsStore::pending_receipts and receipts_in_period return.

#include <cstdint>
#include <optional>
#include <vector>

#include "storage/points_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

struct EarningReceiptFilter {
  int64_t after_receipt_id = 0;  // receipts with a greater id only
  int limit = 0;                 // receipts, not lines
  bool pending_only = false;     // leave out receipts recorded by record_award or record_reversal
  std::optional<int64_t> from;   // first line at or after (UTC seconds)
  std::optional<int64_t> to;     // first line before (UTC seconds)
};

// Receipts in id order with their earning lines. A line earns when its card belongs to a member
// and is active, or is blocked or replaced and the line was sold before the card's status
// changed. A receipt's timestamp is that of its first line, earning or not.
std::vector<PendingReceipt> read_earning_receipts(Connection& connection,
                                                  const EarningReceiptFilter& filter);

}  // namespace imagross::sqlite
