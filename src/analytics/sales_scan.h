#pragma once

// Walking the lines of a snapshot that a filter selects: the date range and the stores pick
// cells, the department, card and promotion conditions pick lines inside them.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analytics/dashboard.h"
#include "analytics/sales_snapshot.h"

namespace imagross::analytics {

// A contiguous range of lines of one local day, of one store or (kAllStores) of every store.
struct CellRange {
  static constexpr uint32_t kAllStores = ~0u;

  const SalesChunk* chunk = nullptr;
  int32_t day = 0;
  uint32_t store = kAllStores;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The stores, departments, card and promotion conditions of a filter, prepared for a scan.
class LineSelection {
 public:
  LineSelection(const SalesSnapshot& snapshot, const SalesFilter& filter);

  bool all_stores() const { return stores_.empty(); }
  const std::vector<uint32_t>& stores() const { return stores_; }
  // True when some line of a cell may be rejected by accepts().
  bool filters_lines() const { return by_department_ || cards_only_ || promo_only_; }

  bool accepts(const SalesChunk& chunk, uint32_t i) const {
    if (by_department_) {
      const uint32_t department = chunk.department[i];
      if (department >= departments_.size() || departments_[department] == 0) {
        return false;
      }
    }
    if (cards_only_ && chunk.card[i] == 0) {
      return false;
    }
    return !promo_only_ || chunk.promotion[i] != 0;
  }

 private:
  std::vector<uint32_t> stores_;      // selected store ids, ascending; empty: all
  std::vector<uint8_t> departments_;  // by department id: 1 when selected
  bool by_department_ = false;
  bool cards_only_ = false;
  bool promo_only_ = false;
};

// Calls `visit(const CellRange&)` for every non-empty cell with a day in [from_day, to_day] and
// a selected store, in (day, store) order. With `by_store` false and every store selected, each
// day comes as one range (store kAllStores).
template <typename Visit>
void for_each_cell(const SalesSnapshot& snapshot, int32_t from_day, int32_t to_day,
                   const LineSelection& selection, bool by_store, Visit&& visit) {
  for (const auto& chunk_pointer : snapshot.chunks) {
    const SalesChunk& chunk = *chunk_pointer;
    if (chunk.days.empty() || chunk.days.back() < from_day || chunk.days.front() > to_day) {
      continue;
    }
    const auto first = std::lower_bound(chunk.days.begin(), chunk.days.end(), from_day);
    const auto last = std::upper_bound(first, chunk.days.end(), to_day);
    for (auto day = first; day != last; ++day) {
      const auto d = static_cast<std::size_t>(day - chunk.days.begin());
      CellRange cell{&chunk, *day, CellRange::kAllStores, 0, 0};
      if (selection.all_stores() && !by_store) {
        cell.begin = chunk.cell_start(d, 0);
        cell.end = chunk.cell_start(d + 1, 0);
        visit(cell);
        continue;
      }
      const auto visit_store = [&](uint32_t store) {
        cell.store = store;
        cell.begin = chunk.cell_start(d, store);
        cell.end = chunk.cell_end(d, store);
        if (cell.begin != cell.end) {
          visit(cell);
        }
      };
      if (selection.all_stores()) {
        for (uint32_t store = 0; store < chunk.store_slots; ++store) {
          visit_store(store);
        }
      } else {
        for (const uint32_t store : selection.stores()) {
          if (store < chunk.store_slots) {
            visit_store(store);
          }
        }
      }
    }
  }
}

// Calls `visit(uint32_t line)` for every line of `cell` that the selection accepts.
template <typename Visit>
void for_each_accepted(const LineSelection& selection, const CellRange& cell, Visit&& visit) {
  if (!selection.filters_lines()) {
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      visit(i);
    }
    return;
  }
  for (uint32_t i = cell.begin; i < cell.end; ++i) {
    if (selection.accepts(*cell.chunk, i)) {
      visit(i);
    }
  }
}

}  // namespace imagross::analytics
