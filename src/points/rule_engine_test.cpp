#include "points/rule_engine.h"

#include <gtest/gtest.h>

#include <functional>
#include <limits>

#include "common/civil_time.h"

namespace imagross::points {
namespace {

int32_t day(std::string_view iso) {
  return parse_iso_date(iso).value();
}

// The rule set every case starts from: 1 point per full 10.00 euros, rounded down, the default
// exclusions, and one season covering 2026 whose points expire on 2027-01-31.
RuleSet base_rules() {
  RuleSet rules;
  rules.name = "Raccolta 2026";
  rules.exclusions = default_exclusions();
  Season season;
  season.name = "Raccolta 2026";
  season.start_day = day("2026-01-01");
  season.end_day = day("2026-12-31");
  season.expires_day = day("2027-01-31");
  season.claim_until_day = day("2027-01-31");
  rules.seasons = {season};
  return rules;
}

Rule multiplier_rule(std::string name, int64_t multiplier, LineMatch match = {}) {
  Rule rule;
  rule.name = std::move(name);
  rule.kind = RuleKind::multiplier;
  rule.multiplier = multiplier;
  rule.match = std::move(match);
  return rule;
}

Rule bonus_rule(std::string name, int64_t points, BonusPer per, int64_t min_amount,
                LineMatch match = {}) {
  Rule rule;
  rule.name = std::move(name);
  rule.kind = RuleKind::bonus;
  rule.bonus_points = points;
  rule.bonus_per = per;
  rule.bonus_min_amount = min_amount;
  rule.match = std::move(match);
  return rule;
}

LineMatch departments(std::vector<std::string> names) {
  LineMatch match;
  match.departments = std::move(names);
  return match;
}

EarnLine line(std::string department, int64_t amount, int64_t quantity = 1000) {
  EarnLine result;
  result.department = std::move(department);
  result.product_code = "P" + std::to_string(amount);
  result.quantity = quantity;
  result.amount = amount;
  return result;
}

EarnLine with_promo(EarnLine line, std::string promo) {
  line.promo_code = std::move(promo);
  return line;
}

EarnLine with_product(EarnLine line, std::string product) {
  line.product_code = std::move(product);
  return line;
}

EarnLine as_return(EarnLine line) {
  line.is_return = true;
  line.quantity = -line.quantity;
  line.amount = -line.amount;
  return line;
}

void per_euro(RuleSet& rules, int64_t points_per_euro, Rounding rounding) {
  rules.mode = EarnMode::per_euro;
  rules.points_per_euro = points_per_euro;
  rules.rounding = rounding;
}

struct Expected {
  int64_t points = 0;
  int64_t base_points = 0;
  int64_t bonus_points = 0;
  int64_t eligible_amount = 0;
  int64_t excluded_amount = 0;
  std::string reason;
  std::vector<std::string> applied_rules;
};

struct EvaluationCase {
  std::string name;
  std::function<void(RuleSet&)> setup;
  std::string local_day;
  std::vector<EarnLine> lines;
  int64_t tier_multiplier;
  Expected expected;
};

const std::function<void(RuleSet&)> kNoChange = [](RuleSet&) {};

Expected points(int64_t base, int64_t bonus, int64_t eligible, int64_t excluded = 0,
                std::vector<std::string> applied = {}) {
  Expected expected;
  expected.points = base + bonus;
  expected.base_points = base;
  expected.bonus_points = bonus;
  expected.eligible_amount = eligible;
  expected.excluded_amount = excluded;
  expected.applied_rules = std::move(applied);
  return expected;
}

Expected nothing(std::string reason, int64_t eligible = 0, int64_t excluded = 0) {
  Expected expected;
  expected.reason = std::move(reason);
  expected.eligible_amount = eligible;
  expected.excluded_amount = excluded;
  return expected;
}

// 2026-03-03 is a Tuesday (ISO weekday 2) and 2026-03-04 a Wednesday. 2026-02-10 is a Tuesday
// outside March. Amounts and quantities are thousandths.
std::vector<EvaluationCase> evaluation_cases() {
  const auto march_rules = [](Stacking line_stacking) {
    return [line_stacking](RuleSet& rules) {
      rules.line_stacking = line_stacking;
      rules.rules = {multiplier_rule("Frutta x3", 3000, departments({"Ortofrutta"})),
                     multiplier_rule("Bio x2", 2000, LineMatch{{}, {}, {"BIO"}})};
    };
  };
  const auto tuesday_double = [](RuleSet& rules) {
    Rule rule = multiplier_rule("Doppi punti il martedì", 2000);
    rule.weekdays = {2};
    rules.rules = {rule};
  };
  const auto march_double = [](RuleSet& rules) {
    Rule rule = multiplier_rule("Marzo x2", 2000);
    rule.from_day = day("2026-03-01");
    rule.to_day = day("2026-03-31");
    rules.rules = {rule};
  };
  const auto receipt_rules = [](Stacking receipt_stacking) {
    return [receipt_stacking](RuleSet& rules) {
      rules.receipt_stacking = receipt_stacking;
      Rule tuesday = multiplier_rule("Martedì x2", 2000);
      tuesday.weekdays = {2};
      Rule march = multiplier_rule("Marzo x3", 3000);
      march.from_day = day("2026-03-01");
      march.to_day = day("2026-03-31");
      rules.rules = {tuesday, march};
    };
  };
  const auto enoteca_bonus = [](RuleSet& rules) {
    rules.rules = {bonus_rule("Bonus Enoteca", 50, BonusPer::receipt, 20000,
                              LineMatch{{"Enoteca"}, {}, {"VINO10"}})};
  };
  const auto unit_bonus = [](RuleSet& rules) {
    rules.rules = {
        bonus_rule("Pasta 5 per pezzo", 5, BonusPer::unit, 0, LineMatch{{}, {"PASTA"}, {}})};
  };
  const auto minimum_five = [](RuleSet& rules) {
    per_euro(rules, 1000, Rounding::down);
    rules.min_receipt_amount = 5000;
    rules.rules = {bonus_rule("Benvenuto", 10, BonusPer::receipt, 0)};
  };

  return {
      // Thresholds: floor(amount / 10.00) x 1.
      {"threshold 9.99",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 9990)},
       1000,
       points(0, 0, 9990)},
      {"threshold 10.00",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000)},
      {"threshold 29.99",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 29990)},
       1000,
       points(2, 0, 29990)},
      // 5 points per full 10 euros: floor(25.00 / 10.00) x 5 = 10.
      {"threshold five points",
       [](RuleSet& rules) { rules.points_per_threshold = 5; },
       "2026-03-04",
       {line("Drogheria", 25000)},
       1000,
       points(10, 0, 25000)},
      // The threshold counts whole thresholds even when rounding is "up": floor(19.99/10) = 1.
      {"threshold ignores rounding up",
       [](RuleSet& rules) { rules.rounding = Rounding::up; },
       "2026-03-04",
       {line("Drogheria", 19990)},
       1000,
       points(1, 0, 19990)},

      // per_euro 1.5 points per euro on 9.99 euros: 14.985 points.
      {"per euro down",
       [](RuleSet& rules) { per_euro(rules, 1500, Rounding::down); },
       "2026-03-04",
       {line("Drogheria", 9990)},
       1000,
       points(14, 0, 9990)},
      {"per euro nearest",
       [](RuleSet& rules) { per_euro(rules, 1500, Rounding::nearest); },
       "2026-03-04",
       {line("Drogheria", 9990)},
       1000,
       points(15, 0, 9990)},
      {"per euro up",
       [](RuleSet& rules) { per_euro(rules, 1500, Rounding::up); },
       "2026-03-04",
       {line("Drogheria", 9990)},
       1000,
       points(15, 0, 9990)},
      // 1 point per euro on 2.50 euros: exactly half a point over 2.
      {"per euro half down",
       [](RuleSet& rules) { per_euro(rules, 1000, Rounding::down); },
       "2026-03-04",
       {line("Drogheria", 2500)},
       1000,
       points(2, 0, 2500)},
      {"per euro half nearest",
       [](RuleSet& rules) { per_euro(rules, 1000, Rounding::nearest); },
       "2026-03-04",
       {line("Drogheria", 2500)},
       1000,
       points(3, 0, 2500)},
      {"per euro half up",
       [](RuleSet& rules) { per_euro(rules, 1000, Rounding::up); },
       "2026-03-04",
       {line("Drogheria", 2500)},
       1000,
       points(3, 0, 2500)},
      // 2.49 euros: nearest goes down, up goes up.
      {"per euro below half nearest",
       [](RuleSet& rules) { per_euro(rules, 1000, Rounding::nearest); },
       "2026-03-04",
       {line("Drogheria", 2490)},
       1000,
       points(2, 0, 2490)},
      {"per euro below half up",
       [](RuleSet& rules) { per_euro(rules, 1000, Rounding::up); },
       "2026-03-04",
       {line("Drogheria", 2490)},
       1000,
       points(3, 0, 2490)},

      // Line multipliers. Ortofrutta 10.00 with promotion BIO matches x3 and x2; Drogheria 5.00
      // matches neither. highest: 10.00 x 3 + 5.00 = 35.00, 3 points.
      {"line highest",
       march_rules(Stacking::highest),
       "2026-03-04",
       {with_promo(line("Ortofrutta", 10000), "BIO"), line("Drogheria", 5000)},
       1000,
       points(3, 0, 15000, 0, {"Frutta x3"})},
      // multiply: 10.00 x 6 + 5.00 = 65.00, 6 points.
      {"line multiply",
       march_rules(Stacking::multiply),
       "2026-03-04",
       {with_promo(line("Ortofrutta", 10000), "BIO"), line("Drogheria", 5000)},
       1000,
       points(6, 0, 15000, 0, {"Frutta x3", "Bio x2"})},
      // Only the promotion matches: 10.00 x 2 = 20.00, 2 points.
      {"line promotion only",
       march_rules(Stacking::highest),
       "2026-03-04",
       {with_promo(line("Drogheria", 10000), "BIO")},
       1000,
       points(2, 0, 10000, 0, {"Bio x2"})},
      // A factor below 1: 20.00 x 0.5 = 10.00, 1 point.
      {"line half multiplier",
       [](RuleSet& rules) {
         rules.rules = {multiplier_rule("Alcolici x0.5", 500, departments({"Alcolici"}))};
       },
       "2026-03-04",
       {line("Alcolici", 20000)},
       1000,
       points(1, 0, 20000, 0, {"Alcolici x0.5"})},
      // Department names compare ignoring case and accents: "ORTOFRUTTA" matches "Ortofrutta".
      {"line match ignores case",
       march_rules(Stacking::highest),
       "2026-03-04",
       {line("ORTOFRUTTA", 10000)},
       1000,
       points(3, 0, 10000, 0, {"Frutta x3"})},

      // Receipt multiplier on weekday 2. Tuesday: floor(25.00/10) = 2, x2 = 4.
      {"weekday rule on tuesday",
       tuesday_double,
       "2026-03-03",
       {line("Drogheria", 25000)},
       1000,
       points(4, 0, 25000, 0, {"Doppi punti il martedì"})},
      {"weekday rule on wednesday",
       tuesday_double,
       "2026-03-04",
       {line("Drogheria", 25000)},
       1000,
       points(2, 0, 25000)},
      // Date range 2026-03-01 to 2026-03-31, both included: 10.00 earns 1, doubled to 2.
      {"date range day before",
       march_double,
       "2026-02-28",
       {line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000)},
      {"date range first day",
       march_double,
       "2026-03-01",
       {line("Drogheria", 10000)},
       1000,
       points(2, 0, 10000, 0, {"Marzo x2"})},
      {"date range last day",
       march_double,
       "2026-03-31",
       {line("Drogheria", 10000)},
       1000,
       points(2, 0, 10000, 0, {"Marzo x2"})},
      {"date range day after",
       march_double,
       "2026-04-01",
       {line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000)},
      // Tuesday 2026-03-03 applies x2 and x3: highest 1 x 3 = 3, multiply 1 x 6 = 6.
      {"receipt highest",
       receipt_rules(Stacking::highest),
       "2026-03-03",
       {line("Drogheria", 10000)},
       1000,
       points(3, 0, 10000, 0, {"Marzo x3"})},
      {"receipt multiply",
       receipt_rules(Stacking::multiply),
       "2026-03-03",
       {line("Drogheria", 10000)},
       1000,
       points(6, 0, 10000, 0, {"Martedì x2", "Marzo x3"})},
      // Tuesday 2026-02-10 is outside March: only x2 applies.
      {"receipt weekday only",
       receipt_rules(Stacking::multiply),
       "2026-02-10",
       {line("Drogheria", 10000)},
       1000,
       points(2, 0, 10000, 0, {"Martedì x2"})},

      // Tier multiplier: floor(20.00/10) = 2, x1.5 = 3.
      {"tier multiplier",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 20000)},
       1500,
       points(3, 0, 20000)},
      // 3 x 1.25 = 3.75: down gives 3, nearest 4.
      {"tier rounds down",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 30000)},
       1250,
       points(3, 0, 30000)},
      {"tier rounds nearest",
       [](RuleSet& rules) { rules.rounding = Rounding::nearest; },
       "2026-03-04",
       {line("Drogheria", 30000)},
       1250,
       points(4, 0, 30000)},
      // Receipt x2 and tier x1.25 always multiply: 1 x 2 x 1.25 = 2.5, down 2.
      {"tier times receipt rule",
       tuesday_double,
       "2026-03-03",
       {line("Drogheria", 10000)},
       1250,
       points(2, 0, 10000, 0, {"Doppi punti il martedì"})},

      // Exclusions: 50.00 of tobacco earns nothing, the 10.00 of groceries earns 1.
      {"excluded department",
       kNoChange,
       "2026-03-04",
       {line("Tabacchi e generi di monopolio", 50000), line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000, 50000)},
      // Upper case and a typographic apostrophe still match "Latte per l'infanzia".
      {"excluded ignores case",
       kNoChange,
       "2026-03-04",
       {line("LATTE PER L\u2019INFANZIA", 30000), line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000, 30000)},
      // "CAFFE" matches the excluded "Caffè" without its accent.
      {"excluded ignores accents",
       [](RuleSet& rules) { rules.exclusions.departments.push_back("Caffè"); },
       "2026-03-04",
       {line("CAFFE", 30000), line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000, 30000)},
      {"excluded product",
       [](RuleSet& rules) { rules.exclusions.products = {"GIFT50"}; },
       "2026-03-04",
       {with_product(line("Varie", 50000), "GIFT50"), line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000, 50000)},
      // An excluded line matches no rule: the Enoteca bonus finds no matching line.
      {"excluded line gets no bonus",
       [](RuleSet& rules) {
         rules.exclusions.departments.push_back("Enoteca");
         rules.rules = {
             bonus_rule("Bonus Enoteca", 50, BonusPer::receipt, 0, departments({"Enoteca"}))};
       },
       "2026-03-04",
       {line("Enoteca", 30000), line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000, 30000)},
      // A whole-receipt bonus with minimum 20.00 counts only eligible spend: 10.00 is below.
      {"excluded spend not in bonus minimum",
       [](RuleSet& rules) { rules.rules = {bonus_rule("Spesa 20", 30, BonusPer::receipt, 20000)}; },
       "2026-03-04",
       {line("Tabacchi e generi di monopolio", 50000), line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000, 50000)},
      {"only excluded lines",
       kNoChange,
       "2026-03-04",
       {line("Farmaci", 12000)},
       1000,
       nothing("nothing_eligible", 0, 12000)},

      // Minimum 5.00 of eligible spend at 1 point per euro, with a 10-point receipt bonus.
      {"minimum just below",
       minimum_five,
       "2026-03-04",
       {line("Drogheria", 4990)},
       1000,
       nothing("below_minimum", 4990)},
      {"minimum exactly at",
       minimum_five,
       "2026-03-04",
       {line("Drogheria", 5000)},
       1000,
       points(5, 10, 5000, 0, {"Benvenuto"})},

      // Season 2026-01-01 to 2026-12-31.
      {"season day before",
       kNoChange,
       "2025-12-31",
       {line("Drogheria", 10000)},
       1000,
       nothing("no_season")},
      {"season first day",
       kNoChange,
       "2026-01-01",
       {line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000)},
      {"season last day",
       kNoChange,
       "2026-12-31",
       {line("Drogheria", 10000)},
       1000,
       points(1, 0, 10000)},
      {"season day after",
       kNoChange,
       "2027-01-01",
       {line("Drogheria", 10000)},
       1000,
       nothing("no_season")},

      // Bonus 50 per receipt on Enoteca or promotion VINO10, when those lines reach 20.00.
      // 15.00 + 6.00 = 21.00 of Enoteca: base floor(21.00/10) = 2, bonus 50.
      {"bonus per receipt",
       enoteca_bonus,
       "2026-03-04",
       {line("Enoteca", 15000), line("Enoteca", 6000)},
       1000,
       points(2, 50, 21000, 0, {"Bonus Enoteca"})},
      // 19.99 of Enoteca is below the minimum even with 30.00 of other spend.
      {"bonus below min amount",
       enoteca_bonus,
       "2026-03-04",
       {line("Enoteca", 19990), line("Drogheria", 30000)},
       1000,
       points(4, 0, 49990)},
      // 12.00 of Enoteca and 8.00 with promotion VINO10 together reach 20.00.
      {"bonus matches promotion",
       enoteca_bonus,
       "2026-03-04",
       {line("Enoteca", 12000), with_promo(line("Drogheria", 8000), "VINO10")},
       1000,
       points(2, 50, 20000, 0, {"Bonus Enoteca"})},
      // Bonuses are not multiplied: base 2 x tier 2 = 4, plus 50.
      {"bonus not multiplied",
       enoteca_bonus,
       "2026-03-04",
       {line("Enoteca", 25000)},
       2000,
       points(4, 50, 25000, 0, {"Bonus Enoteca"})},
      // 5 points per whole unit of PASTA: 3 pieces, 2.5 pieces counts 2, and 0.45 kg counts 1.
      // 6 units give 30 points; spend 3.00 + 2.50 + 1.80 = 7.30 earns no base point.
      {"bonus per unit",
       unit_bonus,
       "2026-03-04",
       {with_product(line("Drogheria", 3000, 3000), "PASTA"),
        with_product(line("Drogheria", 2500, 2500), "PASTA"),
        with_product(line("Drogheria", 1800, 450), "PASTA")},
       1000,
       points(0, 30, 7300, 0, {"Pasta 5 per pezzo"})},
      {"bonus per unit no match",
       unit_bonus,
       "2026-03-04",
       {line("Drogheria", 3000, 3000)},
       1000,
       points(0, 0, 3000)},

      // Returns never earn: 20.00 bought, 10.00 returned on the same receipt, 2 points.
      {"return line ignored",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 20000), as_return(line("Drogheria", 10000))},
       1000,
       points(2, 0, 20000)},
      // A negative line that is not flagged as a return also never earns.
      {"negative line ignored",
       kNoChange,
       "2026-03-04",
       {line("Drogheria", 20000), line("Drogheria", -15000)},
       1000,
       points(2, 0, 20000)},
      {"only returns",
       kNoChange,
       "2026-03-04",
       {as_return(line("Drogheria", 10000))},
       1000,
       nothing("nothing_eligible")},
      {"empty receipt", kNoChange, "2026-03-04", {}, 1000, nothing("nothing_eligible")},
  };
}

