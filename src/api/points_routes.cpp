// The points routes: a member's balance and ledger (the customer's own under /api/v1/me, any
// member's for admins), adjustments, the rule set versions, simulations and the programme's
// summary. Changes are written to the audit log.

#include <algorithm>
#include <array>
#include <ctime>
#include <map>
#include <string>

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/json_body.h"
#include "api/member_support.h"
#include "api/points_json.h"
#include "api/points_support.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "common/civil_time.h"
#include "common/decimal.h"
#include "http/errors.h"
#include "http/quote.h"
#include "points/points_service.h"
#include "points/rule_set.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

// The largest adjustment, either way: far above any real correction, far inside int64.
constexpr int64_t kMaxAdjustmentPoints = 1'000'000'000;
// The maximum length of an adjustment's reason, in bytes.
constexpr std::size_t kMaxReasonBytes = 500;
// The maximum period of a simulation or a summary, in days.
constexpr int32_t kMaxPeriodDays = 3 * 366;
// A summary over more days than this has monthly flows; a shorter one daily flows.
constexpr int32_t kMaxDailyFlowDays = 92;

int64_t member_id_of(const http::Request& request) {
  return parse_id(request.path_param("id"), "id");
}

// --- A member's points ----------------------------------------------------------------------

http::Response get_own_points(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  return json_ok(points_view_json(points_service(context).view(*principal.member_id)));
}

http::Response get_own_ledger(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  static constexpr std::array<std::string_view, 3> kAccepted{"offset", "limit", "kind"};
  const QueryReader query(request.query, kAccepted);
  return json_ok(ledger_page_json(context, query, *principal.member_id));
}

http::Response get_member_points(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  const int64_t member_id = member_id_of(request);
  require_member_access(context, principal, member_id);
  return json_ok(points_view_json(points_service(context).view(member_id)));
}

http::Response get_member_ledger(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  static constexpr std::array<std::string_view, 3> kAccepted{"offset", "limit", "kind"};
  const QueryReader query(request.query, kAccepted);
  const int64_t member_id = member_id_of(request);
  require_member_access(context, principal, member_id);
  return json_ok(ledger_page_json(context, query, member_id));
}

http::Response post_adjustment(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  static constexpr std::array<std::string_view, 3> kFields{"points", "reason", "expires_on"};
  const json::object body = parse_json_object(request.body, kFields);
  const int64_t member_id = member_id_of(request);
  require_member_access(context, principal, member_id);

  const std::optional<int64_t> points =
      optional_integer_field(body, "points", -kMaxAdjustmentPoints, kMaxAdjustmentPoints);
  if (!points) {
    throw unprocessable("points_required",
                        "points is required: a whole number, positive to credit, negative to "
                        "debit",
                        "points");
  }
  if (*points == 0) {
    throw unprocessable("zero_points", "points must not be 0", "points");
  }
  const std::string reason =
      required_text_field(body, "reason", kMaxReasonBytes, "reason_required");
  const std::string expires_on = optional_date_field(body, "expires_on");
  if (!expires_on.empty() && *points < 0) {
    throw invalid_field("expires_on",
                        "expires_on applies to credits only; leave it out for a negative "
                        "adjustment");
  }
  const std::string today = format_iso_date(local_today(context));
  if (!expires_on.empty() && expires_on < today) {
    throw unprocessable("invalid_expires_on",
                        fmt::format("expires_on {} is before today ({}): give today or a later "
                                    "date, or leave it out for points that never expire",
                                    expires_on, today),
                        "expires_on");
  }

  const Result<LedgerEntry> entry = context.database.points().adjust(
      member_id, *points, reason, expires_on, principal.account_id);
  if (!entry) {
    throw points_error(entry.error());
  }
  append_audit_entry(context, request, principal, "points.adjust", "member",
                     std::to_string(member_id),
                     json::object{{"entry_id", entry->id},
                                  {"points", entry->points},
                                  {"reason", reason},
                                  {"expires_on", text_or_null_json(expires_on)}});
  return json_ok(ledger_entry_json(*entry), 201);
}

// --- Rule sets ------------------------------------------------------------------------------

