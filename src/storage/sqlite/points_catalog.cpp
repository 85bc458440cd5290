// The points catalogue of SqlitePointsStore: rule set versions, rewards, redemptions and the
// tills' API keys. The ledger side of the store is in points_store.cpp.

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "common/utc_time.h"
#include "storage/database.h"
#include "storage/sqlite/points_catalog_rows.h"
#include "storage/sqlite/points_catalog_statements.h"
#include "storage/sqlite/points_ledger.h"
#include "storage/sqlite/points_secrets.h"
#include "storage/sqlite/points_store.h"

namespace imagross {

std::string_view rule_set_status_name(RuleSetStatus status) {
  switch (status) {
    case RuleSetStatus::draft:
      return "draft";
    case RuleSetStatus::active:
      return "active";
    case RuleSetStatus::retired:
      return "retired";
  }
  return "draft";
}

std::string_view redemption_status_name(RedemptionStatus status) {
  switch (status) {
    case RedemptionStatus::issued:
      return "issued";
    case RedemptionStatus::used:
      return "used";
    case RedemptionStatus::cancelled:
      return "cancelled";
  }
  return "issued";
}

}  // namespace imagross

namespace imagross::sqlite {
namespace {

namespace sql = points_catalog_statements;

// Voucher codes drawn before redeem gives up. With 10^10 codes, a clash in every draw means
// the random source is broken, not that the codes ran out.
constexpr int kVoucherCodeAttempts = 20;

Error reward_not_found(int64_t id) {
  return Error{"reward_not_found", fmt::format("no reward has id {}", id)};
}

Error redemption_not_found(int64_t id) {
  return Error{"redemption_not_found", fmt::format("no redemption has id {}", id)};
}

Error invalid_reward(const std::string& problem) {
  return Error{"invalid_reward", problem};
}

Reward with_trimmed_name(const Reward& reward) {
  Reward trimmed = reward;
  const std::size_t first = trimmed.name.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    trimmed.name.clear();
    return trimmed;
  }
  const std::size_t last = trimmed.name.find_last_not_of(" \t\r\n");
  trimmed.name = trimmed.name.substr(first, last - first + 1);
  return trimmed;
}

std::optional<RuleSetVersion> load_rule_set(Connection& connection, int32_t version) {
  Statement select(connection, sql::kSelectRuleSet);
  select.bind(1, int64_t{version});
  if (!select.step()) {
    return std::nullopt;
  }
  return read_rule_set(select);
}

std::vector<RuleSetVersion> load_rule_sets(Connection& connection, const Sql& query) {
  Statement select(connection, query);
  std::vector<RuleSetVersion> rule_sets;
  while (select.step()) {
    rule_sets.push_back(read_rule_set(select));
  }
  return rule_sets;
}

// An error unless `effective_from` is strictly after the time the latest active version took
// effect, so that no two active versions share a time and the order of versions is the order
// of their times.
std::optional<Error> effective_from_error(Connection& connection, std::string_view effective_from) {
  Statement latest(connection, sql::kSelectLatestActiveRuleSet);
  if (!latest.step()) {
    return std::nullopt;
  }
  const std::string latest_from = latest.column_text(1);
  if (effective_from > latest_from) {
    return std::nullopt;
  }
  return Error{"effective_from_too_early",
               fmt::format("effective_from {} is not after {}, when the active version {} took "
                           "effect; choose a later time",
                           effective_from, latest_from, latest.column_int64(0))};
}

// An error when member `member_id` is missing or may not redeem.
std::optional<Error> member_error(Connection& connection, int64_t member_id) {
  Statement select(connection, sql::kSelectMemberStatus);
  select.bind(1, member_id);
  if (!select.step()) {
    return Error{"member_not_found", fmt::format("no member has id {}", member_id)};
  }
  const std::string status = select.column_text(0);
  if (status != "active") {
    return Error{"member_not_active", fmt::format("member {} is {}: only an active member can "
                                                  "redeem rewards",
                                                  member_id, status)};
  }
  return std::nullopt;
}

// An error when `reward` cannot be redeemed on `today` (YYYY-MM-DD) by anybody.
std::optional<Error> reward_error(const Reward& reward, std::string_view today) {
  if (!reward.active) {
    return Error{"reward_inactive",
                 fmt::format("reward {} ('{}') is not active", reward.id, reward.name)};
  }
  const bool too_early = !reward.valid_from.empty() && today < reward.valid_from;
  const bool too_late = !reward.valid_to.empty() && today > reward.valid_to;
  if (too_early || too_late) {
    return Error{
        "reward_not_valid_today",
        fmt::format("reward {} ('{}') can be redeemed from {} to {}, and today is {}", reward.id,
                    reward.name, reward.valid_from.empty() ? "any date" : reward.valid_from,
                    reward.valid_to.empty() ? "any date" : reward.valid_to, today)};
  }
  if (reward.stock && *reward.stock <= 0) {
    return Error{"out_of_stock",
                 fmt::format("reward {} ('{}') is out of stock", reward.id, reward.name)};
  }
  return std::nullopt;
}

// An error when the member has used up the reward's per-member limit or lacks the points.
std::optional<Error> member_reward_error(Connection& connection, int64_t member_id,
                                         const Reward& reward) {
  if (reward.per_member_limit) {
    Statement count(connection, sql::kCountMemberRedemptions);
    count.bind(1, member_id).bind(2, reward.id);
    count.step();
    const int64_t redeemed = count.column_int64(0);
    if (redeemed >= *reward.per_member_limit) {
      return Error{"member_limit_reached",
                   fmt::format("member {} has redeemed reward {} ('{}') {} times, the limit per "
                               "member; cancelled redemptions do not count",
                               member_id, reward.id, reward.name, redeemed)};
    }
  }
  const int64_t balance = cached_balance(connection, member_id);
  if (balance < reward.points_cost) {
    return Error{"insufficient_points",
                 fmt::format("member {} has a balance of {} points, and reward {} ('{}') costs {}",
                             member_id, balance, reward.id, reward.name, reward.points_cost)};
  }
  return std::nullopt;
}

std::string unused_voucher_code(Connection& connection) {
  Statement taken(connection, sql::kSelectVoucherTaken);
  for (int attempt = 0; attempt < kVoucherCodeAttempts; ++attempt) {
    std::string code = random_voucher_code();
    taken.bind(1, code);
    const bool clash = taken.step();
    taken.reset();
    if (!clash) {
      return code;
    }
  }
  throw StorageError(fmt::format("database {}: every one of {} random voucher codes is taken",
                                 connection.path(), kVoucherCodeAttempts));
}

// The redemption `id` with the ledger entry that spent its points, for a change of status.
struct IssuedRedemption {
  Redemption redemption;
  int64_t debit_id = 0;
};

// Loads redemption `id` when it is still issued, or the error that stops closing it.
Result<IssuedRedemption> issued_redemption(Connection& connection, int64_t id,
                                           std::string_view action) {
  Statement select(connection, sql::kSelectRedemption);
  select.bind(1, id);
  if (!select.step()) {
    return redemption_not_found(id);
  }
  IssuedRedemption issued{read_redemption(select), select.column_int64(13)};
  if (issued.redemption.status != RedemptionStatus::issued) {
    return Error{"redemption_not_issued",
                 fmt::format("redemption {} is {}: only an issued redemption can be {}", id,
                             redemption_status_name(issued.redemption.status), action)};
  }
  return issued;
}

// The expiry date of the refund of `debit_id`, empty for none.
std::string refund_expiry(Connection& connection, int64_t debit_id) {
  Statement select(connection, sql::kSelectRefundExpiry);
  select.bind(1, debit_id);
  select.step();
  return select.column_text(0);
}

// Runs `close` on redemption `id` in a write transaction when the redemption is still issued,
// and returns the redemption as `close` left it. `action` names the change in the error.
template <typename Close>
Result<Redemption> close_redemption(StoreConnections& connections, int64_t id,
                                    std::string_view action, const Close& close) {
  std::lock_guard lock(connections.write_mutex());
  Connection& connection = connections.writer();
  Transaction transaction(connection);
  Result<IssuedRedemption> issued = issued_redemption(connection, id, action);
  if (!issued) {
    return issued.error();
  }
  close(connection, *issued);
  std::optional<Redemption> closed = load_redemption(connection, id);
  transaction.commit();
  return std::move(*closed);
}

}  // namespace

