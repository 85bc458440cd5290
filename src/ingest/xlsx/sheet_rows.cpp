#include "ingest/xlsx/sheet_rows.h"

#include <charconv>
#include <cstring>

namespace imagross::ingest {
namespace {

// Days from 1899-12-30, day 0 of the 1900 date system as counted for serials above 60, to
// 1904-01-01, day 0 of the 1904 date system.
constexpr int64_t kDays1900To1904 = 1462;

template <typename Integer>
bool parse_integer(std::string_view text, Integer& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

size_t column_of_reference(std::string_view reference) {
  size_t column = 0;
  size_t letters = 0;
  for (const char c : reference) {
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    if (!upper && !lower) {
      break;
    }
    column = column * 26 + static_cast<size_t>((upper ? c - 'A' : c - 'a') + 1);
    ++letters;
  }
  return letters == 0 || letters > 3 ? std::string::npos : column - 1;
}

std::string column_letters(size_t column) {
  std::string letters;
  for (size_t number = column + 1; number > 0; number = (number - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (number - 1) % 26));
  }
  return letters;
}

bool add_days_to_serial(std::string& serial, int64_t days) {
  const size_t dot = serial.find('.');
  const std::string_view whole = std::string_view(serial).substr(0, dot);
  const std::string_view fraction =
      dot == std::string::npos ? std::string_view{} : std::string_view(serial).substr(dot);
  int64_t value = 0;
  if (!parse_integer(whole, value) || value < 0) {
    return false;
  }
  if (fraction.size() == 1 || fraction.find_first_not_of("0123456789", 1) != std::string::npos) {
    return false;
  }
  serial = std::to_string(value + days) + std::string(fraction);
  return true;
}

void SheetRowHandler::start_element(std::string_view name, const XML_Char** attributes) {
  if (name == "row") {
    start_row(attributes);
  } else if (name == "c") {
    start_cell(attributes);
  } else if (name == "v") {
    capture_ = &value_;
  } else if (name == "is") {
    in_inline_string_ = true;
  } else if (name == "rPh") {
    in_phonetic_ = true;
  } else if (name == "t" && in_inline_string_ && !in_phonetic_) {
    capture_ = &inline_text_;
  }
}

bool SheetRowHandler::end_element(std::string_view name) {
  if (name == "v" || name == "t") {
    capture_ = nullptr;
  } else if (name == "is") {
    in_inline_string_ = false;
  } else if (name == "rPh") {
    in_phonetic_ = false;
  } else if (name == "c") {
    end_cell();
  } else if (name == "row") {
    record_->fields.resize(used_);
    record_->date_cells.resize(used_);
    return true;
  }
  return false;
}

void SheetRowHandler::character_data(std::string_view text) {
  if (capture_ != nullptr) {
    capture_->append(text);
  }
}

void SheetRowHandler::start_row(const XML_Char** attributes) {
  int64_t number = 0;
  const char* reference = find_attribute(attributes, "r");
  row_ = reference != nullptr && parse_integer(std::string_view(reference), number) ? number
                                                                                    : row_ + 1;
  record_->line = row_;
  record_->error.reset();
  record_->date_cells.resize(record_->fields.size());
  used_ = 0;
  next_column_ = 0;
}

void SheetRowHandler::start_cell(const XML_Char** attributes) {
  const char* reference = find_attribute(attributes, "r");
  column_ = reference != nullptr ? column_of_reference(reference) : next_column_;
  if (column_ == std::string::npos) {
    set_error("cell reference \"" + std::string(reference) + "\" is invalid");
    column_ = next_column_;
  }
  next_column_ = column_ + 1;

  const char* type = find_attribute(attributes, "t");
  const std::string_view type_name = type != nullptr ? type : "n";
  type_ = type_name == "n"           ? CellType::number
          : type_name == "s"         ? CellType::shared_string
          : type_name == "inlineStr" ? CellType::inline_string
          : type_name == "b"         ? CellType::boolean
                                     : CellType::other;

  const char* style = find_attribute(attributes, "s");
  if (style == nullptr || !parse_integer(std::string_view(style), style_)) {
    style_ = 0;
  }
  value_.clear();
  inline_text_.clear();
}

void SheetRowHandler::end_cell() {
  if (column_ >= kMaxColumns) {
    set_error("cell " + cell_name() + " lies beyond column XFD, the last column of a worksheet");
    return;
  }
  std::string& field = field_at(column_);
  switch (type_) {
    case CellType::number:
      store_number(field);
      break;
    case CellType::shared_string:
      store_shared_string(field);
      break;
    case CellType::inline_string:
      field.swap(inline_text_);
      break;
    case CellType::boolean:
      if (value_ == "1") {
        field = "true";
      } else if (value_ == "0") {
        field = "false";
      } else {
        field.swap(value_);
      }
      break;
    case CellType::other:
      field.swap(value_);
      break;
  }
}

void SheetRowHandler::store_number(std::string& field) {
  field.swap(value_);
  if (field.empty() || !styles_.is_date(style_)) {
    return;
  }
  record_->date_cells[column_] = true;
  if (date1904_ && !add_days_to_serial(field, kDays1900To1904)) {
    set_error("cell " + cell_name() + ": the date serial \"" + field +
              "\" of this 1904-based workbook is not a plain number");
  }
}

void SheetRowHandler::store_shared_string(std::string& field) {
  size_t index = 0;
  if (!parse_integer(std::string_view(value_), index) || index >= shared_strings_.size()) {
    set_error("cell " + cell_name() + " refers to shared string \"" + value_ +
              "\", but the workbook has " + std::to_string(shared_strings_.size()) +
              "; save the workbook again from Excel");
    return;
  }
  field.assign(shared_strings_[index]);
}

std::string& SheetRowHandler::field_at(size_t column) {
  Record& record = *record_;
  for (; used_ <= column; ++used_) {
    if (used_ == record.fields.size()) {
      record.fields.emplace_back();
      record.date_cells.push_back(false);
    } else {
      record.fields[used_].clear();
      record.date_cells[used_] = false;
    }
  }
  return record.fields[column];
}

std::string SheetRowHandler::cell_name() const {
  return column_letters(column_) + std::to_string(row_);
}

void SheetRowHandler::set_error(std::string message) {
  if (!record_->error) {
    record_->error = std::move(message);
  }
}

}  // namespace imagross::ingest
