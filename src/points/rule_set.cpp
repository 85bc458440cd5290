#include "points/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <initializer_list>
#include <limits>
#include <optional>
#include <utility>

#include "common/civil_time.h"
#include "common/decimal.h"

namespace imagross::points {
namespace {

// 128-bit intermediates keep products of thousandths exact.
__extension__ using Int128 = __int128;

namespace json = boost::json;

// Limits that keep a document editable by hand and every evaluation inside 64-bit integers.
constexpr std::size_t kMaxRules = 200;
constexpr std::size_t kMaxListEntries = 1000;
// The maximum entries of all the rules' match lists together. Each line is compared with every
// entry, so this bounds the work per receipt line.
constexpr std::size_t kMaxRuleMatchEntries = 2000;
constexpr int64_t kMaxPointsPerEuro = 1'000'000;  // 1000 points per euro, in thousandths
constexpr int64_t kMaxWholePoints = 1'000'000'000;
constexpr int64_t kMaxDays = 3660;
// Bounds on the figures of the earning rules, so that the engine's 128-bit intermediates and
// the simulation's totals stay exact; docs/POINTS.md states them.
constexpr int64_t kMaxPointsPerThreshold = 10'000;
constexpr int64_t kMinThreshold = 10;             // 0.01 euro, in thousandths
constexpr int64_t kMaxThreshold = 1'000'000'000;  // 1,000,000 euro, in thousandths
constexpr int64_t kMaxBonusPoints = 100'000;
constexpr int64_t kMaxAmount = 1'000'000'000'000;  // 1,000,000,000 euro, in thousandths
constexpr int64_t kMaxPointValue = 100'000;        // 100 euro, in thousandths

// The first validation failure; parse_rule_set turns it into an Error.
struct InvalidRuleSet {
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
  throw InvalidRuleSet{fmt::format("{}: {}", path, problem)};
}

std::string child_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

std::string item_path(const std::string& path, std::size_t index) {
  return fmt::format("{}[{}]", path, index);
}

// The value as JSON text for a message, shortened to about 60 bytes on a character boundary.
std::string show(const json::value& value) {
  std::string text = json::serialize(value);
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) {
    std::size_t end = kMaxShown;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    text.resize(end);
    text += "...";
  }
  return text;
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

using FieldNames = std::initializer_list<std::string_view>;

// Rejects the fields of `object` that belong to another earning mode or rule kind, saying which.
void reject_fields_of(const json::object& object, const std::string& path, FieldNames fields,
                      std::string_view owner) {
  for (const std::string_view field : fields) {
    if (object.contains(field)) {
      fail(child_path(path, field), fmt::format("applies only to {}. Remove it, or change the {}.",
                                                owner, owner.substr(0, owner.find(' '))));
    }
  }
}

// Rejects any key of `object` outside `allowed`, suggesting the closest allowed name for typos.
void check_fields(const json::object& object, const std::string& path, FieldNames allowed) {
  for (const auto& entry : object) {
    const std::string_view key = entry.key();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
      continue;
    }
    std::string_view closest;
    std::size_t best = 3;  // suggest only names at most two edits away
    for (const std::string_view name : allowed) {
      const std::size_t distance = edit_distance(key, name);
      if (distance < best) {
        best = distance;
        closest = name;
      }
    }
    const std::string hint =
        closest.empty() ? std::string() : fmt::format(" Did you mean \"{}\"?", closest);
    fail(child_path(path, key), fmt::format("unknown field.{} The fields allowed here are {}.",
                                            hint, fmt::join(allowed, ", ")));
  }
}

const json::object& read_object(const json::value& value, const std::string& path) {
  if (!value.is_object()) {
    fail(path, fmt::format("expected a JSON object {{...}}, got {}.", show(value)));
  }
  return value.get_object();
}

const json::array& read_array(const json::value& value, const std::string& path) {
  if (!value.is_array()) {
    fail(path, fmt::format("expected a JSON array [...], got {}.", show(value)));
  }
  const json::array& array = value.get_array();
  if (array.size() > kMaxListEntries) {
    fail(path, fmt::format("has {} entries but the maximum is {}. Shorten the list.", array.size(),
                           kMaxListEntries));
  }
  return array;
}

std::string read_string(const json::value& value, const std::string& path) {
  if (!value.is_string()) {
    fail(path, fmt::format("expected a JSON string, got {}.", show(value)));
  }
  return std::string(value.get_string());
}

// A name or list entry: not blank, without control characters, at most kMaxRuleSetNameLength
// characters.
std::string read_name(const json::value& value, const std::string& path) {
  std::string name = read_string(value, path);
  const std::string problem = name_error(name);
  if (!problem.empty()) {
    fail(path, problem);
  }
  return name;
}

// One of `choices`, as the enumerator at the same position.
template <typename Enum>
Enum read_choice(const json::value& value, const std::string& path, FieldNames choices) {
  const std::string text = read_string(value, path);
  const auto found = std::find(choices.begin(), choices.end(), text);
  if (found == choices.end()) {
    fail(path, fmt::format("{} is not a valid value. Use one of: {}.", show(value),
                           fmt::join(choices, ", ")));
  }
  return static_cast<Enum>(found - choices.begin());
}

// A decimal string such as "10.00" as thousandths, within [min, max].
int64_t read_decimal(const json::value& value, const std::string& path, int64_t min, int64_t max,
                     bool min_exclusive = false) {
  if (!value.is_string()) {
    fail(path, fmt::format("expected a decimal number in a string, such as \"{}\", got {}.",
                           format_milli(std::max<int64_t>(min, 1000), 2), show(value)));
  }
  const auto parsed = parse_milli(value.get_string(), NumberFormat{'.', '\0'});
  if (!parsed.ok() && parsed.error().code == "number_too_large") {
    fail(path, fmt::format("{} is too large. Use a value of at most {}.", show(value),
                           format_milli(max, 2)));
  }
  if (!parsed.ok()) {
    fail(path, fmt::format("{} is not a decimal number. Write digits with at most three decimals "
                           "after a '.', such as \"10.50\".",
                           show(value)));
  }
  const int64_t milli = parsed.value();
  if (milli > max) {
    fail(path, fmt::format("{} is too large. Use a value of at most {}.", show(value),
                           format_milli(max, 2)));
  }
  if (min_exclusive ? milli <= min : milli < min) {
    fail(path, fmt::format("{} is too small. Use a value {} {}.", show(value),
                           min_exclusive ? "greater than" : "of at least", format_milli(min, 2)));
  }
  return milli;
}

int64_t read_multiplier(const json::value& value, const std::string& path) {
  return read_decimal(value, path, 0, kMaxMultiplier, true);
}

// A JSON integer within [min, max].
int64_t read_integer(const json::value& value, const std::string& path, int64_t min, int64_t max) {
  int64_t number = 0;
  if (value.is_int64()) {
    number = value.get_int64();
  } else if (value.is_uint64()) {
    number = std::numeric_limits<int64_t>::max();
  } else {
    fail(path, fmt::format("expected a whole number without quotes, such as {}, got {}.",
                           std::max<int64_t>(min, 1), show(value)));
  }
  if (number < min || number > max) {
    fail(path, fmt::format("{} is out of range. Use a whole number from {} to {}.", show(value),
                           min, max));
  }
  return number;
}

int32_t read_date(const json::value& value, const std::string& path) {
  const std::string text = read_string(value, path);
  const auto day = parse_iso_date(text);
  if (!day.ok()) {
    fail(path, fmt::format("{} is not a valid date. Write it as \"YYYY-MM-DD\", such as "
                           "\"2026-03-01\".",
                           show(value)));
  }
  return day.value();
}

std::vector<std::string> read_name_list(const json::value& value, const std::string& path) {
  const json::array& array = read_array(value, path);
  std::vector<std::string> names;
  names.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    names.push_back(read_name(array[i], item_path(path, i)));
  }
  return names;
}