TEST(Evaluate, CaseTable) {
  ASSERT_EQ(iso_weekday(day("2026-03-03")), 2);
  ASSERT_EQ(iso_weekday(day("2026-02-10")), 2);
  for (const EvaluationCase& test : evaluation_cases()) {
    SCOPED_TRACE(test.name);
    RuleSet rules = base_rules();
    test.setup(rules);
    EarnReceipt receipt;
    receipt.local_day = day(test.local_day);
    receipt.lines = test.lines;

    const Evaluation result = evaluate(rules, receipt, test.tier_multiplier);

    EXPECT_EQ(result.points, test.expected.points);
    EXPECT_EQ(result.base_points, test.expected.base_points);
    EXPECT_EQ(result.bonus_points, test.expected.bonus_points);
    EXPECT_EQ(result.eligible_amount, test.expected.eligible_amount);
    EXPECT_EQ(result.excluded_amount, test.expected.excluded_amount);
    EXPECT_EQ(result.no_points_reason, test.expected.reason);
    EXPECT_EQ(result.applied_rules, test.expected.applied_rules);
    if (test.expected.reason == "no_season") {
      EXPECT_FALSE(result.expires_day.has_value());
    } else {
      EXPECT_EQ(result.expires_day, day("2027-01-31"));
    }
  }
}

