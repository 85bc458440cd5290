#include <algorithm>
#include <array>
#include <cassert>
#include <tuple>

#include "analytics/snapshot_builder.h"

namespace imagross::analytics {
namespace {

constexpr std::size_t kMaxDaysPerMonth = 31;
constexpr uint32_t kAbsent = ~0u;

bool key_less(const PendingLine& a, const PendingLine& b) {
  return std::tie(a.receipt, a.line_number) < std::tie(b.receipt, b.line_number);
}

// Index of each day of the month that has lines, in ascending day order.
std::array<uint32_t, kMaxDaysPerMonth> index_days(int32_t month_start,
                                                  const std::vector<PendingLine>& lines,
                                                  std::vector<int32_t>& days) {
  std::array<uint32_t, kMaxDaysPerMonth> day_index{};
  day_index.fill(kAbsent);
  for (const PendingLine& line : lines) {
    const auto offset = static_cast<std::size_t>(line.day - month_start);
    assert(offset < kMaxDaysPerMonth);
    day_index[offset] = 0;
  }
  for (std::size_t offset = 0; offset < kMaxDaysPerMonth; ++offset) {
    if (day_index[offset] != kAbsent) {
      day_index[offset] = static_cast<uint32_t>(days.size());
      days.push_back(month_start + static_cast<int32_t>(offset));
    }
  }
  return day_index;
}

// A stable counting sort of the lines by cell; returns the line order and fills cell_begin.
std::vector<uint32_t> order_by_cell(const std::vector<PendingLine>& lines,
                                    const std::vector<uint32_t>& cell_of_line,
                                    std::vector<uint32_t>& cell_begin) {
  for (const uint32_t cell : cell_of_line) {
    ++cell_begin[cell + 1];
  }
  for (std::size_t cell = 1; cell < cell_begin.size(); ++cell) {
    cell_begin[cell] += cell_begin[cell - 1];
  }
  std::vector<uint32_t> next(cell_begin.begin(), cell_begin.end() - 1);
  std::vector<uint32_t> order(lines.size());
  for (uint32_t i = 0; i < lines.size(); ++i) {
    order[next[cell_of_line[i]]++] = i;
  }

  // Lines usually arrive in (receipt, line number) order already; sort only cells that did not.
  const auto by_key = [&](uint32_t a, uint32_t b) { return key_less(lines[a], lines[b]); };
  for (std::size_t cell = 0; cell + 1 < cell_begin.size(); ++cell) {
    const auto first = order.begin() + cell_begin[cell];
    const auto last = order.begin() + cell_begin[cell + 1];
    if (!std::is_sorted(first, last, by_key)) {
      std::sort(first, last, by_key);
    }
  }
  return order;
}

void reserve_columns(SalesChunk& chunk, std::size_t count) {
  chunk.receipt.reserve(count);
  chunk.line_number.reserve(count);
  chunk.product.reserve(count);
  chunk.card.reserve(count);
  chunk.department.reserve(count);
  chunk.promotion.reserve(count);
  chunk.flags.reserve(count);
  chunk.quantity.reserve(count);
  chunk.amount.reserve(count);
  chunk.discount.reserve(count);
}

void push_line(SalesChunk& chunk, const PendingLine& line, bool split) {
  chunk.receipt.push_back(line.receipt);
  chunk.line_number.push_back(line.line_number);
  chunk.product.push_back(line.product);
  chunk.card.push_back(line.card);
  chunk.department.push_back(line.department);
  chunk.promotion.push_back(line.promotion);
  const uint8_t flags = static_cast<uint8_t>(line.flags & (kHourMask | kReturnFlag));
  chunk.flags.push_back(split ? static_cast<uint8_t>(flags | kSplitReceiptFlag) : flags);
  chunk.quantity.push_back(line.quantity);
  chunk.amount.push_back(line.amount);
  chunk.discount.push_back(line.discount);
}

}  // namespace

std::shared_ptr<const SalesChunk> build_chunk(int32_t month_start, std::vector<PendingLine> lines,
                                              uint32_t store_slots, const ReceiptIndex& receipts) {
  auto chunk = std::make_shared<SalesChunk>();
  chunk->month_start = month_start;
  chunk->store_slots = store_slots;
  const auto day_index = index_days(month_start, lines, chunk->days);

  std::vector<uint32_t> cell_of_line(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    assert(lines[i].store < store_slots);
    const auto offset = static_cast<std::size_t>(lines[i].day - month_start);
    cell_of_line[i] = day_index[offset] * store_slots + lines[i].store;
  }
  chunk->cell_begin.assign(chunk->days.size() * store_slots + 1, 0);
  const std::vector<uint32_t> order = order_by_cell(lines, cell_of_line, chunk->cell_begin);

  reserve_columns(*chunk, lines.size());
  for (const uint32_t i : order) {
    push_line(*chunk, lines[i], receipts.is_split(lines[i].receipt));
  }
  return chunk;
}

void unpack_chunk(const SalesChunk& chunk, std::vector<PendingLine>& out) {
  out.reserve(out.size() + chunk.size());
  for (std::size_t d = 0; d < chunk.days.size(); ++d) {
    for (uint32_t store = 0; store < chunk.store_slots; ++store) {
      for (uint32_t i = chunk.cell_start(d, store); i < chunk.cell_end(d, store); ++i) {
        PendingLine line;
        line.day = chunk.days[d];
        line.store = store;
        line.receipt = chunk.receipt[i];
        line.line_number = chunk.line_number[i];
        line.product = chunk.product[i];
        line.card = chunk.card[i];
        line.department = chunk.department[i];
        line.promotion = chunk.promotion[i];
        line.flags = chunk.flags[i];
        line.quantity = chunk.quantity[i];
        line.amount = chunk.amount[i];
        line.discount = chunk.discount[i];
        out.push_back(line);
      }
    }
  }
}

}  // namespace imagross::analytics
