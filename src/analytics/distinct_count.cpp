#include "analytics/distinct_count.h"

#include <algorithm>

namespace imagross::analytics {
namespace {

// Bounds the memory of the per-group bitsets of one query to 8 MiB; beyond that, sorting the
// pairs spends time instead.
constexpr std::size_t kMaxBitsetBits = std::size_t{1} << 26;

}  // namespace

DistinctPairs::DistinctPairs(std::size_t groups, std::size_t values)
    : values_(values), use_bitsets_(groups * values <= kMaxBitsetBits), counts_(groups, 0) {
  if (use_bitsets_) {
    words_.assign((groups * values + 63) / 64, 0);
  }
}

std::vector<int64_t> DistinctPairs::counts() {
  if (!use_bitsets_) {
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
    for (const uint64_t pair : pairs_) {
      ++counts_[static_cast<std::size_t>(pair >> 32)];
    }
    pairs_.clear();
  }
  return counts_;
}

}  // namespace imagross::analytics
