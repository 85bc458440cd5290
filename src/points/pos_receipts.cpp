// PointsService::post_receipt: receipts that tills post one at a time, stored in the sales
// tables like imported lines and awarded at once.

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "analytics/sales_engine.h"
#include "common/civil_time.h"
#include "common/decimal.h"
#include "domain/receipt_line.h"
#include "points/points_service.h"

namespace imagross::points {
namespace {

// Reversal entries of a member read per page when a repeated return looks for its entry.
constexpr int kLedgerPage = 200;

// Whether `text` is empty or only white space.
bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Whether `text` contains a control character (a NUL, a tab, a line break...), which no receipt
// id or product code contains.
bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

// A problem with the identifier `text` at `field`, or nothing.
std::optional<PosProblem> check_identifier(std::string_view text, const std::string& field,
                                           bool required) {
  if (required && is_blank(text)) {
    return PosProblem{field,
                      fmt::format("{} is blank: give the code as the till prints it", field)};
  }
  if (has_control_character(text)) {
    return PosProblem{field, fmt::format("{} contains a control character (such as a NUL or a "
                                         "line break): send the code as printed on the receipt",
                                         field)};
  }
  return std::nullopt;
}

std::optional<PosProblem> check_timestamp(int64_t timestamp, int64_t now) {
  if (timestamp < kMinPosTimestamp) {
    return PosProblem{"timestamp", fmt::format("timestamp {} is before 2000-01-01T00:00:00Z: "
                                               "check the till's clock",
                                               format_utc(timestamp))};
  }
  if (timestamp > now + kMaxPosClockSkew) {
    return PosProblem{
        "timestamp",
        fmt::format("timestamp {} is more than {} minutes after the server's time {}: check the "
                    "till's clock and its UTC offset",
                    format_utc(timestamp), kMaxPosClockSkew / 60, format_utc(now))};
  }
  return std::nullopt;
}

std::optional<PosProblem> check_line(const PosLine& line, std::size_t index) {
  const std::string path = fmt::format("lines[{}]", index);
  if (auto problem = check_identifier(line.product_code, path + ".product_code", true)) {
    return problem;
  }
  const std::pair<const std::string*, const char*> texts[] = {{&line.product_name, ".product_name"},
                                                              {&line.department, ".department"},
                                                              {&line.promo_code, ".promo_code"}};
  for (const auto& [text, name] : texts) {
    if (auto problem = check_identifier(*text, path + name, false)) {
      return problem;
    }
  }
  if (line.quantity == 0) {
    return PosProblem{path + ".quantity",
                      fmt::format("{}.quantity is 0: give the quantity sold, negative for a "
                                  "return",
                                  path)};
  }
  auto problem = check_line_limits(line.quantity, line.unit_price, line.discount, line.amount);
  if (!problem) {
    problem = check_line_amount(line.quantity, line.unit_price, line.discount, line.amount);
  }
  if (problem) {
    const std::string field = fmt::format("{}.{}", path, line_field_name(problem->field));
    return PosProblem{field, fmt::format("{}: {}", field, problem->message)};
  }
  return std::nullopt;
}

std::vector<ReceiptLine> receipt_lines(const std::string& store_code, const PosReceipt& receipt) {
  std::vector<ReceiptLine> lines;
  for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
    const PosLine& posted = receipt.lines[i];
    ReceiptLine line;
    line.receipt_code = receipt.receipt_id;
    line.line_number = posted.line > 0 ? posted.line : static_cast<int32_t>(i + 1);
    line.timestamp = receipt.timestamp;
    line.store_code = store_code;
    line.card_number = receipt.card;
    line.product_code = posted.product_code;
    line.product_name = posted.product_name.empty() ? posted.product_code : posted.product_name;
    line.department = posted.department;
    line.quantity = posted.quantity;
    line.unit_price = posted.unit_price;
    line.discount = posted.discount;
    line.amount = posted.amount;
    line.promo_code = posted.promo_code;
    line.is_return = posted.quantity < 0 || posted.amount < 0;
    lines.push_back(std::move(line));
  }
  return lines;
}

Error conflict(const PosReceipt& receipt, int64_t stored_lines) {
  return Error{"receipt_conflict",
               fmt::format("receipt '{}' was posted before with other lines ({} stored, {} "
                           "posted now); the stored receipt is kept. Post a return, or a new "
                           "receipt id, to change it",
                           receipt.receipt_id, stored_lines, receipt.lines.size())};
}

bool has_returns(const PosReceipt& receipt) {
  return std::any_of(receipt.lines.begin(), receipt.lines.end(),
                     [](const PosLine& line) { return line.quantity < 0 || line.amount < 0; });
}

bool has_sales(const PosReceipt& receipt) {
  return std::any_of(receipt.lines.begin(), receipt.lines.end(),
                     [](const PosLine& line) { return line.quantity >= 0 && line.amount >= 0; });
}

}  // namespace

