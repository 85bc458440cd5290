#include "common/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>

#include "common/posix_tz_rule.h"

namespace imagross {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::string zoneinfo_directory() {
  const char* directory = std::getenv("TZDIR");
  return directory != nullptr && *directory != '\0' ? directory : "/usr/share/zoneinfo";
}

bool is_safe_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' ||
      name.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

// Big-endian readers over the TZif bytes; they return false past the end.
class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}

  bool skip(std::size_t count) {
    if (bytes_.size() - position_ < count) {
      return false;
    }
    position_ += count;
    return true;
  }
  bool read(int width, int64_t& value) {
    if (bytes_.size() - position_ < static_cast<std::size_t>(width)) {
      return false;
    }
    uint64_t raw = 0;
    for (int i = 0; i < width; ++i) {
      raw = (raw << 8) | static_cast<unsigned char>(bytes_[position_++]);
    }
    // Sign-extend from `width` bytes.
    const int shift = 64 - 8 * width;
    value = static_cast<int64_t>(raw << shift) >> shift;
    return true;
  }
  std::size_t position() const { return position_; }
  const std::string& bytes() const { return bytes_; }

 private:
  const std::string& bytes_;
  std::size_t position_ = 0;
};

struct TzifCounts {
  int64_t utc_indicators, standard_indicators, leap_seconds, transitions, types, characters;
};

bool read_header(ByteReader& reader, char& version, TzifCounts& counts) {
  const std::string& bytes = reader.bytes();
  if (bytes.size() - reader.position() < 44 || bytes.compare(reader.position(), 4, "TZif") != 0) {
    return false;
  }
  version = bytes[reader.position() + 4];
  reader.skip(20);
  return reader.read(4, counts.utc_indicators) && reader.read(4, counts.standard_indicators) &&
         reader.read(4, counts.leap_seconds) && reader.read(4, counts.transitions) &&
         reader.read(4, counts.types) && reader.read(4, counts.characters);
}

struct TzifData {
  std::vector<int64_t> times;
  std::vector<int64_t> type_indices;
  std::vector<int32_t> type_offsets;
  std::string footer;
};

// Reads one data block; `time_width` is 4 for the version 1 block and 8 for later ones.
bool read_block(ByteReader& reader, const TzifCounts& counts, int time_width, TzifData& data) {
  data.times.resize(static_cast<std::size_t>(counts.transitions));
  data.type_indices.resize(static_cast<std::size_t>(counts.transitions));
  data.type_offsets.resize(static_cast<std::size_t>(counts.types));
  for (auto& time : data.times) {
    if (!reader.read(time_width, time)) {
      return false;
    }
  }
  for (auto& index : data.type_indices) {
    if (!reader.read(1, index)) {
      return false;
    }
    index &= 0xff;
  }
  for (auto& offset : data.type_offsets) {
    int64_t value = 0;
    if (!reader.read(4, value) || !reader.skip(2)) {
      return false;
    }
    offset = static_cast<int32_t>(value);
  }
  const auto leap_size = static_cast<std::size_t>(counts.leap_seconds * (time_width + 4));
  return reader.skip(static_cast<std::size_t>(counts.characters)) && reader.skip(leap_size) &&
         reader.skip(static_cast<std::size_t>(counts.standard_indicators)) &&
         reader.skip(static_cast<std::size_t>(counts.utc_indicators));
}

std::optional<TzifData> parse_tzif(const std::string& bytes) {
  ByteReader reader(bytes);
  char version = 0;
  TzifCounts counts{};
  TzifData data;
  if (!read_header(reader, version, counts) || !read_block(reader, counts, 4, data)) {
    return std::nullopt;
  }
  if (version == '\0') {
    return data;
  }
  // Version 2 and later repeat the data with 64-bit times, then a POSIX TZ footer.
  if (!read_header(reader, version, counts) || !read_block(reader, counts, 8, data)) {
    return std::nullopt;
  }
  const std::size_t start = reader.position();
  if (start < bytes.size() && bytes[start] == '\n') {
    const std::size_t end = bytes.find('\n', start + 1);
    if (end != std::string::npos) {
      data.footer = bytes.substr(start + 1, end - start - 1);
    }
  }
  return data;
}

