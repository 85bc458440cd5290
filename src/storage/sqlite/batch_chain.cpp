#include "storage/sqlite/batch_chain.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <utility>

#include "storage/sqlite/batch_preparer.h"

namespace imagross::sqlite {
namespace {

constexpr int kReadFlags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;

}  // namespace

void UnwrittenBatches::add(PreparedBatch& batch) {
  std::lock_guard lock(mutex_);
  batches_.push_back(&batch);
}

void UnwrittenBatches::remove(const PreparedBatch& batch) {
  std::lock_guard lock(mutex_);
  auto found = std::find(batches_.begin(), batches_.end(), &batch);
  if (found != batches_.end()) {
    batches_.erase(found);
  }
}

void UnwrittenBatches::clear() {
  std::lock_guard lock(mutex_);
  batches_.clear();
}

// The rows are copied as rows stored already: the batch that has them is committed first.
bool UnwrittenBatches::continue_receipt(BatchReceipt& receipt, uint64_t hash, PreparedBatch& batch,
                                        uint64_t written) const {
  std::lock_guard lock(mutex_);
  for (auto earlier = batches_.rbegin(); earlier != batches_.rend(); ++earlier) {
    if ((*earlier)->sequence <= written) {
      return false;  // this one and the older ones are committed
    }
    const BatchReceipt* found = (*earlier)->find_receipt(receipt.code, hash);
    if (found != nullptr) {
      receipt.id = found->id;
      (*earlier)->for_each_row(*found,
                               [&](const LineRow& row) { batch.add_row(row, receipt, true); });
      return true;
    }
  }
  return false;
}

BatchChain::BatchChain(std::string path) : path_(std::move(path)) {}

void BatchChain::load(Connection& connection) {
  reset();
  DictionaryCache loaded;
  loaded.load(connection);
  loaded.receipts.load(connection);
  cache_ = std::move(loaded);
  written_ = sequence_;
}

void BatchChain::reset() {
  cache_.reset();
  unwritten_.clear();
  ++epoch_;
}

void BatchChain::prepare(PreparedBatch& batch) {
  assert(loaded());
  try {
    prepare_with(batch, nullptr);
  } catch (...) {
    reset();
    throw;
  }
  unwritten_.add(batch);
}

void BatchChain::prepare_again(PreparedBatch& batch, ReceiptLookup& lookup) {
  assert(loaded());
  PreparedBatch fresh;
  fresh.import_id = batch.import_id;
  fresh.lines = batch.lines;
  batch = std::move(fresh);
  try {
    prepare_with(batch, &lookup);
  } catch (...) {
    reset();
    throw;
  }
}

// Without `lookup`, stored receipts are read in one read transaction of the read-only connection,
// begun at the first read. The batches up to `written`, taken before it, are committed, so the
// transaction reads their lines. The later ones are read from memory, committed meanwhile or not.
void BatchChain::prepare_with(PreparedBatch& batch, ReceiptLookup* lookup) {
  const uint64_t written = written_;
  std::optional<Transaction> snapshot;
  BatchPreparer preparer(
      *cache_,
      [&](BatchReceipt& receipt, uint64_t hash) {
        return unwritten_.continue_receipt(receipt, hash, batch, written);
      },
      [&]() -> ReceiptLookup& {
        if (lookup != nullptr) {
          return *lookup;
        }
        open_reader();
        if (!snapshot) {
          snapshot.emplace(*reader_, TransactionMode::deferred);
        }
        return *lookup_;
      });
  preparer.prepare(batch);
  if (snapshot) {
    snapshot->commit();
  }
  batch.epoch = epoch_;
  batch.sequence = ++sequence_;
}

void BatchChain::open_reader() {
  if (!lookup_) {
    reader_ = std::make_unique<Connection>(path_, kReadFlags);
    sqlite3_busy_timeout(reader_->handle(), kBusyTimeoutMilliseconds);
    lookup_ = std::make_unique<ReceiptLookup>(*reader_);
  }
}

void BatchChain::discard(const PreparedBatch& batch) {
  if (batch.epoch == epoch_ && batch.sequence > written_) {
    std::lock_guard lock(mutex_);
    if (batch.epoch == epoch_) {
      reset();
    }
  }
  unwritten_.remove(batch);
}

}  // namespace imagross::sqlite
