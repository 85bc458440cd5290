#pragma once

// Turns one record of a source file into a receipt line, or into the reasons it cannot be one.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/decimal.h"
#include "common/time_zone.h"
#include "domain/receipt_line.h"
#include "ingest/convert/date_time.h"
#include "ingest/convert/receipt_line_counter.h"
#include "ingest/mapping/column_mapping.h"
#include "ingest/record.h"

namespace imagross::ingest {

// One problem of one row, as the reject report lists it.
struct Rejection {
  int64_t line = 0;
  std::string column;  // the file's column name; empty when the whole row is at fault
  std::string value;
  std::string reason;
};

// The number and date formats of a file, decided once for the whole file.
struct FileFormats {
  NumberFormat numbers = NumberFormat::english();
  DateFormat dates;
  std::string numbers_explained;  // e.g. "decimal point (en-US), as in '2.55' on line 2"
  std::string dates_explained;
};

class LineConverter {
 public:
  // With `check_width` (for CSV, where a wrong width means broken quoting) a row with fewer
  // fields than the header needs, or with extra non-empty fields, is rejected. `delimiter` is
  // named in that reason.
  LineConverter(ColumnMapping mapping, FileFormats formats, std::shared_ptr<const TimeZone> zone,
                bool check_width, char delimiter);

  // Fills `line` from `record`. Returns false, and appends one rejection per problem, when the
  // row cannot be imported. A row of a known receipt takes its line number even when rejected,
  // so that a corrected file gives the other lines the same keys.
  bool convert(const Record& record, ReceiptLine& line, std::vector<Rejection>& rejections);

  const ColumnMapping& mapping() const { return mapping_; }

  // Follows a header that grew while reading (JSON keys first seen in a later object).
  void follow_header(const std::vector<std::string>& header);

 private:
  std::string_view value(const Record& record, SalesField field) const;
  void reject(SalesField field, std::string_view value, std::string reason);
  bool check_row_width(const Record& record);
  void convert_line_number(const Record& record, std::string_view receipt, ReceiptLine& line);
  void convert_timestamp(const Record& record, ReceiptLine& line);
  std::optional<int64_t> parse_timestamp(const Record& record, SalesField date_field,
                                         std::string_view text, bool date_cell);
  void convert_identifiers(const Record& record, ReceiptLine& line);
  void convert_money(const Record& record, bool cancellation, ReceiptLine& line);
  std::optional<int64_t> parse_number(const Record& record, SalesField field);
  void assign_text(const Record& record, SalesField field, std::string& target);

  ColumnMapping mapping_;
  FileFormats formats_;
  std::shared_ptr<const TimeZone> zone_;
  bool check_width_;
  char delimiter_;
  std::size_t needed_width_ = 0;  // fields a row must have to hold every mapped column
  std::size_t header_width_ = 0;  // header fields up to the last named one
  ReceiptLineCounter line_counter_;
  // The text of the last timestamp converted from a single column, and its UTC time.
  std::string last_timestamp_text_;
  std::optional<int64_t> last_timestamp_;
  std::vector<Rejection>* rejections_ = nullptr;  // of the row being converted
  int64_t current_line_ = 0;
  bool row_ok_ = true;
};

}  // namespace imagross::ingest
