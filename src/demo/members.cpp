#include "demo/members.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <set>
#include <span>

#include "common/civil_time.h"
#include "common/ean13.h"
#include "demo/contact.h"
#include "demo/member_names.h"
#include "demo/random.h"
#include "demo/stores.h"

namespace imagross::demo {
namespace {

// The loyalty programme started about ten years before the period.
constexpr int32_t kProgrammeYearsBeforePeriod = 10;
constexpr int32_t kDaysPerYear = 365;

struct AgeBand {
  int32_t youngest;
  int32_t oldest;
  uint32_t weight;
};

// Age at the end of the period.
constexpr std::array<AgeBand, 7> kAgeBands = {{
    {18, 29, 12},
    {30, 39, 17},
    {40, 49, 21},
    {50, 59, 21},
    {60, 69, 16},
    {70, 79, 10},
    {80, 92, 3},
}};

std::string_view pick_name(Random& random, std::span<const WeightedName> names) {
  std::vector<uint32_t> weights;
  weights.reserve(names.size());
  for (const WeightedName& entry : names) {
    weights.push_back(entry.weight);
  }
  return names[random.pick(weights)].name;
}

// Card numbers (index * multiplier + offset) mod 10^8 are distinct for distinct indexes, because
// a multiplier prime to 10 is invertible modulo 10^8; they look random but never repeat.
class CardNumbers {
 public:
  explicit CardNumbers(Random& random) {
    multiplier_ = static_cast<uint64_t>(random.between(10'000'000, 99'999'999)) | 1U;
    if (multiplier_ % 5 == 0) {
      multiplier_ += 2;
    }
    offset_ = random.below(kModulus);
  }

  std::string for_index(uint64_t index) const {
    const uint64_t serial = (index * multiplier_ + offset_) % kModulus;
    std::string text = std::to_string(serial);
    return complete_ean13(std::string(kCardPrefix) + std::string(8 - text.size(), '0') + text);
  }

 private:
  static constexpr uint64_t kModulus = 100'000'000;
  uint64_t multiplier_ = 1;
  uint64_t offset_ = 0;
};

int32_t draw_birth_day(Random& random, int32_t last_day) {
  std::array<uint32_t, kAgeBands.size()> weights{};
  for (size_t index = 0; index < kAgeBands.size(); ++index) {
    weights[index] = kAgeBands[index].weight;
  }
  const AgeBand& band = kAgeBands[random.pick(weights)];
  const int64_t age = random.between(band.youngest, band.oldest);
  // age * 365 + age / 4 + 1 days are at least `age` whole years, whatever the leap days.
  const int64_t days = age * kDaysPerYear + age / 4 + 1 + random.between(0, 363);
  return last_day - static_cast<int32_t>(days);
}

// No member joins before the programme started, the home store opened or the member turned 18.
// Of those who could have joined before the period, 64% did: about 55% of all members.
int32_t draw_signup_day(Random& random, int32_t earliest, int32_t first_day, int32_t last_day) {
  const int32_t programme_start = first_day - kProgrammeYearsBeforePeriod * kDaysPerYear;
  earliest = std::max(earliest, programme_start);
  if (earliest < first_day && random.chance(640)) {
    return static_cast<int32_t>(random.between(earliest, first_day - 1));
  }
  return static_cast<int32_t>(random.between(std::max(earliest, first_day), last_day));
}

void draw_behaviour(Random& random, Member& member) {
  const uint64_t loyalty = random.below(100);
  if (loyalty < 25) {
    member.visit_weight = static_cast<uint32_t>(random.between(12, 30));
  } else if (loyalty < 70) {
    member.visit_weight = static_cast<uint32_t>(random.between(4, 10));
  } else {
    member.visit_weight = static_cast<uint32_t>(random.between(1, 3));
  }
  constexpr std::array<uint32_t, kHouseholdCount> kHouseholdWeights = {20, 22, 28, 15, 10, 5};
  member.household = static_cast<Household>(random.pick(kHouseholdWeights));
  constexpr std::array<uint32_t, 3> kHabitWeights = {30, 45, 25};
  member.habit = static_cast<ShoppingHabit>(random.pick(kHabitWeights));
}

Member draw_member(Random& random, std::span<const uint32_t> store_weights, int32_t first_day,
                   int32_t last_day, std::set<std::string>& emails) {
  const auto stores = store_specs();
  Member member;
  const bool female = random.chance(540);
  member.first_name = pick_name(random, female ? female_first_names() : male_first_names());
  member.last_name = pick_name(random, last_names());
  member.birth_day = draw_birth_day(random, last_day);
  member.home_store = static_cast<int>(random.pick(store_weights));
  const StoreSpec& home = stores[static_cast<size_t>(member.home_store)];

  const int32_t adult_day = add_months(member.birth_day, 18 * 12);
  const int32_t earliest = std::max(adult_day, store_opening_day(home, first_day));
  member.signup_day = draw_signup_day(random, earliest, first_day, last_day);
  member.last_active_day = last_day;
  if (random.chance(150)) {
    member.last_active_day =
        static_cast<int32_t>(random.between(std::min(member.signup_day + 30, last_day), last_day));
  }

  const int birth_year = civil_from_days(member.birth_day).year;
  member.email = email_address(random, member.first_name, member.last_name, birth_year, emails);
  member.phone = phone_number(random, home.area_code);
  member.marketing_consent = random.chance(620);
  member.profiling_consent = random.chance(member.marketing_consent ? 700 : 150);
  draw_behaviour(random, member);
  return member;
}

}  // namespace

std::vector<Member> generate_members(uint64_t seed, int count, int32_t first_day,
                                     int32_t last_day) {
  assert(count >= 0);
  assert(first_day <= last_day);
  Random random(seed);
  const CardNumbers cards(random);
  std::set<std::string> emails;
  std::vector<uint32_t> store_weights;
  for (const StoreSpec& store : store_specs()) {
    store_weights.push_back(store.sales_area_m2);
  }

  std::vector<Member> members;
  members.reserve(static_cast<size_t>(count));
  for (int index = 0; index < count; ++index) {
    Member member = draw_member(random, store_weights, first_day, last_day, emails);
    member.card_number = cards.for_index(static_cast<uint64_t>(index));
    members.push_back(std::move(member));
  }
  std::sort(members.begin(), members.end(), [](const Member& left, const Member& right) {
    if (left.signup_day != right.signup_day) {
      return left.signup_day < right.signup_day;
    }
    return left.card_number < right.card_number;
  });
  return members;
}

}  // namespace imagross::demo
