#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "common/time_zone.h"

namespace imagross::cli {

CLI::Validator whole_number_at_least(int64_t min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        int64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (error != std::errc() || stop != end || value < min) {
          return fmt::format("must be a whole number of at least {}, got '{}'", min, text);
        }
        return {};
      },
      fmt::format("INT>={}", min));
}

void apply_global_options(const GlobalOptions& options) {
  const auto level = spdlog::level::from_str(options.log_level);
  if (level == spdlog::level::off && options.log_level != "off") {
    throw CLI::ValidationError("--log-level", "invalid level '" + options.log_level +
                                                  "': use trace, debug, info, warn, error or off");
  }
  spdlog::set_level(level);

  auto zone = TimeZone::load(options.time_zone);
  if (!zone.ok()) {
    throw CLI::ValidationError("--time-zone", zone.error().message);
  }
}

}  // namespace imagross::cli
