#pragma once

// The RecordReader of XLSX workbooks: one worksheet, streamed row by row. The shared string
// table is held in memory, the sheet itself is not. Record::line is the spreadsheet row number,
// and the header is the first row that is not empty. Rows without a cell with text are skipped.
// Cells that a row leaves out are empty fields, so a record has at least as many fields as the
// header. A row with cells beyond the header's last column has more.

#include <memory>
#include <string>

#include "common/result.h"
#include "ingest/record.h"

namespace imagross::ingest {

// Opens the worksheet named `sheet` (the first worksheet when empty) of the workbook at `path`
// and reads its header. Errors: "unreadable_file", "unknown_format" (a ZIP archive that is not
// a workbook), "sheet_not_found", "empty_file" (no row), "invalid_header". Throws ReadError
// when a part of the workbook is damaged.
Result<std::unique_ptr<RecordReader>> open_xlsx_reader(const std::string& path,
                                                       const std::string& sheet);

}  // namespace imagross::ingest
