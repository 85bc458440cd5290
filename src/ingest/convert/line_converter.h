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
#include "ingest/convert/row_fields.h"
#include "ingest/mapping/column_mapping.h"
#include "ingest/record.h"
#include "ingest/report/rejection.h"

namespace imagross::ingest {

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

  const ColumnMapping& mapping() const { return row_.mapping(); }

  // Follows a header that grew while reading (JSON keys first seen in a later object).
  void follow_header(const std::vector<std::string>& header) { row_.follow_header(header); }

 private:
  void convert_line_number(const Record& record, std::string_view receipt, ReceiptLine& line);
  void convert_timestamp(const Record& record, ReceiptLine& line);
  std::optional<int64_t> parse_timestamp(const Record& record, SalesField date_field,
                                         std::string_view text);
  void convert_identifiers(const Record& record, ReceiptLine& line);
  void convert_money(const Record& record, bool cancellation, ReceiptLine& line);
  void check_limits(const Record& record, const ReceiptLine& line);
  std::optional<int64_t> parse_number(const Record& record, SalesField field);
  void assign_text(const Record& record, SalesField field, std::string& target);

  RowFields row_;
  std::shared_ptr<const TimeZone> zone_;
  ReceiptLineCounter line_counter_;
  // The text of the last timestamp converted from a single column, and its UTC time.
  std::string last_timestamp_text_;
  std::optional<int64_t> last_timestamp_;
};

}  // namespace imagross::ingest
