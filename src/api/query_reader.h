#pragma once

// Typed access to a route's query parameters. Every accessor throws http::HttpError 400 with
// code "invalid_parameter", naming the parameter and the value at fault.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace imagross::api {

class QueryReader {
 public:
  // `accepted` lists every parameter the route takes; any other one is rejected, so that a
  // misspelt filter ("stor=PV07") fails instead of being silently ignored.
  QueryReader(const http::QueryParams& params, std::span<const std::string_view> accepted);

  // The value of a parameter that may appear at most once; nullopt when absent.
  std::optional<std::string_view> single(std::string_view name) const;
  // Every value of a repeatable parameter, in order; none may be empty.
  std::vector<std::string_view> all(std::string_view name) const;

  // A whole number in [min, max]; `fallback` when absent.
  int64_t integer(std::string_view name, int64_t min, int64_t max, int64_t fallback) const;
  // "true" or "false"; false when absent.
  bool boolean(std::string_view name) const;
  // A calendar date written YYYY-MM-DD, between 1970-01-01 and 2199-12-31, as a day number.
  std::optional<int32_t> date(std::string_view name) const;
  // One of `choices`; `fallback` when absent.
  std::string_view choice(std::string_view name, std::initializer_list<std::string_view> choices,
                          std::string_view fallback) const;

 private:
  const http::QueryParams& params_;
};

}  // namespace imagross::api