// The import record that a store's till receipts of one local day are stored under, created
// at the day's first receipt. After a restart a new record starts.
int64_t PointsService::pos_import_id(const std::string& store_code) {
  const std::string day = today();
  const std::string key = store_code + "|" + day;
  const std::lock_guard lock(cache_mutex_);
  const auto found = pos_imports_.find(key);
  if (found != pos_imports_.end()) {
    return found->second;
  }
  ImportRecord record;
  record.kind = "pos";
  record.source_name = fmt::format("till receipts of {} on {}", store_code, day);
  record.format = "json";
  record.options = "{}";
  record.id = database_.create_import(record);
  record.status = ImportStatus::completed;
  database_.update_import(record);
  pos_imports_.emplace(key, record.id);
  return record.id;
}

std::optional<PosProblem> PointsService::check_receipt(const PosReceipt& receipt) const {
  if (auto problem = check_identifier(receipt.receipt_id, "receipt_id", true)) {
    return problem;
  }
  if (auto problem = check_identifier(receipt.original_receipt_id, "original_receipt_id", false)) {
    return problem;
  }
  if (auto problem = check_timestamp(receipt.timestamp, clock_())) {
    return problem;
  }
  if (receipt.lines.empty()) {
    return PosProblem{"lines", "lines is empty: post a receipt with at least one line"};
  }
  std::set<int32_t> numbers;
  for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
    const PosLine& line = receipt.lines[i];
    if (auto problem = check_line(line, i)) {
      return problem;
    }
    const int32_t number = line.line > 0 ? line.line : static_cast<int32_t>(i + 1);
    if (!numbers.insert(number).second) {
      return PosProblem{fmt::format("lines[{}].line", i),
                        fmt::format("lines[{}].line {} repeats an earlier line's number: "
                                    "number the lines 1, 2, 3... or leave line out",
                                    i, number)};
    }
  }
  return std::nullopt;
}

Result<PosOutcome> PointsService::post_receipt(const std::string& store_code,
                                               const PosReceipt& receipt) {
  if (store_code.empty()) {
    return Error{"invalid_receipt",
                 "the store code is missing: the till's API key names its store"};
  }
  if (const auto problem = check_receipt(receipt)) {
    return Error{"invalid_receipt", problem->message};
  }
  const std::vector<ReceiptLine> lines = receipt_lines(store_code, receipt);
  const std::lock_guard lock(award_mutex_);
  // A receipt stored with another number of lines conflicts whatever its lines contain, and it
  // is rejected before any of the new lines is written.
  const int64_t stored_lines = database_.count_receipt_lines(receipt.receipt_id);
  if (stored_lines > 0 && stored_lines != static_cast<int64_t>(lines.size())) {
    return conflict(receipt, stored_lines);
  }
  const int64_t import_id = pos_import_id(store_code);
  const BatchResult result = database_.write_lines(import_id, lines);
  const auto count = [&result](LineOutcome outcome) {
    return std::count(result.outcomes.begin(), result.outcomes.end(), outcome);
  };
  const auto inserted = count(LineOutcome::inserted);
  const auto duplicates = count(LineOutcome::duplicate);
  if (auto record = database_.find_import(import_id)) {
    record->lines_read += static_cast<int64_t>(lines.size());
    record->imported += inserted;
    record->duplicates += duplicates;
    record->rejected += count(LineOutcome::conflict);
    database_.update_import(*record);
  }
  if (engine_ != nullptr && !result.inserted.empty()) {
    engine_->append(database_, result.inserted);
  }
  if (count(LineOutcome::conflict) > 0 || (inserted > 0 && duplicates > 0)) {
    // NOTE: new lines still reach the sales tables when the posted receipt has as many lines
    // as the stored one but other line numbers, or when an import adds lines between the count
    // above and this write. Stored lines are never changed, and the new ones earn nothing.
    return conflict(receipt, stored_lines);
  }
  if (inserted == 0) {
    return repeat_outcome(receipt);
  }
  return award_posted(receipt, result.inserted.front().receipt_id);
}

