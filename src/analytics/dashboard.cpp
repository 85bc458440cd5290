#include "analytics/dashboard.h"

namespace imagross {

std::optional<double> relative_change(std::optional<double> current,
                                      std::optional<double> previous) {
  if (!current || !previous || *previous <= 0) {
    return std::nullopt;
  }
  return (*current - *previous) / *previous;
}

}  // namespace imagross
