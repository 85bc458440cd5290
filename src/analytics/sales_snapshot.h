#pragma once

// The immutable state that the sales engine queries: receipt lines in columns, cut into one chunk
// per local calendar month, plus the receipt index and the dictionaries. A snapshot never changes
// once built; an append builds a new one that shares every chunk it did not touch.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analytics/compact_column.h"
#include "storage/database.h"

namespace imagross::analytics {

// Per-line flags, packed in one byte beside the local hour (0-23) in the low five bits.
inline constexpr uint8_t kHourMask = 0x1f;
inline constexpr uint8_t kReturnFlag = 0x20;
// The line's receipt has lines in more than one cell (local day and store), so its lines are not
// contiguous in the sort order and distinct counts must check it in a set.
inline constexpr uint8_t kSplitReceiptFlag = 0x40;

// The lines of one local calendar month, ordered by (day, store, receipt, line number). The lines
// of one day and one store form a cell, a contiguous range found through `cell_begin`. Inside a
// cell, the lines of a receipt are contiguous.
struct SalesChunk {
  int32_t month_start = 0;    // day number of the 1st of the month
  std::vector<int32_t> days;  // local days that have lines, ascending
  uint32_t store_slots = 0;   // cells per day: one per store id from 0 to store_slots - 1
  // Cell (day index d, store s) is [cell_begin[d * store_slots + s], cell_begin[... + 1]).
  std::vector<uint32_t> cell_begin;

  std::vector<uint32_t> receipt;  // dense receipt id (ReceiptIndex)
  std::vector<int32_t> line_number;
  std::vector<uint32_t> product;
  std::vector<uint32_t> card;        // 0: no card
  std::vector<uint32_t> department;  // 0: none
  std::vector<uint32_t> promotion;   // 0: not on promotion
  std::vector<uint8_t> flags;
  CompactInt64Column quantity;  // thousandths
  CompactInt64Column amount;
  CompactInt64Column discount;

  std::size_t size() const { return receipt.size(); }
  uint32_t cell_start(std::size_t day_index, uint32_t store) const {
    return cell_begin[day_index * store_slots + store];
  }
  uint32_t cell_end(std::size_t day_index, uint32_t store) const {
    return cell_begin[day_index * store_slots + store + 1];
  }
  std::size_t memory_bytes() const;
};

// Maps the database's receipt ids to dense ids (0, 1, 2, ... in order of first appearance) and
// remembers the cell of each receipt's first line, so that an append can tell whether a receipt
// stays in one cell.
class ReceiptIndex {
 public:
  struct Placement {
    uint32_t receipt = 0;
    bool existed = false;       // the receipt had lines before this one
    bool became_split = false;  // this line is the first outside the receipt's home cell
  };

  // Records a line of database receipt `receipt_id` in cell (day, store).
  Placement place_line(int64_t receipt_id, int32_t day, uint32_t store);

  std::optional<uint32_t> find(int64_t receipt_id) const;
  std::size_t size() const { return home_day_.size(); }
  bool is_split(uint32_t receipt) const { return (home_store_[receipt] & kSplitBit) != 0; }
  int32_t home_day(uint32_t receipt) const { return home_day_[receipt]; }
  uint32_t home_store(uint32_t receipt) const { return home_store_[receipt] & ~kSplitBit; }
  std::size_t memory_bytes() const;

 private:
  static constexpr uint32_t kSplitBit = 0x80000000u;

  std::vector<int64_t> sorted_ids_;     // database ids, ascending
  std::vector<uint32_t> sorted_dense_;  // dense id of sorted_ids_[i]
  std::vector<int32_t> home_day_;       // by dense id
  std::vector<uint32_t> home_store_;    // by dense id; the top bit marks a split receipt
};

// The dictionaries, indexed by id (index 0 is "none"), with what the queries derive from them.
struct SalesCatalog {
  std::vector<StoreEntry> store_entries;  // as stored, ascending id
  std::vector<DepartmentEntry> department_entries;
  std::vector<std::string> store_code;  // by store id
  std::vector<std::string> store_name;
  std::vector<std::string> department_name;  // by department id
  std::vector<std::string> promotion_code;   // by promotion id
  std::vector<std::string> product_code;     // by product id
  std::vector<std::string> product_name;
  std::vector<std::string> product_search_text;  // folded code and name, for search
  std::vector<uint32_t> product_department;
  std::vector<uint32_t> product_code_rank;  // position of the product in code order
  std::vector<uint32_t> card_number_rank;   // position of the card in card number order

  std::size_t card_slots() const { return card_number_rank.size(); }
  std::size_t memory_bytes() const;
};

// One past the largest id of each dictionary that any line refers to.
struct IdSlots {
  std::size_t stores = 1;
  std::size_t departments = 1;
  std::size_t products = 1;
  std::size_t cards = 1;
  std::size_t promotions = 1;

  void include(const StoredLine& line);
  void include(const IdSlots& other);
};

// Builds the catalog from the database's dictionaries, with room for every id in `line_ids`
// even when a dictionary lacks it (such an entry gets the code "#<id>").
SalesCatalog build_catalog(Dictionaries dictionaries, const IdSlots& line_ids);

struct SalesSnapshot {
  std::vector<std::shared_ptr<const SalesChunk>> chunks;  // ascending month_start
  ReceiptIndex receipts;
  SalesCatalog catalog;
  IdSlots line_ids;
  int64_t line_count = 0;

  // Slots for per-id arrays: one past the largest id of the dictionary or of any line.
  std::size_t store_slots() const { return catalog.store_code.size(); }
  std::size_t department_slots() const { return catalog.department_name.size(); }
  std::size_t product_slots() const { return catalog.product_code.size(); }
  std::size_t promotion_slots() const { return catalog.promotion_code.size(); }
  std::size_t card_slots() const { return catalog.card_slots(); }
  std::size_t memory_bytes() const;
};

}  // namespace imagross::analytics
