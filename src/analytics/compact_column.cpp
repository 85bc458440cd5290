#include "analytics/compact_column.h"

#include <algorithm>
#include <cassert>

namespace imagross::analytics {

void CompactInt64Column::push_back(int64_t value) {
  if (value > std::numeric_limits<int32_t>::min() && value <= std::numeric_limits<int32_t>::max()) {
    narrow_.push_back(static_cast<int32_t>(value));
    return;
  }
  wide_positions_.push_back(narrow_.size());
  wide_values_.push_back(value);
  narrow_.push_back(kWideMarker);
}

int64_t CompactInt64Column::wide_value(std::size_t index) const {
  const auto found = std::lower_bound(wide_positions_.begin(), wide_positions_.end(), index);
  assert(found != wide_positions_.end());
  assert(*found == index);
  return wide_values_[static_cast<std::size_t>(found - wide_positions_.begin())];
}

std::size_t CompactInt64Column::memory_bytes() const {
  return narrow_.capacity() * sizeof(int32_t) + wide_positions_.capacity() * sizeof(std::size_t) +
         wide_values_.capacity() * sizeof(int64_t);
}

}  // namespace imagross::analytics
