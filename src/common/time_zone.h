#pragma once

// IANA time zones read from the system's compiled tz database (TZif files, Debian package
// tzdata). g++ 12's <chrono> has no time-zone support, so this is our own small reader.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/civil_time.h"
#include "common/result.h"

namespace imagross {

class TimeZone {
 public:
  // Loads a zone such as "Europe/Rome" from $TZDIR or /usr/share/zoneinfo. "UTC" always works.
  // Error code "unknown_time_zone" names the zone and the directory searched.
  static Result<std::shared_ptr<const TimeZone>> load(std::string_view name);
  static std::shared_ptr<const TimeZone> utc();

  const std::string& name() const { return name_; }

  // Offset from UTC in seconds at the instant `utc_seconds` (seconds since 1970-01-01 UTC).
  int32_t offset_at(int64_t utc_seconds) const;

  // The local wall-clock reading at an instant.
  LocalDateTime to_local(int64_t utc_seconds) const;

  // The instant of a wall-clock reading. In the hour repeated when clocks go back, the earlier
  // instant is returned. A reading that does not exist because clocks went forward fails with
  // error code "nonexistent_local_time".
  Result<int64_t> to_utc(const LocalDateTime& local) const;

  // Builds a zone from explicit data; used by load() and by tests.
  struct Transition {
    int64_t at;      // UTC seconds when `offset` starts
    int32_t offset;  // seconds east of UTC
  };
  TimeZone(std::string name, int32_t initial_offset, std::vector<Transition> transitions);

 private:
  std::string name_;
  int32_t initial_offset_;
  // Sorted by `at`, extended from the file's POSIX rule up to the year 2200.
  std::vector<Transition> transitions_;
};

}  // namespace imagross
