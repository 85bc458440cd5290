#include "points/rule_set.h"

#include <gtest/gtest.h>

#include "common/civil_time.h"

namespace imagross::points {
namespace {

int32_t day(std::string_view iso) {
  return parse_iso_date(iso).value();
}

constexpr std::string_view kSeason2026 =
    R"({"name": "Raccolta 2026", "start": "2026-01-01", "end": "2026-12-31",
        "expires": "2027-01-31", "claim_until": "2027-01-31"})";

// A document with a name, one 2026 season and `fields` (JSON members, comma-separated) added.
std::string document(std::string_view fields = "") {
  std::string text = R"({"name": "Test", "seasons": [)" + std::string(kSeason2026) + "]";
  if (!fields.empty()) {
    text += ", ";
    text += fields;
  }
  return text + "}";
}

constexpr std::string_view kExample = R"({
  "name": "Raccolta 2026",
  "earn": {"mode": "per_threshold", "threshold": "10.00", "points": 1,
           "rounding": "down", "min_receipt_amount": "5.00"},
  "stacking": {"line": "highest", "receipt": "multiply"},
  "rules": [
    {"name": "Doppi punti il martedì", "kind": "multiplier", "multiplier": "2", "weekdays": [2]},
    {"name": "Frutta x3 a marzo", "kind": "multiplier", "multiplier": "3",
     "match": {"departments": ["Ortofrutta"]}, "from": "2026-03-01", "to": "2026-03-31"},
    {"name": "Bonus Enoteca", "kind": "bonus", "points": 50, "per": "receipt",
     "min_amount": "20.00", "match": {"departments": ["Enoteca"], "promotions": ["VINO10"]}}],
  "exclusions": {"departments": ["Latte per l'infanzia", "Tabacchi"], "products": []},
  "seasons": [{"name": "Raccolta 2026", "start": "2026-01-01", "end": "2026-12-31",
               "expires": "2027-01-31", "claim_until": "2027-02-28"}],
  "tiers": {"basis": "points", "window_days": 365, "hold_days": 180,
            "levels": [{"name": "Bronze", "threshold": 0, "multiplier": "1"},
                       {"name": "Silver", "threshold": 500, "multiplier": "1.25"},
                       {"name": "Gold", "threshold": 1500, "multiplier": "1.5"}]},
  "point_value": "0.01"
})";

TEST(ParseRuleSet, ExampleDocument) {
  const auto parsed = parse_rule_set(kExample);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const RuleSet& rules = parsed.value();

  EXPECT_EQ(rules.name, "Raccolta 2026");
  EXPECT_EQ(rules.mode, EarnMode::per_threshold);
  EXPECT_EQ(rules.threshold, 10000);
  EXPECT_EQ(rules.points_per_threshold, 1);
  EXPECT_EQ(rules.rounding, Rounding::down);
  EXPECT_EQ(rules.min_receipt_amount, 5000);
  EXPECT_EQ(rules.line_stacking, Stacking::highest);
  EXPECT_EQ(rules.receipt_stacking, Stacking::multiply);

  ASSERT_EQ(rules.rules.size(), 3U);
  EXPECT_EQ(rules.rules[0].name, "Doppi punti il martedì");
  EXPECT_EQ(rules.rules[0].kind, RuleKind::multiplier);
  EXPECT_EQ(rules.rules[0].multiplier, 2000);
  EXPECT_EQ(rules.rules[0].weekdays, std::vector<int>{2});
  EXPECT_TRUE(rules.rules[0].match.empty());
  EXPECT_FALSE(rules.rules[0].from_day.has_value());

  EXPECT_EQ(rules.rules[1].multiplier, 3000);
  EXPECT_EQ(rules.rules[1].match.departments, std::vector<std::string>{"Ortofrutta"});
  EXPECT_EQ(rules.rules[1].from_day, day("2026-03-01"));
  EXPECT_EQ(rules.rules[1].to_day, day("2026-03-31"));

  EXPECT_EQ(rules.rules[2].kind, RuleKind::bonus);
  EXPECT_EQ(rules.rules[2].bonus_points, 50);
  EXPECT_EQ(rules.rules[2].bonus_per, BonusPer::receipt);
  EXPECT_EQ(rules.rules[2].bonus_min_amount, 20000);
  EXPECT_EQ(rules.rules[2].match.promotions, std::vector<std::string>{"VINO10"});

  EXPECT_EQ(rules.exclusions.departments,
            (std::vector<std::string>{"Latte per l'infanzia", "Tabacchi"}));
  EXPECT_TRUE(rules.exclusions.products.empty());

  ASSERT_EQ(rules.seasons.size(), 1U);
  EXPECT_EQ(rules.seasons[0].start_day, day("2026-01-01"));
  EXPECT_EQ(rules.seasons[0].end_day, day("2026-12-31"));
  EXPECT_EQ(rules.seasons[0].expires_day, day("2027-01-31"));
  EXPECT_EQ(rules.seasons[0].claim_until_day, day("2027-02-28"));

  EXPECT_EQ(rules.tiers.basis, TierBasis::points);
  EXPECT_EQ(rules.tiers.window_days, 365);
  EXPECT_EQ(rules.tiers.hold_days, 180);
  ASSERT_EQ(rules.tiers.levels.size(), 3U);
  EXPECT_EQ(rules.tiers.levels[1].name, "Silver");
  EXPECT_EQ(rules.tiers.levels[1].threshold, 500);
  EXPECT_EQ(rules.tiers.levels[1].multiplier, 1250);
  EXPECT_EQ(rules.point_value, 10);
}