LineMatch read_match(const json::value& value, const std::string& path) {
  const json::object& object = read_object(value, path);
  check_fields(object, path, {"departments", "products", "promotions"});
  LineMatch match;
  if (const auto* field = object.if_contains("departments")) {
    match.departments = read_name_list(*field, child_path(path, "departments"));
  }
  if (const auto* field = object.if_contains("products")) {
    match.products = read_name_list(*field, child_path(path, "products"));
  }
  if (const auto* field = object.if_contains("promotions")) {
    match.promotions = read_name_list(*field, child_path(path, "promotions"));
  }
  return match;
}

const json::value& require(const json::object& object, const std::string& path,
                           std::string_view key, std::string_view what) {
  const json::value* field = object.if_contains(key);
  if (field == nullptr) {
    fail(child_path(path, key), fmt::format("missing. Add {}.", what));
  }
  return *field;
}

void read_earn(const json::value& value, RuleSet& rule_set) {
  const std::string path = "earn";
  const json::object& object = read_object(value, path);
  if (const auto* mode = object.if_contains("mode")) {
    rule_set.mode = read_choice<EarnMode>(*mode, "earn.mode", {"per_euro", "per_threshold"});
  }
  if (rule_set.mode == EarnMode::per_threshold) {
    reject_fields_of(object, path, {"points_per_euro"}, "mode \"per_euro\"");
    check_fields(object, path, {"mode", "threshold", "points", "rounding", "min_receipt_amount"});
    if (const auto* field = object.if_contains("threshold")) {
      rule_set.threshold = read_decimal(*field, "earn.threshold", kMinThreshold, kMaxThreshold);
    }
    if (const auto* field = object.if_contains("points")) {
      rule_set.points_per_threshold =
          read_integer(*field, "earn.points", 1, kMaxPointsPerThreshold);
    }
  } else {
    reject_fields_of(object, path, {"threshold", "points"}, "mode \"per_threshold\"");
    check_fields(object, path, {"mode", "points_per_euro", "rounding", "min_receipt_amount"});
    if (const auto* field = object.if_contains("points_per_euro")) {
      rule_set.points_per_euro =
          read_decimal(*field, "earn.points_per_euro", 0, kMaxPointsPerEuro, true);
    }
  }
  if (const auto* field = object.if_contains("rounding")) {
    rule_set.rounding = read_choice<Rounding>(*field, "earn.rounding", {"down", "nearest", "up"});
  }
  if (const auto* field = object.if_contains("min_receipt_amount")) {
    rule_set.min_receipt_amount = read_decimal(*field, "earn.min_receipt_amount", 0, kMaxAmount);
  }
}

