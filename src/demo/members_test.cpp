#include "demo/members.h"

#include <set>

#include <gtest/gtest.h>

#include "common/civil_time.h"
#include "common/ean13.h"
#include "demo/stores.h"

namespace imagross::demo {
namespace {

const int32_t kFirstDay = days_from_civil({2024, 12, 1});
const int32_t kLastDay = days_from_civil({2026, 11, 30});

const std::vector<Member>& shared_members() {
  static const std::vector<Member> members =
      generate_members(17, kDemoMemberCount, kFirstDay, kLastDay);
  return members;
}

TEST(Members, CardNumbersUniqueAndValid) {
  const auto& members = shared_members();
  ASSERT_EQ(members.size(), static_cast<size_t>(kDemoMemberCount));
  std::set<std::string> cards;
  for (const Member& member : members) {
    ASSERT_TRUE(is_valid_ean13(member.card_number)) << member.card_number;
    ASSERT_TRUE(member.card_number.starts_with(kCardPrefix)) << member.card_number;
    cards.insert(member.card_number);
  }
  EXPECT_EQ(cards.size(), members.size());
}

TEST(Members, SortedBySignupDay) {
  const auto& members = shared_members();
  for (size_t index = 1; index < members.size(); ++index) {
    ASSERT_LE(members[index - 1].signup_day, members[index].signup_day);
  }
}

TEST(Members, SignupAfterAdulthoodAndStoreOpening) {
  const auto stores = store_specs();
  int before_period = 0;
  for (const Member& member : shared_members()) {
    ASSERT_GE(member.signup_day, add_months(member.birth_day, 18 * 12)) << member.card_number;
    const StoreSpec& home = stores[static_cast<size_t>(member.home_store)];
    ASSERT_GE(member.signup_day, store_opening_day(home, kFirstDay)) << member.card_number;
    ASSERT_LE(member.signup_day, kLastDay);
    ASSERT_GE(member.last_active_day, member.signup_day);
    ASSERT_LE(member.last_active_day, kLastDay);
    before_period += member.signup_day < kFirstDay ? 1 : 0;
  }
  EXPECT_NEAR(before_period, kDemoMemberCount * 55 / 100, kDemoMemberCount * 3 / 100);
}

TEST(Members, NamesIncludeAccentsAndApostrophes) {
  int accented = 0;
  int apostrophes = 0;
  for (const Member& member : shared_members()) {
    ASSERT_FALSE(member.first_name.empty());
    ASSERT_FALSE(member.last_name.empty());
    const std::string full = member.first_name + " " + member.last_name;
    accented += full.find("ò") != std::string::npos || full.find("ù") != std::string::npos ? 1 : 0;
    apostrophes += full.find('\'') != std::string::npos ? 1 : 0;
  }
  EXPECT_GT(accented, 100);
  EXPECT_GT(apostrophes, 500);
}

TEST(Members, EmailsUnique) {
  std::set<std::string> emails;
  for (const Member& member : shared_members()) {
    ASSERT_NE(member.email.find('@'), std::string::npos) << member.email;
    emails.insert(member.email);
  }
  EXPECT_EQ(emails.size(), shared_members().size());
}

TEST(Members, LoyalAndOccasionalShoppers) {
  int loyal = 0;
  int occasional = 0;
  for (const Member& member : shared_members()) {
    loyal += member.visit_weight >= 12 ? 1 : 0;
    occasional += member.visit_weight <= 3 ? 1 : 0;
  }
  EXPECT_NEAR(loyal, kDemoMemberCount / 4, kDemoMemberCount / 50);
  EXPECT_NEAR(occasional, kDemoMemberCount * 3 / 10, kDemoMemberCount / 50);
}

TEST(Members, SameSeedSameMembers) {
  const auto again = generate_members(17, 500, kFirstDay, kLastDay);
  const auto same = generate_members(17, 500, kFirstDay, kLastDay);
  const auto other = generate_members(18, 500, kFirstDay, kLastDay);
  ASSERT_EQ(again.size(), same.size());
  for (size_t index = 0; index < again.size(); ++index) {
    EXPECT_EQ(again[index].card_number, same[index].card_number);
    EXPECT_EQ(again[index].email, same[index].email);
  }
  EXPECT_NE(again[0].card_number, other[0].card_number);
}

}  // namespace
}  // namespace imagross::demo
