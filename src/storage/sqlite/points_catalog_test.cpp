// The points catalogue on a real SQLite file: rule set versions, rewards, redemptions with their
// ledger entries, and tills' API keys. Balances are checked against the ledger through a
// separate plain connection, and concurrent redemptions run from many threads through two
// databases opened on the same file.

#include <gtest/gtest.h>

#include <latch>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/ean13.h"
#include "storage/sqlite/points_secrets.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using testing::RawDatabase;
using testing::TempDirectory;

constexpr std::string_view kToday = "2026-06-15";

// A chain card number: "2", `serial` on 11 digits and the check digit.
std::string card(int64_t serial) {
  const std::string digits = std::to_string(serial);
  return complete_ean13("2" + std::string(11 - digits.size(), '0') + digits);
}

Reward make_reward(std::string name, int64_t points_cost) {
  Reward reward;
  reward.name = std::move(name);
  reward.description = "Borsa termica da 20 litri con logo ImaGross";
  reward.image_url = "/images/rewards/borsa-termica.png";
  reward.category = "casa";
  reward.points_cost = points_cost;
  return reward;
}

RedemptionRequest request_for(int64_t member_id, int64_t reward_id) {
  RedemptionRequest request;
  request.member_id = member_id;
  request.reward_id = reward_id;
  request.today = std::string(kToday);
  return request;
}

class PointsCatalogTest : public ::testing::Test {
 protected:
  // A new active member with a card of its own.
  int64_t add_member(int64_t serial) {
    const std::vector<std::string> numbers{card(serial)};
    database.members().issue_cards(numbers);
    Member member;
    member.first_name = "Giulia";
    member.last_name = "Ferrari " + std::to_string(serial);
    member.signup_date = "2025-01-10";
    Result<Member> created = database.members().create_member(member, card(serial));
    if (!created) {
      ADD_FAILURE() << created.error().code << ": " << created.error().message;
      return 0;
    }
    return created->id;
  }

  // Credits `amount` points to the member through an admin adjustment.
  void fund(int64_t member_id, int64_t amount, std::string_view expires_on = {}) {
    Result<LedgerEntry> entry =
        points.adjust(member_id, amount, "saldo di prova", expires_on, std::nullopt);
    ASSERT_TRUE(entry) << entry.error().code << ": " << entry.error().message;
  }

  int64_t create_reward(const Reward& reward) {
    Result<Reward> created = points.create_reward(reward);
    if (!created) {
      ADD_FAILURE() << created.error().code << ": " << created.error().message;
      return 0;
    }
    return created->id;
  }

  // The member's balance as SQLite sums the ledger, apart from the code under test.
  int64_t ledger_sum(int64_t member_id) {
    return raw.integer("SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = " +
                       std::to_string(member_id));
  }

  int64_t stock_of(int64_t reward_id) {
    return raw.integer("SELECT stock FROM rewards WHERE id = " + std::to_string(reward_id));
  }

  int64_t count(const std::string& table) { return raw.integer("SELECT count(*) FROM " + table); }

  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database{path};
  PointsStore& points = database.points();
  RawDatabase raw{path};
};

// --- Rule sets ------------------------------------------------------------------------------

TEST_F(PointsCatalogTest, RuleSetVersionsCountFromOne) {
  EXPECT_EQ(points.create_rule_set("Raccolta 2026", R"({"points_per_euro": 1})", std::nullopt), 1);
  EXPECT_EQ(points.create_rule_set("Raccolta 2026 bis", R"({"points_per_euro": 2})", std::nullopt),
            2);

  std::vector<RuleSetVersion> listed = points.list_rule_sets();
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0].version, 2);
  EXPECT_EQ(listed[1].version, 1);

  std::optional<RuleSetVersion> first = points.find_rule_set(1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->name, "Raccolta 2026");
  EXPECT_EQ(first->document, R"({"points_per_euro": 1})");
  EXPECT_EQ(first->status, RuleSetStatus::draft);
  EXPECT_EQ(first->effective_from, "");
  EXPECT_EQ(first->activated_at, "");
  EXPECT_FALSE(first->created_at.empty());
  EXPECT_FALSE(points.find_rule_set(3));
  EXPECT_TRUE(points.active_rule_sets().empty());
}