void read_stacking(const json::value& value, RuleSet& rule_set) {
  const json::object& object = read_object(value, "stacking");
  check_fields(object, "stacking", {"line", "receipt"});
  if (const auto* field = object.if_contains("line")) {
    rule_set.line_stacking =
        read_choice<Stacking>(*field, "stacking.line", {"highest", "multiply"});
  }
  if (const auto* field = object.if_contains("receipt")) {
    rule_set.receipt_stacking =
        read_choice<Stacking>(*field, "stacking.receipt", {"highest", "multiply"});
  }
}

// ISO weekdays 1 (Monday) to 7 (Sunday), each at most once.
std::vector<int> read_weekdays(const json::value& value, const std::string& path) {
  const json::array& array = read_array(value, path);
  std::vector<int> weekdays;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string day_path = item_path(path, i);
    const int weekday = static_cast<int>(read_integer(array[i], day_path, 1, 7));
    if (std::find(weekdays.begin(), weekdays.end(), weekday) != weekdays.end()) {
      fail(day_path, fmt::format("weekday {} is listed twice. List each weekday once.", weekday));
    }
    weekdays.push_back(weekday);
  }
  return weekdays;
}

Rule read_rule(const json::value& value, const std::string& path) {
  const json::object& object = read_object(value, path);
  Rule rule;
  if (const auto* field = object.if_contains("kind")) {
    rule.kind = read_choice<RuleKind>(*field, child_path(path, "kind"), {"multiplier", "bonus"});
  }
  if (rule.kind == RuleKind::multiplier) {
    reject_fields_of(object, path, {"points", "per", "min_amount"}, "kind \"bonus\"");
    check_fields(object, path, {"name", "kind", "multiplier", "match", "weekdays", "from", "to"});
  } else {
    reject_fields_of(object, path, {"multiplier"}, "kind \"multiplier\"");
    check_fields(
        object, path,
        {"name", "kind", "points", "per", "min_amount", "match", "weekdays", "from", "to"});
  }
  rule.name =
      read_name(require(object, path, "name", "a name for the rule"), child_path(path, "name"));

  if (const auto* field = object.if_contains("multiplier")) {
    rule.multiplier = read_multiplier(*field, child_path(path, "multiplier"));
  }
  if (const auto* field = object.if_contains("points")) {
    rule.bonus_points = read_integer(*field, child_path(path, "points"), 0, kMaxBonusPoints);
  }
  if (const auto* field = object.if_contains("per")) {
    rule.bonus_per = read_choice<BonusPer>(*field, child_path(path, "per"), {"receipt", "unit"});
  }
  if (const auto* field = object.if_contains("min_amount")) {
    rule.bonus_min_amount = read_decimal(*field, child_path(path, "min_amount"), 0, kMaxAmount);
  }
  if (const auto* field = object.if_contains("match")) {
    rule.match = read_match(*field, child_path(path, "match"));
  }

  if (const auto* field = object.if_contains("weekdays")) {
    rule.weekdays = read_weekdays(*field, child_path(path, "weekdays"));
  }
  if (const auto* field = object.if_contains("from")) {
    rule.from_day = read_date(*field, child_path(path, "from"));
  }
  if (const auto* field = object.if_contains("to")) {
    rule.to_day = read_date(*field, child_path(path, "to"));
  }
  if (rule.from_day && rule.to_day && *rule.from_day > *rule.to_day) {
    fail(child_path(path, "to"),
         fmt::format("\"{}\" is before from \"{}\". The date range must end on or after its start.",
                     format_iso_date(*rule.to_day), format_iso_date(*rule.from_day)));
  }
  return rule;
}

