#include "storage/sqlite/position_index.h"

#include <bit>
#include <functional>

namespace imagross::sqlite {

uint64_t hash_text(std::string_view text) {
  return mix_hash(std::hash<std::string_view>{}(text));
}

void PositionIndex::insert(uint64_t hash, uint32_t position) {
  // Keep the table at most half full, so probe sequences stay short.
  if ((size_ + 1) * 2 > slots_.size()) {
    grow(slots_.empty() ? 64 : slots_.size() * 2);
  }
  std::size_t slot = hash & mask_;
  while (slots_[slot].position_plus_one != 0) {
    slot = (slot + 1) & mask_;
  }
  slots_[slot] = Slot{hash, position + 1};
  ++size_;
}

void PositionIndex::reserve(std::size_t keys) {
  std::size_t capacity = std::bit_ceil(keys * 2);
  if (capacity > slots_.size()) {
    grow(capacity);
  }
}

void PositionIndex::clear() {
  slots_.clear();
  mask_ = 0;
  size_ = 0;
}

void PositionIndex::grow(std::size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  size_ = 0;
  for (const Slot& slot : old) {
    if (slot.position_plus_one != 0) {
      insert(slot.hash, slot.position_plus_one - 1);
    }
  }
}

}  // namespace imagross::sqlite
