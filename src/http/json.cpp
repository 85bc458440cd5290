#include "http/json.h"

#include <cmath>

#include <fmt/format.h>
#include <boost/json/serialize.hpp>

namespace imagross::http {
namespace {

void append_json(std::string& out, const boost::json::value& value);

void append_string(std::string& out, boost::json::string_view text) {
  out += boost::json::serialize(text);
}

void append_double(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  // fmt writes the shortest text that reads back as the same double: 0.1, 1540, 123456.78.
  fmt::format_to(std::back_inserter(out), "{}", number);
}

void append_object(std::string& out, const boost::json::object& object) {
  out += '{';
  bool first = true;
  for (const auto& [key, member] : object) {
    if (!first) {
      out += ',';
    }
    first = false;
    append_string(out, key);
    out += ':';
    append_json(out, member);
  }
  out += '}';
}

void append_array(std::string& out, const boost::json::array& array) {
  out += '[';
  bool first = true;
  for (const auto& element : array) {
    if (!first) {
      out += ',';
    }
    first = false;
    append_json(out, element);
  }
  out += ']';
}

void append_json(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::object:
      append_object(out, value.get_object());
      break;
    case boost::json::kind::array:
      append_array(out, value.get_array());
      break;
    case boost::json::kind::string:
      append_string(out, value.get_string());
      break;
    case boost::json::kind::double_:
      append_double(out, value.get_double());
      break;
    case boost::json::kind::int64:
      fmt::format_to(std::back_inserter(out), "{}", value.get_int64());
      break;
    case boost::json::kind::uint64:
      fmt::format_to(std::back_inserter(out), "{}", value.get_uint64());
      break;
    case boost::json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      break;
    case boost::json::kind::null:
      out += "null";
      break;
  }
}

}  // namespace

std::string to_json_text(const boost::json::value& value) {
  std::string out;
  out.reserve(256);
  append_json(out, value);
  return out;
}

}  // namespace imagross::http
