#pragma once

// Reads the reject report an import writes: a UTF-8 CSV (RFC 4180) with the header
// line,column,value,reason and one row per problem found in the source file.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace imagross::api {

struct RejectRow {
  int64_t line = 0;  // line of the source file; 0 when the report does not give one
  std::string column;
  std::string value;
  std::string reason;
};

struct RejectPage {
  int64_t total = 0;  // rows in the whole report
  std::vector<RejectRow> rows;
};

// Reads rows [offset, offset + limit) and counts all of them, streaming through the file.
// Throws std::runtime_error naming the file when it cannot be opened.
RejectPage read_reject_page(const std::filesystem::path& file, int64_t offset, int64_t limit);

}  // namespace imagross::api