int32_t rule_set_version_of(const http::Request& request) {
  constexpr int64_t kMaxVersion = 2'000'000'000;
  return static_cast<int32_t>(
      std::min(parse_id(request.path_param("version"), "version"), kMaxVersion));
}

// The document field of a body, validated as a rule set. 422 invalid_rule_set naming the field
// of the document at fault ("document.seasons[0].end").
points::RuleSet read_rule_set_document(const json::object& body) {
  const json::value* document = body.if_contains("document");
  if (document == nullptr || document->is_null()) {
    throw unprocessable("document_required",
                        "document is required: the rule set as a JSON object (docs/POINTS.md)",
                        "document");
  }
  if (!document->is_object()) {
    throw invalid_field("document", "document must be a JSON object");
  }
  Result<points::RuleSet> rule_set = points::parse_rule_set(json::serialize(*document));
  if (!rule_set) {
    // parse_rule_set starts its messages with the path of the field at fault and ": ".
    const std::string& message = rule_set.error().message;
    const std::size_t colon = message.find(": ");
    std::string field = "document";
    if (colon != std::string::npos && colon > 0 &&
        message.substr(0, colon).find(' ') == std::string::npos) {
      field += "." + message.substr(0, colon);
    }
    throw unprocessable("invalid_rule_set", message, std::move(field));
  }
  return std::move(*rule_set);
}

// 422 when a key appears twice in one object of the request body, because the JSON parser
// keeps only one of them. Inside the document the code is invalid_rule_set.
void reject_duplicate_keys(std::string_view body) {
  const std::optional<std::string> path = points::duplicate_key_path(body);
  if (!path) {
    return;
  }
  const std::string message =
      fmt::format("{}: the key appears twice in the same object; keep one of them", *path);
  if (path->starts_with("document.")) {
    throw unprocessable("invalid_rule_set", message, *path);
  }
  throw invalid_field(*path, message);
}

http::Response list_rule_sets(ApiContext& context, http::Request& request) {
  require_admin(context, request);
  const QueryReader query(request.query, {});
  json::array rows;
  for (const RuleSetVersion& version : context.database.points().list_rule_sets()) {
    rows.push_back(rule_set_version_json(version, false));
  }
  return json_ok(json::object{{"rows", std::move(rows)}});
}

http::Response get_rule_set(ApiContext& context, http::Request& request) {
  require_admin(context, request);
  const QueryReader query(request.query, {});
  const int32_t version = rule_set_version_of(request);
  const std::optional<RuleSetVersion> found = context.database.points().find_rule_set(version);
  if (!found) {
    throw http::HttpError(404, "rule_set_not_found",
                          fmt::format("there is no rule set version {}", version));
  }
  return json_ok(rule_set_version_json(*found, true));
}

http::Response create_rule_set(ApiContext& context, http::Request& request) {
  const Principal principal = require_super_admin(context, request);
  const QueryReader query(request.query, {});
  static constexpr std::array<std::string_view, 2> kFields{"name", "document"};
  const json::object body = parse_json_object(request.body, kFields);
  reject_duplicate_keys(request.body);
  const points::RuleSet rule_set = read_rule_set_document(body);
  const std::optional<std::string> outer_name = optional_text_field(body, "name");
  const std::string name = outer_name && !outer_name->empty() ? *outer_name : rule_set.name;
  if (const std::string problem = points::name_error(name); !problem.empty()) {
    throw unprocessable("invalid_rule_set",
                        fmt::format("name {} {}", http::quote_value(name), problem), "name");
  }

  // The stored document has every field written out, so a later change of a default never
  // changes how the history is evaluated.
  PointsStore& store = context.database.points();
  const int32_t version =
      store.create_rule_set(name, points::rule_set_json(rule_set), principal.account_id);
  append_audit_entry(context, request, principal, "points.rules.create", "rule_set",
                     std::to_string(version), json::object{{"version", version}, {"name", name}});
  const std::optional<RuleSetVersion> created = store.find_rule_set(version);
  if (!created) {
    throw std::runtime_error(
        fmt::format("rule set version {} vanished after it was created", version));
  }
  return json_ok(rule_set_version_json(*created, true), 201);
}

