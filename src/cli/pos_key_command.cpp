// `imagross pos-key create|list|revoke`: the API keys that stores' tills post receipts with.

#include <cstdint>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "storage/database.h"

namespace imagross::cli {
namespace {

struct PosKeyArguments {
  std::string store;
  std::string label;
  int64_t id = 0;
};

int run_create(const GlobalOptions& global, const PosKeyArguments& arguments) {
  if (arguments.store.empty()) {
    throw CLI::ValidationError("--store",
                               "the store code is empty: give it as in the sales "
                               "files, such as PV07");
  }
  auto database = open_database_file(global.database);
  const auto [key, secret] = database->points().create_pos_key(arguments.store, arguments.label);
  fmt::print("{}\n", secret);
  fmt::print(stderr,
             "created key {} (prefix {}) for store {}. It is shown only now: configure the "
             "till with the header `Authorization: ApiKey <key>`\n",
             key.id, key.prefix, key.store_code);
  return 0;
}

int run_list(const GlobalOptions& global) {
  auto database = open_database_file(global.database);
  const auto keys = database->points().list_pos_keys();
  if (keys.empty()) {
    fmt::print("no till keys yet: create one with `imagross pos-key create --store CODE`\n");
    return 0;
  }
  constexpr std::string_view kRow = "{:>5}  {:<8}  {:<10}  {:<20}  {:<20}  {}\n";
  fmt::print(kRow, "id", "store", "prefix", "created", "revoked", "label");
  for (const PosKey& key : keys) {
    fmt::print(kRow, key.id, key.store_code, key.prefix, key.created_at,
               key.revoked_at.empty() ? "-" : key.revoked_at, key.label);
  }
  return 0;
}

int run_revoke(const GlobalOptions& global, int64_t id) {
  auto database = open_database_file(global.database);
  if (!database->points().revoke_pos_key(id)) {
    fmt::print(stderr,
               "error: no valid till key has id {}: `imagross pos-key list` shows the keys\n", id);
    return 1;
  }
  fmt::print("revoked till key {}; tills using it are rejected from now on\n", id);
  return 0;
}

}  // namespace

void add_pos_key_command(CLI::App& app, GlobalOptions& options) {
  CLI::App* pos_key = app.add_subcommand(
      "pos-key", "Manage the API keys that tills post receipts with (POST /api/v1/pos/receipts)");
  pos_key->require_subcommand(1);
  auto arguments = std::make_shared<PosKeyArguments>();

  CLI::App* create =
      pos_key->add_subcommand("create", "Create a key for a store's tills and print it once");
  create->add_option("--store", arguments->store, "the store's code, such as PV07")->required();
  create->add_option("--label", arguments->label, "a note to tell keys apart, such as \"cassa 3\"");
  create->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_create(options, *arguments);
  });

  pos_key->add_subcommand("list", "List the keys (never the keys themselves)")
      ->callback([&options] {
        apply_global_options(options);
        options.exit_code = run_list(options);
      });

  CLI::App* revoke = pos_key->add_subcommand("revoke", "Revoke a key: its tills are rejected");
  revoke->add_option("ID", arguments->id, "the key's id, from `pos-key list`")
      ->required()
      ->check(CLI::PositiveNumber);
  revoke->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_revoke(options, arguments->id);
  });
}

}  // namespace imagross::cli
