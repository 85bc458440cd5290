#pragma once

// Subcommands of the `imagross` command line. Each add_* function registers one subcommand (with
// its own --help) on `app`; the callback runs the command and sets `exit_code`.

#include <cstdint>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "domain/card_number.h"
#include "storage/database.h"

namespace imagross::cli {

struct GlobalOptions {
  std::string database = "data/imagross.db";      // --db
  std::string log_level = "info";                 // --log-level
  std::string time_zone = "Europe/Rome";          // --time-zone
  std::string card_prefix = CardPolicy{}.prefix;  // --card-prefix
  int exit_code = 0;
};

// Applies --log-level and checks --time-zone; every command callback calls it first.
void apply_global_options(const GlobalOptions& options);

void add_serve_command(CLI::App& app, GlobalOptions& options);
void add_import_command(CLI::App& app, GlobalOptions& options);
void add_demo_data_command(CLI::App& app, GlobalOptions& options);
void add_cards_command(CLI::App& app, GlobalOptions& options);
// `admin create` and `customer create`.
void add_account_commands(CLI::App& app, GlobalOptions& options);
// `points award|expire|review-tiers|balance|verify|rules ...`.
void add_points_command(CLI::App& app, GlobalOptions& options);
// `pos-key create|list|revoke`.
void add_pos_key_command(CLI::App& app, GlobalOptions& options);
// `rewards create|list|redeem|cancel|redemptions`.
void add_rewards_command(CLI::App& app, GlobalOptions& options);

// Opens the database file, creating it and its directory when absent.
std::unique_ptr<Database> open_database_file(const std::string& location);

// Checks that an option is a whole number of at least `min` and at most the int64 maximum, with a
// message such as "must be a whole number of at least 1, got 'abc'".
CLI::Validator whole_number_at_least(int64_t min);

// The chain's card policy from --card-prefix. Throws CLI::ValidationError for a bad prefix.
CardPolicy card_policy(const GlobalOptions& options);

}  // namespace imagross::cli
