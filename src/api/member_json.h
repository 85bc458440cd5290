#pragma once

// The JSON shapes of members, their cards, their purchase summary and the audit log
// (docs/API.md, "Members"). Unknown text values (an e-mail, a phone, a birth date never given)
// become null.

#include <boost/json/object.hpp>

#include "analytics/member_purchases.h"
#include "domain/member.h"
#include "storage/audit_log.h"

namespace imagross::api {

// {"granted", "at", "notice_version"}.
boost::json::object consent_json(const Consent& consent);

// The profile: id, names, contacts, dates, home store, status and the three consents, without
// the cards.
boost::json::object member_json(const Member& member);

// member_json() plus "cards": every card the member has held, the current one first.
boost::json::object member_with_cards_json(const Member& member);

// {"number", "status", "issued_at", "status_changed_at", "replaced_by"}: `replaced_by` is the
// number of the card that replaced this one, looked up among the holder's cards; null when the
// card was not replaced.
boost::json::object card_json(const Card& card, const Member& holder);

// {"net_revenue", "receipts", "last_visit", "favourite_departments"}; last_visit is the local
// date YYYY-MM-DD of the latest line, or null without one.
boost::json::object purchases_json(const MemberPurchases& purchases);

// One audit entry, its details parsed back into a JSON object.
boost::json::object audit_entry_json(const AuditEntry& entry);

}  // namespace imagross::api
