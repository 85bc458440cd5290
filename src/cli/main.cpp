// The `imagross` command: one binary for serving, importing and generating demo data.

#include <exception>
#include <iostream>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"ImaGross Loyalty: sales analytics and loyalty platform of the ImaGross chain"};
  app.require_subcommand(1);
  imagross::cli::GlobalOptions options;
  app.add_option("--db", options.database, "SQLite database file, created when absent")
      ->capture_default_str();
  app.add_option("--log-level", options.log_level, "trace, debug, info, warn, error or off")
      ->capture_default_str();
  app.add_option("--time-zone", options.time_zone,
                 "IANA time zone of the chain's stores: local days and hours are cut in it")
      ->capture_default_str();
  app.add_option("--card-prefix", options.card_prefix,
                 "leading digits of the chain's loyalty cards: 3 to 9 digits starting with 200-299")
      ->capture_default_str();

  // The global options may also follow the subcommand, as in `imagross import list --db FILE`:
  // subcommands inherit fallthrough and hand the options they do not know to the top level.
  app.fallthrough();

  imagross::cli::add_serve_command(app, options);
  imagross::cli::add_import_command(app, options);
  imagross::cli::add_demo_data_command(app, options);
  imagross::cli::add_cards_command(app, options);
  imagross::cli::add_account_commands(app, options);
  imagross::cli::add_points_command(app, options);
  imagross::cli::add_pos_key_command(app, options);
  imagross::cli::add_rewards_command(app, options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const std::exception& error) {
    spdlog::critical("{}", error.what());
    return 1;
  }
  return options.exit_code;
}
