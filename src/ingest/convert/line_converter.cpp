#include "ingest/convert/line_converter.h"

#include <algorithm>

#include <fmt/format.h>

#include "ingest/convert/values.h"

namespace imagross::ingest {

LineConverter::LineConverter(ColumnMapping mapping, FileFormats formats,
                             std::shared_ptr<const TimeZone> zone, bool check_width, char delimiter)
    : mapping_(std::move(mapping)),
      formats_(std::move(formats)),
      zone_(std::move(zone)),
      check_width_(check_width),
      delimiter_(delimiter) {
  for (const int column : mapping_.columns) {
    needed_width_ = std::max(needed_width_, static_cast<std::size_t>(column + 1));
  }
  for (std::size_t i = 0; i < mapping_.header.size(); ++i) {
    if (!mapping_.header[i].empty()) {
      header_width_ = i + 1;
    }
  }
}

void LineConverter::follow_header(const std::vector<std::string>& header) {
  extend_columns(mapping_, header);
  for (const int column : mapping_.columns) {
    needed_width_ = std::max(needed_width_, static_cast<std::size_t>(column + 1));
  }
  header_width_ = std::max(header_width_, header.size());
}

std::string_view LineConverter::value(const Record& record, SalesField field) const {
  const int column = mapping_.columns[field_index(field)];
  if (column >= 0) {
    const auto index = static_cast<std::size_t>(column);
    return index < record.fields.size() ? trim_value(record.fields[index]) : std::string_view{};
  }
  const auto& constant = mapping_.constants[field_index(field)];
  return constant ? std::string_view(*constant) : std::string_view{};
}

void LineConverter::reject(SalesField field, std::string_view value, std::string reason) {
  rejections_->push_back(
      Rejection{current_line_, mapping_.column_name(field), std::string(value), std::move(reason)});
  row_ok_ = false;
}

bool LineConverter::check_row_width(const Record& record) {
  const std::size_t width = record.fields.size();
  std::string reason;
  if (width < needed_width_) {
    reason = fmt::format(
        "the row has {} fields but the header has {}: a quote may be missing "
        "or the row was cut; correct the row",
        width, header_width_);
  } else if (width > header_width_) {
    const bool extra_values = std::any_of(
        record.fields.begin() + static_cast<std::ptrdiff_t>(header_width_), record.fields.end(),
        [](const std::string& field) { return !trim_value(field).empty(); });
    if (extra_values) {
      reason = fmt::format(
          "the row has {} fields but the header has {}: a value probably "
          "contains the delimiter '{}' without quotes; quote that value",
          width, header_width_, delimiter_ == '\t' ? "\\t" : std::string(1, delimiter_));
    }
  }
  if (reason.empty()) {
    return true;
  }
  rejections_->push_back(Rejection{current_line_, {}, {}, std::move(reason)});
  row_ok_ = false;
  return false;
}

bool LineConverter::convert(const Record& record, ReceiptLine& line,
                            std::vector<Rejection>& rejections) {
  rejections_ = &rejections;
  current_line_ = record.line;
  row_ok_ = true;
  if (record.error) {
    rejections.push_back(Rejection{record.line, {}, {}, *record.error});
    return false;
  }
  if (check_width_ && !check_row_width(record)) {
    return false;
  }

  const std::string_view receipt = value(record, SalesField::receipt_id);
  if (receipt.empty()) {
    reject(SalesField::receipt_id, receipt, "the receipt id is empty; every line needs one");
    return false;
  }
  line.receipt_code.assign(receipt);
  convert_line_number(record, receipt, line);
  const bool cancellation =
      !mapping_.cancellation_prefix.empty() && receipt.starts_with(mapping_.cancellation_prefix);

  convert_timestamp(record, line);
  convert_identifiers(record, line);
  convert_money(record, cancellation, line);
  line.is_return = cancellation || line.quantity < 0;
  return row_ok_;
}

void LineConverter::convert_line_number(const Record& record, std::string_view receipt,
                                        ReceiptLine& line) {
  if (!mapping_.has_column(SalesField::line_number)) {
    line.line_number = line_counter_.next(receipt);
    return;
  }
  const std::string_view text = value(record, SalesField::line_number);
  const auto number = parse_line_number(text);
  if (!number) {
    reject(SalesField::line_number, text,
           fmt::format("'{}' is not a line number: write a whole number from 1 up", text));
    return;
  }
  line.line_number = *number;
}

void LineConverter::assign_text(const Record& record, SalesField field, std::string& target) {
  const std::string_view text = value(record, field);
  target.assign(text.data(), text.size());
}

}  // namespace imagross::ingest