// Rejects stacked multipliers that could combine beyond kMaxCombinedMultiplier on one line or one
// receipt, assuming every rule of the group applies at once.
void check_stacked_multipliers(const RuleSet& rule_set) {
  for (const bool line_rules : {true, false}) {
    const Stacking stacking = line_rules ? rule_set.line_stacking : rule_set.receipt_stacking;
    if (stacking != Stacking::multiply) {
      continue;
    }
    int64_t product = 1000;
    for (const Rule& rule : rule_set.rules) {
      if (rule.kind != RuleKind::multiplier || rule.match.empty() != !line_rules ||
          rule.multiplier <= 1000) {
        continue;
      }
      const Int128 next = static_cast<Int128>(product) * rule.multiplier;
      if (next > static_cast<Int128>(kMaxCombinedMultiplier) * 1000) {
        fail("rules", fmt::format("the {} multipliers of rule \"{}\" and the rules before it can "
                                  "multiply to more than {}. Lower them or set stacking.{} to "
                                  "\"highest\".",
                                  line_rules ? "line" : "receipt", rule.name,
                                  kMaxCombinedMultiplier / 1000, line_rules ? "line" : "receipt"));
      }
      product = static_cast<int64_t>(next / 1000);
    }
  }
}

void read_rules(const json::value& value, RuleSet& rule_set) {
  const json::array& array = read_array(value, "rules");
  if (array.size() > kMaxRules) {
    fail("rules", fmt::format("has {} rules but the maximum is {}. Merge or remove rules.",
                              array.size(), kMaxRules));
  }
  std::size_t match_entries = 0;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = item_path("rules", i);
    Rule rule = read_rule(array[i], path);
    for (const Rule& earlier : rule_set.rules) {
      if (earlier.name == rule.name) {
        fail(child_path(path, "name"),
             fmt::format("\"{}\" is already the name of another rule. Give each rule its own name.",
                         rule.name));
      }
    }
    match_entries +=
        rule.match.departments.size() + rule.match.products.size() + rule.match.promotions.size();
    if (match_entries > kMaxRuleMatchEntries) {
      fail(child_path(path, "match"),
           fmt::format("brings the match lists of the rules to {} entries but the maximum is {} "
                       "in all. Merge rules that share entries, or shorten the lists.",
                       match_entries, kMaxRuleMatchEntries));
    }
    rule_set.rules.push_back(std::move(rule));
  }
  check_stacked_multipliers(rule_set);
}

