#include "api/import_service.h"

#include <chrono>
#include <ctime>
#include <stdexcept>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/utc_time.h"
#include "http/log_line.h"
#include "http/server.h"

namespace imagross::api {
namespace {

using http::LogLine;

// Thrown from the progress callback to end an import early; the importer records the failure
// and keeps the batches it committed.
class ImportInterrupted : public std::runtime_error {
 public:
  ImportInterrupted()
      : std::runtime_error(
            "the server stopped during the import; import the file again to add the rest "
            "(lines already imported are skipped as duplicates)") {}
};

}  // namespace

std::string safe_file_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string safe;
  for (const char c : name) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    safe += allowed ? c : '_';
  }
  const auto first = safe.find_first_not_of('.');
  safe = first == std::string::npos ? std::string() : safe.substr(first);
  constexpr std::size_t kMaxLength = 100;
  if (safe.size() > kMaxLength) {
    safe = safe.substr(safe.size() - kMaxLength);
  }
  return safe.empty() ? "upload" : safe;
}

ImportService::ImportService(Database& database, SalesEngine& engine, ImportServiceConfig config)
    : database_(database), engine_(engine), config_(std::move(config)) {
  worker_ = std::thread([this] { work(); });
}

ImportService::~ImportService() {
  request_stop();
  join();
}

int ImportService::recover_interrupted() {
  remove_partial_uploads();
  int recovered = 0;
  constexpr int kPage = 100;
  for (int offset = 0;; offset += kPage) {
    const auto records = database_.list_imports(kPage, offset);
    for (auto record : records) {
      if (record.status != ImportStatus::running) {
        continue;
      }
      record.status = ImportStatus::failed;
      record.finished_at = utc_now_iso8601();
      record.error =
          "the server stopped while this import ran; import the file again to add "
          "the rest (lines already imported are skipped as duplicates)";
      database_.update_import(record);
      ++recovered;
    }
    if (static_cast<int>(records.size()) < kPage) {
      return recovered;
    }
  }
}

void ImportService::remove_partial_uploads() const {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(config_.upload_directory, error)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with(http::kPartialUploadPrefix) &&
        name.ends_with(http::kPartialUploadSuffix)) {
      std::filesystem::remove(entry.path(), error);
    }
  }
}

ImportView ImportService::submit(const std::filesystem::path& upload, uint64_t size,
                                 const std::string& source_name, SalesImportOptions options) {
  ImportRecord record;
  record.source_name = source_name;
  record.bytes_total = static_cast<int64_t>(size);
  record.dry_run = options.dry_run;
  record.options = "{}";
  record.id = database_.create_import(record);

  Job job{record.id,
          config_.upload_directory / fmt::format("{}-{}", record.id, safe_file_name(source_name)),
          std::move(options)};
  std::error_code error;
  std::filesystem::create_directories(config_.upload_directory, error);
  std::filesystem::rename(upload, job.file, error);
  if (error) {
    record.status = ImportStatus::failed;
    record.error = "the server could not store the upload: " + error.message();
    database_.update_import(record);
    throw std::runtime_error(fmt::format("cannot move the upload {} to {}: {}", upload.string(),
                                         job.file.string(), error.message()));
  }
  job.options.source_name = source_name;
  job.options.reject_directory = config_.reject_directory.string();
  job.options.time_zone = config_.time_zone;
  job.options.import_id = job.options.dry_run ? 0 : record.id;

  const auto stored = database_.find_import(record.id);
  ImportView view{stored.value_or(record), ImportPhase::queued};
  const std::lock_guard lock(mutex_);
  live_[record.id] = view;
  queue_.push_back(std::move(job));
  ++counters_.queued;
  wake_.notify_all();
  return view;
}

std::optional<ImportView> ImportService::find(int64_t id) const {
  {
    const std::lock_guard lock(mutex_);
    const auto it = live_.find(id);
    if (it != live_.end()) {
      return it->second;
    }
  }
  auto record = database_.find_import(id);
  if (!record) {
    return std::nullopt;
  }
  return ImportView{std::move(*record), ImportPhase::finished};
}

ImportCounters ImportService::counters() const {
  const std::lock_guard lock(mutex_);
  return counters_;
}

void ImportService::request_stop() {
  const std::lock_guard lock(mutex_);
  stopping_ = true;
  wake_.notify_all();
}

void ImportService::join() {
  if (worker_.joinable()) {
    worker_.join();
  }
}