TEST_F(PointsCatalogTest, CreateRuleSetRejectsBadInput) {
  EXPECT_THROW(points.create_rule_set("Raccolta", "{not json", std::nullopt),
               std::invalid_argument);
  EXPECT_THROW(points.create_rule_set("  ", "{}", std::nullopt), std::invalid_argument);
  EXPECT_EQ(count("points_rule_sets"), 0);
}

TEST_F(PointsCatalogTest, ActivationKeepsEarlierVersionsActive) {
  for (int i = 0; i < 4; ++i) {
    points.create_rule_set("Versione " + std::to_string(i + 1), "{}", std::nullopt);
  }
  Result<RuleSetVersion> first = points.activate_rule_set(1, "2026-01-01T00:00:00Z", std::nullopt);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->status, RuleSetStatus::active);
  EXPECT_EQ(first->effective_from, "2026-01-01T00:00:00Z");
  EXPECT_FALSE(first->activated_at.empty());

  ASSERT_TRUE(points.activate_rule_set(2, "2026-03-01T00:00:00Z", std::nullopt));
  // The same effective time as the latest is rejected, so no two versions share a time.
  Result<RuleSetVersion> same = points.activate_rule_set(3, "2026-03-01T00:00:00Z", std::nullopt);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, "effective_from_too_early");
  ASSERT_TRUE(points.activate_rule_set(3, "2026-03-01T00:00:01Z", std::nullopt));

  std::vector<RuleSetVersion> active = points.active_rule_sets();
  ASSERT_EQ(active.size(), 3U);
  EXPECT_EQ(active[0].version, 1);
  EXPECT_EQ(active[1].version, 2);
  EXPECT_EQ(active[2].version, 3);
  EXPECT_EQ(points.find_rule_set(4)->status, RuleSetStatus::draft);
}

TEST_F(PointsCatalogTest, ActivationErrors) {
  points.create_rule_set("Versione 1", "{}", std::nullopt);
  points.create_rule_set("Versione 2", "{}", std::nullopt);
  ASSERT_TRUE(points.activate_rule_set(1, "2026-02-01T08:00:00Z", std::nullopt));

  Result<RuleSetVersion> missing = points.activate_rule_set(9, "2026-03-01T00:00:00Z", {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "rule_set_not_found");

  Result<RuleSetVersion> again = points.activate_rule_set(1, "2026-03-01T00:00:00Z", {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "rule_set_not_draft");

  Result<RuleSetVersion> early = points.activate_rule_set(2, "2026-02-01T07:59:59Z", {});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, "effective_from_too_early");
  EXPECT_NE(early.error().message.find("2026-02-01T08:00:00Z"), std::string::npos)
      << early.error().message;

  for (const char* bad :
       {"2026-03-01", "2026-03-01T00:00:00+01:00", "2026-02-30T00:00:00Z", "2026-03-01T24:00:00Z",
        "2026-03-01 00:00:00Z", "3000-01-01T00:00:00Z", "1999-12-31T23:59:59Z"}) {
    Result<RuleSetVersion> invalid = points.activate_rule_set(2, bad, {});
    ASSERT_FALSE(invalid) << bad;
    EXPECT_EQ(invalid.error().code, "invalid_effective_from") << bad;
  }

  // A refused activation leaves the draft as it was.
  EXPECT_EQ(points.find_rule_set(2)->status, RuleSetStatus::draft);
  EXPECT_EQ(points.active_rule_sets().size(), 1U);
}

TEST_F(PointsCatalogTest, ActivationWithoutTimeStartsNow) {
  points.create_rule_set("Versione 1", "{}", std::nullopt);
  Result<RuleSetVersion> activated = points.activate_rule_set(1, "", std::nullopt);
  ASSERT_TRUE(activated) << activated.error().message;
  EXPECT_EQ(activated->effective_from, activated->activated_at);
  EXPECT_EQ(activated->effective_from.size(), 20U);
}

// --- Rewards --------------------------------------------------------------------------------

TEST_F(PointsCatalogTest, RewardValidationNamesField) {
  struct Case {
    const char* field;
    void (*change)(Reward&);
  };
  const Case cases[] = {
      {"name", [](Reward& r) { r.name = " \t "; }},
      {"name", [](Reward& r) { r.name = std::string(121, 'a'); }},
      {"description", [](Reward& r) { r.description = std::string(2001, 'd'); }},
      {"category", [](Reward& r) { r.category = std::string(81, 'c'); }},
      {"image_url", [](Reward& r) { r.image_url = "http://example.com/a.png"; }},
      {"image_url", [](Reward& r) { r.image_url = "//example.com/a.png"; }},
      {"image_url", [](Reward& r) { r.image_url = "https://example.com/a b.png"; }},
      {"image_url", [](Reward& r) { r.image_url = "javascript:alert(1)"; }},
      {"points_cost", [](Reward& r) { r.points_cost = 0; }},
      {"points_cost", [](Reward& r) { r.points_cost = -5; }},
      {"copay", [](Reward& r) { r.copay = -1; }},
      {"stock", [](Reward& r) { r.stock = -1; }},
      {"per_member_limit", [](Reward& r) { r.per_member_limit = 0; }},
      {"valid_from", [](Reward& r) { r.valid_from = "2026-02-30"; }},
      {"valid_to", [](Reward& r) { r.valid_to = "31/12/2026"; }},
      {"valid_from",
       [](Reward& r) {
         r.valid_from = "2026-07-01";
         r.valid_to = "2026-06-30";
       }},
  };
  for (const Case& test : cases) {
    Reward reward = make_reward("Borsa termica", 300);
    test.change(reward);
    Result<Reward> created = points.create_reward(reward);
    ASSERT_FALSE(created) << test.field;
    EXPECT_EQ(created.error().code, "invalid_reward") << test.field;
    EXPECT_TRUE(created.error().message.starts_with(test.field))
        << test.field << ": " << created.error().message;
  }
  EXPECT_EQ(count("rewards"), 0);
}

TEST_F(PointsCatalogTest, RewardAcceptsBoundaryValues) {
  Reward reward = make_reward("", 1);
  // 120 characters of two bytes each: the limit counts characters, not bytes.
  for (int i = 0; i < 120; ++i) {
    reward.name += "è";
  }
  reward.image_url = "https://cdn.imagross.example/premi/tazza.png";
  reward.copay = 0;
  reward.stock = 0;
  reward.per_member_limit = 1;
  reward.valid_from = "2026-06-15";
  reward.valid_to = "2026-06-15";
  Result<Reward> created = points.create_reward(reward);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->name, reward.name);
  EXPECT_EQ(created->stock, 0);
  EXPECT_EQ(created->per_member_limit, 1);
  EXPECT_EQ(created->valid_to, "2026-06-15");
}

