#include "analytics/snapshot_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

constexpr int32_t kSecondsPerHour = 3600;

uint32_t id_slot(int32_t id) {
  return id > 0 ? static_cast<uint32_t>(id) : 0u;
}

// Converts instants to local days and hours; the lines of a receipt usually share a timestamp,
// so the last conversion is kept.
class LocalClock {
 public:
  explicit LocalClock(const TimeZone& zone) : zone_(zone) {}

  LocalDateTime at(int64_t utc_seconds) {
    if (utc_seconds != last_utc_ || !has_last_) {
      last_ = zone_.to_local(utc_seconds);
      last_utc_ = utc_seconds;
      has_last_ = true;
    }
    return last_;
  }

 private:
  const TimeZone& zone_;
  int64_t last_utc_ = 0;
  LocalDateTime last_;
  bool has_last_ = false;
};

PendingLine to_pending(const StoredLine& line, const LocalDateTime& local) {
  PendingLine pending;
  pending.day = local.day;
  pending.store = id_slot(line.store_id);
  pending.line_number = line.line_number;
  pending.product = id_slot(line.product_id);
  pending.card = id_slot(line.card_id);
  pending.department = id_slot(line.department_id);
  pending.promotion = id_slot(line.promotion_id);
  const auto hour = static_cast<uint8_t>(local.second_of_day / kSecondsPerHour);
  pending.flags = line.is_return ? static_cast<uint8_t>(hour | kReturnFlag) : hour;
  pending.quantity = line.quantity;
  pending.amount = line.amount;
  pending.discount = line.discount;
  return pending;
}

std::vector<PendingLine>& month_of(
    std::vector<std::pair<int32_t, std::vector<PendingLine>>>& months, int32_t month) {
  // Lines of one receipt and of consecutive receipts mostly share a month: look at the last first.
  if (!months.empty() && months.back().first == month) {
    return months.back().second;
  }
  const auto found = std::find_if(months.begin(), months.end(),
                                  [&](const auto& entry) { return entry.first == month; });
  if (found != months.end()) {
    return found->second;
  }
  months.emplace_back(month, std::vector<PendingLine>{});
  return months.back().second;
}

void put_chunk(std::vector<std::shared_ptr<const SalesChunk>>& chunks,
               std::shared_ptr<const SalesChunk> chunk) {
  const auto at = std::lower_bound(chunks.begin(), chunks.end(), chunk->month_start,
                                   [](const std::shared_ptr<const SalesChunk>& c, int32_t month) {
                                     return c->month_start < month;
                                   });
  if (at != chunks.end() && (*at)->month_start == chunk->month_start) {
    *at = std::move(chunk);
  } else {
    chunks.insert(at, std::move(chunk));
  }
}

const SalesChunk* find_chunk(const SalesSnapshot& snapshot, int32_t month) {
  for (const auto& chunk : snapshot.chunks) {
    if (chunk->month_start == month) {
      return chunk.get();
    }
  }
  return nullptr;
}

// Line numbers that `base` holds for dense receipt `receipt`.
std::set<int32_t> stored_line_numbers(const SalesSnapshot& base, uint32_t receipt) {
  std::set<int32_t> numbers;
  const auto collect = [&](const SalesChunk& chunk, uint32_t begin, uint32_t end) {
    for (uint32_t i = begin; i < end; ++i) {
      if (chunk.receipt[i] == receipt) {
        numbers.insert(chunk.line_number[i]);
      }
    }
  };
  if (base.receipts.is_split(receipt)) {
    // Rare: the receipt's lines may sit in any chunk.
    for (const auto& chunk : base.chunks) {
      collect(*chunk, 0, static_cast<uint32_t>(chunk->size()));
    }
    return numbers;
  }
  const int32_t day = base.receipts.home_day(receipt);
  const SalesChunk* chunk = find_chunk(base, month_start(day));
  const uint32_t store = base.receipts.home_store(receipt);
  if (chunk == nullptr || store >= chunk->store_slots) {
    return numbers;
  }
  const auto found = std::lower_bound(chunk->days.begin(), chunk->days.end(), day);
  if (found != chunk->days.end() && *found == day) {
    const auto d = static_cast<std::size_t>(found - chunk->days.begin());
    collect(*chunk, chunk->cell_start(d, store), chunk->cell_end(d, store));
  }
  return numbers;
}

