#include "ingest/json/json_scanner.h"

#include <cstring>

#include "ingest/record.h"

namespace imagross::ingest {
namespace {

// Nesting deeper than this is rejected; simdjson's default maximum depth is the same.
constexpr size_t kMaxNesting = 1024;

size_t byte_index(char c) {
  return static_cast<unsigned char>(c);
}

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void trim_json_space(std::string& text) {
  while (!text.empty() && is_json_space(text.back())) {
    text.pop_back();
  }
  size_t first = 0;
  while (first < text.size() && is_json_space(text[first])) {
    ++first;
  }
  text.erase(0, first);
}

}  // namespace

JsonElementScanner::JsonElementScanner(InputBuffer& input, JsonLayout layout, std::string path)
    : input_(input),
      pos_(input.begin()),
      end_(input.end()),
      layout_(layout),
      path_(std::move(path)) {
  for (const char stop : {'"', '\\', '\n'}) {
    string_stops_[byte_index(stop)] = true;
  }
  for (const char stop : {'"', '{', '}', '[', ']', '\n'}) {
    structure_stops_[byte_index(stop)] = true;
  }
}

bool JsonElementScanner::next(JsonElement& element) {
  return layout_ == JsonLayout::lines ? next_line(element) : next_in_array(element);
}

bool JsonElementScanner::refill() {
  return input_.refill(pos_, end_);
}

// Skips white space, counting lines. Returns false at the end of the input.
bool JsonElementScanner::skip_white_space() {
  for (;;) {
    if (pos_ == end_ && !refill()) {
      return false;
    }
    if (!is_json_space(*pos_)) {
      return true;
    }
    line_ += *pos_ == '\n' ? 1 : 0;
    ++pos_;
  }
}

bool JsonElementScanner::next_line(JsonElement& element) {
  for (;;) {
    element.text.clear();
    element.too_long = false;
    if (pos_ == end_ && !refill()) {
      return false;
    }
    element.line = line_;
    for (;;) {
      const void* newline = std::memchr(pos_, '\n', static_cast<size_t>(end_ - pos_));
      const char* stop = newline != nullptr ? static_cast<const char*>(newline) : end_;
      const auto count = static_cast<size_t>(stop - pos_);
      if (element.text.size() + count > kMaxElementBytes) {
        element.too_long = true;
      } else {
        element.text.append(pos_, count);
      }
      pos_ = stop;
      if (newline != nullptr) {
        ++pos_;
        ++line_;
        break;
      }
      if (!refill()) {
        break;
      }
    }
    trim_json_space(element.text);
    if (!element.text.empty() || element.too_long) {
      return true;
    }
  }
}

bool JsonElementScanner::next_in_array(JsonElement& element) {
  if (!find_array_element()) {
    return false;
  }
  scan_array_element(element);
  return true;
}

// Moves to the first byte of the next element, past the '[' or ',' before it. Returns false
// once the closing ']' is read.
bool JsonElementScanner::find_array_element() {
  if (array_closed_) {
    return false;
  }
  const std::string truncated =
      "the file ends before the closing ']' of the array, so it is truncated; copy the complete "
      "file and import it again";
  if (!skip_white_space()) {
    throw_broken(line_, truncated);
  }
  const char separator = *pos_;
  if (!array_opened_ && separator == '[') {
    array_opened_ = true;
  } else if (array_opened_ && separator == ']') {
    ++pos_;
    close_array();
    return false;
  } else if (separator != ',' || !array_opened_) {
    throw_broken(line_, std::string("expected ") + (array_opened_ ? "',' or ']'" : "'['") +
                            " but found '" + separator + "'");
  }
  ++pos_;

  if (!skip_white_space()) {
    throw_broken(line_, truncated);
  }
  if (*pos_ == ']') {
    // After '[' this closes an empty array. After ',' it is a trailing comma, which JSON
    // forbids but which loses nothing, so it is accepted.
    ++pos_;
    close_array();
    return false;
  }
  if (*pos_ == ',') {
    throw_broken(line_, "an empty element before ','");
  }
  return true;
}

void JsonElementScanner::close_array() {
  array_closed_ = true;
  if (skip_white_space()) {
    throw_broken(line_, "text after the closing ']' of the array");
  }
}

void JsonElementScanner::scan_array_element(JsonElement& element) {
  element.text.clear();
  element.line = line_;
  open_brackets_.clear();
  in_string_ = false;
  escaped_ = false;
  element_done_ = false;
  const char* run = pos_;
  while (!element_done_) {
    if (pos_ == end_) {
      append_run(element, run);
      if (!refill()) {
        throw_broken(element.line,
                     "the file ends inside the element that starts on this line, "
                     "so it is truncated; copy the complete file and import it "
                     "again");
      }
      run = pos_;
    }
    if (in_string_) {
      scan_string();
      element_done_ = !in_string_ && open_brackets_.empty();
      continue;
    }
    // The first byte is never one of these, so they end a top-level scalar such as a number.
    if (open_brackets_.empty() && (*pos_ == ',' || *pos_ == ']' || is_json_space(*pos_))) {
      break;
    }
    if (!open_brackets_.empty()) {
      while (pos_ != end_ && !structure_stops_[byte_index(*pos_)]) {
        ++pos_;
      }
      if (pos_ == end_) {
        continue;
      }
    }
    element_done_ = step_outside_string(*pos_++, element);
  }
  append_run(element, run);
}

// Moves past the closing quote of the current string, or to the end of the buffer.
void JsonElementScanner::scan_string() {
  while (pos_ != end_) {
    while (!escaped_ && pos_ != end_ && !string_stops_[byte_index(*pos_)]) {
      ++pos_;
    }
    if (pos_ == end_) {
      return;
    }
    const char c = *pos_++;
    if (escaped_) {
      escaped_ = false;
    } else if (c == '\\') {
      escaped_ = true;
    } else if (c == '"') {
      in_string_ = false;
      return;
    } else {
      ++line_;  // a raw line end, which JSON forbids in a string: simdjson rejects the element
    }
  }
}

// Handles one byte outside strings. Returns true when it ends the element.
bool JsonElementScanner::step_outside_string(char c, JsonElement& element) {
  switch (c) {
    case '"':
      in_string_ = true;
      return false;
    case '{':
    case '[':
      if (open_brackets_.size() == kMaxNesting) {
        throw_broken(element.line, "the element nests deeper than 1024 levels");
      }
      open_brackets_ += c == '{' ? '}' : ']';
      return false;
    case '}':
    case ']':
      if (open_brackets_.empty() || open_brackets_.back() != c) {
        throw_broken(line_, std::string("unbalanced '") + c +
                                "' in the element that starts on line " +
                                std::to_string(element.line));
      }
      open_brackets_.pop_back();
      return open_brackets_.empty();
    case '\n':
      ++line_;
      return false;
    default:
      return false;
  }
}

void JsonElementScanner::append_run(JsonElement& element, const char* run) {
  const auto count = static_cast<size_t>(pos_ - run);
  if (element.text.size() + count > kMaxElementBytes) {
    throw_broken(element.line,
                 "the element that starts on this line is larger than 16 MiB; "
                 "each element must be one record");
  }
  element.text.append(run, count);
}

void JsonElementScanner::throw_broken(int64_t line, const std::string& reason) const {
  throw ReadError(path_ + " line " + std::to_string(line) + ": invalid JSON array: " + reason +
                  "; reading cannot go on after this point");
}

namespace {

// Calls `visit(i, last_string)` for each byte `text[i]` outside strings, with the last string
// that closed before it (without its quotes), until `visit` returns false.
template <typename Visit>
void walk_outside_strings(std::string_view text, Visit visit) {
  bool in_string = false;
  bool escaped = false;
  size_t string_start = 0;
  std::string_view last_string;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string) {
      in_string = c == '"';
      string_start = i + 1;
      if (!in_string && !visit(i, last_string)) {
        return;
      }
    } else if (escaped) {
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c == '"') {
      in_string = false;
      last_string = text.substr(string_start, i - string_start);
    }
  }
}

}  // namespace

std::string_view find_key_at(std::string_view text, size_t offset) {
  int depth = 0;
  std::string_view key;
  walk_outside_strings(text.substr(0, offset), [&](size_t i, std::string_view last_string) {
    const char c = text[i];
    if (c == ':' && depth == 1) {
      key = last_string;
    } else if (c == ',' && depth == 1) {
      key = {};
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
    return true;
  });
  return key;
}

size_t end_of_container(std::string_view text) {
  int depth = 0;
  size_t end = std::string_view::npos;
  walk_outside_strings(text, [&](size_t i, std::string_view) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      end = i + 1;
      return false;
    }
    return true;
  });
  return end;
}

}  // namespace imagross::ingest
