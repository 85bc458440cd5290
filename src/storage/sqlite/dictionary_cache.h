#pragma once

// In-memory copies of the dictionary tables, so that preparing a receipt line resolves its store,
// card, product, department, promotion and receipt without a query. Not thread-safe: the
// BatchChain that owns the cache lets one thread at a time use it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/position_index.h"

namespace imagross::sqlite {

// One of the distinct product names that lines have carried (table product_names).
struct ProductNameEntry {
  int32_t id = 0;
  std::string name;
};

// The text by which a dictionary finds an entry: its UNIQUE column.
inline const std::string& dictionary_key(const StoreEntry& entry) {
  return entry.code;
}
inline const std::string& dictionary_key(const DepartmentEntry& entry) {
  return entry.name;
}
inline const std::string& dictionary_key(const ProductEntry& entry) {
  return entry.code;
}
inline const std::string& dictionary_key(const ProductNameEntry& entry) {
  return entry.name;
}
inline const std::string& dictionary_key(const CardEntry& entry) {
  return entry.number;
}
inline const std::string& dictionary_key(const PromotionEntry& entry) {
  return entry.code;
}

// The entries of one dictionary table in id order, found by key without allocating.
template <typename Entry>
class Dictionary {
 public:
  Entry* find(std::string_view key) { return find(key, hash_text(key)); }
  // find() for a key whose hash_text() is `key_hash`.
  Entry* find(std::string_view key, uint64_t key_hash) {
    std::optional<uint32_t> position = position_of(key, key_hash);
    return position ? &entries_[*position] : nullptr;
  }
  // Asks the processor to fetch what find() reads first for `key_hash`: the index slot.
  void prefetch_slot(uint64_t key_hash) const { index_.prefetch(key_hash); }
  // Asks the processor to fetch what find() reads next: the entry that probably has the key, which
  // it returns (null when none has the hash). Reads the slot, which should be fetched already.
  const Entry* prefetch_entry(uint64_t key_hash) const {
    std::optional<uint32_t> position = index_.guess(key_hash);
    if (!position) {
      return nullptr;
    }
    // An entry of two strings spans more than one cache line of 64 bytes.
    const auto* bytes = reinterpret_cast<const char*>(&entries_[*position]);
    for (std::size_t offset = 0; offset < sizeof(Entry); offset += 64) {
      __builtin_prefetch(bytes + offset);
    }
    return &entries_[*position];
  }
  // The id of `key`, 0 when absent.
  int32_t id_of(std::string_view key) const {
    std::optional<uint32_t> position = position_of(key, hash_text(key));
    return position ? entries_[*position].id : 0;
  }
  // The id the next new entry gets: above every stored id, as SQLite would choose.
  int32_t next_id() const { return entries_.empty() ? 1 : entries_.back().id + 1; }
  // Adds an entry whose id is above every id present and whose key is absent.
  Entry& add(Entry entry) {
    index_.insert(hash_text(dictionary_key(entry)), static_cast<uint32_t>(entries_.size()));
    entries_.push_back(std::move(entry));
    return entries_.back();
  }
  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  // The position of `entry`, which must belong to this dictionary, in id order.
  std::size_t position(const Entry& entry) const {
    return static_cast<std::size_t>(&entry - entries_.data());
  }

 private:
  std::optional<uint32_t> position_of(std::string_view key, uint64_t key_hash) const {
    return index_.find(
        key_hash, [&](uint32_t position) { return dictionary_key(entries_[position]) == key; });
  }

  std::vector<Entry> entries_;
  PositionIndex index_;
};

// The set of receipt codes that may be stored already, as hash_text() values. A 64-bit hash per
// receipt takes less memory than the code. A hash that is absent proves a receipt new. A hash
// that is present is confirmed in the batches not yet committed, or by a query on the code.
class ReceiptIndex {
 public:
  bool may_contain(uint64_t code_hash) const {
    return hashes_.find(code_hash, [](uint32_t) { return true; }).has_value();
  }
  // Records a new receipt and returns the id it gets.
  int64_t add(uint64_t code_hash) {
    hashes_.insert(code_hash, 0);
    return ++max_id_;
  }
  void load(Connection& connection);

 private:
  PositionIndex hashes_;  // positions unused: only the hashes matter
  int64_t max_id_ = 0;
};

// Every dictionary of the sales schema. The receipt index is loaded separately, because only
// writing needs it.
struct DictionaryCache {
  Dictionary<StoreEntry> stores;
  Dictionary<DepartmentEntry> departments;
  Dictionary<ProductEntry> products;
  Dictionary<ProductNameEntry> product_names;
  // By product position: the product_names id of the product's latest name, 0 until a line
  // with that name is written, so most lines find their name without a lookup.
  std::vector<int32_t> latest_name_ids;
  Dictionary<CardEntry> cards;
  Dictionary<PromotionEntry> promotions;
  ReceiptIndex receipts;

  // Reads every dictionary table but receipts. Run it inside a transaction for a consistent copy.
  void load(Connection& connection);
  // Copies the public dictionaries, for Database::load_dictionaries.
  Dictionaries snapshot() const;
};

}  // namespace imagross::sqlite
