#pragma once

#include <fmt/chrono.h>

#include <ctime>
#include <string>

namespace imagross {

// The current time as ISO 8601 UTC with seconds, e.g. "2026-11-30T17:05:09Z": the form of every
// time written as text in the database and in the API.
inline std::string utc_now_iso8601() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

}  // namespace imagross
