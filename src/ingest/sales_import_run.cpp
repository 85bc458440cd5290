#include "ingest/sales_import_run.h"

#include <algorithm>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "ingest/import_run.h"
#include "ingest/mapping/presets.h"

namespace imagross::ingest {
namespace {

// Two batches in flight and one being filled keep both threads busy.
constexpr std::size_t kBatchPoolSize = 3;

// Rows of the first batch at most: a small first batch lets the writing thread start early
// instead of waiting for a whole batch to be read.
constexpr std::size_t kFirstBatchRecords = 4096;

class SalesImportRun {
 public:
  SalesImportRun(const std::string& source_name, const SalesImportOptions& options,
                 Database* database, const SalesImportObserver& observer)
      : options_(options),
        tracker_("sales", source_name, options, database, observer.on_progress),
        database_(tracker_.database()),
        observer_(observer) {}

  SalesImportSummary run(const ReaderFactory& open_reader);

 private:
  SalesImportSummary import_batches(RecordReader& reader, LineConverter& converter);
  void read_lines(RecordReader& reader, LineConverter& converter, BatchQueue& queue,
                  std::size_t batch_size);
  void hand_over(LineBatch& batch, BatchQueue& queue);
  void prepare_in_order(LineBatch& batch, BatchQueue& queue);
  void prepare(LineBatch& batch);
  void write_batches(BatchQueue& queue);
  void write_batch(LineBatch& batch);
  std::vector<Rejection> conflicts(const LineBatch& batch, const BatchResult& result) const;

