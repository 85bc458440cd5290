#include "ingest/import_tracker.h"
#include "common/utc_time.h"

#include <ctime>
#include <filesystem>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace imagross::ingest {
namespace {

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

}  // namespace

ImportTracker::ImportTracker(std::string kind, const std::string& source_name,
                             const ImportOptions& options, Database* database,
                             ProgressCallback on_progress)
    : options_(options),
      database_(options.dry_run ? nullptr : database),
      on_progress_(std::move(on_progress)) {
  record_.kind = std::move(kind);
  record_.source_name = options.source_name.empty() ? source_name : options.source_name;
  record_.dry_run = options.dry_run;
}

void ImportTracker::adopt_caller_record() {
  if (database_ == nullptr || options_.import_id == 0) {
    return;
  }
  record_.id = options_.import_id;
  const auto created = database_->find_import(options_.import_id);
  record_.started_at = created ? created->started_at : utc_now_iso8601();
}

void ImportTracker::start(const RecordReader& reader) {
  record_.format = format_label(record_.source_name, reader.format());
  record_.options = "{}";
  record_.bytes_total = static_cast<int64_t>(reader.bytes_total());
  if (database_ != nullptr) {
    if (record_.id != 0) {
      database_->update_import(record_);
    } else {
      record_.id = database_->create_import(record_);
      // create_import sets the start time, which every later update_import must keep.
      if (const auto stored = database_->find_import(record_.id)) {
        record_.started_at = stored->started_at;
      }
    }
    spdlog::info("import {} started: kind={} file={} format={}", record_.id, record_.kind,
                 record_.source_name, record_.format);
  }
  const std::string report_name = database_ != nullptr
                                      ? fmt::format("import-{}-rejects.csv", record_.id)
                                      : dry_run_report_name(record_.source_name);
  report_ = std::make_unique<RejectReport>(
      (std::filesystem::path(options_.reject_directory) / report_name).string());
}

void ImportTracker::reject(std::span<const Rejection> rows) {
  for (const Rejection& row : rows) {
    report_->add(row);
  }
  if (!report_->empty()) {
    record_.reject_report = report_->path();
  }
}

void ImportTracker::publish_progress() {
  if (database_ != nullptr) {
    database_->update_import(record_);
  }
  if (on_progress_) {
    on_progress_(record_);
  }
}

void ImportTracker::finish_batch(int64_t records, int64_t rejected_rows, uint64_t bytes_read,
                                 std::span<const Rejection> rejections) {
  record_.lines_read += records;
  record_.rejected += rejected_rows;
  record_.bytes_read = static_cast<int64_t>(bytes_read);
  reject(rejections);
  publish_progress();
}

void ImportTracker::close_report() {
  if (report_) {
    report_->close();
  }
}

void ImportTracker::fail(const std::string& error) {
  fatal_error_ = error;
  if (database_ == nullptr || record_.id == 0) {
    return;
  }
  record_.status = ImportStatus::failed;
  record_.error = error;
  record_.finished_at = utc_now_iso8601();
  try {
    database_->update_import(record_);
  } catch (const StorageError& storage_error) {
    spdlog::error("import {}: cannot record its failure: {}", record_.id, storage_error.what());
  }
  spdlog::warn("import {} failed: {}", record_.id, error);
}

void ImportTracker::complete() {
  if (database_ == nullptr) {
    return;
  }
  record_.status = ImportStatus::completed;
  record_.finished_at = utc_now_iso8601();
  database_->update_import(record_);
  spdlog::info(
      "import {} completed: kind={} lines_read={} imported={} updated={} duplicates={} "
      "rejected={}",
      record_.id, record_.kind, record_.lines_read, record_.imported, record_.updated,
      record_.duplicates, record_.rejected);
}

void ImportTracker::count_updated(int64_t rows) {
  record_.updated += rows;
}

ImportSummary ImportTracker::summary() const {
  ImportSummary result;
  result.import_id = record_.id;
  result.lines_read = record_.lines_read;
  result.imported = record_.imported;
  result.updated = record_.updated;
  result.duplicates = record_.duplicates;
  result.rejected = record_.rejected;
  result.reject_report = record_.reject_report;
  result.fatal_error = fatal_error_;
  return result;
}

}  // namespace imagross::ingest