TEST(ParseRuleSet, DefaultsForAbsentFields) {
  const auto parsed = parse_rule_set(document());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const RuleSet& rules = parsed.value();

  EXPECT_EQ(rules.mode, EarnMode::per_threshold);
  EXPECT_EQ(rules.threshold, 10000);
  EXPECT_EQ(rules.points_per_threshold, 1);
  EXPECT_EQ(rules.points_per_euro, 1000);
  EXPECT_EQ(rules.rounding, Rounding::down);
  EXPECT_EQ(rules.min_receipt_amount, 0);
  EXPECT_EQ(rules.line_stacking, Stacking::highest);
  EXPECT_EQ(rules.receipt_stacking, Stacking::multiply);
  EXPECT_TRUE(rules.rules.empty());
  EXPECT_EQ(rules.exclusions, default_exclusions());
  EXPECT_EQ(rules.exclusions.departments.size(), 7U);
  EXPECT_EQ(rules.tiers.basis, TierBasis::points);
  EXPECT_EQ(rules.tiers.window_days, 365);
  EXPECT_EQ(rules.tiers.hold_days, 365);
  EXPECT_TRUE(rules.tiers.levels.empty());
  EXPECT_EQ(rules.point_value, 10);
}

TEST(ParseRuleSet, RuleDefaults) {
  const auto parsed = parse_rule_set(document(R"("rules": [{"name": "Nothing set"},
      {"name": "Bonus", "kind": "bonus"}])"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const Rule& multiplier = parsed->rules[0];
  EXPECT_EQ(multiplier.kind, RuleKind::multiplier);
  EXPECT_EQ(multiplier.multiplier, 1000);
  EXPECT_TRUE(multiplier.weekdays.empty());
  const Rule& bonus = parsed->rules[1];
  EXPECT_EQ(bonus.bonus_points, 0);
  EXPECT_EQ(bonus.bonus_per, BonusPer::receipt);
  EXPECT_EQ(bonus.bonus_min_amount, 0);
}

