#pragma once

// Deterministic pseudo-random numbers for the demo data set. The distributions of <random> are
// implementation-defined (libstdc++ and libc++ turn the same engine output into different
// numbers), so the demo data set uses fully specified generators and integer arithmetic only:
// the same seed gives the same files with any compiler, standard library and CPU.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace imagross::demo {

// SplitMix64 (Steele, Lea and Flood, 2014), used to expand a seed into generator states.
uint64_t splitmix64_next(uint64_t& state);

// Mixes a seed with a stream number, so that each part of the data set (catalog, members,
// sales) draws from its own independent stream and changing one part leaves the others alone.
uint64_t derive_seed(uint64_t seed, uint64_t stream);

// xoshiro256** 1.0 (Blackman and Vigna, 2018), seeded through SplitMix64.
class Random {
 public:
  explicit Random(uint64_t seed);

  uint64_t next();

  // Uniform integer in [0, bound); bound must be positive. Rejection sampling keeps it unbiased.
  uint64_t below(uint64_t bound);

  // Uniform integer in [low, high], both included; low <= high.
  int64_t between(int64_t low, int64_t high);

  // True with probability per_mille / 1000.
  bool chance(int per_mille);

  // Index into `weights` drawn with probability proportional to its weight. The weights must
  // not all be zero. Linear scan: meant for short tables.
  size_t pick(std::span<const uint32_t> weights);

 private:
  uint64_t state_[4];
};

// A fixed table of integer weights for repeated draws in O(log n).
class WeightedIndex {
 public:
  WeightedIndex() = default;
  explicit WeightedIndex(std::span<const uint64_t> weights);

  // Index drawn with probability proportional to its weight; the total must be positive.
  size_t pick(Random& random) const;

  // As pick(), restricted to the first `count` entries (count >= 1, their total positive).
  size_t pick_prefix(Random& random, size_t count) const;

  size_t size() const { return cumulative_.size(); }
  uint64_t total() const { return cumulative_.empty() ? 0 : cumulative_.back(); }

 private:
  std::vector<uint64_t> cumulative_;
};

// Computes value * numerator / denominator without overflow (the product may exceed 64 bits);
// the result must fit in 64 bits. Rounds down.
uint64_t scale(uint64_t value, uint64_t numerator, uint64_t denominator);

}  // namespace imagross::demo
