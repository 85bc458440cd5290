#include <stdexcept>

#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "common/time_zone.h"

namespace imagross::cli {

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