TEST_F(PointsCatalogTest, RewardRoundTripsAndUpdateKeepsCreatedAt) {
  Reward reward = make_reward("  Tazza da colazione  ", 250);
  reward.copay = 1'500;
  reward.stock = 40;
  reward.per_member_limit = 2;
  reward.valid_from = "2026-01-01";
  reward.valid_to = "2026-12-31";
  Result<Reward> created = points.create_reward(reward);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->name, "Tazza da colazione");
  EXPECT_EQ(created->copay, 1'500);
  EXPECT_EQ(created->stock, 40);
  EXPECT_EQ(created->per_member_limit, 2);
  EXPECT_TRUE(created->active);

  raw.execute(
      "UPDATE rewards SET created_at = '2020-01-01T00:00:00Z', "
      "updated_at = '2020-01-01T00:00:00Z'");
  Reward changed = *created;
  changed.points_cost = 300;
  changed.stock.reset();
  changed.per_member_limit.reset();
  changed.image_url = "";
  changed.valid_from = "";
  changed.active = false;
  Result<Reward> updated = points.update_reward(changed);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->points_cost, 300);
  EXPECT_FALSE(updated->stock);
  EXPECT_FALSE(updated->per_member_limit);
  EXPECT_EQ(updated->image_url, "");
  EXPECT_EQ(updated->valid_from, "");
  EXPECT_EQ(updated->valid_to, "2026-12-31");
  EXPECT_FALSE(updated->active);
  EXPECT_EQ(updated->created_at, "2020-01-01T00:00:00Z");
  EXPECT_NE(updated->updated_at, "2020-01-01T00:00:00Z");
  EXPECT_EQ(raw.integer("SELECT count(*) FROM rewards WHERE image_url IS NULL"), 1);

  changed.id = 999;
  Result<Reward> missing = points.update_reward(changed);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "reward_not_found");
}