// --- Rule sets ------------------------------------------------------------------------------

int32_t SqlitePointsStore::create_rule_set(std::string_view name, std::string_view document,
                                           std::optional<int64_t> account_id) {
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw std::invalid_argument("a rule set needs a name that is not blank");
  }
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  Statement valid(connection, sql::kSelectJsonValid);
  valid.bind(1, document);
  valid.step();
  if (valid.column_int64(0) == 0) {
    throw std::invalid_argument(
        fmt::format("the document of rule set '{}' is not valid JSON", name));
  }
  Statement insert(connection, sql::kInsertRuleSet);
  insert.bind(1, name).bind(2, document).bind(3, utc_now_iso8601());
  insert.bind_optional(4, account_id);
  insert.step();
  const auto version = static_cast<int32_t>(insert.column_int64(0));
  insert.reset();
  transaction.commit();
  return version;
}

std::vector<RuleSetVersion> SqlitePointsStore::list_rule_sets() {
  StoreConnections::Reader reader = connections_.reader();
  return load_rule_sets(*reader, sql::kListRuleSets);
}

std::optional<RuleSetVersion> SqlitePointsStore::find_rule_set(int32_t version) {
  StoreConnections::Reader reader = connections_.reader();
  return load_rule_set(*reader, version);
}

Result<RuleSetVersion> SqlitePointsStore::activate_rule_set(int32_t version,
                                                            std::string_view effective_from,
                                                            std::optional<int64_t> account_id) {
  const std::string now = utc_now_iso8601();
  const std::string from = effective_from.empty() ? now : std::string(effective_from);
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  std::optional<RuleSetVersion> rule_set = load_rule_set(connection, version);
  if (!rule_set) {
    return Error{"rule_set_not_found", fmt::format("no rule set has version {}", version)};
  }
  if (rule_set->status != RuleSetStatus::draft) {
    return Error{"rule_set_not_draft",
                 fmt::format("rule set version {} is {}: only a draft can be activated", version,
                             rule_set_status_name(rule_set->status))};
  }
  if (!is_stored_utc_time(from) || from < "2000" || from >= "3000") {
    return Error{"invalid_effective_from",
                 fmt::format("effective_from '{}' is not a UTC time in the form "
                             "2026-11-30T17:05:09Z from the year 2000 to 2999",
                             from)};
  }
  if (std::optional<Error> error = effective_from_error(connection, from)) {
    return *error;
  }

  // Earlier active versions stay active: each one is in force until the next takes effect, so
  // past receipts can be evaluated again with the rules of their time.
  Statement activate(connection, sql::kActivateRuleSet);
  activate.bind(1, int64_t{version}).bind(2, from).bind(3, now);
  activate.bind_optional(4, account_id);
  activate.execute();
  std::optional<RuleSetVersion> activated = load_rule_set(connection, version);
  transaction.commit();
  return std::move(*activated);
}

