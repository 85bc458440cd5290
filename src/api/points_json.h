#pragma once

// The JSON shapes of the points routes (docs/API.md, "Points", "Rewards and redemptions"). Money
// is a decimal string in euros ("12.50"), never a JSON number, so that a client never rounds it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "points/points_service.h"
#include "storage/points_store.h"

namespace imagross::api {

// Thousandths of a euro as a decimal string with two decimals, or three when the value has a
// fraction of a cent ("0.005").
std::string euros_text(int64_t milli);

// Text, or null when it is empty.
boost::json::value text_or_null_json(const std::string& text);

// {"id", "kind", "points", "at", "expires_on", "source_type", "source_ref", "reason",
// "remaining"}.
boost::json::object ledger_entry_json(const LedgerEntry& entry);

// {"version", "name", "status", "effective_from", "created_at", "activated_at"}, plus the
// parsed "document" when `with_document`.
boost::json::object rule_set_version_json(const RuleSetVersion& version, bool with_document);

// The admin's view of a reward: every field of the catalogue entry and "active".
boost::json::object reward_json(const Reward& reward);

// A redemption with its voucher. `barcode_url` is the route that serves the voucher's barcode
// to the caller: the customer's own route or the admin one.
boost::json::object redemption_json(const Redemption& redemption, std::string barcode_url);

// A member's points view: balance, ledger totals, expiring points, tier progress, season and
// value (docs/API.md, "Points").
boost::json::object points_view_json(const points::MemberPointsView& view);

// The response body of a simulation. Money as euros, points as numbers.
boost::json::object simulation_json(const points::Simulation& simulation);

// The liability of the summary, valued at `point_value` (thousandths of a euro per point).
boost::json::object liability_json(const PointsLiability& liability, int64_t point_value);

// The points flows of the summary, with their totals.
boost::json::object flows_json(const std::vector<PointsFlow>& flows, std::string_view granularity);

// The barcode routes of a redemption, for customers and for admins.
std::string customer_voucher_barcode_url(int64_t redemption_id);
std::string admin_voucher_barcode_url(int64_t redemption_id);

}  // namespace imagross::api
