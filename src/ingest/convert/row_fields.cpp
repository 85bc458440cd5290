#include "ingest/convert/row_fields.h"

#include <algorithm>

#include <fmt/format.h>

#include "ingest/convert/values.h"

namespace imagross::ingest {

RowFields::RowFields(ColumnMapping mapping, FileFormats formats, bool check_width, char delimiter)
    : mapping_(std::move(mapping)),
      formats_(std::move(formats)),
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

void RowFields::follow_header(const std::vector<std::string>& header) {
  extend_columns(mapping_, header);
  for (const int column : mapping_.columns) {
    needed_width_ = std::max(needed_width_, static_cast<std::size_t>(column + 1));
  }
  header_width_ = std::max(header_width_, header.size());
}

bool RowFields::begin(const Record& record, std::vector<Rejection>& rejections) {
  rejections_ = &rejections;
  current_line_ = record.line;
  row_ok_ = true;
  if (record.error) {
    rejections.push_back(Rejection{record.line, {}, {}, *record.error});
    row_ok_ = false;
    return false;
  }
  return !check_width_ || check_row_width(record);
}

std::string_view RowFields::value(const Record& record, std::size_t field) const {
  const int column = mapping_.columns[field];
  if (column >= 0) {
    const auto index = static_cast<std::size_t>(column);
    return index < record.fields.size() ? trim_value(record.fields[index]) : std::string_view{};
  }
  const auto& constant = mapping_.constants[field];
  return constant ? std::string_view(*constant) : std::string_view{};
}

bool RowFields::is_date_cell(const Record& record, std::size_t field) const {
  const int column = mapping_.columns[field];
  const auto index = static_cast<std::size_t>(column);
  return column >= 0 && index < record.date_cells.size() && record.date_cells[index];
}

void RowFields::reject(std::size_t field, std::string_view value, std::string reason) {
  rejections_->push_back(
      Rejection{current_line_, mapping_.column_name(field), std::string(value), std::move(reason)});
  row_ok_ = false;
}

std::optional<DateTimeValue> RowFields::parse_date(const Record& record, std::size_t field,
                                                   std::string_view text) {
  // An XLSX date cell contains an Excel serial whatever the file's text dates look like.
  static const DateFormat kExcelSerial{DateStyle::excel_serial, {}};
  auto parsed = parse_date_time(text, is_date_cell(record, field) ? kExcelSerial : formats_.dates);
  if (!parsed.ok()) {
    // Some parse errors already state the file's date format; it is not repeated then.
    const std::string& message = parsed.error().message;
    const std::string format_clause =
        message.find("this file writes") == std::string::npos
            ? fmt::format("; this file writes dates as {}", formats_.dates_explained)
            : std::string();
    reject(field, text,
           fmt::format("{}{}; correct the value, or set --date-format if that was detected wrongly",
                       message, format_clause));
    return std::nullopt;
  }
  return *parsed;
}

bool RowFields::check_row_width(const Record& record) {
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

}  // namespace imagross::ingest
