#pragma once

// Italian first and last names with relative frequencies, for the demo card holders.

#include <cstdint>
#include <span>
#include <string_view>

namespace imagross::demo {

struct WeightedName {
  std::string_view name;  // UTF-8, with accents and apostrophes as Italians write them
  uint32_t weight;
};

std::span<const WeightedName> male_first_names();
std::span<const WeightedName> female_first_names();
std::span<const WeightedName> last_names();

}  // namespace imagross::demo
