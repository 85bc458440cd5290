#pragma once

// Reading a JSON request body. Every failure ends the request with http::HttpError 400: code
// "invalid_body" when the body is not a JSON object, "invalid_field" (naming the field in the
// error's "parameter") when a field is unknown or has the wrong type or value.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "http/errors.h"

namespace imagross::api {

// The body as a JSON object. An empty body is an empty object when `empty_allowed`.
// `accepted` lists every field the route takes; any other field is rejected.
boost::json::object parse_json_object(std::string_view body,
                                      std::span<const std::string_view> accepted,
                                      bool empty_allowed = false);

// 400 invalid_field naming `field`.
http::HttpError invalid_field(std::string_view field, const std::string& message);

// A field that is a string or null: nullopt when absent, "" when null.
std::optional<std::string> optional_text_field(const boost::json::object& object,
                                               std::string_view field);
// A field that must be true or false when present.
std::optional<bool> optional_bool_field(const boost::json::object& object, std::string_view field);

}  // namespace imagross::api
