#pragma once

// The shared string table of a workbook (xl/sharedStrings.xml), which cells of type "s" refer to
// by index. It is held in memory: cells can refer to any entry at any time.

#include <string>
#include <vector>

#include "ingest/xlsx/zip_archive.h"

namespace imagross::ingest {

// Reads every string item; a rich-text item is the concatenation of its runs, without its
// phonetic (rPh) hints. Returns nothing when `part` is empty or missing. Throws ReadError when
// the part is damaged.
std::vector<std::string> read_shared_strings(const ZipArchive& archive, const std::string& part);

}  // namespace imagross::ingest
