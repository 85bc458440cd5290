// The rewards catalogue and its redemptions: the customer's own under /api/v1/me, the
// catalogue's administration and the service desk's redemptions for admins. Catalogue changes,
// desk redemptions, cancellations and uses are written to the audit log.

#include <array>
#include <map>
#include <span>
#include <string>

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/json_body.h"
#include "api/member_support.h"
#include "api/points_json.h"
#include "api/points_support.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "common/civil_time.h"
#include "http/errors.h"
#include "http/quote.h"
#include "points/rule_set.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxRewardNameBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 4000;
constexpr std::size_t kMaxCategoryBytes = 100;
constexpr std::size_t kMaxImageUrlBytes = 2000;
constexpr int64_t kMaxPointsCost = 1'000'000'000;
constexpr int64_t kMaxStock = 1'000'000'000;
constexpr int64_t kMaxPerMemberLimit = 1'000'000;
// Redemptions read per query while counting a member's redemptions of each reward.
constexpr int kCountBatch = 500;

int64_t path_id(const http::Request& request) {
  return parse_id(request.path_param("id"), "id");
}

// --- Reading a reward from a body -------------------------------------------------------------

// A text field of at most `max_bytes` bytes; `current` when absent.
std::string text_field(const json::object& body, std::string_view field, std::size_t max_bytes,
                       std::string current) {
  std::optional<std::string> text = optional_text_field(body, field);
  if (!text) {
    return current;
  }
  if (text->size() > max_bytes) {
    throw invalid_field(
        field, fmt::format("{} must be at most {} bytes, got {}", field, max_bytes, text->size()));
  }
  return std::move(*text);
}

// Applies the fields of `body` to `reward`: a new reward starts from defaults, an update from the
// stored one, so fields left out keep their value.
Reward apply_reward_fields(Reward reward, const json::object& body) {
  reward.name = text_field(body, "name", kMaxRewardNameBytes, reward.name);
  reward.description = text_field(body, "description", kMaxDescriptionBytes, reward.description);
  reward.category = text_field(body, "category", kMaxCategoryBytes, reward.category);
  reward.image_url = text_field(body, "image_url", kMaxImageUrlBytes, reward.image_url);
  if (!reward.image_url.empty() && !reward.image_url.starts_with("/") &&
      !reward.image_url.starts_with("https://") && !reward.image_url.starts_with("http://")) {
    throw invalid_field("image_url", fmt::format("image_url must be a path starting with / or an "
                                                 "http(s) address, got {}",
                                                 http::quote_value(reward.image_url)));
  }
  if (const auto cost = optional_integer_field(body, "points_cost", 1, kMaxPointsCost)) {
    reward.points_cost = *cost;
  }
  if (const auto copay = optional_decimal_field(body, "copay")) {
    if (*copay < 0) {
      throw invalid_field("copay", "copay must not be negative");
    }
    reward.copay = *copay;
  } else if (body.contains("copay")) {
    reward.copay = 0;
  }
  if (body.contains("stock")) {
    reward.stock = optional_integer_field(body, "stock", 0, kMaxStock);
  }
  if (body.contains("per_member_limit")) {
    const auto limit = optional_integer_field(body, "per_member_limit", 1, kMaxPerMemberLimit);
    reward.per_member_limit =
        limit ? std::optional<int32_t>(static_cast<int32_t>(*limit)) : std::nullopt;
  }
  if (body.contains("valid_from")) {
    reward.valid_from = optional_date_field(body, "valid_from");
  }
  if (body.contains("valid_to")) {
    reward.valid_to = optional_date_field(body, "valid_to");
  }
  if (const auto active = optional_bool_field(body, "active")) {
    reward.active = *active;
  }

  if (reward.name.empty()) {
    throw unprocessable("name_required", "name is required", "name");
  }
  if (reward.points_cost <= 0) {
    throw unprocessable("points_cost_required", "points_cost is required: a whole number from 1",
                        "points_cost");
  }
  // Dates in YYYY-MM-DD form compare as text.
  if (!reward.valid_from.empty() && !reward.valid_to.empty() &&
      reward.valid_to < reward.valid_from) {
    throw unprocessable(
        "invalid_reward",
        fmt::format("valid_to ({}) is before valid_from ({})", reward.valid_to, reward.valid_from),
        "valid_to");
  }
  return reward;
}