std::vector<RuleSetVersion> SqlitePointsStore::active_rule_sets() {
  StoreConnections::Reader reader = connections_.reader();
  return load_rule_sets(*reader, sql::kListActiveRuleSets);
}

// --- Rewards --------------------------------------------------------------------------------

Result<Reward> SqlitePointsStore::create_reward(const Reward& reward) {
  const Reward fields = with_trimmed_name(reward);
  if (std::optional<std::string> problem = reward_problem(fields)) {
    return invalid_reward(*problem);
  }
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  Statement insert(connection, sql::kInsertReward);
  bind_reward_fields(insert, fields);
  insert.bind(12, utc_now_iso8601());
  insert.step();
  const int64_t id = insert.column_int64(0);
  insert.reset();
  std::optional<Reward> created = load_reward(connection, id);
  transaction.commit();
  return std::move(*created);
}

Result<Reward> SqlitePointsStore::update_reward(const Reward& reward) {
  const Reward fields = with_trimmed_name(reward);
  if (std::optional<std::string> problem = reward_problem(fields)) {
    return invalid_reward(*problem);
  }
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  if (!load_reward(connection, fields.id)) {
    return reward_not_found(fields.id);
  }
  Statement update(connection, sql::kUpdateReward);
  bind_reward_fields(update, fields);
  update.bind(12, utc_now_iso8601()).bind(13, fields.id);
  update.execute();
  std::optional<Reward> updated = load_reward(connection, fields.id);
  transaction.commit();
  return std::move(*updated);
}

