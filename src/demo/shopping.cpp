#include "demo/shopping.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "common/decimal.h"

namespace imagross::demo {
namespace {

using DepartmentPercents = std::array<uint64_t, kDepartmentCount>;

// Preference of each profile for each department, in percent, in the canonical department order:
// Ortofrutta, Macelleria, Pescheria, Salumeria e Formaggi, Panetteria, Latticini, Surgelati,
// Bevande, Drogheria, Dolciumi, Casa e Igiene, Cura Persona, Animali, Enoteca, Gastronomia.
constexpr std::array<DepartmentPercents, kHouseholdCount + 1> kPreferences = {{
    {90, 80, 70, 100, 90, 90, 150, 110, 90, 90, 80, 100, 40, 100, 180},        // single
    {100, 100, 110, 110, 100, 100, 90, 100, 100, 90, 100, 100, 60, 150, 110},  // couple
    {100, 110, 90, 100, 100, 130, 120, 110, 110, 150, 130, 120, 60, 60, 80},   // family
    {130, 110, 150, 110, 140, 110, 60, 80, 100, 90, 90, 90, 60, 100, 100},     // senior
    {100, 100, 90, 100, 100, 100, 100, 100, 100, 100, 110, 100, 600, 90, 90},  // pet owner
    {110, 120, 160, 160, 110, 100, 60, 90, 90, 90, 80, 90, 50, 250, 130},      // gourmet
    {90, 80, 70, 90, 140, 90, 90, 150, 90, 120, 90, 90, 80, 110, 150},         // no card
}};

// Per mille of top-up, regular and big shops.
using TripMix = std::array<uint32_t, 3>;
constexpr TripMix kCardlessTrips = {600, 320, 80};
constexpr std::array<TripMix, 3> kHabitTrips = {{
    {600, 350, 50},   // daily
    {400, 420, 180},  // mixed
    {220, 380, 400},  // weekly
}};

constexpr int64_t kMaxBasketLines = 60;

// Geometric: the number of successes before the first failure, each with probability
// per_mille / 1000; the mean is p / (1 - p).
int64_t geometric(Random& random, int per_mille) {
  int64_t count = 0;
  while (count < kMaxBasketLines && random.chance(per_mille)) {
    ++count;
  }
  return count;
}

// A value in [low, high] skewed towards `low`: the square of a uniform draw.
int64_t skewed_between(Random& random, int64_t low, int64_t high) {
  const int64_t unit = random.between(0, 1000);
  return low + (high - low) * unit * unit / 1'000'000;
}

}  // namespace

DepartmentChooser::DepartmentChooser() {
  const auto specs = department_specs();
  tables_.reserve((kHouseholdCount + 1) * 12);
  for (const DepartmentPercents& preference : kPreferences) {
    for (size_t month = 0; month < 12; ++month) {
      std::vector<uint64_t> weights;
      for (size_t department = 0; department < kDepartmentCount; ++department) {
        const DepartmentSpec& spec = specs[department];
        weights.push_back(spec.line_share_per_mille * spec.season[month] * preference[department]);
      }
      tables_.emplace_back(weights);
    }
  }
}

int DepartmentChooser::pick(Random& random, std::optional<Household> household, int month) const {
  assert(month >= 1);
  assert(month <= 12);
  const size_t profile = household ? static_cast<size_t>(*household) : kHouseholdCount;
  return static_cast<int>(tables_[profile * 12 + static_cast<size_t>(month - 1)].pick(random));
}

int64_t draw_basket_size(Random& random, std::optional<ShoppingHabit> habit, DayKind day) {
  TripMix mix = habit ? kHabitTrips[static_cast<size_t>(*habit)] : kCardlessTrips;
  if (day == DayKind::saturday) {
    mix[0] -= 100;
    mix[2] += 100;
  }
  int64_t lines = 0;
  switch (random.pick(mix)) {
    case 0:  // mean 2.2
      lines = 1 + geometric(random, 550);
      break;
    case 1:  // mean 8
      lines = 2 + geometric(random, 750) + geometric(random, 750);
      break;
    default:  // mean 20
      lines = 6 + geometric(random, 875) + geometric(random, 875);
      break;
  }
  return std::min(lines, kMaxBasketLines);
}

int64_t draw_quantity(Random& random, const Product& product) {
  if (product.unit == Unit::kilogram) {
    const DepartmentSpec& spec = department_specs()[static_cast<size_t>(product.department)];
    return skewed_between(random, spec.min_grams, spec.max_grams);
  }
  constexpr std::array<uint32_t, 5> kPieceWeights = {680, 200, 60, 30, 30};
  constexpr std::array<int64_t, 5> kPieces = {1, 2, 3, 4, 6};
  return kPieces[random.pick(kPieceWeights)] * kMilliPerUnit;
}

}  // namespace imagross::demo