TEST_F(PointsCatalogTest, ListRewardsFiltersActive) {
  const int64_t mug = create_reward(make_reward("Tazza", 100));
  Reward retired = make_reward("Ombrello", 200);
  retired.active = false;
  const int64_t umbrella = create_reward(retired);

  std::vector<Reward> all = points.list_rewards(false);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].id, mug);
  EXPECT_EQ(all[1].id, umbrella);
  std::vector<Reward> active = points.list_rewards(true);
  ASSERT_EQ(active.size(), 1U);
  EXPECT_EQ(active[0].id, mug);
  EXPECT_EQ(points.find_reward(umbrella)->name, "Ombrello");
  EXPECT_FALSE(points.find_reward(999));
}

// --- Redemptions ----------------------------------------------------------------------------

TEST_F(PointsCatalogTest, RedeemWritesDebitVoucherAndStock) {
  const int64_t member = add_member(1);
  fund(member, 500, "2027-01-31");
  Reward reward = make_reward("Borsa termica", 200);
  reward.copay = 2'500;
  reward.stock = 3;
  const int64_t reward_id = create_reward(reward);

  Result<Redemption> redeemed = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(redeemed) << redeemed.error().message;
  EXPECT_EQ(redeemed->member_id, member);
  EXPECT_EQ(redeemed->reward_id, reward_id);
  EXPECT_EQ(redeemed->reward_name, "Borsa termica");
  EXPECT_EQ(redeemed->points, 200);
  EXPECT_EQ(redeemed->copay, 2'500);
  EXPECT_EQ(redeemed->status, RedemptionStatus::issued);
  EXPECT_EQ(redeemed->channel, "app");
  EXPECT_EQ(redeemed->closed_at, "");
  EXPECT_EQ(redeemed->voucher_code.size(), 13U);
  EXPECT_TRUE(redeemed->voucher_code.starts_with("99"));
  EXPECT_TRUE(is_valid_ean13(redeemed->voucher_code));

  EXPECT_EQ(ledger_sum(member), 300);
  EXPECT_EQ(stock_of(reward_id), 2);
  const std::string id = std::to_string(redeemed->id);
  auto debit = raw.rows(
      "SELECT kind, points, source_type, source_ref, expires_on FROM points_ledger "
      "WHERE id = (SELECT debit_id FROM redemptions WHERE id = " +
      id + ")");
  ASSERT_EQ(debit.size(), 1U);
  EXPECT_EQ(debit[0], (std::vector<std::string>{"redemption", "-200", "reward", id, "NULL"}));

  RedemptionRequest desk = request_for(member, reward_id);
  desk.channel = "desk";
  Result<Redemption> at_desk = points.redeem(desk);
  ASSERT_TRUE(at_desk) << at_desk.error().message;
  EXPECT_EQ(at_desk->channel, "desk");
  EXPECT_NE(at_desk->voucher_code, redeemed->voucher_code);
  EXPECT_EQ(ledger_sum(member), 100);
  EXPECT_EQ(points.member_points(member).balance, 100);
  EXPECT_TRUE(points.balance_mismatches().empty());
}

TEST_F(PointsCatalogTest, RedeemErrorsWriteNothing) {
  const int64_t member = add_member(1);
  fund(member, 1'000);
  const int64_t suspended = add_member(2);
  fund(suspended, 1'000);
  Member suspended_member = *database.members().find_member(suspended);
  suspended_member.status = MemberStatus::suspended;
  ASSERT_TRUE(database.members().update_member(suspended_member));

  const int64_t open_reward = create_reward(make_reward("Tazza", 100));
  Reward inactive = make_reward("Ombrello", 100);
  inactive.active = false;
  const int64_t inactive_reward = create_reward(inactive);
  Reward future = make_reward("Panettone", 100);
  future.valid_from = "2026-06-16";
  const int64_t future_reward = create_reward(future);
  Reward past = make_reward("Colomba", 100);
  past.valid_to = "2026-06-14";
  const int64_t past_reward = create_reward(past);
  Reward sold_out = make_reward("Padella", 100);
  sold_out.stock = 0;
  const int64_t sold_out_reward = create_reward(sold_out);
  const int64_t expensive_reward = create_reward(make_reward("Robot da cucina", 1'001));

  struct Case {
    int64_t member_id;
    int64_t reward_id;
    const char* code;
  };
  const Case cases[] = {
      {999, open_reward, "member_not_found"},
      {suspended, open_reward, "member_not_active"},
      {member, 999, "reward_not_found"},
      {member, inactive_reward, "reward_inactive"},
      {member, future_reward, "reward_not_valid_today"},
      {member, past_reward, "reward_not_valid_today"},
      {member, sold_out_reward, "out_of_stock"},
      {member, expensive_reward, "insufficient_points"},
  };
  const int64_t entries = count("points_ledger");
  for (const Case& test : cases) {
    Result<Redemption> refused = points.redeem(request_for(test.member_id, test.reward_id));
    ASSERT_FALSE(refused) << test.code;
    EXPECT_EQ(refused.error().code, test.code) << refused.error().message;
    EXPECT_FALSE(refused.error().message.empty()) << test.code;
  }
  EXPECT_EQ(count("points_ledger"), entries);
  EXPECT_EQ(count("redemptions"), 0);
  EXPECT_EQ(ledger_sum(member), 1'000);
  EXPECT_EQ(stock_of(sold_out_reward), 0);

  // The validity dates are inclusive.
  RedemptionRequest first_day = request_for(member, future_reward);
  first_day.today = "2026-06-16";
  EXPECT_TRUE(points.redeem(first_day));
  RedemptionRequest last_day = request_for(member, past_reward);
  last_day.today = "2026-06-14";
  EXPECT_TRUE(points.redeem(last_day));
}

TEST_F(PointsCatalogTest, RedeemRejectsBadRequest) {
  const int64_t member = add_member(1);
  const int64_t reward_id = create_reward(make_reward("Tazza", 100));
  RedemptionRequest no_date = request_for(member, reward_id);
  no_date.today = "";
  EXPECT_THROW((void)points.redeem(no_date), std::invalid_argument);
  RedemptionRequest bad_channel = request_for(member, reward_id);
  bad_channel.channel = "web";
  EXPECT_THROW((void)points.redeem(bad_channel), std::invalid_argument);
}

TEST_F(PointsCatalogTest, BalanceCoversCostExactly) {
  const int64_t member = add_member(1);
  fund(member, 300);
  const int64_t reward_id = create_reward(make_reward("Tazza", 150));
  EXPECT_TRUE(points.redeem(request_for(member, reward_id)));
  EXPECT_TRUE(points.redeem(request_for(member, reward_id)));
  Result<Redemption> third = points.redeem(request_for(member, reward_id));
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, "insufficient_points");
  EXPECT_EQ(ledger_sum(member), 0);
}

TEST_F(PointsCatalogTest, PerMemberLimitIgnoresCancelled) {
  const int64_t member = add_member(1);
  const int64_t other = add_member(2);
  fund(member, 10'000);
  fund(other, 10'000);
  Reward reward = make_reward("Tazza", 100);
  reward.per_member_limit = 2;
  const int64_t reward_id = create_reward(reward);

  Result<Redemption> first = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(first);
  Result<Redemption> second = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(second);
  ASSERT_TRUE(points.use_redemption(second->id, std::nullopt));
  Result<Redemption> third = points.redeem(request_for(member, reward_id));
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, "member_limit_reached");
  // The limit is per member: another member may still redeem.
  EXPECT_TRUE(points.redeem(request_for(other, reward_id)));

  ASSERT_TRUE(points.cancel_redemption(first->id, std::nullopt));
  EXPECT_TRUE(points.redeem(request_for(member, reward_id)));
  Result<Redemption> fourth = points.redeem(request_for(member, reward_id));
  ASSERT_FALSE(fourth);
  EXPECT_EQ(fourth.error().code, "member_limit_reached");
}

TEST_F(PointsCatalogTest, StockRunsOutAndCancelRestoresIt) {
  const int64_t member = add_member(1);
  fund(member, 10'000);
  Reward reward = make_reward("Padella", 100);
  reward.stock = 2;
  const int64_t reward_id = create_reward(reward);

  Result<Redemption> first = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(first);
  ASSERT_TRUE(points.redeem(request_for(member, reward_id)));
  EXPECT_EQ(stock_of(reward_id), 0);
  Result<Redemption> none_left = points.redeem(request_for(member, reward_id));
  ASSERT_FALSE(none_left);
  EXPECT_EQ(none_left.error().code, "out_of_stock");

  ASSERT_TRUE(points.cancel_redemption(first->id, std::nullopt));
  EXPECT_EQ(stock_of(reward_id), 1);
  EXPECT_TRUE(points.redeem(request_for(member, reward_id)));
  EXPECT_EQ(stock_of(reward_id), 0);
}

TEST_F(PointsCatalogTest, CancelRefundsWithLatestSpentExpiry) {
  const int64_t member = add_member(1);
  fund(member, 100, "2027-01-31");
  fund(member, 100, "2027-06-30");
  fund(member, 100, "2027-12-31");
  Reward reward = make_reward("Borsa termica", 150);
  reward.stock = 5;
  const int64_t reward_id = create_reward(reward);

  // The debit takes the January credit whole and half of the June one.
  Result<Redemption> redeemed = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(redeemed) << redeemed.error().message;
  EXPECT_EQ(ledger_sum(member), 150);

  Result<Redemption> cancelled = points.cancel_redemption(redeemed->id, std::nullopt);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_EQ(cancelled->status, RedemptionStatus::cancelled);
  EXPECT_FALSE(cancelled->closed_at.empty());
  EXPECT_EQ(ledger_sum(member), 300);
  EXPECT_EQ(stock_of(reward_id), 5);

  const std::string id = std::to_string(redeemed->id);
  auto refund = raw.rows(
      "SELECT kind, points, expires_on, source_type, source_ref FROM points_ledger "
      "WHERE id = (SELECT refund_id FROM redemptions WHERE id = " +
      id + ")");
  ASSERT_EQ(refund.size(), 1U);
  EXPECT_EQ(refund[0], (std::vector<std::string>{"refund", "150", "2027-06-30", "reward", id}));
  EXPECT_EQ(points.member_points(member).balance, 300);
  EXPECT_TRUE(points.balance_mismatches().empty());

  Result<Redemption> twice = points.cancel_redemption(redeemed->id, std::nullopt);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "redemption_not_issued");
  Result<Redemption> use_cancelled = points.use_redemption(redeemed->id, std::nullopt);
  ASSERT_FALSE(use_cancelled);
  EXPECT_EQ(use_cancelled.error().code, "redemption_not_issued");
  Result<Redemption> missing = points.cancel_redemption(999, std::nullopt);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "redemption_not_found");
  EXPECT_EQ(ledger_sum(member), 300);
}

TEST_F(PointsCatalogTest, CancelRefundNeverExpiresAfterNonExpiringCredit) {
  const int64_t member = add_member(1);
  fund(member, 100, "2027-01-31");
  fund(member, 100);
  const int64_t reward_id = create_reward(make_reward("Tazza", 150));
  Result<Redemption> redeemed = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(redeemed);
  ASSERT_TRUE(points.cancel_redemption(redeemed->id, std::nullopt));
  EXPECT_EQ(raw.rows("SELECT expires_on FROM points_ledger WHERE kind = 'refund'"),
            (std::vector<std::vector<std::string>>{{"NULL"}}));
}

TEST_F(PointsCatalogTest, UseClosesVoucherWithoutRefund) {
  const int64_t member = add_member(1);
  fund(member, 500);
  const int64_t reward_id = create_reward(make_reward("Tazza", 200));
  Result<Redemption> redeemed = points.redeem(request_for(member, reward_id));
  ASSERT_TRUE(redeemed);

  Result<Redemption> used = points.use_redemption(redeemed->id, std::nullopt);
  ASSERT_TRUE(used) << used.error().message;
  EXPECT_EQ(used->status, RedemptionStatus::used);
  EXPECT_FALSE(used->closed_at.empty());
  EXPECT_EQ(ledger_sum(member), 300);

  Result<Redemption> again = points.use_redemption(redeemed->id, std::nullopt);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "redemption_not_issued");
  Result<Redemption> cancel_used = points.cancel_redemption(redeemed->id, std::nullopt);
  ASSERT_FALSE(cancel_used);
  EXPECT_EQ(cancel_used.error().code, "redemption_not_issued");
  EXPECT_EQ(ledger_sum(member), 300);
  EXPECT_EQ(points.find_redemption(redeemed->id)->status, RedemptionStatus::used);
  EXPECT_FALSE(points.find_redemption(999));
}

TEST_F(PointsCatalogTest, ListRedemptionsFiltersAndPages) {
  const int64_t anna = add_member(1);
  const int64_t marco = add_member(2);
  fund(anna, 10'000);
  fund(marco, 10'000);
  const int64_t mug = create_reward(make_reward("Tazza", 100));
  const int64_t bag = create_reward(make_reward("Borsa", 100));
  std::vector<Redemption> made;
  for (auto [member, reward_id] :
       {std::pair{anna, mug}, std::pair{anna, bag}, std::pair{marco, mug}, std::pair{anna, mug}}) {
    Result<Redemption> redeemed = points.redeem(request_for(member, reward_id));
    ASSERT_TRUE(redeemed);
    made.push_back(*redeemed);
  }
  ASSERT_TRUE(points.cancel_redemption(made[1].id, std::nullopt));

  RedemptionQuery all;
  RedemptionPage page = points.list_redemptions(all);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.rows.size(), 4U);
  EXPECT_EQ(page.rows[0].id, made[3].id);  // newest first
  EXPECT_EQ(page.rows[3].id, made[0].id);

  RedemptionQuery of_anna;
  of_anna.member_id = anna;
  of_anna.limit = 2;
  of_anna.offset = 1;
  page = points.list_redemptions(of_anna);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.rows.size(), 2U);
  EXPECT_EQ(page.rows[0].id, made[1].id);
  EXPECT_EQ(page.rows[1].id, made[0].id);

  RedemptionQuery cancelled;
  cancelled.status = RedemptionStatus::cancelled;
  page = points.list_redemptions(cancelled);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows.at(0).reward_name, "Borsa");

  RedemptionQuery mugs_of_anna;
  mugs_of_anna.member_id = anna;
  mugs_of_anna.reward_id = mug;
  EXPECT_EQ(points.list_redemptions(mugs_of_anna).total, 2);

  RedemptionQuery by_voucher;
  by_voucher.voucher_code = made[2].voucher_code;
  page = points.list_redemptions(by_voucher);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows.at(0).member_id, marco);
}

// --- Voucher codes and tills' keys ----------------------------------------------------------

TEST(PointsSecretsTest, VoucherCodesAreCouponEan13) {
  std::set<std::string> codes;
  for (int i = 0; i < 1'000; ++i) {
    const std::string code = random_voucher_code();
    ASSERT_EQ(code.size(), 13U) << code;
    ASSERT_TRUE(code.starts_with("99")) << code;
    ASSERT_TRUE(is_valid_ean13(code)) << code;
    codes.insert(code);
  }
  // 1,000 draws from 10^10 codes clash with probability about 5e-5.
  EXPECT_GE(codes.size(), 999U);
}

TEST(PointsSecretsTest, KeyHashIsSha256Hex) {
  // The SHA-256 test vector of "abc" (FIPS 180-2, appendix B.1).
  EXPECT_EQ(pos_key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string key = random_pos_key();
  EXPECT_EQ(key.size(), 49U);
  EXPECT_TRUE(key.starts_with("igpos_"));
  EXPECT_EQ(
      key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 6),
      std::string::npos);
  EXPECT_NE(random_pos_key(), key);
}

TEST_F(PointsCatalogTest, PosKeysStoreOnlyHash) {
  auto [till, key] = points.create_pos_key("PV07", "Cassa 3");
  EXPECT_GT(till.id, 0);
  EXPECT_EQ(till.store_code, "PV07");
  EXPECT_EQ(till.label, "Cassa 3");
  EXPECT_EQ(till.prefix, key.substr(0, 10));
  EXPECT_EQ(till.revoked_at, "");
  auto stored = raw.rows("SELECT key_hash FROM pos_keys");
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0][0], pos_key_hash(key));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM pos_keys WHERE instr(key_hash, '" + key.substr(6) +
                        "') > 0 OR instr(prefix || label, '" + key.substr(6) + "') > 0"),
            0);

  std::optional<PosKey> found = points.find_pos_key(key);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, till.id);
  EXPECT_EQ(found->store_code, "PV07");
  EXPECT_FALSE(points.find_pos_key(key + "x"));
  EXPECT_FALSE(points.find_pos_key(""));

  auto [other, other_key] = points.create_pos_key("PV01", "");
  EXPECT_NE(other_key, key);
  EXPECT_TRUE(points.revoke_pos_key(till.id));
  EXPECT_FALSE(points.revoke_pos_key(till.id));
  EXPECT_FALSE(points.revoke_pos_key(999));
  EXPECT_FALSE(points.find_pos_key(key));
  EXPECT_TRUE(points.find_pos_key(other_key));

  std::vector<PosKey> keys = points.list_pos_keys();
  ASSERT_EQ(keys.size(), 2U);
  EXPECT_FALSE(keys[0].revoked_at.empty());
  EXPECT_EQ(keys[1].revoked_at, "");
  EXPECT_THROW(points.create_pos_key(" ", "Cassa 1"), std::invalid_argument);
}

