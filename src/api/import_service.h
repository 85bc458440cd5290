#pragma once

// Imports of uploaded files, run one at a time on a background thread. Each committed batch is
// added to the sales engine as soon as it is written, so the dashboard follows the import.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "analytics/sales_engine.h"
#include "api/json_mapping.h"
#include "ingest/sales_import.h"
#include "storage/database.h"

namespace imagross::api {

struct ImportServiceConfig {
  std::filesystem::path upload_directory = "data/imports";  // uploads are kept here
  std::filesystem::path reject_directory = "data/rejects";
  std::string time_zone = "Europe/Rome";  // of timestamps written without an offset
  // Runs on the import thread after each completed import that stored lines; the server awards
  // points with it. Exceptions it throws are logged.
  std::function<void()> after_import;
};

// An import as the service sees it: the record and whether it is still waiting.
struct ImportView {
  ImportRecord record;
  ImportPhase phase = ImportPhase::finished;
};

struct ImportCounters {
  int64_t completed = 0;
  int64_t failed = 0;
  int64_t lines_imported = 0;
  int64_t queued = 0;   // waiting now
  int64_t running = 0;  // 0 or 1
};

class ImportService {
 public:
  // Starts the worker thread. Imports wait until `engine` is loaded, so that the lines they add
  // are not counted twice by a load that is still scanning the database.
  ImportService(Database& database, SalesEngine& engine, ImportServiceConfig config);
  ~ImportService();
  ImportService(const ImportService&) = delete;
  ImportService& operator=(const ImportService&) = delete;

  // Marks imports that an earlier process left running as failed and removes the partial
  // uploads ("upload-*.part") it left in the upload directory. Returns how many imports.
  int recover_interrupted();

  // Creates the import record of an uploaded file, moves the file to the upload directory as
  // "<id>-<name>" and queues the import. Throws StorageError or std::runtime_error.
  ImportView submit(const std::filesystem::path& upload, uint64_t size,
                    const std::string& source_name, SalesImportOptions options);

  // The import with `id`, live while it is queued or running; nullopt when unknown.
  std::optional<ImportView> find(int64_t id) const;

  ImportCounters counters() const;

  // Asks the worker to stop: a running import stops after its current batch and is recorded
  // as failed, queued ones are recorded as failed. Does not block.
  void request_stop();
  // Waits for the worker thread to end.
  void join();

 private:
  struct Job {
    int64_t id = 0;
    std::filesystem::path file;
    SalesImportOptions options;
  };

  void remove_partial_uploads() const;
  void work();
  bool wait_for_job(Job& job);
  void run(const Job& job);
  void finish(const Job& job, const SalesImportSummary& summary, const std::string& failure);
  void fail_queued();

  Database& database_;
  SalesEngine& engine_;
  ImportServiceConfig config_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::map<int64_t, ImportView> live_;  // queued and running imports
  ImportCounters counters_;
  bool stopping_ = false;
  std::thread worker_;
};

// A file name safe to use on disk: letters, digits, '.', '_' and '-' only, at most 100
// characters (the end is kept, so the extension survives), "upload" when nothing is left.
std::string safe_file_name(std::string_view name);

}  // namespace imagross::api
