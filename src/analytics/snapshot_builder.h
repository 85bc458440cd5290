#pragma once

// Building sales snapshots: from every stored line at load, and from an existing snapshot plus
// newly imported lines at append.

#include <memory>
#include <span>
#include <vector>

#include "analytics/sales_snapshot.h"
#include "common/time_zone.h"

namespace imagross::analytics {

// A line converted to engine ids and local time, before it is placed in a chunk.
struct PendingLine {
  int32_t day = 0;
  uint32_t store = 0;
  uint32_t receipt = 0;
  int32_t line_number = 0;
  uint32_t product = 0;
  uint32_t card = 0;
  uint32_t department = 0;
  uint32_t promotion = 0;
  uint8_t flags = 0;  // hour and return flag; the split flag is set when the chunk is built
  int64_t quantity = 0;
  int64_t amount = 0;
  int64_t discount = 0;
};

// Collects the lines of a full load, in any order, and builds the snapshot. The peak memory of a
// load is about 64 bytes per line for the pending lines plus the finished chunks.
class SnapshotBuilder {
 public:
  explicit SnapshotBuilder(const TimeZone& zone);
  void add(std::span<const StoredLine> lines);
  // `dictionaries` must cover every id the added lines refer to (read them after the lines).
  std::shared_ptr<const SalesSnapshot> finish(Dictionaries dictionaries);

 private:
  const TimeZone& zone_;
  SalesSnapshot snapshot_;
  std::vector<std::pair<int32_t, std::vector<PendingLine>>> months_;  // by month_start
};

// Builds a snapshot with `base`'s lines plus `lines`. A line whose key (receipt, line number) is
// in `base` already, or earlier in `lines`, is skipped, so that appending the same lines twice
// changes nothing. Chunks of months that gain no line are shared with `base`.
std::shared_ptr<const SalesSnapshot> append_to_snapshot(const SalesSnapshot& base,
                                                        std::span<const StoredLine> lines,
                                                        Dictionaries dictionaries,
                                                        const TimeZone& zone);

// Orders `lines` by (day, store, receipt, line number) into a chunk of `store_slots` stores per
// day, taking split flags from `receipts`.
std::shared_ptr<const SalesChunk> build_chunk(int32_t month_start, std::vector<PendingLine> lines,
                                              uint32_t store_slots, const ReceiptIndex& receipts);

// The lines of `chunk` back in pending form, in chunk order.
void unpack_chunk(const SalesChunk& chunk, std::vector<PendingLine>& out);

}  // namespace imagross::analytics
