#pragma once

// Which cell styles of a workbook show numbers as dates or times. XLSX stores a date as a
// number (the serial), and only its number format marks it as a date.

#include <cstddef>
#include <string_view>
#include <vector>

#include "ingest/xlsx/zip_archive.h"

namespace imagross::ingest {

class CellStyles {
 public:
  CellStyles() = default;
  explicit CellStyles(std::vector<bool> date_styles) : date_styles_(std::move(date_styles)) {}

  // `style` is a cell's `s` attribute: an index into the workbook's cellXfs.
  bool is_date(size_t style) const { return style < date_styles_.size() && date_styles_[style]; }

 private:
  std::vector<bool> date_styles_;
};

// Reads cellXfs and numFmts from the styles part. Throws ReadError when the part is damaged.
CellStyles read_cell_styles(const ZipArchive& archive, const std::string& styles_part);

// True when number format `id` with format code `code` (empty for the built-in formats) shows
// a date or a time. Built-in ids 14-22 and 45-47, and the East Asian date ids 27-36 and 50-58,
// are dates. A custom code is a date when, outside quoted text, escapes and [brackets], it uses
// one of the letters d, m, y, h or s.
bool is_date_format(int id, std::string_view code);

}  // namespace imagross::ingest