constexpr std::array<std::string_view, 11> kRewardFields{
    "name",  "description",      "image_url",  "category", "points_cost", "copay",
    "stock", "per_member_limit", "valid_from", "valid_to", "active"};

json::object reward_audit_details(const Reward& reward) {
  json::object details = reward_json(reward);
  details.erase("id");
  return details;
}

http::Response list_rewards(ApiContext& context, http::Request& request) {
  require_admin(context, request);
  static constexpr std::array<std::string_view, 1> kAccepted{"active"};
  const QueryReader query(request.query, kAccepted);
  const bool active_only = query.boolean("active");
  json::array rows;
  for (const Reward& reward : context.database.points().list_rewards(active_only)) {
    rows.push_back(reward_json(reward));
  }
  return json_ok(json::object{{"rows", std::move(rows)}});
}

http::Response create_reward(ApiContext& context, http::Request& request) {
  const Principal principal = require_super_admin(context, request);
  const QueryReader query(request.query, {});
  const json::object body = parse_json_object(request.body, kRewardFields);
  const Reward reward = apply_reward_fields(Reward{}, body);
  const Result<Reward> created = context.database.points().create_reward(reward);
  if (!created) {
    throw points_error(created.error());
  }
  append_audit_entry(context, request, principal, "reward.create", "reward",
                     std::to_string(created->id), reward_audit_details(*created));
  return json_ok(reward_json(*created), 201);
}

http::Response update_reward(ApiContext& context, http::Request& request) {
  const Principal principal = require_super_admin(context, request);
  const QueryReader query(request.query, {});
  const json::object body = parse_json_object(request.body, kRewardFields);
  const int64_t id = path_id(request);
  PointsStore& store = context.database.points();
  const std::optional<Reward> current = store.find_reward(id);
  if (!current) {
    throw http::HttpError(404, "reward_not_found", fmt::format("there is no reward {}", id));
  }
  const Reward changed = apply_reward_fields(*current, body);
  const Result<Reward> updated = store.update_reward(changed);
  if (!updated) {
    throw points_error(updated.error());
  }
  append_audit_entry(context, request, principal, "reward.update", "reward", std::to_string(id),
                     reward_audit_details(*updated));
  return json_ok(reward_json(*updated));
}

// --- The customer's catalogue and redemptions ----------------------------------------------

// The member's redemptions of each reward that were not cancelled, by reward id.
std::map<int64_t, int64_t> redeemed_counts(PointsStore& store, int64_t member_id) {
  std::map<int64_t, int64_t> counts;
  RedemptionQuery query;
  query.member_id = member_id;
  query.limit = kCountBatch;
  for (;; query.offset += kCountBatch) {
    const RedemptionPage page = store.list_redemptions(query);
    for (const Redemption& redemption : page.rows) {
      if (redemption.status != RedemptionStatus::cancelled) {
        ++counts[redemption.reward_id];
      }
    }
    if (page.rows.size() < static_cast<std::size_t>(kCountBatch)) {
      return counts;
    }
  }
}

http::Response list_own_rewards(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  PointsStore& store = context.database.points();
  const int64_t balance = store.member_points(*principal.member_id).balance;
  const std::map<int64_t, int64_t> redeemed = redeemed_counts(store, *principal.member_id);
  // Dates in YYYY-MM-DD form compare as text.
  const std::string today = format_iso_date(local_today(context));
  json::array rows;
  for (const Reward& reward : store.list_rewards(true)) {
    if (!reward.valid_to.empty() && reward.valid_to < today) {
      continue;
    }
    json::object row = reward_json(reward);
    row.erase("active");
    row["affordable"] = balance >= reward.points_cost;
    const auto count = redeemed.find(reward.id);
    row["redeemed"] = count == redeemed.end() ? 0 : count->second;
    rows.push_back(std::move(row));
  }
  return json_ok(json::object{{"rows", std::move(rows)}});
}

