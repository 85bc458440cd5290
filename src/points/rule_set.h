#pragma once

// The points programme as one versioned document: how receipts earn points, what never earns,
// the collection seasons, the tiers and what a point is worth. Stored as JSON (docs/POINTS.md
// gives every field); parse_rule_set validates it and rule_set_json writes it back.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace imagross::points {

// The conversion of eligible spend into base points.
enum class EarnMode : uint8_t {
  per_euro,       // points_per_euro (thousandths of a point) for each euro, rounded by `rounding`
  per_threshold,  // points_per_threshold for each full `threshold` of spend (always rounded down)
};

enum class Rounding : uint8_t { down, nearest, up };  // nearest: halves go up

// The combination of several multipliers that apply to the same line or the same receipt.
enum class Stacking : uint8_t { highest, multiply };

// Lines a rule or the exclusion list applies to. A line matches when its department, product
// code or promotion code is in the lists (any of them). Departments compare ignoring case and
// accents; codes compare exactly. All lists empty: the rule applies to the whole receipt.
struct LineMatch {
  std::vector<std::string> departments;
  std::vector<std::string> products;
  std::vector<std::string> promotions;

  bool empty() const { return departments.empty() && products.empty() && promotions.empty(); }

  friend bool operator==(const LineMatch&, const LineMatch&) = default;
};

enum class RuleKind : uint8_t { multiplier, bonus };
enum class BonusPer : uint8_t { receipt, unit };

struct Rule {
  std::string name;  // unique within the rule set; names the rule in evaluation breakdowns
  RuleKind kind = RuleKind::multiplier;
  LineMatch match;
  std::vector<int> weekdays;        // ISO 1 (Monday) to 7 (Sunday); empty: every day
  std::optional<int32_t> from_day;  // local days since 1970-01-01, inclusive; none: no bound
  std::optional<int32_t> to_day;
  int64_t multiplier = 1000;  // kind multiplier: thousandths (2000 doubles)
  int64_t bonus_points = 0;   // kind bonus: points per receipt, or per whole unit of matching lines
  BonusPer bonus_per = BonusPer::receipt;
  int64_t bonus_min_amount =
      0;  // kind bonus: matching lines must sum to at least this (thousandths)

  friend bool operator==(const Rule&, const Rule&) = default;
};

// A collection season (raccolta). Receipts whose local day falls in [start_day, end_day] earn,
// and their points expire at the start of expires_day (the reset date). Prizes can be claimed
// until claim_until_day inclusive.
struct Season {
  std::string name;
  int32_t start_day = 0;
  int32_t end_day = 0;
  int32_t expires_day = 0;
  int32_t claim_until_day = 0;

  friend bool operator==(const Season&, const Season&) = default;
};

enum class TierBasis : uint8_t { points, spend };

struct TierLevel {
  std::string name;           // e.g. "Bronze"
  int64_t threshold = 0;      // points, or spend in thousandths of a euro; the first level has 0
  int64_t multiplier = 1000;  // thousandths, applied to base points

  friend bool operator==(const TierLevel&, const TierLevel&) = default;
};

struct TierPolicy {
  TierBasis basis = TierBasis::points;
  int window_days = 365;          // the rolling window the qualifying total is summed over
  std::vector<TierLevel> levels;  // ascending thresholds; empty: no tiers
  // Downgrade rule: a level reached is kept at least hold_days; after that a review lowers the
  // member by at most one level at a time, to no lower than the window's total supports.
  int hold_days = 365;

  friend bool operator==(const TierPolicy&, const TierPolicy&) = default;
};

struct RuleSet {
  std::string name;
  EarnMode mode = EarnMode::per_threshold;
  int64_t points_per_euro = 1000;      // per_euro: thousandths of a point per euro
  int64_t threshold = 10000;           // per_threshold: thousandths of a euro (10 euro)
  int64_t points_per_threshold = 1;    // per_threshold
  Rounding rounding = Rounding::down;  // per_euro, and every multiplied total
  int64_t min_receipt_amount = 0;      // eligible spend below this earns nothing (thousandths)
  Stacking line_stacking = Stacking::highest;
  Stacking receipt_stacking = Stacking::multiply;
  std::vector<Rule> rules;
  LineMatch exclusions;         // never earn; default_exclusions() when the document has none
  std::vector<Season> seasons;  // not overlapping
  TierPolicy tiers;
  int64_t point_value = 10;  // thousandths of a euro one point is worth, for the liability

  friend bool operator==(const RuleSet&, const RuleSet&) = default;
};

// The largest multiplier a rule or a tier level may have (100x), and the largest factor that
// stacked multipliers may combine to (1000x), both in thousandths.
inline constexpr int64_t kMaxMultiplier = 100'000;
inline constexpr int64_t kMaxCombinedMultiplier = 1'000'000;
// The maximum length of a rule set's name and of every name and list entry in it, in characters.
inline constexpr std::size_t kMaxRuleSetNameLength = 100;

// What is wrong with `name` as a name in a rule set ("is blank. ..."), or empty when it is valid:
// not blank, without control characters, at most kMaxRuleSetNameLength characters.
std::string name_error(std::string_view name);

// The path ("rules[0].name") of the first key that appears twice in one object of the valid JSON
// `text`, or none. JSON parsers keep one of the two silently.
std::optional<std::string> duplicate_key_path(std::string_view text);

// Combines multipliers (thousandths) by `stacking`. highest: the largest of them. multiply: their
// product, rounded half up to thousandths after each factor (1.25 x 1.25 gives 1.563) and capped
// at kMaxCombinedMultiplier. 1000 (a factor of 1) when `multipliers` is empty.
int64_t combine_multipliers(Stacking stacking, std::span<const int64_t> multipliers);

// The categories Italian collections exclude by default, as department names.
LineMatch default_exclusions();

// Validates a rule set document. Errors name the field (as a JSON path, e.g. "rules[2].weekdays")
// and the fix. Code "invalid_rule_set".
Result<RuleSet> parse_rule_set(std::string_view json);

// Writes the document parse_rule_set reads, with every field present. Fields that the earning
// mode or a rule's kind does not use are left out, so they read back as their defaults.
std::string rule_set_json(const RuleSet& rule_set);

// The season containing `local_day`, if any.
const Season* season_of(const RuleSet& rule_set, int32_t local_day);

}  // namespace imagross::points
