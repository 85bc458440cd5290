// `imagross admin create` and `imagross customer create`: online accounts made by an operator,
// for the first administrator of a deployment, for demos and for tests. Passwords come from the
// environment or standard input, never from the command line, where every user of the machine
// can read them in the process list.

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "auth/passwords.h"
#include "cli/commands.h"
#include "common/utc_time.h"
#include "domain/card_number.h"
#include "domain/contact.h"
#include "storage/database.h"

namespace imagross::cli {
namespace {

namespace json = boost::json;

constexpr const char* kPasswordVariable = "IMAGROSS_PASSWORD";

// Exit statuses: 1 when the database refuses the account (taken e-mail or card, unknown card),
// 2 when the input itself is wrong (weak password, malformed e-mail, missing option).
constexpr int kRefused = 1;
constexpr int kBadInput = 2;

struct PasswordSource {
  bool from_stdin = false;
};

struct AdminArguments {
  std::string email;
  std::string role = "super_admin";
  std::vector<std::string> stores;
  PasswordSource password;
};

struct CustomerArguments {
  std::string card;
  PasswordSource password;
  std::string privacy_notice;  // the notice version the member accepted; empty: none recorded
};

// An error of the command: its message and exit status.
struct Failure {
  int status;
  std::string message;
};

int fail(std::string_view command, const Failure& failure) {
  std::cerr << "imagross " << command << ": " << failure.message << "\n";
  return failure.status;
}

// The password of the new account, checked against the password policy.
Result<std::string> read_password(const PasswordSource& source) {
  std::string password;
  if (source.from_stdin) {
    if (!std::getline(std::cin, password)) {
      return Error{"missing_password",
                   "--password-stdin was given but standard input is empty: write the password "
                   "to it, for example `printf '%s\\n' \"$PASSWORD\" | imagross ...`"};
    }
    if (!password.empty() && password.back() == '\r') {
      password.pop_back();
    }
  } else {
    const char* value = std::getenv(kPasswordVariable);
    if (value == nullptr || *value == '\0') {
      return Error{"missing_password",
                   fmt::format("no password given: set {} or pass --password-stdin and write "
                               "the password to standard input",
                               kPasswordVariable)};
    }
    password = value;
  }
  if (const Status policy = auth::check_password_policy(password); !policy.ok()) {
    return policy.error();
  }
  return password;
}

// Appends the audit entry of an account made from the command line: no signed-in actor, so the
// role is "system".
void audit_creation(Database& database, const Account& account) {
  AuditEntry entry;
  entry.actor_role = "system";
  entry.action = "account.create";
  entry.target_type = "account";
  entry.target_id = std::to_string(account.id);
  json::object details{{"role", role_name(account.role)}, {"via", "command_line"}};
  if (account.role == Role::store_admin) {
    json::array stores;
    for (const auto& store : account.stores) {
      stores.emplace_back(store);
    }
    details["stores"] = std::move(stores);
  }
  entry.details = json::serialize(details);
  database.audit().append(entry);
}

// The account an `admin create` requests, before its password is set.
Result<Account> admin_account(const AdminArguments& arguments) {
  auto email = normalize_email(arguments.email);
  if (!email.ok()) {
    return email.error();
  }
  Account account;
  account.role = *parse_role(arguments.role);
  account.email = *email;
  if (account.role == Role::super_admin && !arguments.stores.empty()) {
    return Error{"invalid_option",
                 "--store applies to store admins only: a super admin sees every store; add "
                 "--role store_admin or remove --store"};
  }
  if (account.role == Role::store_admin && arguments.stores.empty()) {
    return Error{"invalid_option", "a store admin needs at least one --store CODE"};
  }
  for (const auto& store : arguments.stores) {
    if (store.empty() || store.find_first_of(" \t,") != std::string::npos) {
      return Error{"invalid_option",
                   fmt::format("--store '{}' is not a store code: give one code per --store, "
                               "such as --store PV01 --store PV02",
                               store)};
    }
    account.stores.push_back(store);
  }
  return account;
}

// Stores `account` with the password; returns the exit status.
int create(std::string_view command, Database& database, Account account,
           const std::string& password) {
  account.password_hash = auth::hash_password(password);
  auto created = database.accounts().create_account(account);
  if (!created.ok()) {
    const auto& error = created.error();
    return fail(command, {kRefused, fmt::format("{}: {}", error.code, error.message)});
  }
  audit_creation(database, *created);
  fmt::print("created {} account {}{}\n", role_name(created->role), created->id,
             created->email.empty() ? "" : " for " + created->email);
  return 0;
}

bool equal_ignoring_case(std::string_view left, std::string_view right) {
  const auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  return std::ranges::equal(left, right, {}, lower, lower);
}

// Returns the spelling of `code` among the store codes of imported sales. An exact match wins
// over one that differs only in case. Returns nullopt when no sale has named the store.
std::optional<std::string> known_spelling(const std::vector<StoreEntry>& known,
                                          const std::string& code) {
  for (const auto& store : known) {
    if (store.code == code) {
      return store.code;
    }
  }
  for (const auto& store : known) {
    if (equal_ignoring_case(store.code, code)) {
      return store.code;
    }
  }
  return std::nullopt;
}

// Rewrites each store code of a store admin in the spelling of imported sales ("pv01" becomes
// "PV01") and drops repeats. A code that no sale has named is kept, because an admin may be
// assigned a store before its first sales are imported. A warning explains that the admin gets
// no data from that store until then.
void match_known_stores(Database& database, Account& account) {
  if (account.stores.empty()) {
    return;
  }
  const std::vector<StoreEntry> known = database.load_dictionaries().stores;
  std::vector<std::string> matched;
  for (const auto& code : account.stores) {
    const auto spelling = known_spelling(known, code);
    if (!spelling) {
      fmt::print(stderr,
                 "warning: no imported sale names store '{}' yet, so the admin will see nothing "
                 "from it until sales of that store are imported\n",
                 code);
    } else if (*spelling != code) {
      fmt::print(stderr, "note: store '{}' is stored as '{}', its spelling in the sales\n", code,
                 *spelling);
    }
    std::string stored = spelling.value_or(code);
    if (std::find(matched.begin(), matched.end(), stored) == matched.end()) {
      matched.push_back(std::move(stored));
    }
  }
  account.stores = std::move(matched);
}

int run_admin_create(const AdminArguments& arguments, const GlobalOptions& global) {
  constexpr std::string_view kCommand = "admin create";
  auto account = admin_account(arguments);
  if (!account.ok()) {
    return fail(kCommand, {kBadInput, account.error().message});
  }
  const auto password = read_password(arguments.password);
  if (!password.ok()) {
    return fail(kCommand, {kBadInput, password.error().message});
  }
  auto database = open_database_file(global.database);
  match_known_stores(*database, *account);
  return create(kCommand, *database, std::move(*account), *password);
}

// The member of an active card, or why there is none.
Result<Member> card_member(Database& database, const std::string& number) {
  const auto card = database.members().find_card(number);
  if (!card) {
    return Error{"card_not_issued",
                 fmt::format("card {} is not in the card registry: issue it with `imagross "
                             "cards issue` and import its member with `imagross import members`",
                             number)};
  }
  if (card->status != CardStatus::active || !card->member_id) {
    return Error{"card_not_active",
                 fmt::format("card {} is {} and has no member to sign in as: import its member "
                             "with `imagross import members`, or sign up with it in the web app",
                             number, card_status_name(card->status))};
  }
  auto member = database.members().find_member(*card->member_id);
  if (!member) {
    return Error{"member_not_found",
                 fmt::format("the member {} of card {} is missing", *card->member_id, number)};
  }
  return std::move(*member);
}

int run_customer_create(const CustomerArguments& arguments, const GlobalOptions& global) {
  constexpr std::string_view kCommand = "customer create";
  const auto number = validate_card_number(arguments.card, card_policy(global));
  if (!number.ok()) {
    return fail(kCommand, {kBadInput, number.error().message});
  }
  const auto password = read_password(arguments.password);
  if (!password.ok()) {
    return fail(kCommand, {kBadInput, password.error().message});
  }
  auto database = open_database_file(global.database);
  const auto member = card_member(*database, *number);
  if (!member.ok()) {
    return fail(kCommand, {kRefused, member.error().message});
  }
  if (!arguments.privacy_notice.empty() && !member->privacy.granted) {
    Member accepted = *member;
    accepted.privacy = Consent{true, utc_now_iso8601(), arguments.privacy_notice};
    const auto updated = database->members().update_member(accepted);
    if (!updated.ok()) {
      return fail(kCommand, {kRefused, updated.error().message});
    }
  }
  Account account;
  account.role = Role::customer;
  account.member_id = member->id;
  return create(kCommand, *database, std::move(account), *password);
}

// Adds `GROUP create` with its --password-stdin flag; `run` runs it and returns the exit status.
CLI::App* add_create_command(CLI::App& app, GlobalOptions& options, const char* group,
                             const char* group_help, const std::string& create_help,
                             PasswordSource& password, std::function<int()> run) {
  CLI::App* command = app.add_subcommand(group, group_help);
  command->require_subcommand(1);
  CLI::App* create_command = command->add_subcommand(
      "create", fmt::format("{}; the password comes from {} or --password-stdin", create_help,
                            kPasswordVariable));
  create_command->add_flag("--password-stdin", password.from_stdin,
                           fmt::format("read the password from the first line of standard input "
                                       "instead of the environment variable {}",
                                       kPasswordVariable));
  create_command->callback([&options, run = std::move(run)] {
    apply_global_options(options);
    options.exit_code = run();
  });
  return create_command;
}

void add_admin_command(CLI::App& app, GlobalOptions& options) {
  auto arguments = std::make_shared<AdminArguments>();
  CLI::App* create_command = add_create_command(
      app, options, "admin", "Manage administrator accounts", "Create an administrator account",
      arguments->password, [arguments, &options] { return run_admin_create(*arguments, options); });
  create_command->add_option("--email", arguments->email, "the e-mail the admin signs in with")
      ->required();
  create_command
      ->add_option("--role", arguments->role,
                   "super_admin (every store and route) or store_admin (the --store stores)")
      ->check(CLI::IsMember({"super_admin", "store_admin"}))
      ->capture_default_str();
  create_command->add_option("--store", arguments->stores,
                             "store code a store admin may see; repeat for several stores");
}

void add_customer_command(CLI::App& app, GlobalOptions& options) {
  auto arguments = std::make_shared<CustomerArguments>();
  CLI::App* create_command = add_create_command(
      app, options, "customer", "Manage customers' online accounts",
      "Create the online account of the member of an active card, as a sign-up would",
      arguments->password,
      [arguments, &options] { return run_customer_create(*arguments, options); });
  create_command->add_option("--card", arguments->card, "the member's card number (13 digits)")
      ->required();
  create_command->add_option(
      "--privacy-accepted", arguments->privacy_notice,
      "record that the member accepted this version of the privacy notice (e.g. 2026-01), as "
      "signed at the service desk; a consent given before is kept");
}

}  // namespace

void add_account_commands(CLI::App& app, GlobalOptions& options) {
  add_admin_command(app, options);
  add_customer_command(app, options);
}

}  // namespace imagross::cli
