#include "points/rule_engine.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "common/civil_time.h"
#include "domain/contact.h"

namespace imagross::points {
namespace {

// 128-bit intermediates keep products of thousandths exact.
__extension__ using Int128 = __int128;

// fold_for_search(department), cached per thread because a chain has few department names and
// folding with utf8proc costs more than the rest of an evaluation. The cache is cleared when it
// reaches 4096 names, so unusual input cannot grow it without bound. The reference is valid
// until the next call only.
const std::string& fold_department(const std::string& department) {
  thread_local std::unordered_map<std::string, std::string> folded;
  if (const auto found = folded.find(department); found != folded.end()) {
    return found->second;
  }
  if (folded.size() >= 4096) {
    folded.clear();
  }
  return folded.emplace(department, fold_for_search(department)).first->second;
}

// A LineMatch with its department names folded once per evaluation, so that lines compare
// ignoring case and accents.
struct FoldedMatch {
  const LineMatch* match = nullptr;
  std::vector<std::string> departments;
};

FoldedMatch fold_match(const LineMatch& match) {
  FoldedMatch folded;
  folded.match = &match;
  folded.departments.reserve(match.departments.size());
  for (const std::string& department : match.departments) {
    folded.departments.push_back(fold_department(department));
  }
  return folded;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return !value.empty() && std::find(list.begin(), list.end(), value) != list.end();
}

// A sale line with its department folded.
struct EligibleLine {
  const EarnLine* line = nullptr;
  std::string department;
};

bool matches(const FoldedMatch& folded, const EligibleLine& eligible) {
  return contains(folded.departments, eligible.department) ||
         contains(folded.match->products, eligible.line->product_code) ||
         contains(folded.match->promotions, eligible.line->promo_code);
}

bool applies_on(const Rule& rule, int32_t day, int weekday) {
  if (!rule.weekdays.empty() &&
      std::find(rule.weekdays.begin(), rule.weekdays.end(), weekday) == rule.weekdays.end()) {
    return false;
  }
  if (rule.from_day && day < *rule.from_day) {
    return false;
  }
  return !(rule.to_day && day > *rule.to_day);
}

// numerator / denominator for numerator >= 0 and denominator > 0, rounded by `rounding`
// (nearest: halves up), saturated to int64.
int64_t divide_rounded(Int128 numerator, Int128 denominator, Rounding rounding) {
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  if ((rounding == Rounding::up && remainder > 0) ||
      (rounding == Rounding::nearest && remainder * 2 >= denominator)) {
    ++quotient;
  }
  return static_cast<int64_t>(std::min<Int128>(quotient, std::numeric_limits<int64_t>::max()));
}

// The multipliers of `rules` (indexes into the rule set) combined by `stacking`, marking in
// `contributed` the rules whose factor the result uses: every factor other than 1 when they
// multiply, the first largest when the highest wins.
int64_t combine_rules(const RuleSet& rule_set, const std::vector<std::size_t>& rules,
                      Stacking stacking, std::vector<bool>& contributed) {
  std::vector<int64_t> multipliers;
  multipliers.reserve(rules.size());
  for (const std::size_t index : rules) {
    multipliers.push_back(rule_set.rules[index].multiplier);
  }
  const int64_t combined = combine_multipliers(stacking, multipliers);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (multipliers[i] == 1000) {
      continue;
    }
    if (stacking == Stacking::multiply) {
      contributed[rules[i]] = true;
    } else if (multipliers[i] == combined) {
      contributed[rules[i]] = true;
      break;
    }
  }
  return combined;
}

// Bonus points of one applying bonus rule on the eligible lines; 0 when no line matches or the
// matching lines sum to less than its minimum.
int64_t bonus_of(const Rule& rule, const FoldedMatch& folded,
                 const std::vector<EligibleLine>& eligible) {
  Int128 amount = 0;
  Int128 units = 0;
  bool any = false;
  for (const EligibleLine& line : eligible) {
    if (!rule.match.empty() && !matches(folded, line)) {
      continue;
    }
    any = true;
    amount += line.line->amount;
    units += std::max<int64_t>(1, line.line->quantity / 1000);
  }
  if (!any || amount < rule.bonus_min_amount) {
    return 0;
  }
  if (rule.bonus_per == BonusPer::receipt) {
    return rule.bonus_points;
  }
  return divide_rounded(std::min<Int128>(rule.bonus_points * units, kMaxReceiptPoints), 1,
                        Rounding::down);
}

// `value` limited to [0, int64 max], for sums of amounts that unchecked sales data could push
// beyond 64 bits.
int64_t saturate(Int128 value) {
  return static_cast<int64_t>(std::clamp<Int128>(value, 0, std::numeric_limits<int64_t>::max()));
}

}  // namespace

