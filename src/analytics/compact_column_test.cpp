#include "analytics/compact_column.h"

#include <gtest/gtest.h>

namespace imagross::analytics {
namespace {

TEST(CompactInt64Column, KeepsEveryValueExactly) {
  const std::vector<int64_t> values = {0,
                                       1,
                                       -1,
                                       2'147'483'647,
                                       2'147'483'648,
                                       -2'147'483'647,
                                       -2'147'483'648,
                                       -2'147'483'649,
                                       9'000'000'000'000'000,
                                       -9'000'000'000'000'000,
                                       42};
  CompactInt64Column column;
  for (const int64_t value : values) {
    column.push_back(value);
  }
  ASSERT_EQ(column.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(column[i], values[i]) << "index " << i;
  }
}

TEST(CompactInt64Column, NarrowValuesTakeFourBytes) {
  CompactInt64Column column;
  column.reserve(1000);
  for (int64_t i = 0; i < 1000; ++i) {
    column.push_back(i * 1000);
  }
  EXPECT_EQ(column.memory_bytes(), 4000u);
}

}  // namespace
}  // namespace imagross::analytics