json::object redemption_page_json(const RedemptionPage& page, const PageWindow& window,
                                  bool for_customer) {
  json::array rows;
  for (const Redemption& redemption : page.rows) {
    rows.push_back(redemption_json(redemption, for_customer
                                                   ? customer_voucher_barcode_url(redemption.id)
                                                   : admin_voucher_barcode_url(redemption.id)));
  }
  return {{"total", page.total},
          {"offset", window.offset},
          {"limit", window.limit},
          {"rows", std::move(rows)}};
}

http::Response list_own_redemptions(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  static constexpr std::array<std::string_view, 2> kAccepted{"offset", "limit"};
  const QueryReader query(request.query, kAccepted);
  const PageWindow window = read_page_window(query);
  RedemptionQuery redemptions;
  redemptions.member_id = *principal.member_id;
  redemptions.offset = window.offset;
  redemptions.limit = window.limit;
  return json_ok(
      redemption_page_json(context.database.points().list_redemptions(redemptions), window, true));
}

int64_t read_reward_id(const http::Request& request) {
  static constexpr std::array<std::string_view, 1> kFields{"reward_id"};
  const json::object body = parse_json_object(request.body, kFields);
  const std::optional<int64_t> reward_id =
      optional_integer_field(body, "reward_id", 1, std::numeric_limits<int64_t>::max());
  if (!reward_id) {
    throw unprocessable("reward_id_required", "reward_id is required", "reward_id");
  }
  return *reward_id;
}

// Whether the claim window of a collection season (from its first day to its claim_until day)
// of an active rule set contains `today`. True while no rule set was ever activated, so that the
// catalogue works before the programme's seasons are set up.
bool claim_window_open(PointsStore& store, int32_t today) {
  const std::vector<RuleSetVersion> versions = store.active_rule_sets();
  if (versions.empty()) {
    return true;
  }
  for (const RuleSetVersion& version : versions) {
    const Result<points::RuleSet> rule_set = points::parse_rule_set(version.document);
    if (!rule_set) {
      continue;  // activated documents were validated when they were stored
    }
    for (const points::Season& season : rule_set->seasons) {
      if (season.start_day <= today && today <= season.claim_until_day) {
        return true;
      }
    }
  }
  return false;
}

Redemption redeem(ApiContext& context, const Principal& principal, int64_t member_id,
                  int64_t reward_id, std::string channel) {
  const int32_t today = local_today(context);
  if (!claim_window_open(context.database.points(), today)) {
    throw http::HttpError(409, "claim_window_closed",
                          fmt::format("no collection season takes prize claims on {}: prizes "
                                      "are claimed from a season's first day to its claim_until "
                                      "day",
                                      format_iso_date(today)));
  }
  // Points due to expire by today are expired first, so that a redemption never spends them in
  // the hour before the scheduled run reaches them. Expiry is idempotent and cheap when nothing
  // is due.
  context.database.points().expire(format_iso_date(today));
  RedemptionRequest redemption;
  redemption.member_id = member_id;
  redemption.reward_id = reward_id;
  redemption.channel = std::move(channel);
  redemption.account_id = principal.account_id;
  redemption.today = format_iso_date(today);
  Result<Redemption> redeemed = context.database.points().redeem(redemption);
  if (!redeemed) {
    throw points_error(redeemed.error(),
                       redeemed.error().code == "reward_not_found" ? "reward_id" : "");
  }
  return std::move(*redeemed);
}

http::Response post_own_redemption(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  const int64_t reward_id = read_reward_id(request);
  const Redemption redemption = redeem(context, principal, *principal.member_id, reward_id, "app");
  return json_ok(redemption_json(redemption, customer_voucher_barcode_url(redemption.id)), 201);
}

