// `imagross rewards ...`: the rewards catalogue and redemptions at the service desk.

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/civil_time.h"
#include "common/decimal.h"
#include "common/time_zone.h"

namespace imagross::cli {
namespace {

struct RewardArguments {
  std::string name;
  std::string description;
  std::string category;
  std::string image_url;
  int64_t cost = 0;
  std::string copay;  // euros, "19.90"
  std::optional<int64_t> stock;
  std::optional<int32_t> limit;
  std::string valid_from;
  std::string valid_to;
  std::string card;
  int64_t id = 0;
};

std::string today_in(const GlobalOptions& global) {
  auto zone = TimeZone::load(global.time_zone);
  if (!zone.ok()) {
    throw CLI::ValidationError("--time-zone", zone.error().message);
  }
  return format_iso_date((*zone)->to_local(std::time(nullptr)).day);
}

int64_t member_of_card(Database& database, const std::string& card) {
  const auto member = database.members().find_member_by_card(card);
  if (!member) {
    throw CLI::ValidationError("--card", fmt::format("card '{}' belongs to no member: check the "
                                                     "number, or import the member first",
                                                     card));
  }
  return member->id;
}

void print_redemption(const Redemption& redemption) {
  fmt::print("{:>6}  {:<10}  {:<13}  {:>7}  {:>8}  {:<5}  {:<20}  {}\n", redemption.id,
             redemption_status_name(redemption.status), redemption.voucher_code, redemption.points,
             format_milli(redemption.copay, 2), redemption.channel, redemption.created_at,
             redemption.reward_name);
}

int run_create(const GlobalOptions& global, const RewardArguments& arguments) {
  Reward reward;
  reward.name = arguments.name;
  reward.description = arguments.description;
  reward.category = arguments.category;
  reward.image_url = arguments.image_url;
  reward.points_cost = arguments.cost;
  if (!arguments.copay.empty()) {
    auto copay = parse_milli(arguments.copay, NumberFormat{'.', '\0'});
    if (!copay.ok() || *copay < 0) {
      throw CLI::ValidationError("--copay", fmt::format("'{}' is not an amount in euros: write "
                                                        "it as 19.90",
                                                        arguments.copay));
    }
    reward.copay = *copay;
  }
  reward.stock = arguments.stock;
  reward.per_member_limit = arguments.limit;
  reward.valid_from = arguments.valid_from;
  reward.valid_to = arguments.valid_to;
  auto database = open_database_file(global.database);
  auto created = database->points().create_reward(reward);
  if (!created.ok()) {
    fmt::print(stderr, "error: {}\n", created.error().message);
    return 1;
  }
  fmt::print("{}\n", created->id);
  return 0;
}

int run_list(const GlobalOptions& global) {
  auto database = open_database_file(global.database);
  const auto rewards = database->points().list_rewards(false);
  if (rewards.empty()) {
    fmt::print("no rewards yet: add one with `imagross rewards create --name N --cost POINTS`\n");
    return 0;
  }
  constexpr std::string_view kRow = "{:>5}  {:>7}  {:>8}  {:>7}  {:<8}  {:<16}  {}\n";
  fmt::print(kRow, "id", "points", "copay", "stock", "active", "category", "name");
  for (const Reward& reward : rewards) {
    fmt::print(kRow, reward.id, reward.points_cost, format_milli(reward.copay, 2),
               reward.stock ? std::to_string(*reward.stock) : "-", reward.active ? "yes" : "no",
               reward.category, reward.name);
  }
  return 0;
}

int run_redeem(const GlobalOptions& global, const RewardArguments& arguments) {
  auto database = open_database_file(global.database);
  RedemptionRequest request;
  request.member_id = member_of_card(*database, arguments.card);
  request.reward_id = arguments.id;
  request.channel = "desk";
  request.today = today_in(global);
  auto redemption = database->points().redeem(request);
  if (!redemption.ok()) {
    fmt::print(stderr, "error: {} ({})\n", redemption.error().message, redemption.error().code);
    return 1;
  }
  fmt::print("{}\n", redemption->voucher_code);
  fmt::print(stderr, "redemption {}: {} for {} points; voucher {}\n", redemption->id,
             redemption->reward_name, redemption->points, redemption->voucher_code);
  return 0;
}

int run_cancel(const GlobalOptions& global, int64_t id) {
  auto database = open_database_file(global.database);
  auto cancelled = database->points().cancel_redemption(id, std::nullopt);
  if (!cancelled.ok()) {
    fmt::print(stderr, "error: {} ({})\n", cancelled.error().message, cancelled.error().code);
    return 1;
  }
  fmt::print("cancelled redemption {}: {} points refunded\n", cancelled->id, cancelled->points);
  return 0;
}

int run_redemptions(const GlobalOptions& global, const RewardArguments& arguments) {
  auto database = open_database_file(global.database);
  RedemptionQuery query;
  if (!arguments.card.empty()) {
    query.member_id = member_of_card(*database, arguments.card);
  }
  query.limit = 100;
  const RedemptionPage page = database->points().list_redemptions(query);
  fmt::print("{} redemptions{}\n", page.total, page.total > query.limit ? ", newest 100:" : "");
  for (const Redemption& redemption : page.rows) {
    print_redemption(redemption);
  }
  return 0;
}

void add_create(CLI::App& rewards, GlobalOptions& global,
                const std::shared_ptr<RewardArguments>& arguments) {
  CLI::App* create =
      rewards.add_subcommand("create", "Add a reward to the catalogue; prints its id");
  create->add_option("--name", arguments->name, "the reward's name")->required();
  create->add_option("--cost", arguments->cost, "points it costs")
      ->required()
      ->check(whole_number_at_least(1));
  create->add_option("--copay", arguments->copay, "euros paid at the desk besides the points");
  create->add_option("--stock", arguments->stock, "units available; unlimited when absent")
      ->check(whole_number_at_least(0));
  create->add_option("--limit", arguments->limit, "redemptions per member; unlimited when absent")
      ->check(whole_number_at_least(1));
  create->add_option("--category", arguments->category, "catalogue section, such as Casa");
  create->add_option("--description", arguments->description, "text shown in the catalogue");
  create->add_option("--image-url", arguments->image_url, "URL of the reward's picture");
  create->add_option("--from", arguments->valid_from, "first day it can be redeemed, YYYY-MM-DD");
  create->add_option("--to", arguments->valid_to, "last day it can be redeemed, YYYY-MM-DD");
  create->callback([arguments, &global] {
    apply_global_options(global);
    global.exit_code = run_create(global, *arguments);
  });
}

}  // namespace

void add_rewards_command(CLI::App& app, GlobalOptions& options) {
  CLI::App* rewards = app.add_subcommand(
      "rewards", "Manage the rewards catalogue and redeem rewards at the service desk");
  rewards->require_subcommand(1);
  auto arguments = std::make_shared<RewardArguments>();
  add_create(*rewards, options, arguments);

  rewards->add_subcommand("list", "List the catalogue, active or not")->callback([&options] {
    apply_global_options(options);
    options.exit_code = run_list(options);
  });

  CLI::App* redeem = rewards->add_subcommand(
      "redeem", "Spend a member's points on a reward at the desk; prints the voucher code");
  redeem->add_option("REWARD", arguments->id, "the reward's id")
      ->required()
      ->check(whole_number_at_least(1));
  redeem->add_option("--card", arguments->card, "the member's card number")->required();
  redeem->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_redeem(options, *arguments);
  });

  CLI::App* cancel = rewards->add_subcommand(
      "cancel", "Cancel an issued redemption: its points are refunded and its unit returns");
  cancel->add_option("REDEMPTION", arguments->id, "the redemption's id")
      ->required()
      ->check(whole_number_at_least(1));
  cancel->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_cancel(options, arguments->id);
  });

  CLI::App* list = rewards->add_subcommand("redemptions", "List redemptions, newest first");
  list->add_option("--card", arguments->card, "only the member holding this card");
  list->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_redemptions(options, *arguments);
  });
}

}  // namespace imagross::cli
