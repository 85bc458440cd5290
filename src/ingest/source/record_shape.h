#pragma once

// Rules shared by the readers of every format for the shape of the header and of each record.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/record.h"

namespace imagross::ingest {

// Removes spaces, tabs and line ends around a header name.
std::string_view trim_header_name(std::string_view name);

// Removes the empty names at the end of a header, which a trailing delimiter leaves behind.
void drop_trailing_empty_names(std::vector<std::string>& header);

// Removes empty fields beyond the header's width from the end of `record`, so that a trailing
// delimiter does not add a column. A non-empty field beyond the header is kept for the mapping
// to report. Keeps `date_cells`, when present, as long as `fields`.
void drop_trailing_empty_fields(Record& record, size_t header_size);

// True when every field is empty or only spaces and tabs: a blank line or an empty sheet row,
// which readers skip.
bool has_only_blank_fields(const Record& record);

// Names column `index` (0-based) for messages: `column 3 ("descrizione")`, or `column 3` when
// the header has no name for it.
std::string column_label(const std::vector<std::string>& header, size_t index);

}  // namespace imagross::ingest
