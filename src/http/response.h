#pragma once

// The response a handler returns: a status, header fields and a body held in memory or read
// from a file as it is sent. Independent of Beast.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imagross::http {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::filesystem::path file;  // when not empty, the body is this file's content

  Response& set_header(std::string name, std::string value);
  // The value of the header `name` (compared case-insensitively), empty when absent.
  std::string_view header(std::string_view name) const;
};

// A JSON response; `json` is already serialized.
Response json_response(int status, std::string json);

// The one error body of the API: {"error": {"code", "message", "parameter"}}, where
// "parameter" appears only when `parameter` is not empty.
Response error_response(int status, std::string_view code, std::string_view message,
                        std::string_view parameter = {});

class HttpError;

// The response to a request-ending HttpError: the error body, plus "WWW-Authenticate: Bearer" on
// a 401 (RFC 9110 requires a challenge there) and Retry-After on a 429 or 503 (the error's own
// seconds, otherwise 1).
Response error_response(const HttpError& error);

}  // namespace imagross::http
