#pragma once

// One run of a sales import: the reading-and-converting thread, the writing thread and the
// bookkeeping (import record, reject report, counts) that ties them together.

#include <memory>
#include <string>

#include "ingest/batch_queue.h"
#include "ingest/import_plan.h"
#include "ingest/import_tracker.h"
#include "ingest/sales_import.h"

namespace imagross::ingest {

// Runs an import of the file that `open_reader` reads; `source_name` is the file name shown to
// users. With `database` null (or options.dry_run) nothing is written and no import record is
// created. Throws StorageError when the database fails, after marking the import failed.
SalesImportSummary run_sales_import(const std::string& source_name,
                                    const ReaderFactory& open_reader,
                                    const SalesImportOptions& options, Database* database,
                                    const SalesImportObserver& observer);

}  // namespace imagross::ingest
