#include "ingest/convert/receipt_line_counter.h"

#include <functional>

namespace imagross::ingest {

int32_t ReceiptLineCounter::next(std::string_view receipt_code) {
  if (receipts_.empty() || code(receipts_[last_]) != receipt_code) {
    last_ = find_or_add(receipt_code);
  }
  return ++receipts_[last_].lines;
}

std::size_t ReceiptLineCounter::find_or_add(std::string_view receipt_code) {
  // At most half full, so that probe sequences stay short.
  if ((receipts_.size() + 1) * 2 > slots_.size()) {
    grow();
  }
  const uint64_t hash = std::hash<std::string_view>{}(receipt_code);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t index = hash & mask;; index = (index + 1) & mask) {
    Slot& slot = slots_[index];
    if (slot.receipt_plus_one == 0) {
      receipts_.push_back({codes_.size(), static_cast<uint32_t>(receipt_code.size()), 0});
      codes_.append(receipt_code);
      slot = Slot{hash, static_cast<uint32_t>(receipts_.size())};
      return receipts_.size() - 1;
    }
    const std::size_t found = slot.receipt_plus_one - 1;
    if (slot.hash == hash && code(receipts_[found]) == receipt_code) {
      return found;
    }
  }
}

void ReceiptLineCounter::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.receipt_plus_one == 0) {
      continue;
    }
    std::size_t index = slot.hash & mask;
    while (slots_[index].receipt_plus_one != 0) {
      index = (index + 1) & mask;
    }
    slots_[index] = slot;
  }
}

}  // namespace imagross::ingest