int32_t read_required_date(const json::object& object, const std::string& path,
                           std::string_view key, std::string_view what) {
  return read_date(require(object, path, key, fmt::format("{} as \"YYYY-MM-DD\"", what)),
                   child_path(path, key));
}

void check_season_days(const Season& season, const std::string& path) {
  if (season.end_day < season.start_day) {
    fail(child_path(path, "end"),
         fmt::format("\"{}\" is before the start \"{}\". A season ends on or after its start.",
                     format_iso_date(season.end_day), format_iso_date(season.start_day)));
  }
  if (season.expires_day <= season.end_day) {
    fail(child_path(path, "expires"),
         fmt::format("\"{}\" is not after the end \"{}\". Points can expire only after the season "
                     "ends.",
                     format_iso_date(season.expires_day), format_iso_date(season.end_day)));
  }
  if (season.claim_until_day < season.end_day) {
    fail(child_path(path, "claim_until"),
         fmt::format("\"{}\" is before the end \"{}\". Prizes must be claimable at least until the "
                     "season ends.",
                     format_iso_date(season.claim_until_day), format_iso_date(season.end_day)));
  }
}

Season read_season(const json::value& value, const std::string& path) {
  const json::object& object = read_object(value, path);
  check_fields(object, path, {"name", "start", "end", "expires", "claim_until"});

  Season season;
  season.name =
      read_name(require(object, path, "name", "a name for the season"), child_path(path, "name"));
  season.start_day = read_required_date(object, path, "start", "the first day");
  season.end_day = read_required_date(object, path, "end", "the last day");
  season.expires_day = read_required_date(object, path, "expires", "the day the points expire");
  season.claim_until_day =
      read_required_date(object, path, "claim_until", "the last day to claim prizes");

  check_season_days(season, path);
  return season;
}

void read_seasons(const json::value& value, RuleSet& rule_set) {
  const json::array& array = read_array(value, "seasons");
  for (std::size_t i = 0; i < array.size(); ++i) {
    Season season = read_season(array[i], item_path("seasons", i));
    for (const Season& earlier : rule_set.seasons) {
      if (season.start_day <= earlier.end_day && earlier.start_day <= season.end_day) {
        fail(item_path("seasons", i),
             fmt::format("\"{}\" overlaps the season \"{}\" ({} to {}). A day may belong to one "
                         "season only.",
                         season.name, earlier.name, format_iso_date(earlier.start_day),
                         format_iso_date(earlier.end_day)));
      }
    }
    rule_set.seasons.push_back(std::move(season));
  }
  if (rule_set.seasons.empty()) {
    fail("seasons", "is empty. A rule set without a season earns nothing, so add at least one.");
  }
}

TierLevel read_level(const json::value& value, const std::string& path, TierBasis basis) {
  const json::object& object = read_object(value, path);
  check_fields(object, path, {"name", "threshold", "multiplier"});
  TierLevel level;
  level.name =
      read_name(require(object, path, "name", "a name for the level"), child_path(path, "name"));
  const std::string threshold_path = child_path(path, "threshold");
  const json::value& threshold =
      require(object, path, "threshold", "the qualifying total that reaches the level");
  level.threshold = basis == TierBasis::points
                        ? read_integer(threshold, threshold_path, 0, kMaxWholePoints)
                        : read_decimal(threshold, threshold_path, 0, kMaxAmount);
  if (const auto* field = object.if_contains("multiplier")) {
    level.multiplier = read_multiplier(*field, child_path(path, "multiplier"));
  }
  return level;
}

