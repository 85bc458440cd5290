#include "api/points_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "common/civil_time.h"
#include "common/decimal.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

json::value optional_integer_json(const std::optional<int64_t>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

// Thousandths as a factor with at least two decimals: 1250 is "1.25", 1000 "1.00".
std::string factor_text(int64_t thousandths) {
  std::string text = format_milli(thousandths, 3);
  if (text.ends_with('0')) {
    text.pop_back();
  }
  return text;
}

// A tier threshold, total or gap: points as a number, spend as euros.
json::value tier_amount_json(points::TierBasis basis, int64_t amount) {
  return basis == points::TierBasis::spend ? json::value(euros_text(amount)) : json::value(amount);
}

json::object tier_json(const points::TierProgress& tier) {
  json::value next = nullptr;
  if (tier.next) {
    next = json::object{{"name", tier.next->name},
                        {"threshold", tier_amount_json(tier.basis, tier.next->threshold)},
                        {"missing", tier_amount_json(tier.basis, tier.missing)}};
  }
  return {{"name", text_or_null_json(tier.name)},
          {"since", text_or_null_json(tier.since)},
          {"multiplier", factor_text(tier.multiplier)},
          {"basis", tier.basis == points::TierBasis::spend ? "spend" : "points"},
          {"window_days", tier.window_days},
          {"qualifying_total", tier_amount_json(tier.basis, tier.qualifying_total)},
          {"next", std::move(next)}};
}

json::value season_json(const std::optional<points::Season>& season) {
  if (!season) {
    return nullptr;
  }
  return json::object{{"name", season->name},
                      {"start", format_iso_date(season->start_day)},
                      {"end", format_iso_date(season->end_day)},
                      {"expires", format_iso_date(season->expires_day)},
                      {"claim_until", format_iso_date(season->claim_until_day)}};
}

json::array expiring_json(const std::vector<ExpiringPoints>& expiring) {
  json::array rows;
  for (const ExpiringPoints& row : expiring) {
    rows.push_back(
        json::object{{"expires_on", text_or_null_json(row.expires_on)}, {"points", row.points}});
  }
  return rows;
}

}  // namespace

std::string euros_text(int64_t milli) {
  return format_milli(milli, milli % 10 == 0 ? 2 : 3);
}

json::value text_or_null_json(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::value(text);
}

json::object ledger_entry_json(const LedgerEntry& entry) {
  return {{"id", entry.id},
          {"kind", ledger_kind_name(entry.kind)},
          {"points", entry.points},
          {"at", entry.at},
          {"expires_on", text_or_null_json(entry.expires_on)},
          {"source_type", entry.source_type},
          {"source_ref", entry.source_ref},
          {"reason", entry.reason},
          {"remaining", entry.remaining}};
}

json::object rule_set_version_json(const RuleSetVersion& version, bool with_document) {
  json::object object{{"version", version.version},
                      {"name", version.name},
                      {"status", rule_set_status_name(version.status)},
                      {"effective_from", text_or_null_json(version.effective_from)},
                      {"created_at", version.created_at},
                      {"activated_at", text_or_null_json(version.activated_at)}};
  if (with_document) {
    // Stored documents were validated when they were created, so they parse.
    boost::system::error_code error;
    json::value document = json::parse(version.document, error);
    object["document"] = error ? json::value(version.document) : std::move(document);
  }
  return object;
}

json::object reward_json(const Reward& reward) {
  return {{"id", reward.id},
          {"name", reward.name},
          {"description", reward.description},
          {"image_url", text_or_null_json(reward.image_url)},
          {"category", reward.category},
          {"points_cost", reward.points_cost},
          {"copay", euros_text(reward.copay)},
          {"stock", optional_integer_json(reward.stock)},
          {"per_member_limit",
           reward.per_member_limit ? json::value(*reward.per_member_limit) : json::value(nullptr)},
          {"valid_from", text_or_null_json(reward.valid_from)},
          {"valid_to", text_or_null_json(reward.valid_to)},
          {"active", reward.active}};
}

