#include "ingest/batch_queue.h"

#include <algorithm>

namespace imagross::ingest {

ReceiptLine& LineBatch::next_slot() {
  if (size == lines.size()) {
    lines.emplace_back();
  }
  return lines[size];
}

void LineBatch::clear() {
  prepared.reset();  // before the lines it refers to are reused
  prepare_pending = true;
  size = 0;
  source_lines.clear();
  rejections.clear();
  records = 0;
  rejected_rows = 0;
  bytes_read = 0;
}

BatchQueue::BatchQueue(std::size_t pool_size) {
  for (std::size_t i = 0; i < pool_size; ++i) {
    pool_.push_back(std::make_unique<LineBatch>());
    free_.push_back(pool_.back().get());
  }
}

LineBatch* BatchQueue::acquire() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return cancelled_ || !free_.empty(); });
  if (cancelled_) {
    return nullptr;
  }
  LineBatch* batch = free_.front();
  free_.pop_front();
  batch->clear();
  batch->number = ++acquired_;
  return batch;
}

void BatchQueue::push(LineBatch* batch) {
  {
    std::lock_guard lock(mutex_);
    full_.push_back(batch);
  }
  changed_.notify_all();
}

void BatchQueue::finish(std::optional<std::string> error) {
  {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = std::move(error);
  }
  changed_.notify_all();
}

LineBatch* BatchQueue::pop() {
  std::unique_lock lock(mutex_);
  ++waiting_consumers_;
  changed_.wait(lock, [this] { return !full_.empty() || finished_; });
  --waiting_consumers_;
  if (full_.empty()) {
    return nullptr;
  }
  LineBatch* batch = full_.front();
  full_.pop_front();
  return batch;
}

void BatchQueue::release(LineBatch* batch) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(batch);
  }
  changed_.notify_all();
}

void BatchQueue::cancel() {
  {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  changed_.notify_all();
}

std::optional<std::string> BatchQueue::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

bool BatchQueue::producer_prepares(const LineBatch& batch) const {
  std::lock_guard lock(mutex_);
  return waiting_consumers_ == 0 && prepared_through_ + 1 >= batch.number;
}

void BatchQueue::end_preparing(LineBatch& batch) {
  {
    std::lock_guard lock(mutex_);
    batch.prepare_pending = false;
    prepared_through_ = std::max(prepared_through_, batch.number);
  }
  changed_.notify_all();
}

}  // namespace imagross::ingest
