#pragma once

// The buckets of the revenue series: local days, ISO weeks or calendar months, chosen from the
// length of the period.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analytics/dashboard.h"

namespace imagross::analytics {

// Days up to 62 days, ISO weeks up to 182 days, months beyond.
Granularity granularity_for(int32_t from_day, int32_t to_day);

// The first day of the bucket containing `day`: the day itself, its ISO week's Monday or the
// 1st of its month.
int32_t bucket_start(Granularity granularity, int32_t day);

// Every bucket of [from_day, to_day], ascending. The first and last may reach outside the period.
class SeriesBuckets {
 public:
  SeriesBuckets(Granularity granularity, int32_t from_day, int32_t to_day);

  const std::vector<int32_t>& starts() const { return starts_; }
  std::size_t size() const { return starts_.size(); }
  // The bucket of a day inside the period.
  std::size_t index_of(int32_t day) const;

 private:
  Granularity granularity_;
  std::vector<int32_t> starts_;
};

}  // namespace imagross::analytics