TEST(ParseRuleSet, EmptyExclusionsStayEmpty) {
  const auto parsed = parse_rule_set(document(R"("exclusions": {})"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed->exclusions.empty());
}

TEST(ParseRuleSet, PerEuroAndSpendTiers) {
  const auto parsed = parse_rule_set(document(
      R"("earn": {"mode": "per_euro", "points_per_euro": "1.5", "rounding": "nearest"},
         "tiers": {"basis": "spend", "levels": [{"name": "Base", "threshold": "0"},
                                                {"name": "Oro", "threshold": "1500.50",
                                                 "multiplier": "2"}]})"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->mode, EarnMode::per_euro);
  EXPECT_EQ(parsed->points_per_euro, 1500);
  EXPECT_EQ(parsed->rounding, Rounding::nearest);
  EXPECT_EQ(parsed->tiers.basis, TierBasis::spend);
  ASSERT_EQ(parsed->tiers.levels.size(), 2U);
  EXPECT_EQ(parsed->tiers.levels[0].multiplier, 1000);
  EXPECT_EQ(parsed->tiers.levels[1].threshold, 1'500'500);
  EXPECT_EQ(parsed->tiers.levels[1].multiplier, 2000);
}

TEST(RuleSetJson, RoundTripExample) {
  const auto parsed = parse_rule_set(kExample);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const std::string written = rule_set_json(parsed.value());

  const auto reparsed = parse_rule_set(written);

  ASSERT_TRUE(reparsed.ok()) << reparsed.error().message << "\n" << written;
  EXPECT_TRUE(reparsed.value() == parsed.value()) << written;
  EXPECT_EQ(rule_set_json(reparsed.value()), written);
}

TEST(RuleSetJson, RoundTripBuiltRuleSet) {
  RuleSet rules;
  rules.name = "Costruito";
  rules.mode = EarnMode::per_euro;
  rules.points_per_euro = 1333;
  rules.rounding = Rounding::up;
  rules.min_receipt_amount = 2555;
  rules.line_stacking = Stacking::multiply;
  rules.receipt_stacking = Stacking::highest;
  Rule bonus;
  bonus.name = "Per pezzo";
  bonus.kind = RuleKind::bonus;
  bonus.bonus_points = 3;
  bonus.bonus_per = BonusPer::unit;
  bonus.bonus_min_amount = 125;
  bonus.match.products = {"PASTA", "RISO"};
  bonus.weekdays = {6, 7};
  bonus.to_day = day("2026-06-30");
  Rule multiplier;
  multiplier.name = "Mezzo";
  multiplier.multiplier = 500;
  multiplier.from_day = day("2026-02-01");
  rules.rules = {bonus, multiplier};
  rules.exclusions.promotions = {"NOPUNTI"};
  rules.seasons = {Season{"Primavera", day("2026-03-01"), day("2026-05-31"), day("2026-09-01"),
                          day("2026-06-30")},
                   Season{"Autunno", day("2026-09-01"), day("2026-11-30"), day("2027-03-01"),
                          day("2026-12-31")}};
  rules.tiers.basis = TierBasis::spend;
  rules.tiers.window_days = 90;
  rules.tiers.hold_days = 0;
  rules.tiers.levels = {TierLevel{"Base", 0, 1000}, TierLevel{"Plus", 250'125, 1125}};
  rules.point_value = 5;

  const std::string written = rule_set_json(rules);
  const auto parsed = parse_rule_set(written);

  ASSERT_TRUE(parsed.ok()) << parsed.error().message << "\n" << written;
  EXPECT_TRUE(parsed.value() == rules) << written;
}

TEST(RuleSetJson, WritesDecimalStrings) {
  const auto parsed = parse_rule_set(kExample);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const std::string written = rule_set_json(parsed.value());
  EXPECT_NE(written.find(R"("threshold":"10.00")"), std::string::npos) << written;
  EXPECT_NE(written.find(R"("multiplier":"1.25")"), std::string::npos) << written;
  EXPECT_NE(written.find(R"("multiplier":"2")"), std::string::npos) << written;
  EXPECT_NE(written.find(R"("point_value":"0.01")"), std::string::npos) << written;
  EXPECT_NE(written.find(R"("from":"2026-03-01")"), std::string::npos) << written;
}

struct InvalidCase {
  std::string document;
  std::string path;    // the JSON path the message starts with
  std::string detail;  // another part of the message: the value or the fix
};

std::string repeated(std::string_view item, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += i == 0 ? "" : ", ";
    text += item;
  }
  return text;
}

std::string numbered_rules(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    text += i == 0 ? "" : ", ";
    text += R"({"name": "R)" + std::to_string(i) + R"("})";
  }
  return text;
}

std::vector<InvalidCase> invalid_cases() {
  const std::string season_a =
      R"({"name": "A", "start": "2026-01-01", "end": "2026-06-30", "expires": "2026-12-31",
          "claim_until": "2026-12-31"})";
  const auto seasons = [](std::string_view list) {
    return R"({"name": "Test", "seasons": [)" + std::string(list) + "]}";
  };
  const auto season = [](std::string_view start, std::string_view end, std::string_view expires,
                         std::string_view claim) {
    return R"({"name": "B", "start": ")" + std::string(start) + R"(", "end": ")" +
           std::string(end) + R"(", "expires": ")" + std::string(expires) +
           R"(", "claim_until": ")" + std::string(claim) + R"("})";
  };
  return {
      {"not json", "", "not valid JSON"},
      {R"({"name": "Test",})", "", "not valid JSON: syntax error at line 1, column 17"},
      {"{\n  \"name\": \"Test\",\n}", "", "at line 3, column 1"},
      {R"({"name": "Test"} x)", "", "extra data at line 1, column 18"},
      {"[]", "$", "must be a JSON object"},
      {document(R"("rulez": [])"), "rulez: unknown field", R"(Did you mean "rules"?)"},
      {document(R"("stacking": {"lines": "highest"})"), "stacking.lines: unknown field",
       R"(Did you mean "line"?)"},
      {R"({"seasons": [)" + std::string(kSeason2026) + "]}", "name: missing", "Add a name"},
      {R"({"name": "", "seasons": [)" + std::string(kSeason2026) + "]}", "name: is empty", ""},
      {R"({"name": ")" + std::string(101, 'x') + R"(", "seasons": [)" + std::string(kSeason2026) +
           "]}",
       "name: ", "longer than 100 characters"},
      {R"({"name": 7, "seasons": [)" + std::string(kSeason2026) + "]}",
       "name: ", "expected a JSON string, got 7"},
      {document(R"("earn": "per_euro")"), "earn: ", "expected a JSON object"},
      {document(R"("earn": {"threshold": "0"})"), "earn.threshold: ", R"("0" is too small)"},
      {document(R"("earn": {"threshold": "-5"})"), "earn.threshold: ", "of at least 0.01"},
      {document(R"("earn": {"threshold": 10})"),
       "earn.threshold: ", "expected a decimal number in a string"},
      {document(R"("earn": {"threshold": "10,00"})"),
       "earn.threshold: ", R"("10,00" is not a decimal number)"},
      {document(R"("earn": {"threshold": "1.0005"})"), "earn.threshold: ", "not a decimal number"},
      {document(R"("earn": {"points": 0})"), "earn.points: ", "from 1 to"},
      {document(R"("earn": {"points": "1"})"), "earn.points: ", "expected a whole number"},
      {document(R"("earn": {"mode": "per_euro", "points_per_euro": "0"})"),
       "earn.points_per_euro: ", "too small"},
      {document(R"("earn": {"mode": "per_euro", "threshold": "10.00"})"),
       "earn.threshold: applies only to mode \"per_threshold\"", "change the mode"},
      {document(R"("earn": {"points_per_euro": "2"})"),
       "earn.points_per_euro: applies only to mode \"per_euro\"", ""},
      {document(R"("earn": {"mode": "per_item"})"), "earn.mode: ", "per_euro, per_threshold"},
      {document(R"("earn": {"rounding": "half"})"), "earn.rounding: ", "down, nearest, up"},
      {document(R"("earn": {"min_receipt_amount": "-1.00"})"),
       "earn.min_receipt_amount: ", "too small"},
      {document(R"("stacking": {"line": "sum"})"), "stacking.line: ", "highest, multiply"},
      {document(R"("rules": {})"), "rules: ", "expected a JSON array"},
      {document(R"("rules": [{"name": "X", "multipler": "2"}])"),
       "rules[0].multipler: unknown field", R"(Did you mean "multiplier"?)"},
      {document(R"("rules": [{"name": "X", "points": 5}])"),
       "rules[0].points: applies only to kind \"bonus\"", "change the kind"},
      {document(R"("rules": [{"name": "X", "kind": "bonus", "multiplier": "2"}])"),
       "rules[0].multiplier: applies only to kind \"multiplier\"", ""},
      {document(R"("rules": [{"name": "X", "kind": "extra"}])"),
       "rules[0].kind: ", "multiplier, bonus"},
      {document(R"("rules": [{"kind": "bonus"}])"), "rules[0].name: missing", ""},
      {document(R"("rules": [{"name": ""}])"), "rules[0].name: is empty", ""},
      {document(R"("rules": [{"name": "X"}, {"name": "X"}])"),
       "rules[1].name: ", "already the name of another rule"},
      {document(R"("rules": [{"name": "X", "multiplier": "0"}])"),
       "rules[0].multiplier: ", "greater than 0.00"},
      {document(R"("rules": [{"name": "X", "multiplier": "100.001"}])"),
       "rules[0].multiplier: ", "at most 100.00"},
      {document(R"("rules": [{"name": "X", "kind": "bonus", "points": -1}])"),
       "rules[0].points: ", "from 0 to"},
      {document(R"("rules": [{"name": "X", "kind": "bonus", "points": 1.5}])"),
       "rules[0].points: ", "expected a whole number"},
      {document(R"("rules": [{"name": "X", "kind": "bonus", "per": "line"}])"),
       "rules[0].per: ", "receipt, unit"},
      {document(R"("rules": [{"name": "X", "kind": "bonus", "min_amount": "-2"}])"),
       "rules[0].min_amount: ", "too small"},
      {document(R"("rules": [{"name": "X", "weekdays": [8]}])"),
       "rules[0].weekdays[0]: ", "from 1 to 7"},
      {document(R"("rules": [{"name": "X", "weekdays": [0]}])"),
       "rules[0].weekdays[0]: ", "from 1 to 7"},
      {document(R"("rules": [{"name": "X", "weekdays": [2, 2]}])"),
       "rules[0].weekdays[1]: ", "listed twice"},
      {document(R"("rules": [{"name": "X", "from": "2026-02-30"}])"),
       "rules[0].from: ", R"("2026-02-30" is not a valid date)"},
      {document(R"("rules": [{"name": "X", "to": "31/03/2026"}])"), "rules[0].to: ", "YYYY-MM-DD"},
      {document(R"("rules": [{"name": "X", "from": "2026-04-01", "to": "2026-03-31"}])"),
       "rules[0].to: ", "before from"},
      {document(R"("rules": [{"name": "X", "match": {"department": ["A"]}}])"),
       "rules[0].match.department: unknown field", R"(Did you mean "departments"?)"},
      {document(R"("rules": [{"name": "X", "match": {"products": [""]}}])"),
       "rules[0].match.products[0]: is empty", ""},
      {document(R"("stacking": {"line": "multiply"}, "rules": [
           {"name": "A", "multiplier": "100", "match": {"products": ["P"]}},
           {"name": "B", "multiplier": "100", "match": {"products": ["Q"]}}])"),
       "rules: ", R"(rule "B")"},
      {document(R"("rules": [{"name": "A", "multiplier": "100"},
                             {"name": "B", "multiplier": "100"}])"),
       "rules: ", "stacking.receipt"},
      {document(R"("rules": [)" + numbered_rules(201) + "]"),
       "rules: ", "201 rules but the maximum is 200"},
      {document(R"("exclusions": {"departments": [)" + repeated(R"("D")", 1001) + "]}"),
       "exclusions.departments: ", "1001 entries but the maximum is 1000"},
      {document(R"("exclusions": {"departments": ["Farmaci", 3]})"),
       "exclusions.departments[1]: ", "expected a JSON string"},
      {R"({"name": "Test"})", "seasons: missing", ""},
      {seasons(""), "seasons: is empty", "earns nothing"},
      {seasons(season("2026-05-01", "2026-04-30", "2026-12-31", "2026-12-31")),
       "seasons[0].end: ", "before the start"},
      {seasons(season("2026-01-01", "2026-06-30", "2026-06-30", "2026-12-31")),
       "seasons[0].expires: ", "not after the end"},
      {seasons(season("2026-01-01", "2026-06-30", "2026-12-31", "2026-06-29")),
       "seasons[0].claim_until: ", "before the end"},
      {seasons(season("2026-13-01", "2026-06-30", "2026-12-31", "2026-12-31")),
       "seasons[0].start: ", "not a valid date"},
      {seasons(R"({"name": "B", "start": "2026-01-01", "end": "2026-06-30",
                   "expires": "2026-12-31"})"),
       "seasons[0].claim_until: missing", ""},
      {seasons(season_a + ", " + season("2026-06-30", "2026-09-30", "2026-12-31", "2026-12-31")),
       "seasons[1]: ", R"(overlaps the season "A")"},
      {document(R"("tiers": {"basis": "visits"})"), "tiers.basis: ", "points, spend"},
      {document(R"("tiers": {"window_days": 0})"), "tiers.window_days: ", "from 1 to 3660"},
      {document(R"("tiers": {"window_days": 3661})"), "tiers.window_days: ", "from 1 to 3660"},
      {document(R"("tiers": {"hold_days": -1})"), "tiers.hold_days: ", "from 0 to 3660"},
      {document(R"("tiers": {"levels": [{"name": "Silver", "threshold": 100}]})"),
       "tiers.levels[0].threshold: ", "must be 0 for the first level"},
      {document(R"("tiers": {"levels": [{"name": "A", "threshold": 0},
                                        {"name": "B", "threshold": 0}]})"),
       "tiers.levels[1].threshold: ", "strictly ascending"},
      {document(R"("tiers": {"levels": [{"name": "A", "threshold": 0},
                                        {"name": "A", "threshold": 10}]})"),
       "tiers.levels[1].name: ", "already the name of another level"},
      {document(R"("tiers": {"levels": [{"name": "A", "threshold": 0, "multiplier": "101"}]})"),
       "tiers.levels[0].multiplier: ", "at most 100.00"},
      {document(R"("tiers": {"basis": "spend", "levels": [{"name": "A", "threshold": 0}]})"),
       "tiers.levels[0].threshold: ", "expected a decimal number in a string"},
      {document(R"("tiers": {"levels": [{"name": "A"}]})"), "tiers.levels[0].threshold: missing",
       ""},
      {document(R"("point_value": "-0.01")"), "point_value: ", "too small"},
      {document(R"("point_value": 0.01)"), "point_value: ", "expected a decimal number"},
      // Names: blank or with control characters.
      {R"({"name": "   ", "seasons": [)" + std::string(kSeason2026) + "]}", "name: is blank", ""},
      {R"({"name": "\t", "seasons": [)" + std::string(kSeason2026) + "]}", "name: is blank", ""},
      {R"({"name": "a\u0000b", "seasons": [)" + std::string(kSeason2026) + "]}",
       "name: contains the control character U+0000", ""},
      {document(R"("rules": [{"name": " "}])"), "rules[0].name: is blank", ""},
      {seasons(R"({"name": "  ", "start": "2026-01-01", "end": "2026-12-31",
                   "expires": "2027-01-31", "claim_until": "2027-01-31"})"),
       "seasons[0].name: is blank", ""},
      {document(R"("tiers": {"levels": [{"name": "\u0007", "threshold": 0}]})"),
       "tiers.levels[0].name: contains the control character U+0007", ""},
      // Duplicate keys, at the top and inside a list.
      {R"({"name": "A", "name": "B", "seasons": [)" + std::string(kSeason2026) + "]}",
       "name: the key appears twice", ""},
      {document(R"("rules": [{"name": "R"}, {"name": "S", "kind": "bonus", "kind": "bonus"}])"),
       "rules[1].kind: the key appears twice", ""},
      // Figures bounded so that no receipt's evaluation overflows.
      {document(R"("earn": {"points": 10001})"), "earn.points: ", "from 1 to 10000"},
      {document(R"("earn": {"points": 1000000000})"), "earn.points: ", "from 1 to 10000"},
      {document(R"("earn": {"threshold": "0.001"})"), "earn.threshold: ", "too small"},
      {document(R"("earn": {"threshold": "1000000.01"})"), "earn.threshold: ", "too large"},
      {document(R"("earn": {"mode": "per_euro", "points_per_euro": "1000.001"})"),
       "earn.points_per_euro: ", "too large"},
      {document(R"("earn": {"min_receipt_amount": "1000000000.01"})"),
       "earn.min_receipt_amount: ", "too large"},
      {document(R"("rules": [{"name": "B", "kind": "bonus", "points": 100001}])"),
       "rules[0].points: ", "from 0 to 100000"},
      {document(R"("tiers": {"basis": "spend", "levels": [{"name": "A", "threshold": "0"},
                    {"name": "B", "threshold": "1000000000.01"}]})"),
       "tiers.levels[1].threshold: ", "too large"},
      {document(R"("point_value": "100.01")"), "point_value: ", "too large"},
      {document(R"("point_value": "9223372036854775.807")"), "point_value: ", "too large"},
      {document(R"("point_value": "9223372036854775.808")"), "point_value: ", "too large"},
  };
}

