#pragma once

// Sniffing how a CSV file is written from a sample of its first bytes.

#include <cstddef>
#include <optional>
#include <string_view>

namespace imagross::ingest {

// The delimiters detect_delimiter() chooses among, in order of preference on a tie.
inline constexpr std::string_view kDelimiterCandidates = ",;\t|";

// Picks the delimiter of a CSV sample among ',', ';', '\t' and '|'. Each candidate splits the
// first records with the real tokenizer, so delimiters inside quoted fields do not count. The
// winner splits the most records into as many fields as the header (more than one), then gives
// the most columns. Returns ',' when no candidate splits the header. `sample_is_whole` is false
// when the sample is cut from a longer file; its last, possibly cut, line is then ignored.
char detect_delimiter(std::string_view sample, bool sample_is_whole);

// Returns the delimiter that Excel's "sep=" first line declares for the lines after it (for
// example "sep=;"), or nothing when `head` does not start with such a line.
std::optional<char> parse_separator_line(std::string_view head);

}  // namespace imagross::ingest