// --- Concurrent redemptions -----------------------------------------------------------------

constexpr std::size_t kThreads = 50;

// Runs one redemption per request on its own thread, all released at once, alternating between
// two databases opened on the same file as two server processes would. Returns the error code
// of each ("" for a success), in request order.
std::vector<std::string> redeem_at_once(PointsStore& first, PointsStore& second,
                                        const std::vector<RedemptionRequest>& requests) {
  std::vector<std::string> codes(requests.size());
  std::latch start(static_cast<std::ptrdiff_t>(requests.size()));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    threads.emplace_back([&, i] {
      PointsStore& store = i % 2 == 0 ? first : second;
      start.arrive_and_wait();
      try {
        Result<Redemption> result = store.redeem(requests[i]);
        codes[i] = result ? "" : result.error().code;
      } catch (const std::exception& error) {
        codes[i] = std::string("exception: ") + error.what();
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return codes;
}

std::map<std::string, int> tally(const std::vector<std::string>& codes) {
  std::map<std::string, int> counts;
  for (const std::string& code : codes) {
    ++counts[code.empty() ? "ok" : code];
  }
  return counts;
}

TEST_F(PointsCatalogTest, ConcurrentRedemptionsNeverOverdraw) {
  const int64_t member = add_member(1);
  fund(member, 1'000);
  const int64_t reward_id = create_reward(make_reward("Tazza", 100));
  SqliteDatabase second_process{path};

  const std::vector<RedemptionRequest> requests(kThreads, request_for(member, reward_id));
  const std::map<std::string, int> counts =
      tally(redeem_at_once(points, second_process.points(), requests));

  EXPECT_EQ(counts, (std::map<std::string, int>{{"ok", 10}, {"insufficient_points", 40}}));
  EXPECT_EQ(ledger_sum(member), 0);
  EXPECT_EQ(raw.integer("SELECT balance FROM points_balances WHERE member_id = " +
                        std::to_string(member)),
            0);
  EXPECT_EQ(points.member_points(member).balance, 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM redemptions"), 10);
  EXPECT_EQ(raw.integer("SELECT count(DISTINCT voucher_code) FROM redemptions"), 10);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM points_ledger WHERE kind = 'redemption'"), 10);
  EXPECT_TRUE(points.balance_mismatches().empty());
}

TEST_F(PointsCatalogTest, ConcurrentRedemptionsNeverExceedStock) {
  constexpr std::size_t kMembers = 5;
  std::vector<int64_t> members;
  for (std::size_t i = 1; i <= kMembers; ++i) {
    members.push_back(add_member(static_cast<int64_t>(i)));
    fund(members.back(), 100'000);
  }
  Reward reward = make_reward("Padella", 100);
  reward.stock = 10;
  const int64_t reward_id = create_reward(reward);
  SqliteDatabase second_process{path};

  std::vector<RedemptionRequest> requests;
  for (std::size_t i = 0; i < kThreads; ++i) {
    requests.push_back(request_for(members[i % kMembers], reward_id));
  }
  const std::map<std::string, int> counts =
      tally(redeem_at_once(points, second_process.points(), requests));

  EXPECT_EQ(counts, (std::map<std::string, int>{{"ok", 10}, {"out_of_stock", 40}}));
  EXPECT_EQ(stock_of(reward_id), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM redemptions"), 10);
  int64_t spent = 0;
  for (int64_t member : members) {
    const int64_t redeemed =
        raw.integer("SELECT count(*) FROM redemptions WHERE member_id = " + std::to_string(member));
    EXPECT_EQ(ledger_sum(member), 100'000 - 100 * redeemed) << member;
    spent += 100'000 - ledger_sum(member);
  }
  EXPECT_EQ(spent, 1'000);
  EXPECT_TRUE(points.balance_mismatches().empty());
}

}  // namespace
}  // namespace imagross::sqlite
