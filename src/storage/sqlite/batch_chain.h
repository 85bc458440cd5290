#pragma once

// The dictionary cache that batches are prepared on, and the batches prepared on it that are not
// written yet. Batches prepared one after another form a chain: each may use dictionary entries
// and receipts that an earlier one creates, so they must be committed in that order.

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "storage/sqlite/connection.h"
#include "storage/sqlite/dictionary_cache.h"
#include "storage/sqlite/prepared_batch.h"
#include "storage/sqlite/receipt_lookup.h"

namespace imagross::sqlite {

// The batches of a chain that are prepared, kept so that a later batch continues their receipts.
// Thread-safe. A batch stays here until its owner removes it, before destroying it. The written
// ones are skipped, because the database has their lines.
class UnwrittenBatches {
 public:
  void add(PreparedBatch& batch);
  void remove(const PreparedBatch& batch);
  void clear();
  // Gives `receipt` (of `batch`, with code hash `hash`) the id and the rows it has in the
  // newest batch after sequence `written` that has it. False when none has it.
  bool continue_receipt(BatchReceipt& receipt, uint64_t hash, PreparedBatch& batch,
                        uint64_t written) const;

 private:
  mutable std::mutex mutex_;
  std::deque<PreparedBatch*> batches_;  // oldest first
};

// The lock order is the writing connection's mutex, then mutex(), then the UnwrittenBatches
// mutex. Methods marked "under mutex()" need the caller to hold it.
class BatchChain {
 public:
  // `path` is the database, which prepare() reads through a read-only connection of its own.
  explicit BatchChain(std::string path);
  BatchChain(const BatchChain&) = delete;
  BatchChain& operator=(const BatchChain&) = delete;

  std::mutex& mutex() { return mutex_; }

  // Under mutex().
  bool loaded() const { return cache_.has_value(); }
  // Under mutex(), inside the caller's transaction on `connection`: loads the cache and starts a
  // new chain, so the batches prepared before are no longer current.
  void load(Connection& connection);
  // Under mutex(): drops the cache, which may hold entries that will never be committed. The
  // next prepare needs load() first.
  void reset();

  // Under mutex(), on the loaded cache: prepares `batch` as the next of the chain and adds it to
  // the unwritten batches. Stored receipts are read through the read-only connection, which reads
  // every committed batch. Throws StorageError, after reset(), when reading fails.
  void prepare(PreparedBatch& batch);
  // Under mutex(), on the loaded cache: prepares `batch` again from its lines as the next of the
  // chain, reading stored receipts through `lookup`, for writing at once in the caller's
  // transaction.
  void prepare_again(PreparedBatch& batch, ReceiptLookup& lookup);

  // True when `batch` is the next to write: prepared on the cache as it is now, right after the
  // last batch written.
  bool is_next(const PreparedBatch& batch) const {
    return batch.epoch == epoch_ && batch.sequence == written_ + 1;
  }
  // Records that `batch` is committed. Called by the one thread that writes.
  void mark_written(const PreparedBatch& batch) { written_ = batch.sequence; }
  // For the owner of `batch`, before it destroys it: removes it from the unwritten batches. A
  // batch of the current chain that was never written leaves the cache with entries that will
  // never be committed, so the cache is reset.
  void discard(const PreparedBatch& batch);

 private:
  void prepare_with(PreparedBatch& batch, ReceiptLookup* lookup);
  void open_reader();

  std::mutex mutex_;
  std::string path_;
  std::optional<DictionaryCache> cache_;
  UnwrittenBatches unwritten_;
  // Read without mutex() by the writing thread; changed under mutex(), and written_ also by
  // mark_written.
  std::atomic<uint64_t> epoch_ = 1;  // changes whenever the cache is loaded or reset
  std::atomic<uint64_t> written_ = 0;
  uint64_t sequence_ = 0;  // of the last batch prepared
  std::unique_ptr<Connection> reader_;
  std::unique_ptr<ReceiptLookup> lookup_;  // declared after reader_, so destroyed before it
};

}  // namespace imagross::sqlite
