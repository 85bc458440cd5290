#pragma once

// Turns one record of a source file into a receipt line, or into the reasons it cannot be one.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/decimal.h"
#include "common/time_zone.h"
#include "domain/receipt_line.h"
#include "ingest/convert/date_time.h"
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

// Numbers the lines of each receipt by their order in the file: the n-th row of a receipt is
// line n, so importing the same file again gives every line the same key.
//
// NOTE: memory grows with the distinct receipts of the file (an estimated 100 bytes each), not
// with its lines: a file of 10 million receipts needs about 1 GB here.
class ReceiptLineCounter {
 public:
  ReceiptLineCounter();
  int32_t next(std::string_view receipt_code);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> counts_;
  // Rows of a receipt usually follow each other, so the last receipt is checked first.
  std::string last_code_;
  int32_t* last_count_ = nullptr;
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
  std::vector<Rejection>* rejections_ = nullptr;  // of the row being converted
  int64_t current_line_ = 0;
  bool row_ok_ = true;
};

}  // namespace imagross::ingest
