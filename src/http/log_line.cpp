#include "http/log_line.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>

namespace imagross::http {
namespace {

bool is_plain_token(std::string_view value) {
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '/' || c == ':';
  });
}

}  // namespace

LogLine::LogLine(std::string_view event) {
  add("event", event);
}

LogLine& LogLine::add(std::string_view key, std::string_view value) {
  if (!text_.empty()) {
    text_ += ' ';
  }
  text_ += key;
  text_ += '=';
  if (is_plain_token(value)) {
    text_ += value;
  } else {
    text_ += boost::json::serialize(boost::json::string_view(value.data(), value.size()));
  }
  return *this;
}

LogLine& LogLine::add_integer(std::string_view key, int64_t value) {
  return add(key, std::string_view(fmt::format("{}", value)));
}

LogLine& LogLine::add(std::string_view key, double value) {
  return add(key, std::string_view(fmt::format("{:.3f}", value)));
}

}  // namespace imagross::http