json::object redemption_json(const Redemption& redemption, std::string barcode_url) {
  return {{"id", redemption.id},
          {"member_id", redemption.member_id},
          {"reward_id", redemption.reward_id},
          {"reward_name", redemption.reward_name},
          {"points", redemption.points},
          {"copay", euros_text(redemption.copay)},
          {"voucher_code", redemption.voucher_code},
          {"status", redemption_status_name(redemption.status)},
          {"channel", redemption.channel},
          {"created_at", redemption.created_at},
          {"closed_at", text_or_null_json(redemption.closed_at)},
          {"barcode_url", std::move(barcode_url)}};
}

json::object points_view_json(const points::MemberPointsView& view) {
  const MemberPoints& points = view.points;
  json::object expiring_soon{{"points", view.expiring_soon.points},
                             {"expires_on", text_or_null_json(view.expiring_soon.expires_on)}};
  return {{"balance", points.balance},
          {"available", points.available},
          {"owed", points.owed},
          {"earned", points.earned},
          {"spent", points.spent},
          {"expired", points.expired},
          {"expiring", expiring_json(points.expiring)},
          {"expiring_soon", std::move(expiring_soon)},
          {"tier", tier_json(view.tier)},
          {"season", season_json(view.season)},
          {"point_value", euros_text(view.point_value)},
          {"value", euros_text(view.value)}};
}

json::object simulation_json(const points::Simulation& simulation) {
  json::array by_rule;
  for (const points::RuleCount& rule : simulation.by_rule) {
    by_rule.push_back(json::object{{"name", rule.name}, {"receipts", rule.receipts}});
  }
  json::array buckets;
  for (const points::PointsBucket& bucket : simulation.buckets) {
    buckets.push_back(
        json::object{{"from", bucket.from}, {"to", bucket.to}, {"members", bucket.members}});
  }
  const json::value current_version =
      simulation.current_version ? json::value(*simulation.current_version) : json::value(nullptr);
  return {{"from", simulation.from},
          {"to", simulation.to},
          {"receipts", simulation.receipts},
          {"receipts_earning", simulation.receipts_earning},
          {"members", simulation.members},
          {"points", simulation.points},
          {"value", euros_text(simulation.value)},
          {"eligible_amount", euros_text(simulation.eligible_amount)},
          {"by_rule", std::move(by_rule)},
          {"distribution", json::object{{"buckets", std::move(buckets)},
                                        {"p50", simulation.p50},
                                        {"p90", simulation.p90},
                                        {"p99", simulation.p99},
                                        {"max", simulation.max}}},
          {"current", json::object{{"version", current_version},
                                   {"points", simulation.current_points},
                                   {"value", euros_text(simulation.current_value)}}}};
}

json::object liability_json(const PointsLiability& liability, int64_t point_value) {
  return {{"outstanding_points", liability.outstanding_points},
          {"value", euros_text(liability.outstanding_points * point_value)},
          {"owed_points", liability.owed_points},
          {"members_with_points", liability.members_with_points},
          {"members_owing", liability.members_owing},
          {"by_expiry", expiring_json(liability.by_expiry)}};
}

json::object flows_json(const std::vector<PointsFlow>& flows, std::string_view granularity) {
  json::array rows;
  PointsFlow totals;
  for (const PointsFlow& flow : flows) {
    rows.push_back(json::object{{"period", flow.period},
                                {"issued", flow.issued},
                                {"redeemed", flow.redeemed},
                                {"expired", flow.expired},
                                {"reversed", flow.reversed}});
    totals.issued += flow.issued;
    totals.redeemed += flow.redeemed;
    totals.expired += flow.expired;
    totals.reversed += flow.reversed;
  }
  return {{"granularity", granularity},
          {"rows", std::move(rows)},
          {"totals", json::object{{"issued", totals.issued},
                                  {"redeemed", totals.redeemed},
                                  {"expired", totals.expired},
                                  {"reversed", totals.reversed}}}};
}

std::string customer_voucher_barcode_url(int64_t redemption_id) {
  return "/api/v1/me/redemptions/" + std::to_string(redemption_id) + "/barcode.svg";
}

std::string admin_voucher_barcode_url(int64_t redemption_id) {
  return "/api/v1/redemptions/" + std::to_string(redemption_id) + "/barcode.svg";
}

}  // namespace imagross::api