// The positions of `lines` that are new: not in `base`, and not repeated within `lines`.
std::vector<std::size_t> new_line_positions(const SalesSnapshot& base,
                                            std::span<const StoredLine> lines) {
  std::vector<std::size_t> order(lines.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(lines[a].receipt_id, lines[a].line_number) <
           std::tie(lines[b].receipt_id, lines[b].line_number);
  });

  std::vector<std::size_t> fresh;
  std::set<int32_t> stored;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const StoredLine& line = lines[order[k]];
    const bool first_of_receipt = k == 0 || lines[order[k - 1]].receipt_id != line.receipt_id;
    if (!first_of_receipt && lines[order[k - 1]].line_number == line.line_number) {
      continue;
    }
    if (first_of_receipt) {
      const auto existing = base.receipts.find(line.receipt_id);
      stored = existing ? stored_line_numbers(base, *existing) : std::set<int32_t>{};
    }
    if (stored.count(line.line_number) == 0) {
      fresh.push_back(order[k]);
    }
  }
  std::sort(fresh.begin(), fresh.end());
  return fresh;
}

}  // namespace

SnapshotBuilder::SnapshotBuilder(const TimeZone& zone) : zone_(zone) {}

void SnapshotBuilder::add(std::span<const StoredLine> lines) {
  LocalClock clock(zone_);
  for (const StoredLine& line : lines) {
    PendingLine pending = to_pending(line, clock.at(line.timestamp));
    pending.receipt =
        snapshot_.receipts.place_line(line.receipt_id, pending.day, pending.store).receipt;
    snapshot_.line_ids.include(line);
    month_of(months_, month_start(pending.day)).push_back(pending);
  }
  snapshot_.line_count += static_cast<int64_t>(lines.size());
}

std::shared_ptr<const SalesSnapshot> SnapshotBuilder::finish(Dictionaries dictionaries) {
  snapshot_.catalog = build_catalog(std::move(dictionaries), snapshot_.line_ids);
  const auto store_slots = static_cast<uint32_t>(snapshot_.store_slots());
  for (auto& [month, lines] : months_) {
    put_chunk(snapshot_.chunks,
              build_chunk(month, std::move(lines), store_slots, snapshot_.receipts));
  }
  months_.clear();
  return std::make_shared<const SalesSnapshot>(std::move(snapshot_));
}

std::shared_ptr<const SalesSnapshot> append_to_snapshot(const SalesSnapshot& base,
                                                        std::span<const StoredLine> lines,
                                                        Dictionaries dictionaries,
                                                        const TimeZone& zone) {
  auto next = std::make_shared<SalesSnapshot>();
  next->chunks = base.chunks;
  next->receipts = base.receipts;
  next->line_ids = base.line_ids;
  next->line_count = base.line_count;

  // Groups the new lines by month. A receipt that leaves its home cell needs its home month
  // rebuilt too, because its old lines there must get the split flag.
  std::map<int32_t, std::vector<PendingLine>> months;
  LocalClock clock(zone);
  for (const std::size_t i : new_line_positions(base, lines)) {
    const StoredLine& line = lines[i];
    PendingLine pending = to_pending(line, clock.at(line.timestamp));
    const auto placement = next->receipts.place_line(line.receipt_id, pending.day, pending.store);
    pending.receipt = placement.receipt;
    if (placement.became_split) {
      months[month_start(next->receipts.home_day(placement.receipt))];
    }
    next->line_ids.include(line);
    months[month_start(pending.day)].push_back(pending);
    ++next->line_count;
  }

  next->catalog = build_catalog(std::move(dictionaries), next->line_ids);
  const auto store_slots = static_cast<uint32_t>(next->store_slots());
  for (auto& [month, pending] : months) {
    if (const SalesChunk* old = find_chunk(base, month)) {
      unpack_chunk(*old, pending);
    }
    put_chunk(next->chunks, build_chunk(month, std::move(pending), store_slots, next->receipts));
  }
  return next;
}

}  // namespace imagross::analytics
