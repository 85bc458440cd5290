#include "ingest/csv/csv_dialect.h"

#include <algorithm>

#include "ingest/csv/csv_tokenizer.h"
#include "ingest/source/record_shape.h"

namespace imagross::ingest {
namespace {

// Records after the header that the sniffer compares. Exports are regular, so a few dozen rows
// decide; the cost is one tokenizer pass over them per candidate.
constexpr int kSampleRecords = 50;

struct Split {
  char delimiter = ',';
  size_t columns = 0;        // fields of the header
  size_t matching_rows = 0;  // records after the header with as many fields
};

Split split_sample(std::string_view sample, char delimiter) {
  InputBuffer input(make_memory_source(sample), std::max<size_t>(sample.size(), 1));
  CsvTokenizer tokenizer(input, delimiter);
  Split split{delimiter, 0, 0};
  Record record;
  if (!tokenizer.next(record)) {
    return split;
  }
  drop_trailing_empty_fields(record, 0);
  split.columns = record.fields.size();
  for (int i = 0; i < kSampleRecords && tokenizer.next(record); ++i) {
    if (record.error) {
      continue;
    }
    drop_trailing_empty_fields(record, split.columns);
    if (record.fields.size() == split.columns) {
      ++split.matching_rows;
    }
  }
  return split;
}

bool better(const Split& candidate, const Split& best) {
  if (candidate.columns < 2) {
    return false;
  }
  if (candidate.matching_rows != best.matching_rows) {
    return candidate.matching_rows > best.matching_rows;
  }
  return candidate.columns > best.columns;
}

}  // namespace

char detect_delimiter(std::string_view sample, bool sample_is_whole) {
  if (!sample_is_whole) {
    const size_t last_line_end = sample.find_last_of("\r\n");
    sample = sample.substr(0, last_line_end == std::string_view::npos ? 0 : last_line_end + 1);
  }
  Split best;
  for (const char delimiter : kDelimiterCandidates) {
    const Split candidate = split_sample(sample, delimiter);
    if (better(candidate, best)) {
      best = candidate;
    }
  }
  return best.columns >= 2 ? best.delimiter : ',';
}

std::optional<char> parse_separator_line(std::string_view head) {
  constexpr std::string_view kPrefix = "sep=";
  if (head.size() < kPrefix.size() + 2 || head.substr(0, kPrefix.size()) != kPrefix) {
    return std::nullopt;
  }
  const char delimiter = head[kPrefix.size()];
  const char line_end = head[kPrefix.size() + 1];
  if (line_end != '\r' && line_end != '\n') {
    return std::nullopt;
  }
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    return std::nullopt;
  }
  return delimiter;
}

}  // namespace imagross::ingest
