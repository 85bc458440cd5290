#include "api/reject_report_reader.h"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace imagross::api {
namespace {

// Reads one CSV record into `fields`; false at the end of the file. Quoted fields may hold
// commas, doubled quotes and line breaks.
bool read_record(std::istream& input, std::vector<std::string>& fields) {
  fields.assign(1, std::string());
  bool quoted = false;
  bool any = false;
  char c;
  while (input.get(c)) {
    any = true;
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (input.peek() == '"') {
        fields.back() += static_cast<char>(input.get());
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      return true;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return any;
}

RejectRow to_row(std::vector<std::string>& fields) {
  fields.resize(4);
  RejectRow row;
  const auto& line = fields[0];
  std::from_chars(line.data(), line.data() + line.size(), row.line);
  row.column = std::move(fields[1]);
  row.value = std::move(fields[2]);
  row.reason = std::move(fields[3]);
  return row;
}

}  // namespace

RejectPage read_reject_page(const std::filesystem::path& file, int64_t offset, int64_t limit) {
  std::ifstream input(file, std::ios::binary);
  if (!input) {
    throw std::runtime_error("cannot open the reject report " + file.string());
  }
  RejectPage page;
  std::vector<std::string> fields;
  if (!read_record(input, fields)) {
    return page;  // no header: an empty report
  }
  while (read_record(input, fields)) {
    if (page.total >= offset && page.total < offset + limit) {
      page.rows.push_back(to_row(fields));
    }
    ++page.total;
  }
  return page;
}

}  // namespace imagross::api
