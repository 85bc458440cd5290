#pragma once

// Subcommands of the `imagross` command line. Each add_* function registers one subcommand (with
// its own --help) on `app`; the callback runs the command and sets `exit_code`.

#include <string>

#include <CLI/CLI.hpp>

namespace imagross::cli {

struct GlobalOptions {
  std::string database = "data/imagross.db";  // --db
  std::string log_level = "info";             // --log-level
  std::string time_zone = "Europe/Rome";      // --time-zone
  int exit_code = 0;
};

// Applies --log-level and checks --time-zone; every command callback calls it first.
void apply_global_options(const GlobalOptions& options);

void add_serve_command(CLI::App& app, GlobalOptions& options);
void add_import_command(CLI::App& app, GlobalOptions& options);
void add_demo_data_command(CLI::App& app, GlobalOptions& options);

}  // namespace imagross::cli