http::Response activate_rule_set(ApiContext& context, http::Request& request) {
  const Principal principal = require_super_admin(context, request);
  const QueryReader query(request.query, {});
  static constexpr std::array<std::string_view, 1> kFields{"effective_from"};
  const json::object body = parse_json_object(request.body, kFields, true);
  const int32_t version = rule_set_version_of(request);

  int64_t effective_from = std::time(nullptr);
  const std::optional<std::string> text = optional_text_field(body, "effective_from");
  if (text && !text->empty()) {
    const Result<int64_t> parsed = points::parse_effective_from(*text, context.engine.time_zone());
    if (!parsed) {
      throw unprocessable(parsed.error().code, parsed.error().message, "effective_from");
    }
    effective_from = *parsed;
  }

  const Result<RuleSetVersion> activated = context.database.points().activate_rule_set(
      version, points::format_utc(effective_from), principal.account_id);
  if (!activated) {
    const std::string& code = activated.error().code;
    throw points_error(activated.error(),
                       code == "effective_from_too_early" || code == "invalid_effective_from"
                           ? "effective_from"
                           : "");
  }
  append_audit_entry(context, request, principal, "points.rules.activate", "rule_set",
                     std::to_string(version),
                     json::object{{"version", version},
                                  {"name", activated->name},
                                  {"effective_from", activated->effective_from}});

  // Receipts that waited for a rule set in force at their time earn now, not at the next import
  // or server start.
  // NOTE: this runs inside the request, so activating the first rule set over a large sales
  // history responds only once every pending receipt is evaluated.
  const points::AwardSummary awarded = points_service(context).award_pending();
  json::object version_json = rule_set_version_json(*activated, true);
  version_json["awarded"] = json::object{{"receipts", awarded.receipts},
                                         {"points", awarded.points},
                                         {"returns", awarded.returns},
                                         {"reversed_points", awarded.reversed_points}};
  return json_ok(version_json);
}

// --- Simulation and summary -----------------------------------------------------------------

// A required date field of a body, as a local day.
int32_t required_day_field(const json::object& body, std::string_view field) {
  const std::string text = optional_date_field(body, field);
  if (text.empty()) {
    throw unprocessable(std::string(field) + "_required",
                        fmt::format("{} is required: a date YYYY-MM-DD", field),
                        std::string(field));
  }
  return *parse_iso_date(text);
}

void check_period(int32_t from_day, int32_t to_day, std::string_view to_name,
                  const auto& make_error) {
  if (to_day < from_day) {
    throw make_error(to_name, fmt::format("the period ends ({}) before it starts ({})",
                                          format_iso_date(to_day), format_iso_date(from_day)));
  }
  if (to_day - from_day + 1 > kMaxPeriodDays) {
    throw make_error(to_name, fmt::format("the period covers {} days; the maximum is {}",
                                          to_day - from_day + 1, kMaxPeriodDays));
  }
}

http::Response post_simulation(ApiContext& context, http::Request& request) {
  const Principal principal = require_super_admin(context, request);
  const QueryReader query(request.query, {});
  static constexpr std::array<std::string_view, 3> kFields{"document", "from", "to"};
  const json::object body = parse_json_object(request.body, kFields);
  reject_duplicate_keys(request.body);
  const points::RuleSet rule_set = read_rule_set_document(body);
  const int32_t from_day = required_day_field(body, "from");
  const int32_t to_day = required_day_field(body, "to");
  check_period(from_day, to_day, "to", [](std::string_view field, const std::string& message) {
    return unprocessable("invalid_period", message, std::string(field));
  });

  const Result<points::Simulation> simulation =
      points_service(context).simulate(rule_set, from_day, to_day);
  if (!simulation) {
    throw points_error(simulation.error());
  }
  return json_ok(simulation_json(*simulation));
}