Evaluation evaluate(const RuleSet& rule_set, const EarnReceipt& receipt, int64_t tier_multiplier) {
  Evaluation result;

  // Step 1: only days inside a season earn.
  const Season* season = season_of(rule_set, receipt.local_day);
  if (season == nullptr) {
    result.no_points_reason = "no_season";
    return result;
  }
  result.expires_day = season->expires_day;

  // Steps 2-4: drop returns, set excluded lines apart, check the eligible spend.
  const FoldedMatch exclusions = fold_match(rule_set.exclusions);
  std::vector<EligibleLine> eligible;
  Int128 excluded_amount = 0;
  Int128 eligible_amount = 0;
  for (const EarnLine& line : receipt.lines) {
    if (line.is_return || line.amount < 0) {
      continue;
    }
    EligibleLine candidate{&line, fold_department(line.department)};
    if (matches(exclusions, candidate)) {
      excluded_amount += line.amount;
      continue;
    }
    eligible_amount += line.amount;
    eligible.push_back(std::move(candidate));
  }
  result.excluded_amount = saturate(excluded_amount);
  result.eligible_amount = saturate(eligible_amount);
  if (result.eligible_amount <= 0) {
    result.no_points_reason = "nothing_eligible";
    return result;
  }
  if (result.eligible_amount < rule_set.min_receipt_amount) {
    result.no_points_reason = "below_minimum";
    return result;
  }

  // Step 5: the rules that apply on this receipt's day, by kind and scope.
  const int weekday = iso_weekday(receipt.local_day);
  std::vector<std::size_t> line_rules;
  std::vector<std::size_t> receipt_rules;
  std::vector<std::size_t> bonus_rules;
  std::vector<FoldedMatch> folded_rules(rule_set.rules.size());
  for (std::size_t i = 0; i < rule_set.rules.size(); ++i) {
    const Rule& rule = rule_set.rules[i];
    if (!applies_on(rule, receipt.local_day, weekday)) {
      continue;
    }
    folded_rules[i] = fold_match(rule.match);
    if (rule.kind == RuleKind::bonus) {
      bonus_rules.push_back(i);
    } else if (rule.match.empty()) {
      receipt_rules.push_back(i);
    } else {
      line_rules.push_back(i);
    }
  }

  // Step 6: the weighted spend, in millionths of a euro (amount x line factor, both thousandths).
  std::vector<bool> contributed(rule_set.rules.size(), false);
  Int128 weighted = 0;
  for (const EligibleLine& line : eligible) {
    std::vector<std::size_t> matching;
    for (const std::size_t index : line_rules) {
      if (matches(folded_rules[index], line)) {
        matching.push_back(index);
      }
    }
    const int64_t factor = combine_rules(rule_set, matching, rule_set.line_stacking, contributed);
    weighted += static_cast<Int128>(line.line->amount) * factor;
  }

  // Step 7: base points before the receipt factor.
  int64_t base = 0;
  if (rule_set.mode == EarnMode::per_threshold && rule_set.threshold > 0) {
    const Int128 full = weighted / (static_cast<Int128>(rule_set.threshold) * 1000);
    base = divide_rounded(full * rule_set.points_per_threshold, 1, Rounding::down);
  } else if (rule_set.mode == EarnMode::per_euro) {
    // millionths of a euro x thousandths of a point per euro = billionths of a point
    base = divide_rounded(weighted * rule_set.points_per_euro, 1'000'000'000, rule_set.rounding);
  }

  // Step 8: receipt multipliers and the tier multiplier, in millionths.
  const int64_t receipt_factor =
      combine_rules(rule_set, receipt_rules, rule_set.receipt_stacking, contributed);
  const Int128 factor = static_cast<Int128>(receipt_factor) * std::max<int64_t>(tier_multiplier, 0);
  result.base_points =
      std::min(divide_rounded(static_cast<Int128>(base) * factor, 1'000'000, rule_set.rounding),
               kMaxReceiptPoints);

  // Step 9: bonuses, not multiplied.
  for (const std::size_t index : bonus_rules) {
    const int64_t bonus = bonus_of(rule_set.rules[index], folded_rules[index], eligible);
    if (bonus > 0) {
      result.bonus_points = std::min(result.bonus_points + bonus, kMaxReceiptPoints);
      contributed[index] = true;
    }
  }

  // Step 10: the total, and the rules that changed it in rule order.
  result.points = std::min(result.base_points + result.bonus_points, kMaxReceiptPoints);
  for (std::size_t i = 0; i < rule_set.rules.size(); ++i) {
    if (contributed[i]) {
      result.applied_rules.push_back(rule_set.rules[i].name);
    }
  }
  return result;
}

int64_t proportional_reversal(int64_t awarded_points, int64_t awarded_eligible_amount,
                              int64_t returned_amount, int64_t points_left) {
  if (awarded_eligible_amount <= 0 || awarded_points <= 0 || returned_amount <= 0 ||
      points_left <= 0) {
    return 0;
  }
  const int64_t points = divide_rounded(static_cast<Int128>(awarded_points) * returned_amount,
                                        awarded_eligible_amount, Rounding::nearest);
  return std::min(points, points_left);
}

int64_t reversal_at_base_rate(const RuleSet& rule_set, int64_t returned_amount) {
  if (returned_amount <= 0) {
    return 0;
  }
  if (rule_set.mode == EarnMode::per_euro) {
    // thousandths of a euro x thousandths of a point per euro = millionths of a point
    return divide_rounded(static_cast<Int128>(returned_amount) * rule_set.points_per_euro,
                          1'000'000, Rounding::nearest);
  }
  if (rule_set.threshold <= 0) {
    return 0;
  }
  return divide_rounded(static_cast<Int128>(returned_amount) * rule_set.points_per_threshold,
                        rule_set.threshold, Rounding::nearest);
}

int tier_level_for(const TierPolicy& policy, int64_t qualifying_total) {
  int level = -1;
  for (std::size_t i = 0; i < policy.levels.size(); ++i) {
    if (policy.levels[i].threshold <= qualifying_total) {
      level = static_cast<int>(i);
    }
  }
  return level;
}

}  // namespace imagross::points
