#pragma once

// Instants as Unix seconds and as the ISO 8601 UTC text the stores and the API write
// ("2026-11-30T17:05:09Z").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imagross {

// Formats Unix seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_utc(int64_t unix_seconds);

// Parses "YYYY-MM-DDTHH:MM:SSZ", optionally with a fraction of a second before the Z (which is
// dropped). Returns nullopt for any other form.
std::optional<int64_t> parse_utc(std::string_view text);

// The current time as "YYYY-MM-DDTHH:MM:SSZ": the form of every time written as text in the
// database and in the API.
std::string utc_now_iso8601();

}  // namespace imagross
