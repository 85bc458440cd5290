#include "ingest/sales_import.h"

#include "ingest/import_run.h"
#include "ingest/sales_import_run.h"

namespace imagross {

SalesImportSummary import_sales(const std::string& path, const SalesImportOptions& options,
                                Database& database, const SalesImportObserver& observer) {
  return ingest::run_sales_import(path, ingest::file_reader(path, options.reader), options,
                                  &database, observer);
}

SalesImportSummary check_sales_file(const std::string& path, const SalesImportOptions& options,
                                    const SalesImportObserver& observer) {
  SalesImportOptions dry_run = options;
  dry_run.dry_run = true;
  return ingest::run_sales_import(path, ingest::file_reader(path, options.reader), dry_run, nullptr,
                                  observer);
}

}  // namespace imagross
