// `imagross cards issue`: registers a range of card numbers as issued by the chain.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/ean13.h"
#include "common/result.h"
#include "storage/database.h"
#include "storage/member_store.h"

namespace imagross::cli {
namespace {

// Cards per command at most. A range is written in one transaction, and a million numbers took
// 5.7 s on a shared 2-core virtual machine (Release build, SQLite 3.40).
constexpr int64_t kMaxCardsPerIssue = 1'000'000;
// The largest number of 12 digits, the digits before the check digit.
constexpr uint64_t kMaxSerial = 999'999'999'999;

struct IssueArguments {
  std::string from;
  std::string to;
  int64_t count = 0;
};

// The first 12 digits of a card number given with or without its check digit; a 13th digit
// must be the right check digit.
Result<uint64_t> parse_card_serial(const std::string& option, const std::string& text) {
  const bool digits_only =
      !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits_only || (text.size() != 12 && text.size() != 13)) {
    return Error{"invalid_option",
                 fmt::format("{} '{}' is not a card number: write its first 12 digits (the check "
                             "digit is added) or all 13",
                             option, text)};
  }
  if (text.size() == 13 && !is_valid_ean13(text)) {
    return Error{"invalid_option",
                 fmt::format("{} '{}' has a wrong check digit: the 13th digit should be {}, or "
                             "give only the first 12 digits",
                             option, text, ean13_check_digit(text))};
  }
  return std::stoull(text.substr(0, 12));
}

std::string card_from_serial(uint64_t serial) {
  return complete_ean13(fmt::format("{:012}", serial));
}

Error outside_prefix(const std::string& number, const CardPolicy& policy) {
  return Error{"invalid_option",
               fmt::format("card {} does not start with the chain's prefix {}: choose a range "
                           "inside it, or set --card-prefix",
                           number, policy.prefix)};
}

// The numbers of the range that the arguments describe, each with its check digit.
Result<std::vector<std::string>> card_range(const IssueArguments& arguments,
                                            const CardPolicy& policy) {
  auto first = parse_card_serial("--from", arguments.from);
  if (!first.ok()) {
    return first.error();
  }
  uint64_t last = 0;
  if (!arguments.to.empty()) {
    auto to = parse_card_serial("--to", arguments.to);
    if (!to.ok()) {
      return to.error();
    }
    if (*to < *first) {
      return Error{"invalid_option", fmt::format("--to {} comes before --from {}: swap them",
                                                 arguments.to, arguments.from)};
    }
    last = *to;
  } else {
    last = *first + static_cast<uint64_t>(arguments.count) - 1;
  }
  if (last > kMaxSerial || last - *first + 1 > static_cast<uint64_t>(kMaxCardsPerIssue)) {
    return Error{"invalid_option",
                 fmt::format("the range has more than {} cards or runs past 12 digits: issue it "
                             "in several commands",
                             kMaxCardsPerIssue)};
  }
  for (const uint64_t serial : {*first, last}) {
    const std::string number = card_from_serial(serial);
    if (!validate_card_number(number, policy).ok()) {
      return outside_prefix(number, policy);
    }
  }
  std::vector<std::string> numbers;
  numbers.reserve(static_cast<std::size_t>(last - *first + 1));
  for (uint64_t serial = *first; serial <= last; ++serial) {
    numbers.push_back(card_from_serial(serial));
  }
  return numbers;
}

int run_issue(const IssueArguments& arguments, const GlobalOptions& global) {
  if (arguments.to.empty() == (arguments.count == 0)) {
    throw CLI::ValidationError("cards issue", "give either --count N or --to NUMBER");
  }
  auto numbers = card_range(arguments, card_policy(global));
  if (!numbers.ok()) {
    throw CLI::ValidationError("cards issue", numbers.error().message);
  }
  auto database = open_database_file(global.database);
  const auto total = static_cast<int64_t>(numbers->size());
  const int64_t added = database->members().issue_cards(*numbers);
  const std::string range =
      total == 1 ? fmt::format("card {}", numbers->front())
                 : fmt::format("{} cards from {} to {}", total, numbers->front(), numbers->back());
  if (added == total) {
    fmt::print("issued {}\n", range);
  } else if (added == 0) {
    fmt::print("nothing issued: {} registered already\n",
               total == 1 ? "card " + numbers->front() + " is" : "the " + range + " are all");
  } else {
    const int64_t registered = total - added;
    fmt::print("issued {} of the {}; {} {} registered already\n", added, range, registered,
               registered == 1 ? "was" : "were");
  }
  return 0;
}

}  // namespace

CardPolicy card_policy(const GlobalOptions& options) {
  auto policy = CardPolicy::with_prefix(options.card_prefix);
  if (!policy.ok()) {
    throw CLI::ValidationError("--card-prefix", policy.error().message);
  }
  return *policy;
}

void add_cards_command(CLI::App& app, GlobalOptions& options) {
  CLI::App* cards = app.add_subcommand("cards", "Manage the registry of the chain's loyalty cards");
  cards->require_subcommand(1);

  auto arguments = std::make_shared<IssueArguments>();
  CLI::App* issue = cards->add_subcommand(
      "issue",
      "Register a range of card numbers as issued, ready to be handed out; numbers registered "
      "already are left as they are");
  issue
      ->add_option("--from", arguments->from,
                   "first card: its 12 leading digits (the check digit is added) or all 13")
      ->required();
  issue->add_option("--count", arguments->count, "how many consecutive cards to issue")
      ->check(CLI::Range(int64_t{1}, kMaxCardsPerIssue));
  issue->add_option("--to", arguments->to,
                    "last card of the range, included: 12 or 13 digits; instead of --count");
  issue->callback([arguments, &options] {
    apply_global_options(options);
    options.exit_code = run_issue(*arguments, options);
  });
}

}  // namespace imagross::cli
