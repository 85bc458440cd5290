#include "ingest/convert/line_converter.h"

#include <fmt/format.h>

#include "ingest/convert/values.h"

namespace imagross::ingest {

LineConverter::LineConverter(ColumnMapping mapping, FileFormats formats,
                             std::shared_ptr<const TimeZone> zone, bool check_width, char delimiter)
    : row_(std::move(mapping), std::move(formats), check_width, delimiter),
      zone_(std::move(zone)) {}

bool LineConverter::convert(const Record& record, ReceiptLine& line,
                            std::vector<Rejection>& rejections) {
  if (!row_.begin(record, rejections)) {
    return false;
  }

  const std::string_view receipt = row_.value(record, SalesField::receipt_id);
  if (receipt.empty()) {
    row_.reject(SalesField::receipt_id, receipt, "the receipt id is empty; every line needs one");
    return false;
  }
  line.receipt_code.assign(receipt);
  convert_line_number(record, receipt, line);
  const std::string& prefix = mapping().cancellation_prefix;
  const bool cancellation = !prefix.empty() && receipt.starts_with(prefix);

  convert_timestamp(record, line);
  convert_identifiers(record, line);
  convert_money(record, cancellation, line);
  line.is_return = cancellation || line.quantity < 0;
  return row_.row_ok();
}

void LineConverter::convert_line_number(const Record& record, std::string_view receipt,
                                        ReceiptLine& line) {
  if (!mapping().has_column(SalesField::line_number)) {
    line.line_number = line_counter_.next(receipt);
    return;
  }
  const std::string_view text = row_.value(record, SalesField::line_number);
  const auto number = parse_line_number(text);
  if (!number) {
    row_.reject(SalesField::line_number, text,
                fmt::format("'{}' is not a line number: write a whole number from 1 up", text));
    return;
  }
  line.line_number = *number;
}

void LineConverter::assign_text(const Record& record, SalesField field, std::string& target) {
  const std::string_view text = row_.value(record, field);
  target.assign(text.data(), text.size());
}

}  // namespace imagross::ingest
