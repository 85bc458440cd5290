#pragma once

// The values of one record by the fields of a column mapping, and the problems found in them.
// Every import's converter (receipt lines, members) reads its rows through this class, so reader
// errors, broken CSV quoting and rejections are handled in one place.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/decimal.h"
#include "ingest/convert/date_time.h"
#include "ingest/mapping/column_mapping.h"
#include "ingest/record.h"
#include "ingest/report/rejection.h"

namespace imagross::ingest {

// The number and date formats of a file, decided once for the whole file.
struct FileFormats {
  NumberFormat numbers = NumberFormat::english();
  DateFormat dates;
  std::string numbers_explained;  // e.g. "decimal point (en-US), as in '2.55' on line 2"
  std::string dates_explained;
};

class RowFields {
 public:
  // With `check_width` (for CSV, where a wrong width means broken quoting) a row with fewer
  // fields than the header needs, or with extra non-empty fields, is rejected. `delimiter` is
  // named in that reason.
  RowFields(ColumnMapping mapping, FileFormats formats, bool check_width, char delimiter);

  // Starts reading `record`, whose problems go to `rejections` until the next call. Returns false,
  // after rejecting the whole row, when the reader could not read it or its width is wrong.
  bool begin(const Record& record, std::vector<Rejection>& rejections);

  // The trimmed value of `field`: from its column, else its constant, else empty.
  std::string_view value(const Record& record, std::size_t field) const;
  // Whether the value of `field` comes from an XLSX cell formatted as a date.
  bool is_date_cell(const Record& record, std::size_t field) const;
  // Reports a problem with the value of `field` and marks the row rejected.
  void reject(std::size_t field, std::string_view value, std::string reason);

  // Parses `text`, the value of `field`, as a date with an optional time in the file's date
  // format, or as an Excel serial when it comes from a date cell. Returns nothing, after
  // rejecting the row with the file's format in the reason, when it is not one.
  std::optional<DateTimeValue> parse_date(const Record& record, std::size_t field,
                                          std::string_view text);

  // The same, by a field of an import's field enumeration (SalesField, MemberField).
  template <typename Field>
  requires std::is_enum_v<Field> std::string_view value(const Record& record, Field field)
  const { return value(record, field_index(field)); }
  template <typename Field>
  requires std::is_enum_v<Field>
  bool is_date_cell(const Record& record, Field field) const {
    return is_date_cell(record, field_index(field));
  }
  template <typename Field>
  requires std::is_enum_v<Field>
  void reject(Field field, std::string_view value, std::string reason) {
    reject(field_index(field), value, std::move(reason));
  }
  template <typename Field>
  requires std::is_enum_v<Field> std::optional<DateTimeValue> parse_date(const Record& record,
                                                                         Field field,
                                                                         std::string_view text) {
    return parse_date(record, field_index(field), text);
  }

  // False once the current row has a problem.
  bool row_ok() const { return row_ok_; }
  int64_t line() const { return current_line_; }
  const ColumnMapping& mapping() const { return mapping_; }
  const FileFormats& formats() const { return formats_; }

  // Follows a header that grew while reading (JSON keys first seen in a later object).
  void follow_header(const std::vector<std::string>& header);

 private:
  bool check_row_width(const Record& record);

  ColumnMapping mapping_;
  FileFormats formats_;
  bool check_width_;
  char delimiter_;
  std::size_t needed_width_ = 0;  // fields a row must have to hold every mapped column
  std::size_t header_width_ = 0;  // header fields up to the last named one
  std::vector<Rejection>* rejections_ = nullptr;  // of the row being read
  int64_t current_line_ = 0;
  bool row_ok_ = true;
};

}  // namespace imagross::ingest
