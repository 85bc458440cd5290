// `imagross points ...`: awarding, expiry, tier review, balances and the ledger check, and the
// rule set versions (`points rules ...`).

#include <chrono>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/civil_time.h"
#include "common/decimal.h"
#include "domain/card_number.h"
#include "points/points_service.h"
#include "points/rule_set.h"

namespace imagross::cli {
namespace {

struct PointsArguments {
  std::string today;  // --today, YYYY-MM-DD; empty: today in the chain's zone
  std::string card;
  std::string rules_file;
  std::string rules_name;
  int32_t version = 0;
  std::string effective_from;
};

std::shared_ptr<const TimeZone> chain_zone(const GlobalOptions& global) {
  auto zone = TimeZone::load(global.time_zone);
  if (!zone.ok()) {
    throw CLI::ValidationError("--time-zone", zone.error().message);
  }
  return *zone;
}

void check_today(const std::string& today) {
  if (!today.empty() && !parse_iso_date(today).ok()) {
    throw CLI::ValidationError("--today", fmt::format("'{}' is not a date: write YYYY-MM-DD, "
                                                      "or leave it out for today",
                                                      today));
  }
}

int run_award(const GlobalOptions& global) {
  auto database = open_database_file(global.database);
  points::PointsService service(*database, chain_zone(global));
  const points::AwardSummary summary = service.award_pending();
  points::log_award_summary(summary, "command");
  fmt::print("receipts evaluated  {:>12}\n", summary.receipts);
  fmt::print("receipts earning    {:>12}\n", summary.receipts_earning);
  fmt::print("points awarded      {:>12}\n", summary.points);
  fmt::print("returns             {:>12}\n", summary.returns);
  fmt::print("points reversed     {:>12}\n", summary.reversed_points);
  fmt::print("tier upgrades       {:>12}\n", summary.upgrades);
  fmt::print("duration            {:>10.2f} s\n", summary.seconds);
  if (summary.no_rules > 0) {
    fmt::print(stderr,
               "note: {} receipts stay pending because no rule set was in force at their time; "
               "activate one from an earlier date with `imagross points rules activate VERSION "
               "--from YYYY-MM-DD`\n",
               summary.no_rules);
  }
  return 0;
}

int run_expire(const GlobalOptions& global, const std::string& today) {
  check_today(today);
  auto database = open_database_file(global.database);
  points::PointsService service(*database, chain_zone(global));
  const std::string day = today.empty() ? service.today() : today;
  if (day > service.today()) {
    throw CLI::ValidationError(
        "--today", fmt::format("{} is after today ({}): expiry cannot be undone, so give today or "
                               "an earlier date",
                               day, service.today()));
  }
  const int64_t expired = service.expire(day);
  fmt::print("expired {} points due on or before {}\n", expired, day);
  return 0;
}

int run_review_tiers(const GlobalOptions& global, const std::string& today) {
  check_today(today);
  auto database = open_database_file(global.database);
  points::PointsService service(*database, chain_zone(global));
  const points::TierReview review = service.review_tiers(today);
  fmt::print("members reviewed    {:>12}\n", review.reviewed);
  fmt::print("kept                {:>12}\n", review.kept);
  fmt::print("upgraded            {:>12}\n", review.upgraded);
  fmt::print("downgraded          {:>12}\n", review.downgraded);
  return 0;
}

int run_balance(const GlobalOptions& global, const std::string& card) {
  const auto number = validate_card_number(card, card_policy(global));
  if (!number.ok()) {
    fmt::print(stderr, "error: {}\n", number.error().message);
    return 1;
  }
  auto database = open_database_file(global.database);
  const auto member = database->members().find_member_by_card(*number);
  if (!member) {
    fmt::print(stderr,
               "error: card '{}' belongs to no member: check the number, or import the member "
               "first\n",
               card);
    return 1;
  }
  points::PointsService service(*database, chain_zone(global));
  const points::MemberPointsView view = service.view(member->id);
  const MemberPoints& points = view.points;
  fmt::print("member              {} {} (id {})\n", member->first_name, member->last_name,
             member->id);
  fmt::print("balance             {:>12}\n", points.balance);
  fmt::print("available           {:>12}\n", points.available);
  fmt::print("owed                {:>12}\n", points.owed);
  fmt::print("earned              {:>12}\n", points.earned);
  fmt::print("spent               {:>12}\n", points.spent);
  fmt::print("expired             {:>12}\n", points.expired);
  if (view.point_value > 0) {
    fmt::print("value               {:>12} EUR\n", format_milli(view.value, 2));
  }
  fmt::print("tier                {}{}\n", view.tier.name.empty() ? "none" : view.tier.name,
             view.tier.since.empty() ? "" : " since " + view.tier.since);
  if (view.tier.next) {
    fmt::print("next tier           {} ({} more)\n", view.tier.next->name, view.tier.missing);
  }
  for (const ExpiringPoints& expiring : points.expiring) {
    fmt::print("expiring on {}  {:>8}\n", expiring.expires_on, expiring.points);
  }
  return 0;
}

int run_verify(const GlobalOptions& global) {
  auto database = open_database_file(global.database);
  const std::vector<int64_t> mismatches = database->points().balance_mismatches();
  if (mismatches.empty()) {
    fmt::print("every cached balance equals its ledger sum\n");
    return 0;
  }
  fmt::print(stderr,
             "error: {} members have a cached balance that differs from their ledger "
             "sum; the ledger is right. Members:\n",
             mismatches.size());
  for (const int64_t member : mismatches) {
    fmt::print(stderr, "  {}\n", member);
  }
  return 1;
}

std::string read_text_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw CLI::ValidationError("FILE", fmt::format("cannot open '{}': check the path", path));
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

int run_rules_create(const GlobalOptions& global, const PointsArguments& arguments) {
  const std::string document = read_text_file(arguments.rules_file);
  auto rule_set = points::parse_rule_set(document);
  if (!rule_set.ok()) {
    fmt::print(stderr, "error: {}: {}\n", arguments.rules_file, rule_set.error().message);
    return 1;
  }
  const std::string name = arguments.rules_name.empty() ? rule_set->name : arguments.rules_name;
  if (const std::string problem = points::name_error(name); !problem.empty()) {
    fmt::print(stderr, "error: --name \"{}\" {}\n", name, problem);
    return 1;
  }
  auto database = open_database_file(global.database);
  // The stored document has every field written out, so it shows the defaults it relies on.
  const int32_t version =
      database->points().create_rule_set(name, points::rule_set_json(*rule_set), std::nullopt);
  fmt::print("{}\n", version);
  fmt::print(stderr,
             "created draft rule set version {} \"{}\"; activate it with `imagross "
             "points rules activate {}`\n",
             version, name, version);
  return 0;
}

int run_rules_activate(const GlobalOptions& global, const PointsArguments& arguments) {
  const auto zone = chain_zone(global);
  int64_t from = 0;
  if (arguments.effective_from.empty()) {
    from = std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
               .count();
  } else {
    auto parsed = points::parse_effective_from(arguments.effective_from, *zone);
    if (!parsed.ok()) {
      throw CLI::ValidationError("--from", parsed.error().message);
    }
    from = *parsed;
  }
  auto database = open_database_file(global.database);
  auto activated = database->points().activate_rule_set(arguments.version, points::format_utc(from),
                                                        std::nullopt);
  if (!activated.ok()) {
    fmt::print(stderr, "error: {}\n", activated.error().message);
    return 1;
  }
  AuditEntry audit;
  audit.actor_role = "system";
  audit.action = "points.rules.activate";
  audit.target_type = "rule_set";
  audit.target_id = std::to_string(activated->version);
  audit.details =
      fmt::format(R"({{"effective_from": "{}", "channel": "command"}})", activated->effective_from);
  database->audit().append(audit);
  fmt::print("activated rule set version {} \"{}\" from {}\n", activated->version, activated->name,
             activated->effective_from);
  return 0;
}

int run_rules_list(const GlobalOptions& global) {
  auto database = open_database_file(global.database);
  const auto versions = database->points().list_rule_sets();
  if (versions.empty()) {
    fmt::print("no rule sets yet: create one with `imagross points rules create FILE.json`\n");
    return 0;
  }
  constexpr std::string_view kRow = "{:>7}  {:<8}  {:<20}  {:<20}  {}\n";
  fmt::print(kRow, "version", "status", "effective from", "created", "name");
  for (const RuleSetVersion& version : versions) {
    fmt::print(kRow, version.version, rule_set_status_name(version.status),
               version.effective_from.empty() ? "-" : version.effective_from, version.created_at,
               version.name);
  }
  return 0;
}

void add_rules_commands(CLI::App& points, GlobalOptions& global,
                        const std::shared_ptr<PointsArguments>& arguments) {
  CLI::App* rules = points.add_subcommand("rules", "Create, activate and list rule set versions");
  rules->require_subcommand(1);

  CLI::App* create = rules->add_subcommand(
      "create",
      "Store a rule set document (JSON, see docs/POINTS.md) as a draft; prints its "
      "version");
  create->add_option("FILE", arguments->rules_file, "the rule set document, JSON")->required();
  create->add_option("--name", arguments->rules_name,
                     "name of the version; the document's name when absent");
  create->callback([arguments, &global] {
    apply_global_options(global);
    global.exit_code = run_rules_create(global, *arguments);
  });

  CLI::App* activate = rules->add_subcommand(
      "activate", "Put a draft in force from a time on; receipts from then on earn by it");
  activate->add_option("VERSION", arguments->version, "the draft's version")
      ->required()
      ->check(whole_number_at_least(1));
  activate->add_option("--from", arguments->effective_from,
                       "when it takes effect: YYYY-MM-DD (midnight in --time-zone) or an ISO "
                       "8601 time; now when absent. Not before the latest active version's");
  activate->callback([arguments, &global] {
    apply_global_options(global);
    global.exit_code = run_rules_activate(global, *arguments);
  });

  CLI::App* list = rules->add_subcommand("list", "List the rule set versions, newest first");
  list->callback([&global] {
    apply_global_options(global);
    global.exit_code = run_rules_list(global);
  });
}

}  // namespace

void add_points_command(CLI::App& app, GlobalOptions& options) {
  CLI::App* points = app.add_subcommand(
      "points", "Award, expire and check loyalty points (bollini), review tiers, manage rules");
  points->require_subcommand(1);
  auto arguments = std::make_shared<PointsArguments>();

  points
      ->add_subcommand("award",
                       "Award points on every receipt not evaluated yet, with the rule set in "
                       "force at its time; receipts already awarded earn nothing again")
      ->callback([&options] {
        apply_global_options(options);
        options.exit_code = run_award(options);
      });

  CLI::App* expire = points->add_subcommand(
      "expire",
      "Expire the points whose expiry date is on or before today; running it again "
      "expires nothing more");
  expire->add_option("--today", arguments->today,
                     "the day to expire as of, YYYY-MM-DD; today in --time-zone when absent");
  expire->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_expire(options, arguments->today);
  });

  CLI::App* review = points->add_subcommand(
      "review-tiers",
      "Apply the tier downgrade rule and move up members whose total reached a "
      "higher level");
  review->add_option("--today", arguments->today,
                     "the day of the review, YYYY-MM-DD; today in --time-zone when absent");
  review->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_review_tiers(options, arguments->today);
  });

  CLI::App* balance =
      points->add_subcommand("balance", "Show a member's points, tier and expiring points");
  balance->add_option("CARD", arguments->card, "the member's loyalty card number")->required();
  balance->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_balance(options, arguments->card);
  });

  points
      ->add_subcommand("verify",
                       "Check that every member's cached balance equals the sum of their ledger; "
                       "exits with 1 and lists the members that differ")
      ->callback([&options] {
        apply_global_options(options);
        options.exit_code = run_verify(options);
      });

  add_rules_commands(*points, options, arguments);
}

}  // namespace imagross::cli