std::optional<Reward> SqlitePointsStore::find_reward(int64_t id) {
  StoreConnections::Reader reader = connections_.reader();
  return load_reward(*reader, id);
}

std::vector<Reward> SqlitePointsStore::list_rewards(bool active_only) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kListRewards);
  select.bind(1, int64_t{active_only ? 1 : 0});
  std::vector<Reward> rewards;
  while (select.step()) {
    rewards.push_back(read_reward(select));
  }
  return rewards;
}

// --- Redemptions ----------------------------------------------------------------------------

Result<Redemption> SqlitePointsStore::redeem(const RedemptionRequest& request) {
  if (request.channel != "app" && request.channel != "desk") {
    throw std::invalid_argument(
        fmt::format("redemption channel '{}' is neither 'app' nor 'desk'", request.channel));
  }
  if (!is_iso_date(request.today)) {
    throw std::invalid_argument(
        fmt::format("redemption date '{}' is not a date in the form YYYY-MM-DD", request.today));
  }

  // Every check and write below runs in one immediate transaction, which holds the write lock
  // of the database file from its first read. Redemptions from other threads and processes
  // wait, so none of them can spend the same points or the same unit of stock.
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Transaction transaction(connection);
  if (std::optional<Error> error = member_error(connection, request.member_id)) {
    return *error;
  }
  std::optional<Reward> reward = load_reward(connection, request.reward_id);
  if (!reward) {
    return reward_not_found(request.reward_id);
  }
  if (std::optional<Error> error = reward_error(*reward, request.today)) {
    return *error;
  }
  if (std::optional<Error> error = member_reward_error(connection, request.member_id, *reward)) {
    return *error;
  }

  // Credits whose expiry date has passed count towards the balance until expire() writes their
  // expiry entries, so the API runs expire(today) before every redemption.

  // The ledger entry names the redemption before the redemption row (which names the entry)
  // exists, so the id is taken first.
  const int64_t id = connection.query_int64(sql::kSelectNextRedemptionId);
  const std::string voucher_code = unused_voucher_code(connection);
  const std::string now = utc_now_iso8601();
  LedgerEntry debit;
  debit.member_id = request.member_id;
  debit.kind = LedgerKind::redemption;
  debit.points = -reward->points_cost;
  debit.at = now;
  debit.source_type = "reward";
  debit.source_ref = std::to_string(id);
  debit.reason = reward->name;
  debit.account_id = request.account_id;
  const int64_t debit_id = append_debit(connection, debit);

  Statement insert(connection, sql::kInsertRedemption);
  insert.bind(1, id).bind(2, request.member_id).bind(3, reward->id);
  insert.bind(4, reward->points_cost).bind(5, reward->copay).bind(6, voucher_code);
  insert.bind(7, request.channel).bind(8, debit_id).bind(9, now);
  insert.bind_optional(10, request.account_id);
  insert.execute();
  Statement take_stock(connection, sql::kChangeRewardStock);
  take_stock.bind(1, reward->id).bind(2, int64_t{-1}).execute();

  std::optional<Redemption> redemption = load_redemption(connection, id);
  transaction.commit();
  return std::move(*redemption);
}