void read_tiers(const json::value& value, TierPolicy& tiers) {
  const json::object& object = read_object(value, "tiers");
  check_fields(object, "tiers", {"basis", "window_days", "hold_days", "levels"});
  if (const auto* field = object.if_contains("basis")) {
    tiers.basis = read_choice<TierBasis>(*field, "tiers.basis", {"points", "spend"});
  }
  if (const auto* field = object.if_contains("window_days")) {
    tiers.window_days = static_cast<int>(read_integer(*field, "tiers.window_days", 1, kMaxDays));
  }
  if (const auto* field = object.if_contains("hold_days")) {
    tiers.hold_days = static_cast<int>(read_integer(*field, "tiers.hold_days", 0, kMaxDays));
  }
  if (const auto* field = object.if_contains("levels")) {
    const json::array& array = read_array(*field, "tiers.levels");
    for (std::size_t i = 0; i < array.size(); ++i) {
      const std::string path = item_path("tiers.levels", i);
      TierLevel level = read_level(array[i], path, tiers.basis);
      if (i == 0 && level.threshold != 0) {
        fail(child_path(path, "threshold"),
             "must be 0 for the first level, so that every member has a level.");
      }
      if (i > 0 && level.threshold <= tiers.levels.back().threshold) {
        fail(child_path(path, "threshold"),
             fmt::format("{} is not above the threshold of \"{}\". List levels with strictly "
                         "ascending thresholds.",
                         show(array[i].get_object().at("threshold")), tiers.levels.back().name));
      }
      for (const TierLevel& earlier : tiers.levels) {
        if (earlier.name == level.name) {
          fail(child_path(path, "name"),
               fmt::format("\"{}\" is already the name of another level. Give each level its own "
                           "name.",
                           level.name));
        }
      }
      tiers.levels.push_back(std::move(level));
    }
  }
}

RuleSet read_rule_set(const json::value& document) {
  if (!document.is_object()) {
    fail("$", fmt::format("the rule set must be a JSON object {{...}}, got {}.", show(document)));
  }
  const json::object& object = document.get_object();
  check_fields(
      object, "",
      {"name", "earn", "stacking", "rules", "exclusions", "seasons", "tiers", "point_value"});
  RuleSet rule_set;
  rule_set.name = read_name(require(object, "", "name", "a name for the rule set"), "name");

  if (const auto* field = object.if_contains("earn")) {
    read_earn(*field, rule_set);
  }
  if (const auto* field = object.if_contains("stacking")) {
    read_stacking(*field, rule_set);
  }
  if (const auto* field = object.if_contains("rules")) {
    read_rules(*field, rule_set);
  }

  const json::value* exclusions = object.if_contains("exclusions");
  rule_set.exclusions =
      exclusions != nullptr ? read_match(*exclusions, "exclusions") : default_exclusions();
  read_seasons(require(object, "", "seasons", "at least one collection season"), rule_set);

  if (const auto* field = object.if_contains("tiers")) {
    read_tiers(*field, rule_set.tiers);
  }
  if (const auto* field = object.if_contains("point_value")) {
    rule_set.point_value = read_decimal(*field, "point_value", 0, kMaxPointValue);
  }
  return rule_set;
}

// Money with at least two decimals ("10.00", "0.125"); multipliers with no trailing zeros
// ("2", "1.25").
std::string format_money(int64_t milli) {
  return format_milli(milli, milli % 10 == 0 ? 2 : 3);
}

std::string format_factor(int64_t milli) {
  if (milli % 1000 == 0) {
    return format_milli(milli, 0);
  }
  return format_milli(milli, milli % 100 == 0 ? 1 : (milli % 10 == 0 ? 2 : 3));
}

json::array to_array(const std::vector<std::string>& names) {
  json::array array;
  for (const std::string& name : names) {
    array.emplace_back(name);
  }
  return array;
}

json::object match_json(const LineMatch& match) {
  return {{"departments", to_array(match.departments)},
          {"products", to_array(match.products)},
          {"promotions", to_array(match.promotions)}};
}

