#pragma once

// Importing receipt lines from a cash-register export into the database: read, map columns,
// convert values, number lines, write in atomic batches, and report every rejected row.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.h"
#include "ingest/record.h"
#include "storage/database.h"

namespace imagross {

enum class Locale : uint8_t { it_IT, en_US };

struct SalesImportOptions {
  ReaderOptions reader;
  std::string preset;            // a built-in column layout such as "online-retail"; empty: none
  std::string mapping_file;      // a JSON file mapping our fields to the file's columns
  std::optional<Locale> locale;  // number and date conventions; detected from the data when absent
  std::string date_format;       // e.g. "%d/%m/%Y %H:%M"; detected over all rows when empty
  std::string time_zone = "Europe/Rome";  // zone of timestamps written without an offset
  bool dry_run = false;                   // read and check everything, write nothing
  std::string reject_directory = "data/rejects";
  // Rows per transaction (the first batch of a file takes fewer). Larger batches cost less CPU
  // time per line, because each commit rewrites the pages that every batch touches.
  int batch_size = 50000;
  // An import record created beforehand by the caller, which the import fills in instead of
  // creating its own: the server creates it when an upload arrives, so that it can return the
  // id at once. 0: the import creates the record.
  int64_t import_id = 0;
  std::string source_name;  // the file name recorded for the import; the path when empty
};

struct SalesImportSummary {
  int64_t import_id = 0;  // 0 on a dry run
  int64_t lines_read = 0;
  int64_t imported = 0;
  int64_t duplicates = 0;
  int64_t rejected = 0;
  std::string reject_report;  // empty when nothing was rejected
  std::string fatal_error;    // why the file could not be read at all; empty otherwise
};

// Receives progress while an import runs, on the importing thread.
struct SalesImportObserver {
  // Called about every batch with the bytes read so far and the file size (0 when unknown).
  std::function<void(const ImportRecord& progress)> on_progress;
  // Called after each committed batch with the lines it inserted.
  std::function<void(const BatchResult& batch)> on_batch;
};

// Imports one file. Rows that cannot be imported are written to the reject report and the rest
// are imported. Returns a summary with fatal_error set when the file cannot be read at all.
SalesImportSummary import_sales(const std::string& path, const SalesImportOptions& options,
                                Database& database, const SalesImportObserver& observer = {});

// Reads and checks `path` as a dry run of import_sales() does, without any database: the
// summary counts as imported the lines that pass every check (a dry run cannot tell duplicates
// of stored lines), and the reject report is written as usual.
SalesImportSummary check_sales_file(const std::string& path, const SalesImportOptions& options,
                                    const SalesImportObserver& observer = {});

}  // namespace imagross
