#pragma once

// A buffered CSV file writer (RFC 4180 quoting, LF line ends) that never leaves a partial file
// under the final name: rows go to "<path>.partial", which finish() renames to <path>.

#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross::demo {

class CsvWriter {
 public:
  // Opens "<path>.partial" for writing. Error code "io_error" names the file and the cause.
  static Result<std::unique_ptr<CsvWriter>> create(const std::filesystem::path& path);

  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;
  // Removes the partial file unless finish() succeeded.
  ~CsvWriter();

  // Appends one row, each field quoted as append_csv_field() decides.
  void write_row(std::initializer_list<std::string_view> fields);
  void write_row(std::span<const std::string_view> fields);

  // Writes out the buffer, closes the file and renames it to its final name. Reports the first
  // write error, if any, with error code "io_error".
  Status finish();

 private:
  CsvWriter(std::filesystem::path path, std::filesystem::path partial_path, std::FILE* file);

  void flush();
  void close_file();

  std::filesystem::path path_;
  std::filesystem::path partial_path_;
  std::FILE* file_;
  std::string buffer_;
  int write_errno_ = 0;
  bool finished_ = false;
};

}  // namespace imagross::demo
