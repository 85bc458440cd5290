#pragma once

// The RecordReader of CSV files.

#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "ingest/record.h"
#include "ingest/source/input_buffer.h"

namespace imagross::ingest {

// Opens a CSV reader over `input`, which is positioned after any byte order mark, and reads the
// header. The delimiter is `delimiter` when given, else the one an Excel "sep=" first line
// declares, else the one detected from the first records. Errors: "empty_file" when there is no
// header line, "invalid_header" when it cannot be read (malformed quoting, invalid UTF-8).
Result<std::unique_ptr<RecordReader>> open_csv_reader(std::unique_ptr<InputBuffer> input,
                                                      const std::string& path,
                                                      TextEncoding encoding,
                                                      std::optional<char> delimiter);

}  // namespace imagross::ingest