// Members per tier, in the order of the levels of the rule set in force, then any other tier
// name members still hold, by name.
// NOTE: this reads every member's tier to count them; a count grouped by tier in PointsStore
// would read one row per tier.
json::array tiers_json(PointsStore& store, const points::RuleSet* rule_set) {
  std::map<std::string, int64_t> counts;
  for (const auto& [member_id, tier] : store.members_with_tiers()) {
    if (!tier.tier.empty()) {
      ++counts[tier.tier];
    }
  }
  json::array rows;
  if (rule_set != nullptr) {
    for (const points::TierLevel& level : rule_set->tiers.levels) {
      const auto found = counts.find(level.name);
      rows.push_back(json::object{{"name", level.name},
                                  {"members", found == counts.end() ? 0 : found->second}});
      if (found != counts.end()) {
        counts.erase(found);
      }
    }
  }
  for (const auto& [name, members] : counts) {
    rows.push_back(json::object{{"name", name}, {"members", members}});
  }
  return rows;
}

int64_t count_redemptions(PointsStore& store, RedemptionStatus status) {
  RedemptionQuery query;
  query.status = status;
  query.limit = 1;
  return store.list_redemptions(query).total;
}

http::Response get_summary(ApiContext& context, http::Request& request) {
  require_admin(context, request);
  static constexpr std::array<std::string_view, 3> kAccepted{"from", "to", "granularity"};
  const QueryReader query(request.query, kAccepted);
  const int32_t today = local_today(context);
  const int32_t to_day = query.date("to").value_or(today);
  // By default the twelve calendar months up to `to`, the current one included.
  const int32_t from_day = query.date("from").value_or(add_months(month_start(to_day), -11));
  check_period(from_day, to_day, "to", [](std::string_view field, const std::string& message) {
    return http::invalid_parameter(std::string(field), message);
  });
  const std::string_view granularity = query.choice(
      "granularity", {"day", "month"}, to_day - from_day + 1 > kMaxDailyFlowDays ? "month" : "day");

  PointsStore& store = context.database.points();
  const std::optional<points::PointsService::InForce> in_force =
      points_service(context).rule_set_at(std::time(nullptr));
  const points::RuleSet* rule_set = in_force ? in_force->rule_set.get() : nullptr;
  const int64_t point_value = rule_set != nullptr ? rule_set->point_value : 0;

  json::object liability = liability_json(store.liability(), point_value);
  liability["point_value"] = euros_text(point_value);
  json::object body{
      {"from", format_iso_date(from_day)},
      {"to", format_iso_date(to_day)},
      {"liability", std::move(liability)},
      {"flows", flows_json(store.flows(format_iso_date(from_day), format_iso_date(to_day),
                                       granularity, context.engine.time_zone()),
                           granularity)},
      {"tiers", tiers_json(store, rule_set)},
      {"redemptions",
       json::object{{"issued", count_redemptions(store, RedemptionStatus::issued)},
                    {"used", count_redemptions(store, RedemptionStatus::used)},
                    {"cancelled", count_redemptions(store, RedemptionStatus::cancelled)}}},
      {"rule_set_version", in_force ? json::value(in_force->version) : json::value(nullptr)}};
  return json_ok(body);
}

}  // namespace

void add_points_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions light;
  light.pool = http::Pool::light;
  http::RouteOptions heavy;
  heavy.pool = http::Pool::heavy;
  const auto bind = [&context](ContextHandler handler) { return bind_context(context, handler); };
  router.add("GET", "/api/v1/me/points", bind(get_own_points), light);
  router.add("GET", "/api/v1/me/points/ledger", bind(get_own_ledger), light);
  router.add("GET", "/api/v1/members/{id}/points", bind(get_member_points), light);
  router.add("GET", "/api/v1/members/{id}/points/ledger", bind(get_member_ledger), light);
  router.add("POST", "/api/v1/members/{id}/points/adjustments", bind(post_adjustment), light);
  router.add("GET", "/api/v1/points/rule-sets", bind(list_rule_sets), light);
  router.add("POST", "/api/v1/points/rule-sets", bind(create_rule_set), light);
  router.add("GET", "/api/v1/points/rule-sets/{version}", bind(get_rule_set), light);
  router.add("POST", "/api/v1/points/rule-sets/{version}/activate", bind(activate_rule_set), heavy);
  router.add("POST", "/api/v1/points/simulations", bind(post_simulation), heavy);
  router.add("GET", "/api/v1/points/summary", bind(get_summary), heavy);
}

}  // namespace imagross::api