  const SalesImportOptions& options_;
  ImportTracker tracker_;
  Database* database_;  // null on a dry run
  const SalesImportObserver& observer_;
  ImportRecord& record_ = tracker_.record();
};

SalesImportSummary SalesImportRun::run(const ReaderFactory& open_reader) {
  auto opened = open_import(tracker_, options_, sales_field_table(), find_preset, open_reader);
  if (!opened) {
    return tracker_.summary();
  }
  RecordReader& reader = *opened->reader;
  LineConverter converter(std::move(opened->plan.mapping), opened->plan.formats, opened->plan.zone,
                          reader.format() == FileFormat::csv, reader.delimiter());
  return import_batches(reader, converter);
}

// Reads and converts on one thread and writes on the calling thread, and either thread prepares
// the batches for the database (see hand_over). Preparing on one of these threads costs less CPU
// time than on a thread of its own, which would move each batch through one more processor cache.
SalesImportSummary SalesImportRun::import_batches(RecordReader& reader, LineConverter& converter) {
  BatchQueue queue(kBatchPoolSize);
  const auto batch_size = static_cast<std::size_t>(std::max(1, options_.batch_size));
  std::thread reading([&] { read_lines(reader, converter, queue, batch_size); });
  const auto stop_reading = [&] {
    queue.cancel();
    reading.join();
  };
  try {
    write_batches(queue);
  } catch (const ReportError& error) {
    stop_reading();
    tracker_.fail(error.what());
    return tracker_.summary();
  } catch (const std::exception& error) {
    stop_reading();
    tracker_.fail(fmt::format("{}; the batches written before stay imported", error.what()));
    throw;
  }
  reading.join();
  if (const auto error = queue.error()) {
    tracker_.fail(*error);
  } else {
    tracker_.complete();
  }
  return tracker_.summary();
}

void SalesImportRun::read_lines(RecordReader& reader, LineConverter& converter, BatchQueue& queue,
                                std::size_t batch_size) {
  LineBatch* batch = queue.acquire();
  std::size_t limit = std::min(batch_size, kFirstBatchRecords);
  try {
    Record record;
    while (batch != nullptr && reader.next(record)) {
      ++batch->records;
      if (reader.header().size() != converter.mapping().header.size()) {
        converter.follow_header(reader.header());
      }
      ReceiptLine& line = batch->next_slot();
      if (converter.convert(record, line, batch->rejections)) {
        batch->source_lines.push_back(record.line);
        ++batch->size;
      } else {
        ++batch->rejected_rows;
      }
      if (static_cast<std::size_t>(batch->records) >= limit) {
        batch->bytes_read = reader.bytes_read();
        hand_over(*batch, queue);
        batch = queue.acquire();
        limit = batch_size;
      }
    }
  } catch (const std::exception& error) {
    // A read error (truncated file, I/O failure) ends the file; what was read is still written.
    if (batch != nullptr) {
      batch->bytes_read = reader.bytes_read();
      queue.push(batch);
    }
    queue.finish(error.what());
    return;
  }
  if (batch != nullptr && batch->records > 0) {
    batch->bytes_read = reader.bytes_read();
    hand_over(*batch, queue);
  } else if (batch != nullptr) {
    queue.release(batch);
  }
  queue.finish();
}

// Prepares a full batch on the reading thread while the writing thread is busy writing, and
// otherwise leaves it to the writing thread. New lines keep the writer busy, so the reading
// thread prepares nearly every batch. When most lines are duplicates the writer has little to
// insert and does most of the preparing: re-importing a million lines took 1.0-1.1 s instead of
// 1.7 s with every batch prepared on the reading thread (2-core virtual machine).
void SalesImportRun::hand_over(LineBatch& batch, BatchQueue& queue) {
  if (queue.producer_prepares(batch)) {
    prepare_in_order(batch, queue);
  }
  queue.push(&batch);
}

// Prepares a batch whose earlier batches are all prepared, because the database writes batches
// in the order they were prepared. The reading thread prepares a batch only then (see
// BatchQueue::producer_prepares), and the writing thread takes batches in order.
void SalesImportRun::prepare_in_order(LineBatch& batch, BatchQueue& queue) {
  prepare(batch);
  queue.end_preparing(batch);
}

// Resolves the batch's dictionary ids and keys, so that writing it only inserts. A batch that
// cannot be prepared is left to write_lines, which reports the failure if it lasts.
void SalesImportRun::prepare(LineBatch& batch) {
  if (database_ == nullptr || batch.size == 0) {
    return;
  }
  try {
    batch.prepared = database_->prepare_lines(record_.id, {batch.lines.data(), batch.size});
  } catch (const std::exception& error) {
    spdlog::warn("import {}: preparing a batch failed, writing it unprepared: {}", record_.id,
                 error.what());
  }
}

void SalesImportRun::write_batches(BatchQueue& queue) {
  while (LineBatch* batch = queue.pop()) {
    if (batch->prepare_pending) {
      prepare_in_order(*batch, queue);
    }
    write_batch(*batch);
    queue.release(batch);
  }
  tracker_.close_report();
}

void SalesImportRun::write_batch(LineBatch& batch) {
  const std::span<const ReceiptLine> lines(batch.lines.data(), batch.size);
  std::vector<Rejection> conflicting;
  if (database_ != nullptr) {
    const BatchResult result = batch.prepared ? database_->write_prepared(*batch.prepared)
                                              : database_->write_lines(record_.id, lines);
    for (const LineOutcome outcome : result.outcomes) {
      record_.imported += outcome == LineOutcome::inserted ? 1 : 0;
      record_.duplicates += outcome == LineOutcome::duplicate ? 1 : 0;
    }
    conflicting = conflicts(batch, result);
    if (observer_.on_batch) {
      observer_.on_batch(result);
    }
  } else {
    record_.imported += static_cast<int64_t>(batch.size);
  }
  const auto rejected_rows = batch.rejected_rows + static_cast<int64_t>(conflicting.size());
  tracker_.finish_batch(batch.records, rejected_rows, batch.bytes_read,
                        merge_by_line(batch.rejections, conflicting));
}

std::vector<Rejection> SalesImportRun::conflicts(const LineBatch& batch,
                                                 const BatchResult& result) const {
  std::vector<Rejection> found;
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    if (result.outcomes[i] != LineOutcome::conflict) {
      continue;
    }
    const ReceiptLine& line = batch.lines[i];
    const std::size_t index = found.size();
    std::string holder = "an earlier import";
    if (index < result.conflict_import_ids.size()) {
      const int64_t earlier = result.conflict_import_ids[index];
      holder =
          earlier == record_.id ? "an earlier row of this file" : fmt::format("import {}", earlier);
    }
    found.push_back(Rejection{
        batch.source_lines[i], "receipt_id", line.receipt_code,
        fmt::format("receipt '{}' line {} is stored already, by {}, with different values; "
                    "the stored line is kept. Check which export is right: lines cannot be "
                    "changed by importing them again",
                    line.receipt_code, line.line_number, holder)});
  }
  return found;
}

}  // namespace

SalesImportSummary run_sales_import(const std::string& source_name,
                                    const ReaderFactory& open_reader,
                                    const SalesImportOptions& options, Database* database,
                                    const SalesImportObserver& observer) {
  SalesImportRun run(source_name, options, database, observer);
  return run.run(open_reader);
}

}  // namespace imagross::ingest
