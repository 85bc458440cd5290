#pragma once

// The options that every import of a file takes (the sales import, the members import): how to
// read the file, how to map its columns, how it writes numbers and dates, and how to write it.

#include <cstdint>
#include <optional>
#include <string>

#include "ingest/record.h"

namespace imagross {

enum class Locale : uint8_t { it_IT, en_US };

struct ImportOptions {
  ReaderOptions reader;
  std::string preset;            // a built-in column layout such as "online-retail"; empty: none
  std::string mapping_file;      // a JSON file mapping our fields to the file's columns
  std::optional<Locale> locale;  // number and date conventions; detected from the data when absent
  std::string date_format;       // e.g. "%d/%m/%Y %H:%M"; detected over all rows when empty
  std::string time_zone = "Europe/Rome";  // zone of timestamps written without an offset
  bool dry_run = false;                   // read and check everything, write nothing
  std::string reject_directory = "data/rejects";
  // Rows per transaction (the first batch of a sales file takes fewer). Larger batches cost less
  // CPU time per row, because each commit rewrites the pages that every batch touches.
  int batch_size = 50000;
  // An import record created beforehand by the caller, which the import fills in instead of
  // creating its own: the server creates it when an upload arrives, so that it can return the
  // id at once. 0: the import creates the record.
  int64_t import_id = 0;
  std::string source_name;  // the file name recorded for the import; the path when empty
};

}  // namespace imagross