// The redemption {id} of the path. A customer reaches only their own: another member's is 404,
// as if it did not exist. An admin reaches those of the members they may see.
Redemption redemption_of_caller(ApiContext& context, const Principal& principal,
                                const http::Request& request) {
  const int64_t id = path_id(request);
  std::optional<Redemption> redemption = context.database.points().find_redemption(id);
  const bool own = redemption && principal.member_id == redemption->member_id;
  if (!redemption || (principal.role == Role::customer && !own)) {
    throw http::HttpError(404, "redemption_not_found",
                          fmt::format("there is no redemption {}", id));
  }
  if (principal.role != Role::customer) {
    require_member_access(context, principal, redemption->member_id);
  }
  return std::move(*redemption);
}

json::object closing_audit_details(const Redemption& redemption) {
  return {{"redemption_id", redemption.id},          {"reward_id", redemption.reward_id},
          {"reward_name", redemption.reward_name},   {"points", redemption.points},
          {"voucher_code", redemption.voucher_code}, {"channel", redemption.channel}};
}

enum class Closing : uint8_t { cancel, use };

// Cancels or uses the redemption of the path and writes the audit entry `action`.
// The maximum length of the optional reason of an admin's cancel or use, in bytes.
constexpr std::size_t kMaxReasonBytes = 500;

Redemption close_redemption(ApiContext& context, const http::Request& request,
                            const Principal& principal, Closing closing, std::string action) {
  // Only an admin gives a reason, which goes to the audit entry.
  static constexpr std::array<std::string_view, 1> kFields{"reason"};
  const std::span<const std::string_view> accepted =
      principal.role == Role::customer ? std::span<const std::string_view>() : kFields;
  const json::object body = parse_json_object(request.body, accepted, true);
  const std::string reason = optional_text_field(body, "reason").value_or("");
  if (reason.size() > kMaxReasonBytes) {
    throw invalid_field("reason", fmt::format("reason must be at most {} bytes, got {}",
                                              kMaxReasonBytes, reason.size()));
  }
  const Redemption redemption = redemption_of_caller(context, principal, request);
  PointsStore& store = context.database.points();
  Result<Redemption> closed = closing == Closing::cancel
                                  ? store.cancel_redemption(redemption.id, principal.account_id)
                                  : store.use_redemption(redemption.id, principal.account_id);
  if (!closed) {
    throw points_error(closed.error());
  }
  json::object details = closing_audit_details(*closed);
  if (!reason.empty()) {
    details["reason"] = reason;
  }
  append_audit_entry(context, request, principal, std::move(action), "member",
                     std::to_string(redemption.member_id), details);
  return std::move(*closed);
}

http::Response cancel_own_redemption(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  const Redemption cancelled =
      close_redemption(context, request, principal, Closing::cancel, "me.redemption.cancel");
  return json_ok(redemption_json(cancelled, customer_voucher_barcode_url(cancelled.id)));
}

// The voucher barcode of an issued redemption. A used or cancelled voucher has none, so that a
// screen never shows a code the desk rejects.
http::Response voucher_barcode(ApiContext& context, const http::Request& request,
                               const Principal& principal) {
  const Redemption redemption = redemption_of_caller(context, principal, request);
  if (redemption.status != RedemptionStatus::issued) {
    throw http::not_found(fmt::format("voucher {} of redemption {} is {}: it has no barcode",
                                      redemption.voucher_code, redemption.id,
                                      redemption_status_name(redemption.status)));
  }
  return voucher_barcode_response(redemption);
}

http::Response own_voucher_barcode(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  return voucher_barcode(context, request, principal);
}

// --- The desk's redemptions -----------------------------------------------------------------

