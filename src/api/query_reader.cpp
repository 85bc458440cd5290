#include "api/query_reader.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "common/civil_time.h"
#include "http/errors.h"
#include "http/quote.h"

namespace imagross::api {
namespace {

// The range of dates a query may name: the time-zone tables run to 2200, and no sales data
// predates 1970.
constexpr CivilDate kFirstDate{1970, 1, 1};
constexpr CivilDate kLastDate{2199, 12, 31};

std::string join(std::initializer_list<std::string_view> names) {
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

QueryReader::QueryReader(const http::QueryParams& params,
                         std::span<const std::string_view> accepted)
    : params_(params) {
  for (const auto& [name, value] : params_) {
    if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
      const auto printable_name = http::quote_value(name);
      const auto accepted_list =
          accepted.empty() ? std::string("this route takes no query parameters")
                           : fmt::format("this route accepts: {}", fmt::join(accepted, ", "));
      throw http::invalid_parameter(
          printable_name.substr(1, printable_name.size() - 2),
          fmt::format("unknown parameter {}; {}", printable_name, accepted_list));
    }
  }
}

std::optional<std::string_view> QueryReader::single(std::string_view name) const {
  std::optional<std::string_view> found;
  for (const auto& [key, value] : params_) {
    if (key != name) {
      continue;
    }
    if (found) {
      throw http::invalid_parameter(std::string(name),
                                    fmt::format("{} may appear only once", name));
    }
    found = value;
  }
  return found;
}

std::vector<std::string_view> QueryReader::all(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : params_) {
    if (key != name) {
      continue;
    }
    if (value.empty()) {
      throw http::invalid_parameter(std::string(name), fmt::format("{} must not be empty", name));
    }
    values.push_back(value);
  }
  return values;
}

int64_t QueryReader::integer(std::string_view name, int64_t min, int64_t max,
                             int64_t fallback) const {
  const auto text = single(name);
  if (!text) {
    return fallback;
  }
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size() || value < min ||
      value > max) {
    throw http::invalid_parameter(
        std::string(name), fmt::format("{} must be a whole number from {} to {}, got {}", name, min,
                                       max, http::quote_value(*text)));
  }
  return value;
}

bool QueryReader::boolean(std::string_view name) const {
  return choice(name, {"true", "false"}, "false") == "true";
}

std::optional<int32_t> QueryReader::date(std::string_view name) const {
  const auto text = single(name);
  if (!text) {
    return std::nullopt;
  }
  const auto day = parse_iso_date(*text);
  if (!day.ok()) {
    throw http::invalid_parameter(
        std::string(name), fmt::format("{} must be a calendar date written YYYY-MM-DD, got {}",
                                       name, http::quote_value(*text)));
  }
  if (*day < days_from_civil(kFirstDate) || *day > days_from_civil(kLastDate)) {
    throw http::invalid_parameter(
        std::string(name), fmt::format("{} must lie between 1970-01-01 and 2199-12-31, got {}",
                                       name, http::quote_value(*text)));
  }
  return *day;
}

std::string_view QueryReader::choice(std::string_view name,
                                     std::initializer_list<std::string_view> choices,
                                     std::string_view fallback) const {
  const auto text = single(name);
  if (!text) {
    return fallback;
  }
  const auto it = std::find(choices.begin(), choices.end(), *text);
  if (it == choices.end()) {
    throw http::invalid_parameter(
        std::string(name),
        fmt::format("{} must be one of {}, got {}", name, join(choices), http::quote_value(*text)));
  }
  return *it;
}

}  // namespace imagross::api
