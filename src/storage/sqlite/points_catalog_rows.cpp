#include "storage/sqlite/points_catalog_rows.h"

#include <fmt/format.h>

#include "common/civil_time.h"
#include "storage/database.h"
#include "storage/sqlite/points_catalog_statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = points_catalog_statements;

// Reads the row that `query` selects for `id` with `read`, or returns nullopt when there is none.
template <typename Row>
std::optional<Row> load_by_id(Connection& connection, const Sql& query, int64_t id,
                              Row (*read)(const Statement&)) {
  Statement select(connection, query);
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read(select);
}

std::optional<int64_t> column_optional_int64(const Statement& statement, int column) {
  if (statement.column_is_null(column)) {
    return std::nullopt;
  }
  return statement.column_int64(column);
}

RuleSetStatus parse_rule_set_status(std::string_view name) {
  for (RuleSetStatus status :
       {RuleSetStatus::draft, RuleSetStatus::active, RuleSetStatus::retired}) {
    if (rule_set_status_name(status) == name) {
      return status;
    }
  }
  throw StorageError(
      fmt::format("points_rule_sets contains status '{}', which this build does not know", name));
}

RedemptionStatus parse_redemption_status(std::string_view name) {
  for (RedemptionStatus status :
       {RedemptionStatus::issued, RedemptionStatus::used, RedemptionStatus::cancelled}) {
    if (redemption_status_name(status) == name) {
      return status;
    }
  }
  throw StorageError(
      fmt::format("redemptions contains status '{}', which this build does not know", name));
}

// Unicode code points of valid UTF-8 text: the bytes that do not continue a sequence.
std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool is_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

std::optional<std::string> text_length_problem(std::string_view field, std::string_view text,
                                               std::size_t max_length) {
  const std::size_t length = code_points(text);
  if (length <= max_length) {
    return std::nullopt;
  }
  return fmt::format("{} has {} characters; the maximum is {}", field, length, max_length);
}

// A site path ("/images/mug.png") or an https URL. A path starting "//" would name another host
// over any scheme, and spaces or control characters have no place in a URL.
std::optional<std::string> image_url_problem(std::string_view url) {
  if (url.empty()) {
    return std::nullopt;
  }
  if (std::optional<std::string> problem =
          text_length_problem("image_url", url, kMaxRewardImageUrlLength)) {
    return problem;
  }
  const bool https = url.starts_with("https://");
  const bool site_path = url.starts_with('/') && !url.starts_with("//");
  bool printable = true;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      printable = false;
    }
  }
  if ((https || site_path) && printable) {
    return std::nullopt;
  }
  return fmt::format(
      "image_url '{}' is not an https:// URL or a path starting with a single '/', without "
      "spaces; leave it empty for no image",
      url);
}

std::optional<std::string> date_problem(std::string_view field, std::string_view date) {
  if (date.empty() || is_iso_date(date)) {
    return std::nullopt;
  }
  return fmt::format("{} '{}' is not a date in the form YYYY-MM-DD; leave it empty for no bound",
                     field, date);
}

}  // namespace

RuleSetVersion read_rule_set(const Statement& statement) {
  RuleSetVersion rule_set;
  rule_set.version = static_cast<int32_t>(statement.column_int64(0));
  rule_set.name = statement.column_text(1);
  rule_set.document = statement.column_text(2);
  rule_set.status = parse_rule_set_status(statement.column_view(3));
  rule_set.effective_from = statement.column_text(4);
  rule_set.created_at = statement.column_text(5);
  rule_set.created_by = column_optional_int64(statement, 6);
  rule_set.activated_at = statement.column_text(7);
  rule_set.activated_by = column_optional_int64(statement, 8);
  return rule_set;
}

Reward read_reward(const Statement& statement) {
  Reward reward;
  reward.id = statement.column_int64(0);
  reward.name = statement.column_text(1);
  reward.description = statement.column_text(2);
  reward.image_url = statement.column_text(3);
  reward.category = statement.column_text(4);
  reward.points_cost = statement.column_int64(5);
  reward.copay = statement.column_int64(6);
  reward.stock = column_optional_int64(statement, 7);
  if (std::optional<int64_t> limit = column_optional_int64(statement, 8)) {
    reward.per_member_limit = static_cast<int32_t>(*limit);
  }
  reward.valid_from = statement.column_text(9);
  reward.valid_to = statement.column_text(10);
  reward.active = statement.column_int64(11) != 0;
  reward.created_at = statement.column_text(12);
  reward.updated_at = statement.column_text(13);
  return reward;
}

