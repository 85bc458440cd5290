#pragma once

// Hands batches of lines from the thread that reads a file, converts its rows and prepares them
// for the database to the thread that writes them, so that the two overlap. A fixed pool of
// batches circulates between the two: memory stays bounded however fast either side is.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/receipt_line.h"
#include "ingest/convert/line_converter.h"
#include "storage/database.h"

namespace imagross::ingest {

// The rows of a file from one stretch of records.
struct LineBatch {
  std::vector<ReceiptLine> lines;  // the first `size` are valid; the rest keep their storage
  std::size_t size = 0;
  std::vector<int64_t> source_lines;  // file line of each valid line
  std::vector<Rejection> rejections;  // problems of the rejected rows, in file order
  int64_t records = 0;                // rows read: valid lines plus rejected rows
  int64_t rejected_rows = 0;
  uint64_t bytes_read = 0;  // reader position after the last row
  // The valid lines as Database::prepare_lines prepared them; null when they were not prepared.
  std::unique_ptr<PreparedLines> prepared;
  // Set by acquire(): the place of the batch in the file, from 1. Batches are prepared in this
  // order (see BatchQueue::producer_prepares).
  uint64_t number = 0;
  bool prepare_pending = true;  // neither thread has prepared it, or given up preparing it, yet

  // The slot for the next line, reusing the storage of an earlier one.
  ReceiptLine& next_slot();
  void clear();
};

class BatchQueue {
 public:
  explicit BatchQueue(std::size_t pool_size);

  // Producer side. Returns an empty batch, waiting for the consumer to release one; nothing
  // once the queue is cancelled.
  LineBatch* acquire();
  void push(LineBatch* batch);
  // Marks the end of the file; `error` is why reading stopped early.
  void finish(std::optional<std::string> error = std::nullopt);

  // Consumer side. Returns the next full batch, or nothing once the producer has finished and
  // every batch was taken.
  LineBatch* pop();
  void release(LineBatch* batch);
  // Stops the producer: its next acquire() returns nothing.
  void cancel();
  std::optional<std::string> error() const;

  // Either side may prepare a batch for the database, but in the order of the batch numbers.
  // True when the producer should prepare `batch` before pushing it: every earlier batch is
  // prepared and the consumer is busy. Otherwise the consumer is waiting for work, or is still
  // preparing an earlier batch, and the producer pushes `batch` unprepared instead of waiting.
  bool producer_prepares(const LineBatch& batch) const;
  // Records that `batch` is prepared or given up, so that the next one may be prepared.
  void end_preparing(LineBatch& batch);

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<LineBatch>> pool_;
  std::deque<LineBatch*> free_;
  std::deque<LineBatch*> full_;
  bool finished_ = false;
  bool cancelled_ = false;
  std::optional<std::string> error_;
  uint64_t acquired_ = 0;          // batches numbered so far
  uint64_t prepared_through_ = 0;  // the number of the last batch prepared or given up
  int waiting_consumers_ = 0;
};

}  // namespace imagross::ingest
