#pragma once

// The bookkeeping that every import does around converting and writing its rows: the import
// record (created, or taken over from the caller, updated after each batch, then completed or
// failed), the reject report and the progress callback.

#include <functional>
#include <memory>
#include <span>
#include <string>

#include "ingest/import_options.h"
#include "ingest/import_summary.h"
#include "ingest/record.h"
#include "ingest/report/reject_report.h"
#include "ingest/report/rejection.h"
#include "storage/database.h"

namespace imagross::ingest {

using ProgressCallback = std::function<void(const ImportRecord& progress)>;

class ImportTracker {
 public:
  // `kind` is the import record's kind ("sales", "members"). With `database` null, or a dry run,
  // nothing is recorded and the reject report is named after the file.
  ImportTracker(std::string kind, const std::string& source_name, const ImportOptions& options,
                Database* database, ProgressCallback on_progress);

  // Takes over the import record that the caller created (options.import_id), so that even a
  // file that cannot be opened marks it failed.
  void adopt_caller_record();
  // Records the start of the import of the opened file, and names the reject report.
  void start(const RecordReader& reader);

  // Writes rejections to the reject report, creating it at the first one. Throws ReportError.
  void reject(std::span<const Rejection> rows);
  // Stores the counts of the record and passes them to the progress callback.
  void publish_progress();
  // Counts a batch that was read and written: its records, the rows it rejected and the file
  // position after it. Then reports `rejections` (sorted by line) and publishes progress.
  void finish_batch(int64_t records, int64_t rejected_rows, uint64_t bytes_read,
                    std::span<const Rejection> rejections);
  // Closes the reject report; throws ReportError when it cannot be written.
  void close_report();
  void fail(const std::string& error);
  void complete();

  // Counts stored rows that the file changed (a members import with --update).
  void count_updated(int64_t rows);
  // The counts, the reject report and the fatal error, as the caller reports them.
  ImportSummary summary() const;

  // The database the import writes to; null when it writes nothing.
  Database* database() const { return database_; }
  ImportRecord& record() { return record_; }
  const ImportRecord& record() const { return record_; }
  const std::string& fatal_error() const { return fatal_error_; }

 private:
  const ImportOptions& options_;
  Database* database_;
  ProgressCallback on_progress_;
  ImportRecord record_;
  std::unique_ptr<RejectReport> report_;
  std::string fatal_error_;
};

}  // namespace imagross::ingest
