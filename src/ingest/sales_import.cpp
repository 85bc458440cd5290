#include "ingest/sales_import.h"

#include "ingest/sales_import_run.h"

namespace imagross {

namespace {

ingest::ReaderFactory file_reader(const std::string& path, const ReaderOptions& options) {
  return [path, options] { return open_record_reader(path, options); };
}

}  // namespace

SalesImportSummary import_sales(const std::string& path, const SalesImportOptions& options,
                                Database& database, const SalesImportObserver& observer) {
  return ingest::run_sales_import(path, file_reader(path, options.reader), options, &database,
                                  observer);
}

SalesImportSummary check_sales_file(const std::string& path, const SalesImportOptions& options,
                                    const SalesImportObserver& observer) {
  SalesImportOptions dry_run = options;
  dry_run.dry_run = true;
  return ingest::run_sales_import(path, file_reader(path, options.reader), dry_run, nullptr,
                                  observer);
}

}  // namespace imagross
