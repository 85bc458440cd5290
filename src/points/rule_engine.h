#pragma once

// Evaluates the rule set on one receipt: a pure function of the receipt's lines, its local day
// and weekday and the member's tier multiplier. docs/POINTS.md states the algorithm step by step.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "points/rule_set.h"

namespace imagross::points {

struct EarnLine {
  std::string department;  // empty when none
  std::string product_code;
  std::string promo_code;  // empty when none
  int64_t quantity = 0;    // thousandths
  int64_t amount = 0;      // thousandths of a euro, net of discount
  bool is_return = false;
};

struct EarnReceipt {
  int32_t local_day = 0;  // days since 1970-01-01 in the chain's time zone
  std::vector<EarnLine> lines;
};

struct Evaluation {
  int64_t points = 0;       // base (after multipliers) plus bonuses; never negative
  int64_t base_points = 0;  // after line, receipt and tier multipliers
  int64_t bonus_points = 0;
  int64_t eligible_amount = 0;             // sum of the eligible lines (thousandths of a euro)
  int64_t excluded_amount = 0;             // sum of the excluded lines
  std::vector<std::string> applied_rules;  // names, in the order they applied
  // Why nothing was earned: "no_season", "below_minimum", "nothing_eligible"; empty otherwise.
  std::string no_points_reason;
  std::optional<int32_t> expires_day;  // the season's reset date; none without a season
};

// The maximum points one receipt earns. Base and bonus points are each capped here, so that sums
// over many receipts stay far inside 64 bits. The same as the largest adjustment.
inline constexpr int64_t kMaxReceiptPoints = 1'000'000'000;

Evaluation evaluate(const RuleSet& rule_set, const EarnReceipt& receipt,
                    int64_t tier_multiplier = 1000);

// Points taken back for returned goods worth `returned_amount` (thousandths, positive).
// With the earning receipt known: its points times returned/eligible, rounded to nearest, at
// most `points_left` (the receipt's points left after earlier returns). Without it: the base
// rate of the rule set on that amount (per_threshold counts the rate, not full thresholds),
// rounded to nearest.
int64_t proportional_reversal(int64_t awarded_points, int64_t awarded_eligible_amount,
                              int64_t returned_amount, int64_t points_left);
int64_t reversal_at_base_rate(const RuleSet& rule_set, int64_t returned_amount);

// The tier level index for a qualifying total (the highest level whose threshold it reaches);
// -1 when the policy has no levels.
int tier_level_for(const TierPolicy& policy, int64_t qualifying_total);

}  // namespace imagross::points
