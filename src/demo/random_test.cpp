#include "demo/random.h"

#include <array>
#include <vector>

#include <gtest/gtest.h>

namespace imagross::demo {
namespace {

// Reference outputs computed with an independent implementation of the published algorithms.
// If these change, every demo file changes with them.
TEST(Random, SplitMix64MatchesReference) {
  uint64_t state = 0;
  EXPECT_EQ(splitmix64_next(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(splitmix64_next(state), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(splitmix64_next(state), 0x06c45d188009454fULL);
}

TEST(Random, Xoshiro256StarStarMatchesReference) {
  Random random(42);
  EXPECT_EQ(random.next(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(random.next(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(random.next(), 0xae17533239e499a1ULL);
}

TEST(Random, DerivedSeedsDiffer) {
  EXPECT_NE(derive_seed(1, 1), derive_seed(1, 2));
  EXPECT_NE(derive_seed(1, 1), derive_seed(2, 1));
  EXPECT_EQ(derive_seed(7, 3), derive_seed(7, 3));
}

TEST(Random, BelowCoversEveryValueEvenly) {
  Random random(1);
  std::array<int, 7> counts{};
  for (int draw = 0; draw < 70'000; ++draw) {
    const uint64_t value = random.below(7);
    ASSERT_LT(value, 7U);
    ++counts[value];
  }
  for (const int count : counts) {
    EXPECT_NEAR(count, 10'000, 500);
  }
}

TEST(Random, BetweenIncludesBothEnds) {
  Random random(2);
  bool saw_low = false;
  bool saw_high = false;
  for (int draw = 0; draw < 1000; ++draw) {
    const int64_t value = random.between(-3, 3);
    ASSERT_GE(value, -3);
    ASSERT_LE(value, 3);
    saw_low = saw_low || value == -3;
    saw_high = saw_high || value == 3;
  }
  EXPECT_TRUE(saw_low);
  EXPECT_TRUE(saw_high);
}

TEST(Random, ChanceFollowsPerMille) {
  Random random(3);
  int hits = 0;
  for (int draw = 0; draw < 100'000; ++draw) {
    hits += random.chance(180) ? 1 : 0;
  }
  EXPECT_NEAR(hits, 18'000, 600);
  EXPECT_FALSE(random.chance(0));
  EXPECT_TRUE(random.chance(1000));
}

TEST(Random, PickSkipsZeroWeights) {
  Random random(4);
  const std::array<uint32_t, 4> weights = {0, 3, 0, 1};
  std::array<int, 4> counts{};
  for (int draw = 0; draw < 40'000; ++draw) {
    ++counts[random.pick(weights)];
  }
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[2], 0);
  EXPECT_NEAR(counts[1], 30'000, 600);
}

TEST(WeightedIndex, PicksInProportion) {
  Random random(5);
  const std::vector<uint64_t> weights = {1, 0, 2, 7};
  const WeightedIndex index(weights);
  EXPECT_EQ(index.total(), 10U);
  std::array<int, 4> counts{};
  for (int draw = 0; draw < 100'000; ++draw) {
    ++counts[index.pick(random)];
  }
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0], 10'000, 600);
  EXPECT_NEAR(counts[2], 20'000, 800);
  EXPECT_NEAR(counts[3], 70'000, 1000);
}

TEST(WeightedIndex, PrefixStaysInPrefix) {
  Random random(6);
  const std::vector<uint64_t> weights = {5, 5, 5, 5};
  const WeightedIndex index(weights);
  for (int draw = 0; draw < 1000; ++draw) {
    ASSERT_LT(index.pick_prefix(random, 2), 2U);
  }
}

TEST(Scale, HandlesProductsBeyond64Bits) {
  EXPECT_EQ(scale(1'000'000'000'000'000'000ULL, 1'000'000'000'000'000'000ULL,
                  1'000'000'000'000'000'000ULL),
            1'000'000'000'000'000'000ULL);
  EXPECT_EQ(scale(10, 3, 4), 7U);
}

}  // namespace
}  // namespace imagross::demo