Redemption read_redemption(const Statement& statement) {
  Redemption redemption;
  redemption.id = statement.column_int64(0);
  redemption.member_id = statement.column_int64(1);
  redemption.reward_id = statement.column_int64(2);
  redemption.reward_name = statement.column_text(3);
  redemption.points = statement.column_int64(4);
  redemption.copay = statement.column_int64(5);
  redemption.voucher_code = statement.column_text(6);
  redemption.status = parse_redemption_status(statement.column_view(7));
  redemption.channel = statement.column_text(8);
  redemption.created_at = statement.column_text(9);
  redemption.created_by = column_optional_int64(statement, 10);
  redemption.closed_at = statement.column_text(11);
  redemption.closed_by = column_optional_int64(statement, 12);
  return redemption;
}

PosKey read_pos_key(const Statement& statement) {
  PosKey key;
  key.id = statement.column_int64(0);
  key.store_code = statement.column_text(1);
  key.label = statement.column_text(2);
  key.prefix = statement.column_text(3);
  key.created_at = statement.column_text(4);
  key.revoked_at = statement.column_text(5);
  return key;
}

std::optional<Reward> load_reward(Connection& connection, int64_t id) {
  return load_by_id(connection, sql::kSelectReward, id, read_reward);
}

std::optional<Redemption> load_redemption(Connection& connection, int64_t id) {
  return load_by_id(connection, sql::kSelectRedemption, id, read_redemption);
}

void bind_reward_fields(Statement& statement, const Reward& reward) {
  statement.bind(1, reward.name).bind(2, reward.description);
  statement.bind_text_or_null(3, reward.image_url).bind(4, reward.category);
  statement.bind(5, reward.points_cost).bind(6, reward.copay);
  if (reward.stock) {
    statement.bind(7, *reward.stock);
  } else {
    statement.bind_null(7);
  }
  if (reward.per_member_limit) {
    statement.bind(8, int64_t{*reward.per_member_limit});
  } else {
    statement.bind_null(8);
  }
  statement.bind_text_or_null(9, reward.valid_from).bind_text_or_null(10, reward.valid_to);
  statement.bind(11, int64_t{reward.active ? 1 : 0});
}

std::optional<std::string> reward_problem(const Reward& reward) {
  if (is_blank(reward.name)) {
    return std::string("name is blank; every reward needs one");
  }
  if (auto problem = text_length_problem("name", reward.name, kMaxRewardNameLength)) {
    return problem;
  }
  if (auto problem =
          text_length_problem("description", reward.description, kMaxRewardDescriptionLength)) {
    return problem;
  }
  if (auto problem = text_length_problem("category", reward.category, kMaxRewardCategoryLength)) {
    return problem;
  }
  if (auto problem = image_url_problem(reward.image_url)) {
    return problem;
  }
  if (reward.points_cost <= 0) {
    return fmt::format("points_cost {} is not a positive number of points", reward.points_cost);
  }
  if (reward.copay < 0) {
    return fmt::format("copay {} is negative; use 0 for a reward paid with points only",
                       reward.copay);
  }
  if (reward.stock && *reward.stock < 0) {
    return fmt::format("stock {} is negative; use 0 for none left, or no stock for unlimited",
                       *reward.stock);
  }
  if (reward.per_member_limit && *reward.per_member_limit <= 0) {
    return fmt::format("per_member_limit {} is not positive; leave it out for no limit per member",
                       *reward.per_member_limit);
  }
  if (auto problem = date_problem("valid_from", reward.valid_from)) {
    return problem;
  }
  if (auto problem = date_problem("valid_to", reward.valid_to)) {
    return problem;
  }
  if (!reward.valid_from.empty() && !reward.valid_to.empty() &&
      reward.valid_from > reward.valid_to) {
    return fmt::format("valid_from {} is after valid_to {}", reward.valid_from, reward.valid_to);
  }
  return std::nullopt;
}

bool is_stored_utc_time(std::string_view text) {
  // 2026-11-30T17:05:09Z
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return false;
  }
  const std::string_view hours = text.substr(11, 2);
  const std::string_view minutes = text.substr(14, 2);
  const std::string_view seconds = text.substr(17, 2);
  if (!is_iso_date(text.substr(0, 10)) || !is_digits(hours) || !is_digits(minutes) ||
      !is_digits(seconds)) {
    return false;
  }
  return hours < "24" && minutes < "60" && seconds < "60";
}

bool is_iso_date(std::string_view text) {
  return parse_iso_date(text).ok();
}

}  // namespace imagross::sqlite
