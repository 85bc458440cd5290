#pragma once

// Explicit date patterns such as "%d/%m/%Y %H:%M", given by --date-format or a mapping file.

#include <string_view>

#include "common/result.h"
#include "ingest/convert/date_time.h"

namespace imagross::ingest {

// Parses `text` against `format.pattern`, which parse_date_format() has validated.
Result<DateTimeValue> parse_date_time_pattern(std::string_view text, const DateFormat& format);

}  // namespace imagross::ingest
