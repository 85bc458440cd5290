#pragma once

// Reading and writing the rows of the points catalogue (rule set versions, rewards, redemptions
// and tills' keys), and the checks on what callers send to it.

#include <optional>
#include <string>
#include <string_view>

#include "storage/points_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Limits on a reward's text fields, in Unicode code points.
inline constexpr std::size_t kMaxRewardNameLength = 120;
inline constexpr std::size_t kMaxRewardDescriptionLength = 2000;
inline constexpr std::size_t kMaxRewardCategoryLength = 80;
inline constexpr std::size_t kMaxRewardImageUrlLength = 2048;

// Readers of the columns that the points_catalog_statements constants select, in their order.
RuleSetVersion read_rule_set(const Statement& statement);
Reward read_reward(const Statement& statement);
Redemption read_redemption(const Statement& statement);
PosKey read_pos_key(const Statement& statement);

std::optional<Reward> load_reward(Connection& connection, int64_t id);
std::optional<Redemption> load_redemption(Connection& connection, int64_t id);

// Binds the editable fields of `reward` to ?1 to ?11 of kInsertReward and kUpdateReward.
void bind_reward_fields(Statement& statement, const Reward& reward);

// What is wrong with `reward`, naming the field and the value, or nullopt when it may be stored.
// Its id, times and name's surrounding spaces are not checked.
std::optional<std::string> reward_problem(const Reward& reward);

// True for a time in the form every time is stored in, "2026-11-30T17:05:09Z", on a real date.
bool is_stored_utc_time(std::string_view text);

// True for a real date as "YYYY-MM-DD".
bool is_iso_date(std::string_view text);

}  // namespace imagross::sqlite
