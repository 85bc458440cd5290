#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "export/table.h"

namespace imagross {

// A failure to write an export file (disk full, unwritable directory).
class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `table` as an XLSX workbook with one sheet named after the table: a bold header row
// that stays in view and carries a filter, money as numbers in a euro format, counts as whole
// numbers, ratios as percentages, dates as Excel dates, and a width for every column.
// `temp_directory` holds libxlsxwriter's working files. Throws ExportError.
void write_xlsx(const Table& table, const std::filesystem::path& file,
                const std::filesystem::path& temp_directory);

// The same workbook as bytes, built in a temporary file under `temp_directory` that is removed
// afterwards. Throws ExportError.
std::string xlsx_bytes(const Table& table, const std::filesystem::path& temp_directory);

}  // namespace imagross