// Awards a receipt just stored. The caller holds award_mutex_.
Result<PosOutcome> PointsService::award_posted(const PosReceipt& receipt, int64_t receipt_id) {
  PosOutcome outcome;
  outcome.receipt_id = receipt.receipt_id;
  if (receipt.card.empty()) {
    outcome.status = "no_card";
    return outcome;
  }
  PointsStore& store = database_.points();
  std::vector<PendingReceipt> pending = store.pending_receipts(receipt_id - 1, 1);
  if (pending.empty() || pending.front().receipt_id != receipt_id) {
    outcome.status = "card_not_linked";
    return outcome;
  }
  const PendingReceipt& stored = pending.front();
  const auto in_force = rule_set_at(stored.timestamp);
  if (!in_force) {
    outcome.status = "no_rules";
    outcome.balance = store.member_points(stored.member_id).balance;
    return outcome;
  }

  std::optional<ReceiptPoints> original;
  if (!receipt.original_receipt_id.empty()) {
    original = store.receipt_points(receipt.original_receipt_id);
    if (original && original->member_id != stored.member_id) {
      original.reset();  // another member's receipt: reversed at the base rate instead
    }
  }

  AwardBatch batch;
  batch.versions = active_versions();
  if (!original || !has_returns(receipt)) {
    award_one(stored, batch);
    flush_awards(batch);
  } else {
    reverse_original(stored, *original, batch);
  }
  // The same tier step as award_pending, so that a till receipt crossing a threshold moves the
  // member up before the next receipt earns.
  upgrade_members(std::vector<int64_t>(batch.members.begin(), batch.members.end()));
  const int64_t points = batch.points;
  outcome.status = has_sales(receipt) ? "awarded" : "reversed";
  outcome.points = points < 0 ? -points : points;
  outcome.balance = store.member_points(stored.member_id).balance;
  return outcome;
}

// The outcome of a receipt posted again with the same lines, read from what the first post
// recorded. A receipt that earned or took back 0 points has no ledger entry, so its outcome
// has 0 points.
Result<PosOutcome> PointsService::repeat_outcome(const PosReceipt& receipt) {
  PosOutcome outcome;
  outcome.receipt_id = receipt.receipt_id;
  outcome.duplicate = true;
  if (receipt.card.empty()) {
    outcome.status = "no_card";
    return outcome;
  }
  const auto member = database_.members().find_member_by_card(receipt.card);
  if (!member) {
    outcome.status = "card_not_linked";
    return outcome;
  }

  PointsStore& store = database_.points();
  outcome.balance = store.member_points(member->id).balance;
  if (has_sales(receipt)) {
    if (const auto points = store.receipt_points(receipt.receipt_id)) {
      outcome.status = "awarded";
      outcome.points = points->points;
      return outcome;
    }
  } else {
    LedgerQuery query;
    query.member_id = member->id;
    query.kind = LedgerKind::reversal;
    query.limit = kLedgerPage;
    for (;; query.offset += kLedgerPage) {
      const LedgerPage page = store.ledger(query);
      for (const LedgerEntry& entry : page.rows) {
        if (entry.source_ref == receipt.receipt_id) {
          outcome.status = "reversed";
          outcome.points = -entry.points;
          return outcome;
        }
      }
      if (page.rows.size() < static_cast<std::size_t>(kLedgerPage)) {
        break;
      }
    }
  }

  // Not found as awarded or reversed: either evaluated with 0 points, or still pending.
  const auto in_force = rule_set_at(receipt.timestamp);
  outcome.status = !in_force ? "no_rules" : (has_sales(receipt) ? "awarded" : "reversed");
  return outcome;
}

}  // namespace imagross::points
