#pragma once

// The demo chain's loyalty card holders: who they are (written to members.csv) and how they shop
// (used only to generate their receipts).

#include <cstdint>
#include <string>
#include <vector>

namespace imagross::demo {

inline constexpr int kDemoMemberCount = 25'000;

// The card number prefix. The "2" puts the cards in GS1's range 200-299, which is reserved for
// numbers a company assigns for use inside its own business, so a card never equals a product
// barcode. "991" marks the ImaGross loyalty programme. Eight serial digits and the check digit
// follow.
inline constexpr std::string_view kCardPrefix = "2991";

// The make-up of the member's household, which sets the departments the member favours.
enum class Household : uint8_t { single, couple, family, senior, pet_owner, gourmet };
inline constexpr int kHouseholdCount = 6;

// The member's shopping rhythm over visits, which sets the basket sizes.
enum class ShoppingHabit : uint8_t { daily, mixed, weekly };

struct Member {
  std::string card_number;  // EAN-13 starting with kCardPrefix
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;
  int32_t birth_day = 0;   // day numbers (days since 1970-01-01)
  int32_t signup_day = 0;  // never before the home store opened or the 18th birthday
  // The member's last possible visit: the period's last day, or earlier for the 15% who stop
  // shopping at the chain.
  int32_t last_active_day = 0;
  int home_store = 0;  // index into store_specs()
  bool marketing_consent = false;
  bool profiling_consent = false;
  // Relative number of visits: loyal members (25%) 12-30, regular ones (45%) 4-10, occasional
  // ones (30%) 1-3.
  uint32_t visit_weight = 1;
  Household household = Household::single;
  ShoppingHabit habit = ShoppingHabit::mixed;
};

// Generates `count` members for a period [first_day, last_day], sorted by signup day (then card
// number). About 55% signed up before the period, the others during it. The same seed and
// period give the same members.
std::vector<Member> generate_members(uint64_t seed, int count, int32_t first_day, int32_t last_day);

}  // namespace imagross::demo
