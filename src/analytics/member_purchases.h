#pragma once

// What one member has bought, over all time, read through the cards the member has held. The
// definitions are those of docs/METRICS.md ("Member purchase summary").

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analytics/dashboard.h"

namespace imagross {

struct MemberPurchases {
  int64_t net_revenue = 0;  // thousandths, return lines included
  int64_t receipts = 0;     // purchase receipts
  int64_t lines = 0;
  std::optional<int32_t> last_visit_day;  // local day of the latest sale line; none without one
  // Up to three departments with a positive net revenue, by net revenue descending, ties by
  // name ascending. Lines that name no department are left out.
  std::vector<DepartmentRow> favourite_departments;

  friend bool operator==(const MemberPurchases&, const MemberPurchases&) = default;
};

inline constexpr std::size_t kFavouriteDepartments = 3;

namespace analytics {

struct SalesSnapshot;

// Scans the card column of every line once. `card_ids` are ids of the sales dictionary's cards
// (Database::load_dictionaries); ids that no line carries are ignored.
MemberPurchases compute_member_purchases(const SalesSnapshot& snapshot,
                                         std::span<const int32_t> card_ids);

}  // namespace analytics
}  // namespace imagross
