#pragma once

// The hand-over between the readers of each file format (CSV, JSON, XLSX) and the conversion of
// their values: a header and a stream of records of text fields, each with its place in the file.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/result.h"

namespace imagross {

enum class TextEncoding : uint8_t { utf8, windows1252 };

enum class FileFormat : uint8_t { csv, json, xlsx };

// One row of a source file. Field text is UTF-8 whatever the file's encoding.
struct Record {
  int64_t line = 0;  // 1-based physical line where the record starts (row number in XLSX)
  std::vector<std::string> fields;
  // Set when the reader could not read this record (for example invalid UTF-8); the importer
  // rejects the record with this reason and goes on with the next one.
  std::optional<std::string> error;
  // XLSX only: date_cells[i] is true when field i comes from a number cell formatted as a date
  // or time. Its text is then an Excel date serial in the 1900 date system: days as Excel counts
  // them, with the time of day as the fraction. Empty for CSV and JSON.
  std::vector<bool> date_cells;
};

struct ReaderOptions {
  std::optional<FileFormat> format;      // detected from the name and content when absent
  std::optional<TextEncoding> encoding;  // UTF-8 (BOM accepted) when absent
  std::optional<char> delimiter;         // detected among ',', ';', '\t' and '|' when absent
  std::string sheet;                     // XLSX: sheet name; empty: the first sheet
};

// Reads one file as a header and records, streaming: memory does not grow with the file.
// Compressed (.gz) files are read through the same interface.
class RecordReader {
 public:
  virtual ~RecordReader() = default;

  // Column names as the file writes them, trimmed. JSON readers use the keys of the first
  // object, adding keys as later objects introduce them.
  virtual const std::vector<std::string>& header() const = 0;

  // Reads the next record into `record`, reusing its storage. Returns false at the end.
  // Throws ReadError when the file cannot be read any further (truncated gzip, I/O error).
  virtual bool next(Record& record) = 0;

  // Progress, in bytes of the file on disk (compressed bytes for .gz).
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;

  // What was detected or used, for the summary and the import record.
  virtual FileFormat format() const = 0;
  virtual char delimiter() const { return ','; }
  virtual TextEncoding encoding() const { return TextEncoding::utf8; }
};

// A failure that stops the reading of a file, with the path and position in the message.
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Opens `path` with the reader of its format. Error codes: "file_not_found",
// "unreadable_file", "unknown_format", "empty_file", "invalid_header", "sheet_not_found" (XLSX
// with a sheet name that the workbook lacks), "invalid_option" (an unusable delimiter).
Result<std::unique_ptr<RecordReader>> open_record_reader(const std::string& path,
                                                         const ReaderOptions& options);

}  // namespace imagross