Result<std::shared_ptr<const TimeZone>> build_zone(std::string_view name, const TzifData& data) {
  if (data.type_offsets.empty()) {
    return Error{"unknown_time_zone", "time zone file of '" + std::string(name) + "' is empty"};
  }
  std::vector<TimeZone::Transition> transitions;
  for (std::size_t i = 0; i < data.times.size(); ++i) {
    const auto type = static_cast<std::size_t>(data.type_indices[i]);
    if (type >= data.type_offsets.size()) {
      return Error{"unknown_time_zone", "time zone file of '" + std::string(name) + "' is corrupt"};
    }
    transitions.push_back({data.times[i], data.type_offsets[type]});
  }
  const int32_t initial = data.type_offsets.front();

  if (!data.footer.empty()) {
    auto rule = PosixTzRule::parse(data.footer);
    if (!rule.ok()) {
      return Error{"unknown_time_zone", "time zone '" + std::string(name) +
                                            "' has an unsupported rule: " + rule.error().message};
    }
    const int64_t after = transitions.empty() ? INT64_MIN : transitions.back().at;
    rule->append_transitions(after, 2200, transitions);
  }
  return std::shared_ptr<const TimeZone>(
      std::make_shared<TimeZone>(std::string(name), initial, std::move(transitions)));
}

Result<std::shared_ptr<const TimeZone>> read_zone(std::string_view name) {
  const std::string directory = zoneinfo_directory();
  if (!is_safe_zone_name(name)) {
    return Error{"unknown_time_zone", "invalid time zone name '" + std::string(name) +
                                          "': use an IANA name such as Europe/Rome"};
  }
  std::ifstream file(directory + "/" + std::string(name), std::ios::binary);
  std::string bytes;
  if (file) {
    bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  const auto data = parse_tzif(bytes);
  if (!data) {
    if (name == "UTC") {
      return TimeZone::utc();
    }
    return Error{"unknown_time_zone", "unknown time zone '" + std::string(name) +
                                          "': no valid zone file in " + directory +
                                          "; use an IANA name such as Europe/Rome"};
  }
  return build_zone(name, *data);
}

}  // namespace

TimeZone::TimeZone(std::string name, int32_t initial_offset, std::vector<Transition> transitions)
    : name_(std::move(name)),
      initial_offset_(initial_offset),
      transitions_(std::move(transitions)) {
  std::stable_sort(transitions_.begin(), transitions_.end(),
                   [](const Transition& a, const Transition& b) { return a.at < b.at; });
}

Result<std::shared_ptr<const TimeZone>> TimeZone::load(std::string_view name) {
  // Zones are immutable, so one copy per name serves every caller.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const TimeZone>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (const auto found = cache.find(name); found != cache.end()) {
    return found->second;
  }
  auto zone = read_zone(name);
  if (zone.ok()) {
    cache.emplace(std::string(name), *zone);
  }
  return zone;
}

std::shared_ptr<const TimeZone> TimeZone::utc() {
  static const auto zone = std::make_shared<const TimeZone>("UTC", 0, std::vector<Transition>{});
  return zone;
}

int32_t TimeZone::offset_at(int64_t utc_seconds) const {
  const auto next = std::upper_bound(
      transitions_.begin(), transitions_.end(), utc_seconds,
      [](int64_t value, const Transition& transition) { return value < transition.at; });
  return next == transitions_.begin() ? initial_offset_ : std::prev(next)->offset;
}

LocalDateTime TimeZone::to_local(int64_t utc_seconds) const {
  const int64_t local = utc_seconds + offset_at(utc_seconds);
  const int64_t day = floor_div(local, kSecondsPerDay);
  return LocalDateTime{static_cast<int32_t>(day),
                       static_cast<int32_t>(local - day * kSecondsPerDay)};
}

Result<int64_t> TimeZone::to_utc(const LocalDateTime& local) const {
  const int64_t wall = static_cast<int64_t>(local.day) * kSecondsPerDay + local.second_of_day;
  // Offset changes are more than a day apart, so the offsets in force a day before and a day
  // after are the only candidates.
  std::optional<int64_t> earliest;
  for (const int32_t offset :
       {offset_at(wall - kSecondsPerDay), offset_at(wall + kSecondsPerDay)}) {
    const int64_t candidate = wall - offset;
    if (offset_at(candidate) == offset && (!earliest || candidate < *earliest)) {
      earliest = candidate;
    }
  }
  if (!earliest) {
    return Error{"nonexistent_local_time",
                 "local time " + format_local_date_time(local) + " does not exist in " + name_ +
                     ": the clocks skipped it when daylight saving time started"};
  }
  return *earliest;
}

}  // namespace imagross
