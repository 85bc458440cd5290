#include "ingest/source/record_shape.h"

namespace imagross::ingest {

std::string_view trim_header_name(std::string_view name) {
  constexpr std::string_view kBlank = " \t\r\n";
  const size_t first = name.find_first_not_of(kBlank);
  if (first == std::string_view::npos) {
    return {};
  }
  const size_t last = name.find_last_not_of(kBlank);
  return name.substr(first, last - first + 1);
}

void drop_trailing_empty_names(std::vector<std::string>& header) {
  while (!header.empty() && header.back().empty()) {
    header.pop_back();
  }
}

void drop_trailing_empty_fields(Record& record, size_t header_size) {
  while (record.fields.size() > header_size && record.fields.back().empty()) {
    record.fields.pop_back();
  }
  if (record.date_cells.size() > record.fields.size()) {
    record.date_cells.resize(record.fields.size());
  }
}

bool has_only_blank_fields(const Record& record) {
  for (const std::string& field : record.fields) {
    if (field.find_first_not_of(" \t") != std::string::npos) {
      return false;
    }
  }
  return true;
}

std::string column_label(const std::vector<std::string>& header, size_t index) {
  std::string label = "column " + std::to_string(index + 1);
  if (index < header.size() && !header[index].empty()) {
    label += " (\"" + header[index] + "\")";
  }
  return label;
}

}  // namespace imagross::ingest
