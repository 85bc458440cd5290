#pragma once

// A column of int64 values stored in 32 bits each. Money and quantities in thousandths almost
// always fit, up to 2,147,483.647 units. The rare value that does not is kept exactly in a side
// table, so the column never loses or clamps a value.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace imagross::analytics {

class CompactInt64Column {
 public:
  void reserve(std::size_t count) { narrow_.reserve(count); }
  void push_back(int64_t value);

  int64_t operator[](std::size_t index) const {
    const int32_t narrow = narrow_[index];
    if (narrow != kWideMarker) [[likely]] {
      return narrow;
    }
    return wide_value(index);
  }

  std::size_t size() const { return narrow_.size(); }
  std::size_t memory_bytes() const;

 private:
  // Marks a value held in the side table; INT32_MIN itself is stored there too.
  static constexpr int32_t kWideMarker = std::numeric_limits<int32_t>::min();

  int64_t wide_value(std::size_t index) const;

  std::vector<int32_t> narrow_;
  std::vector<std::size_t> wide_positions_;  // ascending
  std::vector<int64_t> wide_values_;
};

}  // namespace imagross::analytics
