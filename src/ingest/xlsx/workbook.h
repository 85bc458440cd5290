#pragma once

// Finding the parts of an XLSX workbook (Office Open XML, ECMA-376): the sheet to read, its
// shared strings and its styles, by following the package relationships instead of assuming
// the part names that Excel happens to use.

#include <string>
#include <vector>

#include "common/result.h"
#include "ingest/xlsx/zip_archive.h"

namespace imagross::ingest {

struct WorkbookParts {
  std::string sheet_name;
  std::string sheet_part;           // for example "xl/worksheets/sheet1.xml"
  std::string shared_strings_part;  // empty when the workbook has none
  std::string styles_part;          // empty when the workbook has none
  bool date1904 = false;            // date serials count days from 1904-01-01
};

// Reads the workbook's structure and picks the worksheet named `sheet`, or the first worksheet
// when `sheet` is empty. Names are compared exactly, then without regard to ASCII case as Excel
// does. Errors: "unknown_format" when the archive is not an XLSX workbook, "sheet_not_found"
// (listing the sheets there are). Throws ReadError when a part is damaged.
Result<WorkbookParts> find_workbook_parts(const ZipArchive& archive, const std::string& sheet);

// Resolves a relationship target against the folder of the part that refers to it:
// ("xl", "worksheets/sheet1.xml") gives "xl/worksheets/sheet1.xml", "/xl/a.xml" is absolute,
// and ".." goes up a folder.
std::string resolve_part_name(const std::string& folder, const std::string& target);

}  // namespace imagross::ingest
