#include "api/json_body.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <boost/json/parse.hpp>

#include "http/quote.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

http::HttpError invalid_body(const std::string& message) {
  return http::HttpError(400, "invalid_body", message);
}

std::string field_list(std::span<const std::string_view> accepted) {
  return fmt::format("{}", fmt::join(accepted, ", "));
}

}  // namespace

json::object parse_json_object(std::string_view body, std::span<const std::string_view> accepted,
                               bool empty_allowed) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    if (empty_allowed) {
      return {};
    }
    throw invalid_body("the request body is empty: send a JSON object");
  }
  boost::system::error_code error;
  json::value value = json::parse(body, error);
  if (error) {
    throw invalid_body(fmt::format("the request body is not valid JSON: {}", error.message()));
  }
  if (!value.is_object()) {
    throw invalid_body("the request body must be a JSON object");
  }
  for (const auto& field : value.as_object()) {
    if (std::find(accepted.begin(), accepted.end(), field.key()) == accepted.end()) {
      throw invalid_field(field.key(),
                          fmt::format("unknown field {}; this route accepts {}",
                                      http::quote_value(field.key()), field_list(accepted)));
    }
  }
  return std::move(value.as_object());
}

http::HttpError invalid_field(std::string_view field, const std::string& message) {
  return http::HttpError(400, "invalid_field", message, std::string(field));
}

std::optional<std::string> optional_text_field(const json::object& object, std::string_view field) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_null()) {
    return std::string();
  }
  if (!value->is_string()) {
    throw invalid_field(field, fmt::format("{} must be a string or null", field));
  }
  return std::string(value->as_string());
}

std::optional<bool> optional_bool_field(const json::object& object, std::string_view field) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_bool()) {
    throw invalid_field(field, fmt::format("{} must be true or false", field));
  }
  return value->as_bool();
}

}  // namespace imagross::api