// The worked example of docs/POINTS.md, "How a receipt earns points": keep the two in step.
TEST(Evaluate, DocumentedExample) {
  const auto parsed = parse_rule_set(R"({
    "name": "Raccolta 2026",
    "earn": {"mode": "per_threshold", "threshold": "10.00", "points": 1,
             "rounding": "down", "min_receipt_amount": "5.00"},
    "stacking": {"line": "highest", "receipt": "multiply"},
    "rules": [
      {"name": "Doppi punti il martedì", "kind": "multiplier", "multiplier": "2",
       "weekdays": [2]},
      {"name": "Frutta x3 a marzo", "kind": "multiplier", "multiplier": "3",
       "match": {"departments": ["Ortofrutta"]}, "from": "2026-03-01", "to": "2026-03-31"},
      {"name": "Bonus Enoteca", "kind": "bonus", "points": 50, "per": "receipt",
       "min_amount": "20.00", "match": {"departments": ["Enoteca"], "promotions": ["VINO10"]}}],
    "seasons": [{"name": "Raccolta 2026", "start": "2026-01-01", "end": "2026-12-31",
                 "expires": "2027-01-31", "claim_until": "2027-01-31"}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EarnReceipt receipt;
  receipt.local_day = day("2026-03-03");
  receipt.lines = {line("Ortofrutta", 3600, 1200),
                   line("Ortofrutta", 4400, 2000),
                   with_promo(line("Enoteca", 22000, 2000), "VINO10"),
                   line("Drogheria", 8500),
                   line("Tabacchi e generi di monopolio", 5500),
                   as_return(line("Drogheria", 2000))};

  const Evaluation result = evaluate(parsed.value(), receipt, 1250);

  EXPECT_EQ(result.excluded_amount, 5500);
  EXPECT_EQ(result.eligible_amount, 38500);
  EXPECT_EQ(result.base_points, 12);
  EXPECT_EQ(result.bonus_points, 50);
  EXPECT_EQ(result.points, 62);
  EXPECT_EQ(result.applied_rules, (std::vector<std::string>{"Doppi punti il martedì",
                                                            "Frutta x3 a marzo", "Bonus Enoteca"}));
  EXPECT_EQ(result.expires_day, day("2027-01-31"));
  // Returning the wine, then the pasta: 62 x 22.00 / 38.50 = 35.43 and 62 x 8.50 / 38.50 = 13.69.
  EXPECT_EQ(proportional_reversal(62, 38500, 22000, 62), 35);
  EXPECT_EQ(proportional_reversal(62, 38500, 8500, 27), 14);
  EXPECT_EQ(reversal_at_base_rate(parsed.value(), 25000), 3);
}

TEST(Evaluate, SecondSeasonExpiresOnItsOwnDate) {
  RuleSet rules = base_rules();
  Season next;
  next.name = "Raccolta 2027";
  next.start_day = day("2027-02-01");
  next.end_day = day("2027-12-31");
  next.expires_day = day("2028-01-31");
  next.claim_until_day = day("2028-02-29");
  rules.seasons.push_back(next);
  EarnReceipt receipt;
  receipt.local_day = day("2027-02-01");
  receipt.lines = {line("Drogheria", 10000)};

  const Evaluation result = evaluate(rules, receipt);

  EXPECT_EQ(result.points, 1);
  EXPECT_EQ(result.expires_day, day("2028-01-31"));
}

TEST(Evaluate, LargeReceiptStaysExact) {
  // 1,000 lines of 999.99 euros at 1.5 points per euro, line factor 1.333 on each:
  // 999,990 x 1.333 x 1.5 = 1,332,986.67 x 1.5 = 1,999,480.005 points, rounded down.
  RuleSet rules = base_rules();
  per_euro(rules, 1500, Rounding::down);
  rules.rules = {multiplier_rule("Drogheria x1.333", 1333, departments({"Drogheria"}))};
  EarnReceipt receipt;
  receipt.local_day = day("2026-03-04");
  receipt.lines.assign(1000, line("Drogheria", 999990));

  const Evaluation result = evaluate(rules, receipt);

  EXPECT_EQ(result.eligible_amount, 999'990'000);
  EXPECT_EQ(result.points, 1'999'480);
}

TEST(Evaluate, LargestFiguresCapReceiptPoints) {
  // The largest figures a document allows: 10,000 points per 0.01 euro, line and receipt factors
  // of 1000, tier factor 100, bonus 100,000 per unit, on 1000 lines of 1,000,000 euros each.
  RuleSet rules = base_rules();
  rules.mode = EarnMode::per_threshold;
  rules.threshold = 10;
  rules.points_per_threshold = 10'000;
  rules.line_stacking = Stacking::multiply;
  rules.rules = {multiplier_rule("Linea", kMaxMultiplier, departments({"Drogheria"})),
                 multiplier_rule("Linea bis", 10'000, departments({"Drogheria"})),
                 multiplier_rule("Scontrino", kMaxMultiplier),
                 multiplier_rule("Scontrino bis", 10'000),
                 bonus_rule("Bonus", 100'000, BonusPer::unit, 0)};
  EarnReceipt receipt;
  receipt.local_day = day("2026-03-04");
  receipt.lines.assign(1000, line("Drogheria", 1'000'000'000, 1'000'000'000));

  const Evaluation result = evaluate(rules, receipt, kMaxMultiplier);

  EXPECT_EQ(result.eligible_amount, 1'000'000'000'000);
  EXPECT_EQ(result.base_points, kMaxReceiptPoints);
  EXPECT_EQ(result.bonus_points, kMaxReceiptPoints);
  EXPECT_EQ(result.points, kMaxReceiptPoints);
}

TEST(Evaluate, AmountsBeyondInt64StayPositive) {
  // Sales data written before line caps existed can hold amounts near the int64 maximum.
  RuleSet rules = base_rules();
  per_euro(rules, 1000, Rounding::down);
  EarnReceipt receipt;
  receipt.local_day = day("2026-03-04");
  receipt.lines.assign(3, line("Drogheria", std::numeric_limits<int64_t>::max() / 2));

  const Evaluation result = evaluate(rules, receipt);

  EXPECT_EQ(result.eligible_amount, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(result.points, kMaxReceiptPoints);
}

struct CombineCase {
  Stacking stacking;
  std::vector<int64_t> multipliers;
  int64_t expected;
};

TEST(CombineMultipliers, CaseTable) {
  const std::vector<CombineCase> cases = {
      {Stacking::highest, {}, 1000},
      {Stacking::multiply, {}, 1000},
      {Stacking::highest, {2000, 500, 3000}, 3000},
      {Stacking::highest, {500, 800}, 800},  // the largest, even below 1
      {Stacking::multiply, {2000, 3000}, 6000},
      {Stacking::multiply, {1250, 1250}, 1563},  // 1.5625 rounded half up
      {Stacking::multiply, {2000, 500}, 1000},
      {Stacking::multiply, {100000, 100000}, kMaxCombinedMultiplier},  // 10000 capped at 1000
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(combine_multipliers(cases[i].stacking, cases[i].multipliers), cases[i].expected);
  }
}

struct ReversalCase {
  int64_t awarded_points;
  int64_t awarded_eligible_amount;
  int64_t returned_amount;
  int64_t points_left;
  int64_t expected;
};

TEST(ProportionalReversal, CaseTable) {
  const std::vector<ReversalCase> cases = {
      {100, 50000, 10000, 100, 20},   // 100 x 10/50
      {7, 30000, 10000, 7, 2},        // 2.333 rounds to 2
      {5, 20000, 10000, 5, 3},        // 2.5 rounds half up to 3
      {10, 30000, 5000, 10, 2},       // 1.667 rounds to 2
      {1, 30000, 10000, 1, 0},        // 0.333 rounds to 0
      {100, 50000, 60000, 100, 100},  // 120 capped at the points the receipt still has
      {100, 50000, 30000, 40, 40},    // 60 capped at 40 left after earlier returns
      {100, 50000, 10000, 0, 0},      // nothing left to take back
      {100, 50000, 10000, -5, 0},     // a negative remainder takes nothing
      {100, 0, 10000, 100, 0},        // the receipt had no eligible spend
      {100, 50000, 0, 100, 0},        // nothing returned
      {0, 50000, 10000, 0, 0},        // the receipt earned nothing
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    const ReversalCase& test = cases[i];
    EXPECT_EQ(proportional_reversal(test.awarded_points, test.awarded_eligible_amount,
                                    test.returned_amount, test.points_left),
              test.expected);
  }
}

struct BaseRateCase {
  EarnMode mode;
  int64_t rate;  // points_per_euro (thousandths), or points_per_threshold per 10.00 euros
  int64_t returned_amount;
  int64_t expected;
};

TEST(ReversalAtBaseRate, CaseTable) {
  const std::vector<BaseRateCase> cases = {
      {EarnMode::per_euro, 1500, 9990, 15},    // 14.985 rounds to 15
      {EarnMode::per_euro, 1500, 3330, 5},     // 4.995 rounds to 5
      {EarnMode::per_euro, 1500, 1000, 2},     // 1.5 rounds half up to 2
      {EarnMode::per_euro, 1000, 1499, 1},     // 1.499 rounds to 1
      {EarnMode::per_threshold, 1, 25000, 3},  // 2.5 rounds half up to 3
      {EarnMode::per_threshold, 1, 4990, 0},   // 0.499 rounds to 0
      {EarnMode::per_threshold, 1, 5000, 1},   // 0.5 rounds up to 1
      {EarnMode::per_threshold, 5, 7000, 4},   // 5 x 0.7 = 3.5 rounds to 4
      {EarnMode::per_threshold, 1, 0, 0},      // nothing returned
      {EarnMode::per_euro, 1000, -5000, 0},    // a negative amount takes nothing
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    RuleSet rules = base_rules();
    rules.mode = cases[i].mode;
    if (cases[i].mode == EarnMode::per_euro) {
      rules.points_per_euro = cases[i].rate;
    } else {
      rules.points_per_threshold = cases[i].rate;
    }
    EXPECT_EQ(reversal_at_base_rate(rules, cases[i].returned_amount), cases[i].expected);
  }
}

TEST(TierLevelFor, CaseTable) {
  TierPolicy policy;
  policy.levels = {TierLevel{"Bronze", 0, 1000}, TierLevel{"Silver", 500, 1250},
                   TierLevel{"Gold", 1500, 1500}};
  const std::vector<std::pair<int64_t, int>> cases = {
      {-5, -1}, {0, 0}, {499, 0}, {500, 1}, {1499, 1}, {1500, 2}, {1'000'000'000, 2}};
  for (const auto& [total, expected] : cases) {
    SCOPED_TRACE(total);
    EXPECT_EQ(tier_level_for(policy, total), expected);
  }
  EXPECT_EQ(tier_level_for(TierPolicy{}, 1000), -1);
}

}  // namespace
}  // namespace imagross::points
