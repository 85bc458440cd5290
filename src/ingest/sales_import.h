#pragma once

// Importing receipt lines from a cash-register export into the database: read, map columns,
// convert values, number lines, write in atomic batches, and report every rejected row.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/result.h"
#include "ingest/import_options.h"
#include "ingest/import_summary.h"
#include "ingest/record.h"
#include "storage/database.h"

namespace imagross {

// The sales import takes the options shared by every import.
struct SalesImportOptions : ImportOptions {};

using SalesImportSummary = ImportSummary;

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