Result<Redemption> SqlitePointsStore::cancel_redemption(int64_t redemption_id,
                                                        std::optional<int64_t> account_id) {
  const auto cancel = [account_id](Connection& connection, const IssuedRedemption& issued) {
    const Redemption& redemption = issued.redemption;
    // The refund expires when the latest of the spent credits would have, so cancelling never
    // makes points last longer than they did before. When that date has passed, the next expiry
    // run expires the refund.
    const std::string now = utc_now_iso8601();
    LedgerEntry refund;
    refund.member_id = redemption.member_id;
    refund.kind = LedgerKind::refund;
    refund.points = redemption.points;
    refund.at = now;
    refund.expires_on = refund_expiry(connection, issued.debit_id);
    refund.source_type = "reward";
    refund.source_ref = std::to_string(redemption.id);
    refund.reason = redemption.reward_name;
    refund.account_id = account_id;
    const int64_t refund_id = append_credit(connection, refund);

    Statement give_back(connection, sql::kChangeRewardStock);
    give_back.bind(1, redemption.reward_id).bind(2, int64_t{1}).execute();
    Statement update(connection, sql::kCancelRedemption);
    update.bind(1, redemption.id).bind(2, refund_id).bind(3, now);
    update.bind_optional(4, account_id);
    update.execute();
  };
  return close_redemption(connections_, redemption_id, "cancelled", cancel);
}

Result<Redemption> SqlitePointsStore::use_redemption(int64_t redemption_id,
                                                     std::optional<int64_t> account_id) {
  const auto use = [account_id](Connection& connection, const IssuedRedemption& issued) {
    Statement update(connection, sql::kUseRedemption);
    update.bind(1, issued.redemption.id).bind(2, utc_now_iso8601());
    update.bind_optional(3, account_id);
    update.execute();
  };
  return close_redemption(connections_, redemption_id, "used", use);
}

std::optional<Redemption> SqlitePointsStore::find_redemption(int64_t id) {
  StoreConnections::Reader reader = connections_.reader();
  return load_redemption(*reader, id);
}

RedemptionPage SqlitePointsStore::list_redemptions(const RedemptionQuery& query) {
  StoreConnections::Reader reader = connections_.reader();
  Transaction snapshot(*reader, TransactionMode::deferred);
  const auto bind_filters = [&query](Statement& statement) {
    statement.bind_optional(1, query.member_id);
    statement.bind_optional(2, query.reward_id);
    if (query.status) {
      statement.bind(3, redemption_status_name(*query.status));
    } else {
      statement.bind_null(3);
    }
    statement.bind_text_or_null(4, query.voucher_code);
  };

  RedemptionPage page;
  Statement count(*reader, sql::kCountRedemptions);
  bind_filters(count);
  count.step();
  page.total = count.column_int64(0);
  Statement select(*reader, sql::kListRedemptions);
  bind_filters(select);
  select.bind(5, int64_t{std::max(query.limit, 0)}).bind(6, std::max<int64_t>(query.offset, 0));
  while (select.step()) {
    page.rows.push_back(read_redemption(select));
  }
  return page;
}

// --- Tills' API keys ------------------------------------------------------------------------

std::pair<PosKey, std::string> SqlitePointsStore::create_pos_key(std::string_view store_code,
                                                                 std::string_view label) {
  if (store_code.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw std::invalid_argument("a till's API key needs a store code that is not blank");
  }
  std::string key = random_pos_key();
  std::lock_guard lock(connections_.write_mutex());
  Statement insert(connections_.writer(), sql::kInsertPosKey);
  insert.bind(1, store_code).bind(2, label).bind(3, pos_key_prefix(key));
  insert.bind(4, pos_key_hash(key)).bind(5, utc_now_iso8601());
  insert.step();
  PosKey created = read_pos_key(insert);
  insert.reset();
  return {std::move(created), std::move(key)};
}

std::optional<PosKey> SqlitePointsStore::find_pos_key(std::string_view key) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kSelectValidPosKey);
  select.bind(1, pos_key_hash(key));
  if (!select.step()) {
    return std::nullopt;
  }
  return read_pos_key(select);
}

std::vector<PosKey> SqlitePointsStore::list_pos_keys() {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, sql::kListPosKeys);
  std::vector<PosKey> keys;
  while (select.step()) {
    keys.push_back(read_pos_key(select));
  }
  return keys;
}

bool SqlitePointsStore::revoke_pos_key(int64_t id) {
  std::lock_guard lock(connections_.write_mutex());
  Connection& connection = connections_.writer();
  Statement revoke(connection, sql::kRevokePosKey);
  revoke.bind(1, id).bind(2, utc_now_iso8601()).execute();
  return sqlite3_changes64(connection.handle()) > 0;
}

}  // namespace imagross::sqlite
