#include "analytics/time_buckets.h"

#include <algorithm>
#include <cassert>

#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

constexpr int32_t kMaxDailyDays = 62;
constexpr int32_t kMaxWeeklyDays = 182;
constexpr int32_t kDaysPerWeek = 7;

}  // namespace

Granularity granularity_for(int32_t from_day, int32_t to_day) {
  const int32_t days = to_day - from_day + 1;
  if (days <= kMaxDailyDays) {
    return Granularity::day;
  }
  return days <= kMaxWeeklyDays ? Granularity::week : Granularity::month;
}

int32_t bucket_start(Granularity granularity, int32_t day) {
  switch (granularity) {
    case Granularity::day:
      return day;
    case Granularity::week:
      return iso_week_start(day);
    case Granularity::month:
      return month_start(day);
  }
  return day;
}

SeriesBuckets::SeriesBuckets(Granularity granularity, int32_t from_day, int32_t to_day)
    : granularity_(granularity) {
  for (int32_t start = bucket_start(granularity, from_day); start <= to_day;) {
    starts_.push_back(start);
    switch (granularity) {
      case Granularity::day:
        start += 1;
        break;
      case Granularity::week:
        start += kDaysPerWeek;
        break;
      case Granularity::month:
        start = add_months(start, 1);
        break;
    }
  }
}

std::size_t SeriesBuckets::index_of(int32_t day) const {
  const int32_t start = bucket_start(granularity_, day);
  const auto found = std::lower_bound(starts_.begin(), starts_.end(), start);
  assert(found != starts_.end());
  assert(*found == start);
  return static_cast<std::size_t>(found - starts_.begin());
}

}  // namespace imagross::analytics
