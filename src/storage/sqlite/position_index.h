#pragma once

// An open-addressing hash index from keys to positions in a vector the caller owns. The index
// keeps each key's 64-bit hash and position; the caller's predicate compares the real keys, so
// keys with equal hashes stay distinct. Inserting allocates only when the table grows, which
// std::unordered_map does for every node.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace imagross::sqlite {

// A 64-bit mix (the finalizer of splitmix64) that spreads nearby integers over the table.
inline uint64_t mix_hash(uint64_t value) {
  value ^= value >> 30;
  value *= 0xBF58476D1CE4E5B9ULL;
  value ^= value >> 27;
  value *= 0x94D049BB133111EBULL;
  value ^= value >> 31;
  return value;
}

uint64_t hash_text(std::string_view text);

class PositionIndex {
 public:
  // The position of the key with `hash` for which `matches(position)` is true, if any.
  template <typename Matches>
  std::optional<uint32_t> find(uint64_t hash, Matches&& matches) const {
    if (slots_.empty()) {
      return std::nullopt;
    }
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& candidate = slots_[slot];
      if (candidate.position_plus_one == 0) {
        return std::nullopt;
      }
      if (candidate.hash == hash && matches(candidate.position_plus_one - 1)) {
        return candidate.position_plus_one - 1;
      }
    }
  }

  // Asks the processor to fetch the slot where a search for `hash` starts, ahead of the search.
  void prefetch(uint64_t hash) const {
    if (!slots_.empty()) {
      __builtin_prefetch(&slots_[hash & mask_]);
    }
  }
  // The position of the first key with `hash`, without comparing keys: a guess, for prefetching.
  std::optional<uint32_t> guess(uint64_t hash) const {
    return find(hash, [](uint32_t) { return true; });
  }

  // Adds a key that is not in the index yet.
  void insert(uint64_t hash, uint32_t position);
  void reserve(std::size_t keys);
  void clear();
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t position_plus_one = 0;  // 0 marks an empty slot
  };

  void grow(std::size_t capacity);

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace imagross::sqlite
