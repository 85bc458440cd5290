#pragma once

// Structured log lines: "event=request_done request_id=5f3a... status=200". Every value that is
// not a plain token is written as a JSON string, so a line always splits back into its fields
// and no value (a path, an error message) can forge another field or line.

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

namespace imagross::http {

class LogLine {
 public:
  explicit LogLine(std::string_view event);

  LogLine& add(std::string_view key, std::string_view value);
  LogLine& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  template <std::integral T>
  LogLine& add(std::string_view key, T value) {
    return add_integer(key, static_cast<int64_t>(value));
  }
  LogLine& add(std::string_view key, double value);

  const std::string& str() const { return text_; }

 private:
  LogLine& add_integer(std::string_view key, int64_t value);

  std::string text_;
};

}  // namespace imagross::http