constexpr std::string_view kRoundingNames[] = {"down", "nearest", "up"};
constexpr std::string_view kStackingNames[] = {"highest", "multiply"};

json::object earn_json(const RuleSet& rule_set) {
  json::object earn;
  if (rule_set.mode == EarnMode::per_threshold) {
    earn["mode"] = "per_threshold";
    earn["threshold"] = format_money(rule_set.threshold);
    earn["points"] = rule_set.points_per_threshold;
  } else {
    earn["mode"] = "per_euro";
    earn["points_per_euro"] = format_factor(rule_set.points_per_euro);
  }
  earn["rounding"] = kRoundingNames[static_cast<int>(rule_set.rounding)];
  earn["min_receipt_amount"] = format_money(rule_set.min_receipt_amount);
  return earn;
}

json::object rule_json(const Rule& rule) {
  json::object object;
  object["name"] = rule.name;
  if (rule.kind == RuleKind::multiplier) {
    object["kind"] = "multiplier";
    object["multiplier"] = format_factor(rule.multiplier);
  } else {
    object["kind"] = "bonus";
    object["points"] = rule.bonus_points;
    object["per"] = rule.bonus_per == BonusPer::receipt ? "receipt" : "unit";
    object["min_amount"] = format_money(rule.bonus_min_amount);
  }
  object["match"] = match_json(rule.match);
  json::array weekdays;
  for (const int weekday : rule.weekdays) {
    weekdays.emplace_back(weekday);
  }
  object["weekdays"] = std::move(weekdays);
  if (rule.from_day) {
    object["from"] = format_iso_date(*rule.from_day);
  }
  if (rule.to_day) {
    object["to"] = format_iso_date(*rule.to_day);
  }
  return object;
}

json::object tiers_json(const TierPolicy& tiers) {
  json::array levels;
  for (const TierLevel& level : tiers.levels) {
    json::object object;
    object["name"] = level.name;
    if (tiers.basis == TierBasis::points) {
      object["threshold"] = level.threshold;
    } else {
      object["threshold"] = format_money(level.threshold);
    }
    object["multiplier"] = format_factor(level.multiplier);
    levels.emplace_back(std::move(object));
  }
  return {{"basis", tiers.basis == TierBasis::points ? "points" : "spend"},
          {"window_days", tiers.window_days},
          {"hold_days", tiers.hold_days},
          {"levels", std::move(levels)}};
}

}  // namespace

LineMatch default_exclusions() {
  LineMatch match;
  match.departments = {"Latte per l'infanzia",  "Tabacchi e generi di monopolio",
                       "Lotterie e scommesse",  "Giornali e riviste",
                       "Ricariche telefoniche", "Farmaci",
                       "Carte regalo"};
  return match;
}

int64_t combine_multipliers(Stacking stacking, std::span<const int64_t> multipliers) {
  if (multipliers.empty()) {
    return 1000;
  }
  if (stacking == Stacking::highest) {
    return *std::max_element(multipliers.begin(), multipliers.end());
  }
  int64_t product = 1000;
  for (const int64_t multiplier : multipliers) {
    const Int128 exact = static_cast<Int128>(product) * multiplier;
    const Int128 rounded = (exact + 500) / 1000;
    product = static_cast<int64_t>(std::min<Int128>(rounded, kMaxCombinedMultiplier));
  }
  return product;
}

std::string name_error(std::string_view name) {
  if (name.empty()) {
    return "is empty. Give a name.";
  }
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return "is blank. Give a name with at least one visible character.";
  }
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      return fmt::format("contains the control character U+{:04X}. Remove it.", byte);
    }
  }
  if (utf8_length(name) > kMaxRuleSetNameLength) {
    return fmt::format("is longer than {} characters. Shorten it.", kMaxRuleSetNameLength);
  }
  return {};
}

