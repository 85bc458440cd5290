// `imagross pos-key create|list|revoke`: the API keys that stores' tills post receipts with.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.h"
#include "storage/database.h"

namespace imagross::cli {
namespace {

struct PosKeyArguments {
  std::string store;
  std::string label;
  bool new_store = false;
  int64_t id = 0;
};

// Checks that the sales tables contain lines of `store`. Throws CLI::ValidationError naming the
// known codes otherwise, because a key of a mistyped code would file its till's receipts under
// a new store.
void check_known_store(Database& database, const std::string& store) {
  const std::vector<StoreEntry> stores = database.load_dictionaries().stores;
  std::vector<std::string> codes;
  for (const StoreEntry& entry : stores) {
    if (entry.code == store) {
      return;
    }
    codes.push_back(entry.code);
  }
  std::sort(codes.begin(), codes.end());
  constexpr std::size_t kListedCodes = 20;
  std::string known =
      codes.empty()
          ? "none yet"
          : fmt::format("{}", fmt::join(codes.begin(),
                                        codes.begin() + static_cast<std::ptrdiff_t>(
                                                            std::min(codes.size(), kListedCodes)),
                                        ", "));
  if (codes.size() > kListedCodes) {
    known += fmt::format(" and {} more", codes.size() - kListedCodes);
  }
  throw CLI::ValidationError(
      "--store", fmt::format("no sales of store '{}' are stored (known stores: {}). Check the "
                             "code, or add --new-store for a store that has no sales yet",
                             store, known));
}

int run_create(const GlobalOptions& global, const PosKeyArguments& arguments) {
  if (arguments.store.empty()) {
    throw CLI::ValidationError("--store",
                               "the store code is empty: give it as in the sales "
                               "files, such as PV07");
  }
  auto database = open_database_file(global.database);
  if (!arguments.new_store) {
    check_known_store(*database, arguments.store);
  }
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
  create->add_flag("--new-store", arguments->new_store,
                   "accept a store code that has no sales in the database yet");
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
      ->check(whole_number_at_least(1));
  revoke->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_revoke(options, arguments->id);
  });
}

}  // namespace imagross::cli
