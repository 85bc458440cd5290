#include "storage/sqlite/prepared_batch.h"

namespace imagross::sqlite {
namespace {

// The hash of the key (receipt id, line number) of a line.
uint64_t hash_key(int64_t receipt_id, int32_t line_number) {
  return mix_hash(static_cast<uint64_t>(receipt_id) * 0x9E3779B97F4A7C15ULL +
                  static_cast<uint32_t>(line_number));
}

}  // namespace

// Lines usually come with their numbers rising, so most lines are new without a search.
const LineRow* PreparedBatch::find_known(const BatchReceipt& receipt, int32_t line_number) const {
  if (line_number > receipt.max_line_number) {
    return nullptr;
  }
  if (receipt.indexed) {
    auto position = known_index.find(hash_key(receipt.id, line_number), [&](uint32_t candidate) {
      const StoredLine& line = row(candidate).line;
      return line.receipt_id == receipt.id && line.line_number == line_number;
    });
    return position ? &row(*position) : nullptr;
  }
  const LineRow* found = nullptr;
  for_each_row(receipt, [&](const LineRow& candidate) {
    if (candidate.line.line_number == line_number) {
      found = &candidate;
    }
  });
  return found;
}

const BatchReceipt* PreparedBatch::find_receipt(std::string_view code, uint64_t hash) const {
  auto position = receipt_index.find(
      hash, [&](uint32_t candidate) { return receipts[candidate].code == code; });
  return position ? &receipts[*position] : nullptr;
}

void PreparedBatch::add_row(LineRow row, BatchReceipt& receipt, bool stored) {
  std::vector<LineRow>& rows = stored ? stored_rows : new_rows;
  uint32_t position = static_cast<uint32_t>(rows.size()) | (stored ? kStoredRow : 0);
  row.previous_row = receipt.last_row;
  receipt.last_row = position;
  receipt.max_line_number = std::max(receipt.max_line_number, row.line.line_number);
  ++receipt.rows;
  rows.push_back(row);
  if (receipt.indexed) {
    known_index.insert(hash_key(receipt.id, row.line.line_number), position);
  } else if (receipt.rows > kChainedRows) {
    index_rows(receipt);
  }
}

// Moves a receipt whose chain got long into known_index, so that its lookups stay short.
void PreparedBatch::index_rows(BatchReceipt& receipt) {
  for (uint32_t position = receipt.last_row; position != kNoRow;) {
    const LineRow& current = row(position);
    known_index.insert(hash_key(receipt.id, current.line.line_number), position);
    position = current.previous_row;
  }
  receipt.indexed = true;
}

}  // namespace imagross::sqlite
