#include "ingest/sales_import_run.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <thread>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace imagross::ingest {
namespace {

// Two batches in flight and one being filled keep both threads busy.
constexpr std::size_t kBatchPoolSize = 3;

// Rows of the first batch at most: a small first batch lets the writing thread start early
// instead of waiting for a whole batch to be read.
constexpr std::size_t kFirstBatchRecords = 4096;

std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

std::string format_label(const std::string& path, FileFormat format) {
  const char* names[] = {"csv", "json", "xlsx"};
  std::string label = names[static_cast<int>(format)];
  if (path.ends_with(".gz")) {
    label += "+gz";
  }
  return label;
}

std::string dry_run_report_name(const std::string& source_name) {
  std::string stem = std::filesystem::path(source_name).filename().string();
  stem = stem.substr(0, stem.find('.'));
  return fmt::format("dry-run-{}-rejects.csv", stem.empty() ? "import" : stem);
}

class SalesImportRun {
 public:
  SalesImportRun(const std::string& source_name, const SalesImportOptions& options,
                 Database* database, const SalesImportObserver& observer)
      : options_(options), database_(options.dry_run ? nullptr : database), observer_(observer) {
    record_.source_name = options.source_name.empty() ? source_name : options.source_name;
    record_.dry_run = options.dry_run;
  }

  SalesImportSummary run(const ReaderFactory& open_reader);

 private:
  // Takes over the import record that the caller created (options.import_id), so that even a
  // file that cannot be opened marks it failed.
  void adopt_caller_record();
  void create_record(const RecordReader& reader);
  void fail(const std::string& error);
  void complete();
  SalesImportSummary import_batches(RecordReader& reader, LineConverter& converter);
  void read_lines(RecordReader& reader, LineConverter& converter, BatchQueue& queue,
                  std::size_t batch_size);
  void hand_over(LineBatch& batch, BatchQueue& queue);
  void prepare_in_order(LineBatch& batch, BatchQueue& queue);
  void prepare(LineBatch& batch);
  void write_batches(BatchQueue& queue);
  void write_batch(LineBatch& batch);
  std::vector<Rejection> conflicts(const LineBatch& batch, const BatchResult& result) const;
  void report(const LineBatch& batch, std::vector<Rejection> conflicts);
  void publish_progress();
  SalesImportSummary summary() const;

  const SalesImportOptions& options_;
  Database* database_;
  const SalesImportObserver& observer_;
  ImportRecord record_;
  std::unique_ptr<RejectReport> report_;
  std::string fatal_error_;
};

SalesImportSummary SalesImportRun::run(const ReaderFactory& open_reader) {
  adopt_caller_record();
  auto spec = load_mapping_spec(options_);
  if (!spec.ok()) {
    fail(spec.error().message);
    return summary();
  }
  auto opened = open_reader();
  if (!opened.ok()) {
    fail(opened.error().message);
    return summary();
  }
  RecordReader& reader = **opened;
  create_record(reader);
  auto plan = plan_import(reader, open_reader, *spec, options_);
  if (!plan.ok()) {
    fail(plan.error().message);
    return summary();
  }
  record_.options = describe_import_options(options_, *plan);

  const std::string report_name = database_ != nullptr
                                      ? fmt::format("import-{}-rejects.csv", record_.id)
                                      : dry_run_report_name(record_.source_name);
  report_ = std::make_unique<RejectReport>(
      (std::filesystem::path(options_.reject_directory) / report_name).string());

  LineConverter converter(plan->mapping, plan->formats, plan->zone,
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
    fail(error.what());
    return summary();
  } catch (const std::exception& error) {
    stop_reading();
    fail(fmt::format("{}; the batches written before stay imported", error.what()));
    throw;
  }
  reading.join();
  if (const auto error = queue.error()) {
    fail(*error);
  } else {
    complete();
  }
  return summary();
}

void SalesImportRun::adopt_caller_record() {
  if (database_ == nullptr || options_.import_id == 0) {
    return;
  }
  record_.id = options_.import_id;
  const auto created = database_->find_import(options_.import_id);
  record_.started_at = created ? created->started_at : utc_now();
}

void SalesImportRun::create_record(const RecordReader& reader) {
  record_.format = format_label(record_.source_name, reader.format());
  record_.options = "{}";
  record_.bytes_total = static_cast<int64_t>(reader.bytes_total());
  if (database_ == nullptr) {
    return;
  }
  if (record_.id != 0) {
    database_->update_import(record_);
  } else {
    record_.id = database_->create_import(record_);
    // create_import sets the start time, which every later update_import must keep.
    if (const auto stored = database_->find_import(record_.id)) {
      record_.started_at = stored->started_at;
    }
  }
  spdlog::info("import {} started: file={} format={}", record_.id, record_.source_name,
               record_.format);
}

void SalesImportRun::fail(const std::string& error) {
  fatal_error_ = error;
  if (database_ == nullptr || record_.id == 0) {
    return;
  }
  record_.status = ImportStatus::failed;
  record_.error = error;
  record_.finished_at = utc_now();
  try {
    database_->update_import(record_);
  } catch (const StorageError& storage_error) {
    spdlog::error("import {}: cannot record its failure: {}", record_.id, storage_error.what());
  }
  spdlog::warn("import {} failed: {}", record_.id, error);
}

void SalesImportRun::complete() {
  if (database_ == nullptr) {
    return;
  }
  record_.status = ImportStatus::completed;
  record_.finished_at = utc_now();
  database_->update_import(record_);
  spdlog::info("import {} completed: lines_read={} imported={} duplicates={} rejected={}",
               record_.id, record_.lines_read, record_.imported, record_.duplicates,
               record_.rejected);
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
  report_->close();
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
  record_.lines_read += batch.records;
  record_.rejected += batch.rejected_rows + static_cast<int64_t>(conflicting.size());
  record_.bytes_read = static_cast<int64_t>(batch.bytes_read);
  report(batch, std::move(conflicting));
  publish_progress();
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

void SalesImportRun::report(const LineBatch& batch, std::vector<Rejection> conflicts) {
  const auto by_line = [](const Rejection& a, const Rejection& b) { return a.line < b.line; };
  std::vector<Rejection> rows;
  rows.reserve(batch.rejections.size() + conflicts.size());
  std::merge(batch.rejections.begin(), batch.rejections.end(), conflicts.begin(), conflicts.end(),
             std::back_inserter(rows), by_line);
  for (const Rejection& row : rows) {
    report_->add(row);
  }
  if (!report_->empty()) {
    record_.reject_report = report_->path();
  }
}

void SalesImportRun::publish_progress() {
  if (database_ != nullptr) {
    database_->update_import(record_);
  }
  if (observer_.on_progress) {
    observer_.on_progress(record_);
  }
}

SalesImportSummary SalesImportRun::summary() const {
  SalesImportSummary result;
  result.import_id = record_.id;
  result.lines_read = record_.lines_read;
  result.imported = record_.imported;
  result.duplicates = record_.duplicates;
  result.rejected = record_.rejected;
  result.reject_report = record_.reject_report;
  result.fatal_error = fatal_error_;
  return result;
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
