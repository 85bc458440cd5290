#pragma once

// The reject report of an import: a UTF-8 CSV file with one row per problem,
// `line,column,value,reason`, so a row with three bad values has three report rows.

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ingest/report/rejection.h"

namespace imagross::ingest {

// A failure to write the report; the import stops, because rejected rows must not go unreported.
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RejectReport {
 public:
  // The file (and its directory) is created at the first add(), so an import without rejected
  // rows leaves no file behind.
  explicit RejectReport(std::string path);
  ~RejectReport();
  RejectReport(const RejectReport&) = delete;
  RejectReport& operator=(const RejectReport&) = delete;

  // Throws ReportError when the file cannot be created or written.
  void add(const Rejection& rejection);
  // Flushes and closes the file; throws ReportError when the data cannot be written.
  void close();

  bool empty() const { return rows_ == 0; }
  int64_t rows() const { return rows_; }
  const std::string& path() const { return path_; }

 private:
  void open();
  void write(std::string_view text);

  std::string path_;
  std::FILE* file_ = nullptr;
  int64_t rows_ = 0;
  std::string buffer_;
};

// Quotes a CSV field when it contains a comma, a quote, a line break or surrounding spaces,
// doubling the quotes inside (RFC 4180).
void append_csv_field(std::string& out, std::string_view field);

}  // namespace imagross::ingest