TEST(ParseRuleSet, InvalidDocuments) {
  for (const InvalidCase& test : invalid_cases()) {
    SCOPED_TRACE(test.document.substr(0, 300));
    const auto parsed = parse_rule_set(test.document);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, "invalid_rule_set");
    EXPECT_EQ(parsed.error().message.rfind(test.path, 0), 0U)
        << "message: " << parsed.error().message << "\nexpected start: " << test.path;
    EXPECT_NE(parsed.error().message.find(test.detail), std::string::npos)
        << "message: " << parsed.error().message << "\nexpected to contain: " << test.detail;
  }
}

TEST(ParseRuleSet, LimitsAreInclusive) {
  // 200 rules, 1000 list entries, multiplier 100 and window 3660 days are all allowed.
  const auto parsed =
      parse_rule_set(document(R"("rules": [)" + numbered_rules(200) +
                              R"(], "exclusions": {"products": [)" + repeated(R"("P")", 1000) +
                              R"(]}, "tiers": {"window_days": 3660, "hold_days": 0,
          "levels": [{"name": "A", "threshold": 0, "multiplier": "100"}]})"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->rules.size(), 200U);
  EXPECT_EQ(parsed->exclusions.products.size(), 1000U);
  EXPECT_EQ(parsed->tiers.levels[0].multiplier, 100'000);
}

TEST(ParseRuleSet, RuleMatchEntriesCapped) {
  // 2 rules of 1000 departments each are allowed; a third rule with one more entry is not.
  const std::string departments = R"("match": {"departments": [)" + repeated(R"("D")", 1000) + "]}";
  const std::string two =
      R"({"name": "A", )" + departments + R"(}, {"name": "B", )" + departments + "}";
  const auto allowed = parse_rule_set(document(R"("rules": [)" + two + "]"));
  ASSERT_TRUE(allowed.ok()) << allowed.error().message;
  const auto rejected = parse_rule_set(
      document(R"("rules": [)" + two + R"(, {"name": "C", "match": {"products": ["P"]}}])"));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().message.rfind("rules[2].match: ", 0), 0U) << rejected.error().message;
  EXPECT_NE(rejected.error().message.find("2001 entries but the maximum is 2000"),
            std::string::npos)
      << rejected.error().message;
}

