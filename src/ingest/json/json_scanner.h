#pragma once

// Splitting a JSON file into its top-level elements without parsing them, so that each element
// is parsed on its own and the file is never in memory as a whole.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/source/input_buffer.h"

namespace imagross::ingest {

enum class JsonLayout : uint8_t {
  array,  // one array of elements: [{...}, {...}]
  lines,  // JSON Lines (NDJSON): one element per line
};

struct JsonElement {
  std::string text;
  int64_t line = 0;       // the line of the element's first byte
  bool too_long = false;  // JSON Lines: the line was cut at kMaxElementBytes
};

class JsonElementScanner {
 public:
  static constexpr size_t kMaxElementBytes = size_t{16} << 20;

  // `input` starts at the first byte of the file after any byte order mark; `path` names the
  // file in errors.
  JsonElementScanner(InputBuffer& input, JsonLayout layout, std::string path);

  // Copies the next element into `element`, reusing its storage, and returns false at the end.
  // In JSON Lines an element is one line without its surrounding white space: lines end at LF,
  // so a CR before it is trimmed, and blank lines are skipped. In an array the element's extent
  // follows its brackets and strings, so elements may span lines. Throws ReadError when an array's
  // structure is broken so that the next element cannot be found: an unbalanced bracket, text
  // between elements, an element larger than kMaxElementBytes, or the end of the file inside the
  // array.
  bool next(JsonElement& element);

 private:
  bool refill();
  bool skip_white_space();
  bool next_line(JsonElement& element);
  bool next_in_array(JsonElement& element);
  bool find_array_element();
  void close_array();
  void scan_array_element(JsonElement& element);
  void scan_string();
  bool step_outside_string(char c, JsonElement& element);
  void append_run(JsonElement& element, const char* run);
  [[noreturn]] void throw_broken(int64_t line, const std::string& reason) const;

  InputBuffer& input_;
  const char* pos_;
  const char* end_;
  JsonLayout layout_;
  std::string path_;
  int64_t line_ = 1;

  // Array state.
  bool array_opened_ = false;
  bool array_closed_ = false;
  std::string open_brackets_;  // the closing bracket expected at each nesting level
  bool in_string_ = false;
  bool escaped_ = false;
  bool element_done_ = false;
  std::array<bool, 256> string_stops_{};
  std::array<bool, 256> structure_stops_{};
};

// Returns the key whose value contains byte `offset` of the JSON object `text`, or an empty
// view when the byte is not inside a value of the top-level object. The key is returned raw, as
// written between its quotes.
std::string_view find_key_at(std::string_view text, size_t offset);

// Returns the offset just after the object or array that starts `text`, or std::string::npos
// when it does not close.
size_t end_of_container(std::string_view text);

}  // namespace imagross::ingest
