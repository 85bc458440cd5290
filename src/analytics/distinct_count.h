#pragma once

// Exact distinct counts for one pass over the lines of a snapshot.

#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

namespace imagross::analytics {

// Distinct receipts per group (product, store, day, ...). A receipt's lines are contiguous in a
// scan, so a receipt starts a new run in a group exactly when the group's last receipt differs.
// A split receipt (flag kSplitReceiptFlag) has several runs; its (group, receipt) pairs are kept
// in a set so it still counts once.
class ReceiptCounter {
 public:
  explicit ReceiptCounter(std::size_t groups) : last_(groups, kNone), counts_(groups, 0) {}

  void add(std::size_t group, uint32_t receipt, bool split) {
    if (last_[group] == receipt) {
      return;
    }
    last_[group] = receipt;
    if (split && !split_seen_.insert((static_cast<uint64_t>(group) << 32) | receipt).second) {
      return;
    }
    ++counts_[group];
  }

  int64_t count(std::size_t group) const { return counts_[group]; }
  std::size_t groups() const { return counts_.size(); }

 private:
  static constexpr uint32_t kNone = ~0u;

  std::vector<uint32_t> last_;
  std::vector<int64_t> counts_;
  std::unordered_set<uint64_t> split_seen_;
};

// A set of small non-negative integers (card or product ids) with its size.
class DenseBitset {
 public:
  explicit DenseBitset(std::size_t slots) : words_((slots + 63) / 64, 0) {}

  void insert(std::size_t value) {
    uint64_t& word = words_[value >> 6];
    const uint64_t bit = uint64_t{1} << (value & 63);
    count_ += (word & bit) == 0 ? 1 : 0;
    word |= bit;
  }
  bool contains(std::size_t value) const { return (words_[value >> 6] >> (value & 63)) & 1; }
  int64_t count() const { return count_; }

 private:
  std::vector<uint64_t> words_;
  int64_t count_ = 0;
};

// Distinct values (cards) per group (stores): a bitset per group while groups x values stays
// small, else the pairs are collected and counted after sorting.
class DistinctPairs {
 public:
  DistinctPairs(std::size_t groups, std::size_t values);

  void insert(std::size_t group, std::size_t value) {
    if (use_bitsets_) {
      const std::size_t bit = group * values_ + value;
      uint64_t& word = words_[bit >> 6];
      const uint64_t mask = uint64_t{1} << (bit & 63);
      counts_[group] += (word & mask) == 0 ? 1 : 0;
      word |= mask;
    } else {
      pairs_.push_back((static_cast<uint64_t>(group) << 32) | value);
    }
  }

  // Distinct values per group; call once, after the last insert.
  std::vector<int64_t> counts();

 private:
  std::size_t values_;
  bool use_bitsets_;
  std::vector<uint64_t> words_;
  std::vector<int64_t> counts_;
  std::vector<uint64_t> pairs_;
};

}  // namespace imagross::analytics
