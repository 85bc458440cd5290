#pragma once

// The request passed to a handler: method, decoded path and query, headers, and the body either in
// memory or, on routes that stream it, in a file on disk. Independent of Beast.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imagross::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  void add(std::string name, std::string value);
  // The first value of `name`, or nullopt when absent.
  std::optional<std::string_view> find(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Percent-decoded query parameters in the order they appear; a name may repeat.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // upper case, as sent: "GET", "POST"
  std::string target;  // the request target as sent
  std::string path;    // percent-decoded path of the target
  QueryParams query;
  Headers headers;
  std::string body;                 // empty on streamed routes
  std::filesystem::path body_file;  // streamed routes: where the body was written
  uint64_t body_size = 0;           // bytes of the body, in memory or on disk
  std::string request_id;           // also sent back as X-Request-Id
  std::string remote_address;
  std::vector<std::pair<std::string, std::string>> path_params;  // "{id}" segments of the route

  // The value of a "{name}" segment of the matched route; empty when the route has none.
  std::string_view path_param(std::string_view name) const;
};

// Splits a request target ("/a%20b?x=1&y") into its decoded path and query. Returns nullopt
// when the target is not a valid origin-form target (RFC 9112), for example "%zz" escapes.
struct ParsedTarget {
  std::string path;
  QueryParams query;
};
std::optional<ParsedTarget> parse_target(std::string_view target);

}  // namespace imagross::http