TEST(ParseRuleSet, FigureBoundsAreInclusive) {
  const auto parsed = parse_rule_set(document(R"("earn": {"threshold": "0.01", "points": 10000},
                  "rules": [{"name": "B", "kind": "bonus", "points": 100000}],
                  "point_value": "100.00")"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->threshold, 10);
  EXPECT_EQ(parsed->points_per_threshold, 10'000);
  EXPECT_EQ(parsed->rules[0].bonus_points, 100'000);
  EXPECT_EQ(parsed->point_value, 100'000);
}

TEST(NameError, ValidAndInvalidNames) {
  EXPECT_EQ(name_error("Raccolta 2026"), "");
  EXPECT_EQ(name_error(std::string(100, 'x')), "");
  EXPECT_NE(name_error(std::string(101, 'x')).find("longer than 100"), std::string::npos);
  EXPECT_NE(name_error(" \t ").find("blank"), std::string::npos);
  EXPECT_NE(name_error(std::string("a\0b", 3)).find("U+0000"), std::string::npos);
  // 100 emoji are 100 characters (400 bytes), so they are within the limit.
  std::string emoji;
  for (int i = 0; i < 100; ++i) {
    emoji += "\xF0\x9F\x8D\x8E";
  }
  EXPECT_EQ(name_error(emoji), "");
}

TEST(DuplicateKeyPath, FindsNestedKeys) {
  EXPECT_EQ(duplicate_key_path(R"({"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}})"), "b.c[1].d");
  EXPECT_EQ(duplicate_key_path(R"({"a": 1, "\u0061": 2})"), "a");
  EXPECT_EQ(duplicate_key_path(R"({"a": {"x": 1}, "b": {"x": 1}, "s": "a\"b:"})"), std::nullopt);
  EXPECT_EQ(duplicate_key_path(R"([{"x": 1}, {"x": 2}])"), std::nullopt);
}

TEST(ParseRuleSet, AdjacentSeasonsAreAllowed) {
  const auto parsed = parse_rule_set(
      R"({"name": "Test", "seasons": [
          {"name": "A", "start": "2026-01-01", "end": "2026-06-30", "expires": "2026-12-31",
           "claim_until": "2026-12-31"},
          {"name": "B", "start": "2026-07-01", "end": "2026-12-31", "expires": "2027-06-30",
           "claim_until": "2026-12-31"}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(season_of(parsed.value(), day("2026-06-30"))->name, "A");
  EXPECT_EQ(season_of(parsed.value(), day("2026-07-01"))->name, "B");
  EXPECT_EQ(season_of(parsed.value(), day("2025-12-31")), nullptr);
  EXPECT_EQ(season_of(parsed.value(), day("2027-01-01")), nullptr);
}

}  // namespace
}  // namespace imagross::points