http::Response list_redemptions(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  static constexpr std::array<std::string_view, 5> kAccepted{"member_id", "status", "voucher",
                                                             "offset", "limit"};
  const QueryReader query(request.query, kAccepted);
  const PageWindow window = read_page_window(query);
  RedemptionQuery redemptions;
  redemptions.offset = window.offset;
  redemptions.limit = window.limit;
  if (query.single("member_id")) {
    redemptions.member_id = query.integer("member_id", 1, std::numeric_limits<int64_t>::max(), 0);
    require_member_access(context, principal, *redemptions.member_id);
  }
  if (query.single("status")) {
    const std::string_view status =
        query.choice("status", {"issued", "used", "cancelled"}, "issued");
    redemptions.status = status == "issued" ? RedemptionStatus::issued
                         : status == "used" ? RedemptionStatus::used
                                            : RedemptionStatus::cancelled;
  }
  redemptions.voucher_code = std::string(query.single("voucher").value_or(""));
  // The points store cannot filter redemptions by store, so a store admin names the member or
  // the voucher.
  if (principal.role == Role::store_admin && !redemptions.member_id &&
      redemptions.voucher_code.empty()) {
    throw http::HttpError(403, "forbidden",
                          "a store admin lists the redemptions of one member or one voucher: "
                          "give member_id or voucher");
  }

  const RedemptionPage page = context.database.points().list_redemptions(redemptions);
  if (principal.role == Role::store_admin) {
    for (const Redemption& redemption : page.rows) {
      require_member_access(context, principal, redemption.member_id);
    }
  }
  return json_ok(redemption_page_json(page, window, false));
}

http::Response post_desk_redemption(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  const int64_t reward_id = read_reward_id(request);
  const int64_t member_id = path_id(request);
  require_member_access(context, principal, member_id);
  const Redemption redemption = redeem(context, principal, member_id, reward_id, "desk");
  append_audit_entry(context, request, principal, "redemption.create", "member",
                     std::to_string(member_id), closing_audit_details(redemption));
  return json_ok(redemption_json(redemption, admin_voucher_barcode_url(redemption.id)), 201);
}

// An admin's cancel or use of the redemption of the path.
http::Response close_as_admin(ApiContext& context, http::Request& request, Closing closing,
                              std::string action) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  const Redemption closed =
      close_redemption(context, request, principal, closing, std::move(action));
  return json_ok(redemption_json(closed, admin_voucher_barcode_url(closed.id)));
}

http::Response cancel_redemption(ApiContext& context, http::Request& request) {
  return close_as_admin(context, request, Closing::cancel, "redemption.cancel");
}

http::Response use_redemption(ApiContext& context, http::Request& request) {
  return close_as_admin(context, request, Closing::use, "redemption.use");
}

http::Response admin_voucher_barcode(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  return voucher_barcode(context, request, principal);
}

}  // namespace

void add_reward_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions light;
  light.pool = http::Pool::light;
  const auto bind = [&context](ContextHandler handler) { return bind_context(context, handler); };
  router.add("GET", "/api/v1/me/rewards", bind(list_own_rewards), light);
  router.add("GET", "/api/v1/me/redemptions", bind(list_own_redemptions), light);
  router.add("POST", "/api/v1/me/redemptions", bind(post_own_redemption), light);
  router.add("POST", "/api/v1/me/redemptions/{id}/cancel", bind(cancel_own_redemption), light);
  router.add("GET", "/api/v1/me/redemptions/{id}/barcode.svg", bind(own_voucher_barcode), light);
  router.add("GET", "/api/v1/rewards", bind(list_rewards), light);
  router.add("POST", "/api/v1/rewards", bind(create_reward), light);
  router.add("PUT", "/api/v1/rewards/{id}", bind(update_reward), light);
  router.add("GET", "/api/v1/redemptions", bind(list_redemptions), light);
  router.add("POST", "/api/v1/members/{id}/redemptions", bind(post_desk_redemption), light);
  router.add("POST", "/api/v1/redemptions/{id}/cancel", bind(cancel_redemption), light);
  router.add("POST", "/api/v1/redemptions/{id}/use", bind(use_redemption), light);
  router.add("GET", "/api/v1/redemptions/{id}/barcode.svg", bind(admin_voucher_barcode), light);
}

}  // namespace imagross::api
