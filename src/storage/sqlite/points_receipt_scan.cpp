#include "storage/sqlite/points_receipt_scan.h"

#include <algorithm>
#include <string>

namespace imagross::sqlite {
namespace {

// ?1 the receipt id to start after, ?2 the maximum receipts, ?3 1 to leave out evaluated
// receipts, ?4 and ?5 the bounds of the first line's time (NULL: none). The earning condition
// appears twice: in the choice of receipts, so that `limit` counts only receipts that earn, and
// as the `earns` column of every line.
//
// NOTE: status_changed_at is the time of the card's last change, so a card that was blocked and
// later replaced earns on the lines sold between the block and the replacement.
constexpr Sql kSelectEarningReceipts{"select_earning_receipts", R"sql(
WITH chosen AS (
  SELECT r.id, r.code
  FROM receipts r
  WHERE r.id > ?1
    AND (?3 = 0 OR (NOT EXISTS (SELECT 1 FROM points_receipts WHERE receipt_id = r.id)
                    AND NOT EXISTS (SELECT 1 FROM points_returns WHERE receipt_id = r.id)))
    AND (?4 IS NULL OR (SELECT min(timestamp) FROM receipt_lines WHERE receipt_id = r.id) >= ?4)
    AND (?5 IS NULL OR (SELECT min(timestamp) FROM receipt_lines WHERE receipt_id = r.id) < ?5)
    AND EXISTS (
      SELECT 1
      FROM receipt_lines l
      JOIN cards c ON c.id = l.card_id
      WHERE l.receipt_id = r.id AND c.member_id IS NOT NULL
        AND (c.status = 'active' OR (c.status IN ('blocked', 'replaced')
                                     AND l.timestamp < unixepoch(c.status_changed_at))))
  ORDER BY r.id
  LIMIT ?2)
SELECT chosen.id, chosen.code, l.timestamp, s.code, l.card_id, c.number, c.member_id,
       c.member_id IS NOT NULL
         AND (c.status = 'active' OR (c.status IN ('blocked', 'replaced')
                                      AND l.timestamp < unixepoch(c.status_changed_at))) AS earns,
       d.name, p.code, pr.code, l.quantity, l.amount, l.is_return
FROM chosen
JOIN receipt_lines l ON l.receipt_id = chosen.id
JOIN stores s ON s.id = l.store_id
JOIN products p ON p.id = l.product_id
LEFT JOIN cards c ON c.id = l.card_id
LEFT JOIN departments d ON d.id = l.department_id
LEFT JOIN promotions pr ON pr.id = l.promotion_id
ORDER BY chosen.id, l.line_number)sql"};

}  // namespace

std::vector<PendingReceipt> read_earning_receipts(Connection& connection,
                                                  const EarningReceiptFilter& filter) {
  Statement select(connection, kSelectEarningReceipts);
  select.bind(1, filter.after_receipt_id).bind(2, int64_t{filter.limit});
  select.bind(3, int64_t{filter.pending_only ? 1 : 0});
  select.bind_optional(4, filter.from);
  select.bind_optional(5, filter.to);

  std::vector<PendingReceipt> receipts;
  // The card of the receipt's first earning line: earning lines on another card are left out,
  // because a receipt earns for one member.
  int64_t receipt_card_id = 0;
  while (select.step()) {
    const int64_t receipt_id = select.column_int64(0);
    const int64_t timestamp = select.column_int64(2);
    if (receipts.empty() || receipts.back().receipt_id != receipt_id) {
      PendingReceipt receipt;
      receipt.receipt_id = receipt_id;
      receipt.receipt_code = select.column_text(1);
      receipt.timestamp = timestamp;
      receipts.push_back(std::move(receipt));
      receipt_card_id = 0;
    }
    PendingReceipt& receipt = receipts.back();
    receipt.timestamp = std::min(receipt.timestamp, timestamp);

    const bool earns = select.column_int64(7) != 0;
    const int64_t card_id = select.column_int64(4);
    if (!earns || (receipt_card_id != 0 && card_id != receipt_card_id)) {
      continue;
    }
    if (receipt_card_id == 0) {
      receipt_card_id = card_id;
      receipt.store_code = select.column_text(3);
      receipt.card_number = select.column_text(5);
      receipt.member_id = select.column_int64(6);
    }
    PendingReceiptLine line;
    line.department = select.column_text(8);
    line.product_code = select.column_text(9);
    line.promo_code = select.column_text(10);
    line.quantity = select.column_int64(11);
    line.amount = select.column_int64(12);
    line.is_return = select.column_int64(13) != 0;
    receipt.lines.push_back(std::move(line));
  }
  return receipts;
}

}  // namespace imagross::sqlite
