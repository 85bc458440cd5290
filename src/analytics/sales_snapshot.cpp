#include "analytics/sales_snapshot.h"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "analytics/text_search.h"

namespace imagross::analytics {
namespace {

constexpr std::size_t kShortStringCapacity = 15;  // libstdc++ keeps shorter strings inline

std::size_t string_bytes(const std::string& text) {
  return sizeof(std::string) + (text.capacity() > kShortStringCapacity ? text.capacity() + 1 : 0);
}

std::size_t strings_bytes(const std::vector<std::string>& texts) {
  std::size_t bytes = (texts.capacity() - texts.size()) * sizeof(std::string);
  for (const std::string& text : texts) {
    bytes += string_bytes(text);
  }
  return bytes;
}

template <typename T>
std::size_t vector_bytes(const std::vector<T>& values) {
  return values.capacity() * sizeof(T);
}

std::size_t slot_of(int32_t id) {
  return id > 0 ? static_cast<std::size_t>(id) : 0;
}

// Ranks of `keys[id]` in ascending order; index 0 ("none") ranks first.
std::vector<uint32_t> rank_by_text(const std::vector<std::string>& keys) {
  std::vector<uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
  std::vector<uint32_t> rank(keys.size());
  for (uint32_t position = 0; position < order.size(); ++position) {
    rank[order[position]] = position;
  }
  return rank;
}

// Names every slot that no dictionary entry filled, so that a line with an unknown id still
// shows up under a visible code.
void name_missing(std::vector<std::string>& codes) {
  for (std::size_t id = 1; id < codes.size(); ++id) {
    if (codes[id].empty()) {
      codes[id] = "#" + std::to_string(id);
    }
  }
}

template <typename Entry>
std::size_t max_slot(const std::vector<Entry>& entries) {
  std::size_t slots = 1;
  for (const Entry& entry : entries) {
    slots = std::max(slots, slot_of(entry.id) + 1);
  }
  return slots;
}

void fill_stores(SalesCatalog& catalog, const std::vector<StoreEntry>& stores, std::size_t slots) {
  catalog.store_code.assign(std::max(slots, max_slot(stores)), {});
  catalog.store_name.assign(catalog.store_code.size(), {});
  for (const StoreEntry& store : stores) {
    catalog.store_code[slot_of(store.id)] = store.code;
    catalog.store_name[slot_of(store.id)] = store.name.empty() ? store.code : store.name;
  }
  name_missing(catalog.store_code);
  for (std::size_t id = 1; id < catalog.store_name.size(); ++id) {
    if (catalog.store_name[id].empty()) {
      catalog.store_name[id] = catalog.store_code[id];
    }
  }
}

void fill_products(SalesCatalog& catalog, const std::vector<ProductEntry>& products,
                   std::size_t slots) {
  const std::size_t size = std::max(slots, max_slot(products));
  catalog.product_code.assign(size, {});
  catalog.product_name.assign(size, {});
  catalog.product_department.assign(size, 0);
  for (const ProductEntry& product : products) {
    const std::size_t id = slot_of(product.id);
    catalog.product_code[id] = product.code;
    catalog.product_name[id] = product.name;
    catalog.product_department[id] = static_cast<uint32_t>(std::max(product.department_id, 0));
  }
  name_missing(catalog.product_code);
  catalog.product_search_text.resize(size);
  for (std::size_t id = 0; id < size; ++id) {
    // A newline never occurs in a folded query, so a match cannot span code and name.
    catalog.product_search_text[id] = fold_for_search(catalog.product_code[id]) + '\n' +
                                      fold_for_search(catalog.product_name[id]);
  }
  catalog.product_code_rank = rank_by_text(catalog.product_code);
}

void fill_departments_and_promotions(SalesCatalog& catalog, const Dictionaries& dictionaries,
                                     const IdSlots& line_ids) {
  catalog.department_name.assign(std::max(line_ids.departments, max_slot(dictionaries.departments)),
                                 {});
  for (const DepartmentEntry& department : dictionaries.departments) {
    catalog.department_name[slot_of(department.id)] = department.name;
  }
  name_missing(catalog.department_name);

  catalog.promotion_code.assign(std::max(line_ids.promotions, max_slot(dictionaries.promotions)),
                                {});
  for (const PromotionEntry& promotion : dictionaries.promotions) {
    catalog.promotion_code[slot_of(promotion.id)] = promotion.code;
  }
  name_missing(catalog.promotion_code);
}

void fill_cards(SalesCatalog& catalog, const std::vector<CardEntry>& cards, std::size_t slots) {
  std::vector<std::string> numbers(std::max(slots, max_slot(cards)));
  for (const CardEntry& card : cards) {
    numbers[slot_of(card.id)] = card.number;
  }
  name_missing(numbers);
  catalog.card_number_rank = rank_by_text(numbers);
}

}  // namespace

std::size_t SalesChunk::memory_bytes() const {
  return sizeof(SalesChunk) + vector_bytes(days) + vector_bytes(cell_begin) +
         vector_bytes(receipt) + vector_bytes(line_number) + vector_bytes(product) +
         vector_bytes(card) + vector_bytes(department) + vector_bytes(promotion) +
         vector_bytes(flags) + quantity.memory_bytes() + amount.memory_bytes() +
         discount.memory_bytes();
}

ReceiptIndex::Placement ReceiptIndex::place_line(int64_t receipt_id, int32_t day, uint32_t store) {
  assert((store & kSplitBit) == 0);
  Placement placement;
  std::size_t position = sorted_ids_.size();
  if (sorted_ids_.empty() || receipt_id > sorted_ids_.back()) {
    // The common case: the database hands out increasing ids.
  } else if (receipt_id == sorted_ids_.back()) {
    position = sorted_ids_.size() - 1;
  } else {
    position = static_cast<std::size_t>(
        std::lower_bound(sorted_ids_.begin(), sorted_ids_.end(), receipt_id) - sorted_ids_.begin());
  }

  if (position < sorted_ids_.size() && sorted_ids_[position] == receipt_id) {
    placement.receipt = sorted_dense_[position];
    placement.existed = true;
    uint32_t& home_store = home_store_[placement.receipt];
    const bool same_cell = home_day_[placement.receipt] == day && home_store == store;
    if (!same_cell && (home_store & kSplitBit) == 0) {
      home_store |= kSplitBit;
      placement.became_split = true;
    }
    return placement;
  }

  placement.receipt = static_cast<uint32_t>(home_day_.size());
  const auto at = static_cast<std::ptrdiff_t>(position);
  sorted_ids_.insert(sorted_ids_.begin() + at, receipt_id);
  sorted_dense_.insert(sorted_dense_.begin() + at, placement.receipt);
  home_day_.push_back(day);
  home_store_.push_back(store);
  return placement;
}

std::optional<uint32_t> ReceiptIndex::find(int64_t receipt_id) const {
  const auto found = std::lower_bound(sorted_ids_.begin(), sorted_ids_.end(), receipt_id);
  if (found == sorted_ids_.end() || *found != receipt_id) {
    return std::nullopt;
  }
  return sorted_dense_[static_cast<std::size_t>(found - sorted_ids_.begin())];
}

std::size_t ReceiptIndex::memory_bytes() const {
  return vector_bytes(sorted_ids_) + vector_bytes(sorted_dense_) + vector_bytes(home_day_) +
         vector_bytes(home_store_);
}

void IdSlots::include(const StoredLine& line) {
  stores = std::max(stores, slot_of(line.store_id) + 1);
  departments = std::max(departments, slot_of(line.department_id) + 1);
  products = std::max(products, slot_of(line.product_id) + 1);
  cards = std::max(cards, slot_of(line.card_id) + 1);
  promotions = std::max(promotions, slot_of(line.promotion_id) + 1);
}

void IdSlots::include(const IdSlots& other) {
  stores = std::max(stores, other.stores);
  departments = std::max(departments, other.departments);
  products = std::max(products, other.products);
  cards = std::max(cards, other.cards);
  promotions = std::max(promotions, other.promotions);
}

SalesCatalog build_catalog(Dictionaries dictionaries, const IdSlots& line_ids) {
  SalesCatalog catalog;
  fill_stores(catalog, dictionaries.stores, line_ids.stores);
  fill_products(catalog, dictionaries.products, line_ids.products);
  fill_departments_and_promotions(catalog, dictionaries, line_ids);
  fill_cards(catalog, dictionaries.cards, line_ids.cards);
  catalog.store_entries = std::move(dictionaries.stores);
  catalog.department_entries = std::move(dictionaries.departments);
  return catalog;
}

std::size_t SalesCatalog::memory_bytes() const {
  std::size_t bytes = sizeof(SalesCatalog);
  for (const StoreEntry& store : store_entries) {
    bytes += sizeof(StoreEntry) + string_bytes(store.code) + string_bytes(store.name) -
             2 * sizeof(std::string);
  }
  for (const DepartmentEntry& department : department_entries) {
    bytes += sizeof(DepartmentEntry) + string_bytes(department.name) - sizeof(std::string);
  }
  bytes += strings_bytes(store_code) + strings_bytes(store_name) + strings_bytes(department_name) +
           strings_bytes(promotion_code) + strings_bytes(product_code) +
           strings_bytes(product_name) + strings_bytes(product_search_text);
  return bytes + vector_bytes(product_department) + vector_bytes(product_code_rank) +
         vector_bytes(card_number_rank);
}

std::size_t SalesSnapshot::memory_bytes() const {
  std::size_t bytes = sizeof(SalesSnapshot) + vector_bytes(chunks) + receipts.memory_bytes() +
                      catalog.memory_bytes();
  for (const auto& chunk : chunks) {
    bytes += chunk->memory_bytes();
  }
  return bytes;
}

}  // namespace imagross::analytics
