#include "analytics/sales_scan.h"

namespace imagross::analytics {

LineSelection::LineSelection(const SalesSnapshot& snapshot, const SalesFilter& filter)
    : cards_only_(filter.cards_only), promo_only_(filter.promo_only) {
  for (const int32_t store : filter.store_ids) {
    if (store >= 0) {
      stores_.push_back(static_cast<uint32_t>(store));
    }
  }
  std::sort(stores_.begin(), stores_.end());
  stores_.erase(std::unique(stores_.begin(), stores_.end()), stores_.end());
  // A filter naming only unknown stores selects nothing, not everything.
  if (stores_.empty() && !filter.store_ids.empty()) {
    stores_.push_back(static_cast<uint32_t>(snapshot.store_slots()));
  }

  if (!filter.department_ids.empty()) {
    by_department_ = true;
    departments_.assign(snapshot.department_slots(), 0);
    for (const int32_t department : filter.department_ids) {
      if (department >= 0 && static_cast<std::size_t>(department) < departments_.size()) {
        departments_[static_cast<std::size_t>(department)] = 1;
      }
    }
  }
}

}  // namespace imagross::analytics
