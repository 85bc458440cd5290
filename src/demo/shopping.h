#pragma once

// How the demo customers shop: which departments they favour, how many lines a receipt has and
// what quantity each line carries. Card-less shoppers have a profile of their own.

#include <cstdint>
#include <optional>

#include "demo/calendar.h"
#include "demo/catalog.h"
#include "demo/members.h"
#include "demo/random.h"

namespace imagross::demo {

// Draws departments for receipt lines: the department's share of lines, its season and the
// household's preferences, combined.
class DepartmentChooser {
 public:
  DepartmentChooser();

  // `household` is empty for a receipt without a card; month is 1-12.
  int pick(Random& random, std::optional<Household> household, int month) const;

 private:
  // One table per (profile, month); profile kHouseholdCount is the card-less shopper.
  std::vector<WeightedIndex> tables_;
};

// Number of lines of a purchase receipt: a quick top-up (2.2 lines on average), a regular shop
// (8) or a big weekly shop (20), each a smooth right-skewed distribution, at most 60 lines. The
// habit sets the mix of the three; on Saturdays it shifts towards the big shop. `habit` is empty
// for a receipt without a card.
int64_t draw_basket_size(Random& random, std::optional<ShoppingHabit> habit, DayKind day);

// Quantity of one line in thousandths: pieces (mostly 1, sometimes 2-6) or, for goods sold by
// weight, grams within the department's range, skewed towards the light end.
int64_t draw_quantity(Random& random, const Product& product);

}  // namespace imagross::demo
