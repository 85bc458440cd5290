#include "http/response.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <strings.h>

#include "http/errors.h"

namespace imagross::http {

Response& Response::set_header(std::string name, std::string value) {
  for (auto& [field, current] : headers) {
    if (strcasecmp(field.c_str(), name.c_str()) == 0) {
      current = std::move(value);
      return *this;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (field.size() == name.size() && strncasecmp(field.data(), name.data(), name.size()) == 0) {
      return value;
    }
  }
  return {};
}

Response json_response(int status, std::string json) {
  Response response;
  response.status = status;
  response.body = std::move(json);
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response error_response(int status, std::string_view code, std::string_view message,
                        std::string_view parameter) {
  boost::json::object error;
  error["code"] = code;
  error["message"] = message;
  if (!parameter.empty()) {
    error["parameter"] = parameter;
  }
  boost::json::object body;
  body["error"] = std::move(error);
  return json_response(status, boost::json::serialize(body));
}

Response error_response(const HttpError& error) {
  auto response = error_response(error.status(), error.code(), error.what(), error.parameter());
  if (error.status() == 401) {
    response.set_header("WWW-Authenticate", "Bearer");
  }
  if (error.status() == 429 || error.status() == 503) {
    const int64_t seconds = error.retry_after_seconds() > 0 ? error.retry_after_seconds() : 1;
    response.set_header("Retry-After", std::to_string(seconds));
  }
  return response;
}

}  // namespace imagross::http
