#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace imagross::ingest {

// One problem of one row, as the reject report lists it.
struct Rejection {
  int64_t line = 0;
  std::string column;  // the file's column name; empty when the whole row is at fault
  std::string value;
  std::string reason;
};

// The rejections of two lists sorted by line, in one list sorted by line.
inline std::vector<Rejection> merge_by_line(const std::vector<Rejection>& first,
                                            const std::vector<Rejection>& second) {
  std::vector<Rejection> merged;
  merged.reserve(first.size() + second.size());
  std::merge(first.begin(), first.end(), second.begin(), second.end(), std::back_inserter(merged),
             [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
  return merged;
}

}  // namespace imagross::ingest
