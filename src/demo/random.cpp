#include "demo/random.h"

#include <algorithm>
#include <cassert>

namespace imagross::demo {
namespace {

uint64_t rotate_left(uint64_t value, int bits) {
  return (value << bits) | (value >> (64 - bits));
}

}  // namespace

uint64_t splitmix64_next(uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t derive_seed(uint64_t seed, uint64_t stream) {
  uint64_t state = seed ^ (stream * 0xd1b54a32d192ed03ULL);
  splitmix64_next(state);
  return splitmix64_next(state);
}

Random::Random(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : state_) {
    word = splitmix64_next(state);
  }
}

uint64_t Random::next() {
  const uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
  const uint64_t shifted = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= shifted;
  state_[3] = rotate_left(state_[3], 45);
  return result;
}

uint64_t Random::below(uint64_t bound) {
  assert(bound > 0);
  // Values below `threshold` would make the low residues more likely than the others.
  const uint64_t threshold = (0 - bound) % bound;
  while (true) {
    const uint64_t value = next();
    if (value >= threshold) {
      return value % bound;
    }
  }
}

int64_t Random::between(int64_t low, int64_t high) {
  assert(low <= high);
  const uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low) + 1;
  return static_cast<int64_t>(static_cast<uint64_t>(low) + below(span));
}

bool Random::chance(int per_mille) {
  return below(1000) < static_cast<uint64_t>(per_mille);
}

size_t Random::pick(std::span<const uint32_t> weights) {
  uint64_t total = 0;
  for (const uint32_t weight : weights) {
    total += weight;
  }
  assert(total > 0);
  uint64_t target = below(total);
  for (size_t index = 0; index < weights.size(); ++index) {
    if (target < weights[index]) {
      return index;
    }
    target -= weights[index];
  }
  assert(false);
  return weights.size() - 1;
}

WeightedIndex::WeightedIndex(std::span<const uint64_t> weights) {
  cumulative_.reserve(weights.size());
  uint64_t total = 0;
  for (const uint64_t weight : weights) {
    total += weight;
    cumulative_.push_back(total);
  }
}

size_t WeightedIndex::pick(Random& random) const {
  return pick_prefix(random, cumulative_.size());
}

size_t WeightedIndex::pick_prefix(Random& random, size_t count) const {
  assert(count >= 1);
  assert(count <= cumulative_.size());
  assert(cumulative_[count - 1] > 0);
  const uint64_t target = random.below(cumulative_[count - 1]);
  const auto end = cumulative_.begin() + static_cast<std::ptrdiff_t>(count);
  const auto found = std::upper_bound(cumulative_.begin(), end, target);
  return static_cast<size_t>(found - cumulative_.begin());
}

uint64_t scale(uint64_t value, uint64_t numerator, uint64_t denominator) {
  assert(denominator > 0);
  // GCC and Clang provide 128-bit integers on every 64-bit target the project builds on.
  __extension__ using Wide = unsigned __int128;
  const Wide product = static_cast<Wide>(value) * numerator;
  return static_cast<uint64_t>(product / denominator);
}

}  // namespace imagross::demo
