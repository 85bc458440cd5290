#pragma once

// Running totals of the dashboard metrics over the lines of one scan. The definitions are those
// of docs/METRICS.md: returns count in net revenue and units but never as a purchase.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "analytics/dashboard.h"
#include "analytics/distinct_count.h"
#include "analytics/sales_snapshot.h"

namespace imagross::analytics {

// The values of one line that every total reads.
struct LineFacts {
  int64_t amount = 0;
  int64_t quantity = 0;
  int64_t discount = 0;
  uint32_t receipt = 0;
  bool sale = true;  // not a return line
  bool split = false;

  static LineFacts read(const SalesChunk& chunk, uint32_t i) {
    const uint8_t flags = chunk.flags[i];
    return LineFacts{
        chunk.amount[i],  chunk.quantity[i],          chunk.discount[i],
        chunk.receipt[i], (flags & kReturnFlag) == 0, (flags & kSplitReceiptFlag) != 0};
  }
};

// Average receipt in thousandths, rounded to whole cents half away from zero; none without a
// purchase receipt.
std::optional<int64_t> average_receipt(int64_t sale_amount, int64_t purchase_receipts);

// The KPIs of one period.
class KpiTotals {
 public:
  explicit KpiTotals(const SalesSnapshot& snapshot);

  void add(const SalesChunk& chunk, uint32_t i, const LineFacts& line);
  Kpis finish() const;

 private:
  int64_t net_revenue_ = 0;
  int64_t sale_amount_ = 0;
  int64_t sale_discount_ = 0;
  int64_t returned_ = 0;
  int64_t units_ = 0;
  int64_t lines_ = 0;
  int64_t card_revenue_ = 0;
  int64_t promotion_revenue_ = 0;
  ReceiptCounter purchase_receipts_{1};
  ReceiptCounter all_receipts_{1};
  DenseBitset customers_;
  DenseBitset products_;
};

// Net revenue, units, discount and purchase receipts per group (product, department, store or
// promotion id).
class GroupTotals {
 public:
  explicit GroupTotals(std::size_t groups)
      : net_revenue_(groups, 0),
        sale_amount_(groups, 0),
        discount_(groups, 0),
        units_(groups, 0),
        lines_(groups, 0),
        receipts_(groups) {}

  void add(std::size_t group, const LineFacts& line) {
    net_revenue_[group] += line.amount;
    units_[group] += line.quantity;
    ++lines_[group];
    if (line.sale) {
      sale_amount_[group] += line.amount;
      discount_[group] += line.discount;
      receipts_.add(group, line.receipt, line.split);
    }
  }

  std::size_t size() const { return lines_.size(); }
  bool has_lines(std::size_t group) const { return lines_[group] != 0; }
  int64_t net_revenue(std::size_t group) const { return net_revenue_[group]; }
  int64_t sale_amount(std::size_t group) const { return sale_amount_[group]; }
  int64_t discount(std::size_t group) const { return discount_[group]; }
  int64_t units(std::size_t group) const { return units_[group]; }
  int64_t receipts(std::size_t group) const { return receipts_.count(group); }

 private:
  std::vector<int64_t> net_revenue_;
  std::vector<int64_t> sale_amount_;  // net of discount, sale lines only
  std::vector<int64_t> discount_;     // sale lines only
  std::vector<int64_t> units_;
  std::vector<int64_t> lines_;
  ReceiptCounter receipts_;  // purchase receipts
};

}  // namespace imagross::analytics