void ImportService::work() {
  Job job;
  while (wait_for_job(job)) {
    try {
      run(job);
    } catch (const std::exception& error) {
      // Only the database itself failing gets here, while recording the end of the import.
      spdlog::error("{}", LogLine("import_record_failed")
                              .add("import_id", job.id)
                              .add("error", error.what())
                              .str());
      const std::lock_guard lock(mutex_);
      live_.erase(job.id);
      counters_.running = 0;
      ++counters_.failed;
    }
  }
  try {
    fail_queued();
  } catch (const std::exception& error) {
    spdlog::error("{}", LogLine("import_record_failed").add("error", error.what()).str());
  }
}

// Waits until a job is queued and the engine is loaded; false when the service stops first.
bool ImportService::wait_for_job(Job& job) {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stopping_) {
      return false;
    }
    if (!queue_.empty() && engine_.ready()) {
      job = std::move(queue_.front());
      queue_.pop_front();
      --counters_.queued;
      counters_.running = 1;
      live_[job.id].phase = ImportPhase::running;
      return true;
    }
    // The engine's readiness is not signalled, so a waiting job checks it every 100 ms.
    wake_.wait_for(lock, std::chrono::milliseconds(100));
  }
}

void ImportService::run(const Job& job) {
  spdlog::info("{}", LogLine("import_started")
                         .add("import_id", job.id)
                         .add("file", job.file.string())
                         .add("dry_run", job.options.dry_run ? "true" : "false")
                         .str());
  SalesImportObserver observer;
  observer.on_progress = [this, &job](const ImportRecord& progress) {
    const std::lock_guard lock(mutex_);
    auto& view = live_[job.id];
    view.record = progress;
    view.record.id = job.id;
    view.record.started_at =
        view.record.started_at.empty() ? utc_now_iso8601() : view.record.started_at;
    if (stopping_) {
      throw ImportInterrupted();
    }
  };
  observer.on_batch = [this](const BatchResult& batch) {
    engine_.append(database_, batch.inserted);
    const std::lock_guard lock(mutex_);
    counters_.lines_imported += static_cast<int64_t>(batch.inserted.size());
  };

  SalesImportSummary summary;
  std::string failure;
  try {
    summary = import_sales(job.file.string(), job.options, database_, observer);
  } catch (const std::exception& error) {
    failure = error.what();
  }
  finish(job, summary, failure);
}

// Records the end of an import where the importer could not: dry runs, files that could not
// be opened, and failures thrown out of the importer.
void ImportService::finish(const Job& job, const SalesImportSummary& summary,
                           const std::string& failure) {
  ImportView view;
  {
    const std::lock_guard lock(mutex_);
    view = live_[job.id];
  }
  auto record = database_.find_import(job.id).value_or(view.record);
  const std::string error = failure.empty() ? summary.fatal_error : failure;
  if (record.status == ImportStatus::running) {
    if (job.options.dry_run) {
      record.lines_read = summary.lines_read;
      record.imported = summary.imported;
      record.duplicates = summary.duplicates;
      record.rejected = summary.rejected;
      record.reject_report = summary.reject_report;
      record.bytes_read = view.record.bytes_read;
      record.format = view.record.format;
    }
    record.status = error.empty() ? ImportStatus::completed : ImportStatus::failed;
    record.error = error;
    record.finished_at = utc_now_iso8601();
    database_.update_import(record);
  }

  const bool ok = record.status == ImportStatus::completed;
  const auto line = LogLine(ok ? "import_completed" : "import_failed")
                        .add("import_id", job.id)
                        .add("lines_read", record.lines_read)
                        .add("imported", record.imported)
                        .add("duplicates", record.duplicates)
                        .add("rejected", record.rejected)
                        .add("error", record.error)
                        .str();
  if (ok) {
    spdlog::info("{}", line);
  } else {
    spdlog::warn("{}", line);
  }
  {
    const std::lock_guard lock(mutex_);
    live_.erase(job.id);
    counters_.running = 0;
    ++(ok ? counters_.completed : counters_.failed);
  }
  if (ok && !job.options.dry_run && record.imported > 0 && config_.after_import) {
    try {
      config_.after_import();
    } catch (const std::exception& hook_error) {
      spdlog::error("{}", LogLine("after_import_failed")
                              .add("import_id", job.id)
                              .add("error", hook_error.what())
                              .str());
    }
  }
}

void ImportService::fail_queued() {
  std::deque<Job> left;
  {
    const std::lock_guard lock(mutex_);
    left.swap(queue_);
  }
  for (const auto& job : left) {
    auto record = database_.find_import(job.id);
    if (record) {
      record->status = ImportStatus::failed;
      record->finished_at = utc_now_iso8601();
      record->error = "the server stopped before this import started; upload the file again";
      database_.update_import(*record);
    }
    const std::lock_guard lock(mutex_);
    live_.erase(job.id);
    --counters_.queued;
    ++counters_.failed;
  }
}

}  // namespace imagross::api
