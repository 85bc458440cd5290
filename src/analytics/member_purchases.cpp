#include "analytics/member_purchases.h"

#include <algorithm>
#include <limits>

#include "analytics/period_totals.h"
#include "analytics/sales_scan.h"

namespace imagross::analytics {
namespace {

// The member's cards, tested against each line's card id. A member holds one card or a few,
// so a short list is checked directly; a longer one through a table indexed by card id.
class CardSet {
 public:
  CardSet(std::span<const int32_t> card_ids, std::size_t card_slots) {
    for (const int32_t id : card_ids) {
      // Id 0 marks lines without a card, and ids past the slots are on no line.
      if (id > 0 && static_cast<std::size_t>(id) < card_slots) {
        ids_.push_back(static_cast<uint32_t>(id));
      }
    }
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
    if (ids_.size() > kShortList) {
      table_.assign(card_slots, 0);
      for (const uint32_t id : ids_) {
        table_[id] = 1;
      }
    }
  }

  bool empty() const { return ids_.empty(); }

  bool contains(uint32_t card) const {
    if (!table_.empty()) {
      return card < table_.size() && table_[card] != 0;
    }
    for (const uint32_t id : ids_) {
      if (id == card) {
        return true;
      }
    }
    return false;
  }

 private:
  static constexpr std::size_t kShortList = 8;
  std::vector<uint32_t> ids_;
  std::vector<uint8_t> table_;  // by card id: 1 when the member's; empty for a short list
};

std::vector<DepartmentRow> favourites(const SalesSnapshot& snapshot, const GroupTotals& totals) {
  const auto& names = snapshot.catalog.department_name;
  std::vector<uint32_t> ids;
  for (uint32_t id = 1; id < totals.size(); ++id) {
    if (totals.has_lines(id) && totals.net_revenue(id) > 0) {
      ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    if (totals.net_revenue(a) != totals.net_revenue(b)) {
      return totals.net_revenue(a) > totals.net_revenue(b);
    }
    return names[a] < names[b];
  });
  ids.resize(std::min(ids.size(), kFavouriteDepartments));

  std::vector<DepartmentRow> rows;
  for (const uint32_t id : ids) {
    rows.push_back(DepartmentRow{static_cast<int32_t>(id), names[id], totals.net_revenue(id),
                                 totals.units(id), totals.receipts(id)});
  }
  return rows;
}

}  // namespace

MemberPurchases compute_member_purchases(const SalesSnapshot& snapshot,
                                         std::span<const int32_t> card_ids) {
  MemberPurchases purchases;
  const CardSet cards(card_ids, snapshot.card_slots());
  if (cards.empty()) {
    return purchases;
  }

  GroupTotals departments(snapshot.department_slots());
  ReceiptCounter receipts(1);
  const LineSelection every_line(snapshot, SalesFilter{});
  for_each_cell(snapshot, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(),
                every_line, false, [&](const CellRange& cell) {
                  const SalesChunk& chunk = *cell.chunk;
                  for (uint32_t i = cell.begin; i < cell.end; ++i) {
                    if (!cards.contains(chunk.card[i])) {
                      continue;
                    }
                    const LineFacts line = LineFacts::read(chunk, i);
                    purchases.net_revenue += line.amount;
                    ++purchases.lines;
                    departments.add(chunk.department[i], line);
                    if (line.sale) {
                      receipts.add(0, line.receipt, line.split);
                      // Cells come in day order, so the last sale line seen is the latest.
                      purchases.last_visit_day = cell.day;
                    }
                  }
                });

  purchases.receipts = receipts.count(0);
  purchases.favourite_departments = favourites(snapshot, departments);
  return purchases;
}

}  // namespace imagross::analytics