std::optional<std::string> duplicate_key_path(std::string_view text) {
  // One entry per open object or array: its path, the keys seen so far (objects) or the index
  // of the current element (arrays), and the key of the current member.
  struct Frame {
    bool is_object = false;
    std::string path;
    std::vector<std::string> keys;
    std::size_t index = 0;
    std::string key;
  };
  std::vector<Frame> frames;
  const auto value_path = [&frames]() -> std::string {
    if (frames.empty()) {
      return {};
    }
    const Frame& top = frames.back();
    return top.is_object ? child_path(top.path, top.key) : item_path(top.path, top.index);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      Frame frame;
      frame.is_object = c == '{';
      frame.path = value_path();
      frames.push_back(std::move(frame));
    } else if ((c == '}' || c == ']') && !frames.empty()) {
      frames.pop_back();
    } else if (c == ',' && !frames.empty() && !frames.back().is_object) {
      ++frames.back().index;
    } else if (c == '"') {
      const std::size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') {
          ++i;
        }
      }
      std::size_t next = i + 1;
      while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next])) != 0) {
        ++next;
      }
      if (next >= text.size() || text[next] != ':' || frames.empty() || !frames.back().is_object) {
        continue;
      }
      // The key as decoded text, so "a" and "\u0061" are the same key.
      boost::system::error_code error;
      const json::value key = json::parse(text.substr(start, i + 1 - start), error);
      if (error || !key.is_string()) {
        continue;
      }
      Frame& top = frames.back();
      top.key = std::string(key.get_string());
      if (std::find(top.keys.begin(), top.keys.end(), top.key) != top.keys.end()) {
        return child_path(top.path, top.key);
      }
      top.keys.push_back(top.key);
    }
  }
  return std::nullopt;
}

Result<RuleSet> parse_rule_set(std::string_view text) {
  json::stream_parser parser;
  boost::system::error_code error;
  const std::size_t consumed = parser.write(text.data(), text.size(), error);
  if (!error) {
    parser.finish(error);
  }
  if (error) {
    const std::string_view before = text.substr(0, consumed);
    const auto line = std::count(before.begin(), before.end(), '\n') + 1;
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column =
        consumed - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return Error{"invalid_rule_set",
                 fmt::format("the rule set is not valid JSON: {} at line {}, column {}. Check the "
                             "brackets, commas and quotes there.",
                             error.message(), line, column)};
  }
  if (const std::optional<std::string> duplicate = duplicate_key_path(text)) {
    return Error{
        "invalid_rule_set",
        fmt::format("{}: the key appears twice in the same object. Keep one of them.", *duplicate)};
  }
  try {
    return read_rule_set(parser.release());
  } catch (const InvalidRuleSet& invalid) {
    return Error{"invalid_rule_set", invalid.message};
  }
}

std::string rule_set_json(const RuleSet& rule_set) {
  json::array rules;
  for (const Rule& rule : rule_set.rules) {
    rules.emplace_back(rule_json(rule));
  }
  json::array seasons;
  for (const Season& season : rule_set.seasons) {
    seasons.emplace_back(json::object{{"name", season.name},
                                      {"start", format_iso_date(season.start_day)},
                                      {"end", format_iso_date(season.end_day)},
                                      {"expires", format_iso_date(season.expires_day)},
                                      {"claim_until", format_iso_date(season.claim_until_day)}});
  }
  json::object document;
  document["name"] = rule_set.name;
  document["earn"] = earn_json(rule_set);
  document["stacking"] =
      json::object{{"line", kStackingNames[static_cast<int>(rule_set.line_stacking)]},
                   {"receipt", kStackingNames[static_cast<int>(rule_set.receipt_stacking)]}};
  document["rules"] = std::move(rules);
  document["exclusions"] = match_json(rule_set.exclusions);
  document["seasons"] = std::move(seasons);
  document["tiers"] = tiers_json(rule_set.tiers);
  document["point_value"] = format_money(rule_set.point_value);
  return json::serialize(document);
}

const Season* season_of(const RuleSet& rule_set, int32_t local_day) {
  for (const Season& season : rule_set.seasons) {
    if (season.start_day <= local_day && local_day <= season.end_day) {
      return &season;
    }
  }
  return nullptr;
}

}  // namespace imagross::points
