#include "api/member_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/json_mapping.h"
#include "common/civil_time.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

json::value text_or_null(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::value(text);
}

const Card* find_card_by_id(const Member& member, int32_t id) {
  for (const Card& card : member.cards) {
    if (card.id == id) {
      return &card;
    }
  }
  return nullptr;
}

json::value replaced_by_json(const Card& card, const Member& holder) {
  if (!card.replaced_by) {
    return nullptr;
  }
  const Card* replacement = find_card_by_id(holder, *card.replaced_by);
  return replacement != nullptr ? json::value(replacement->number) : json::value(nullptr);
}

// The stored details are a JSON object written by the server; anything else is shown as text
// rather than failing the whole listing.
json::value details_json(const std::string& details) {
  if (details.empty()) {
    return json::object();
  }
  boost::system::error_code error;
  json::value parsed = json::parse(details, error);
  if (error) {
    return json::value(details);
  }
  return parsed;
}

}  // namespace

json::object consent_json(const Consent& consent) {
  return {{"granted", consent.granted},
          {"at", text_or_null(consent.at)},
          {"notice_version", text_or_null(consent.notice_version)}};
}

json::object member_json(const Member& member) {
  return {
      {"id", member.id},
      {"first_name", member.first_name},
      {"last_name", member.last_name},
      {"email", text_or_null(member.email)},
      {"phone", text_or_null(member.phone)},
      {"birth_date", text_or_null(member.birth_date)},
      {"signup_date", text_or_null(member.signup_date)},
      {"home_store", text_or_null(member.home_store)},
      {"status", member_status_name(member.status)},
      {"consents", json::object{{"marketing", consent_json(member.marketing)},
                                {"profiling", consent_json(member.profiling)},
                                {"privacy", consent_json(member.privacy)}}},
  };
}

json::object member_with_cards_json(const Member& member) {
  json::object object = member_json(member);
  json::array cards;
  const Card* current = current_card(member);
  if (current != nullptr) {
    cards.push_back(card_json(*current, member));
  }
  for (const Card& card : member.cards) {
    if (&card != current) {
      cards.push_back(card_json(card, member));
    }
  }
  object["cards"] = std::move(cards);
  return object;
}

json::object card_json(const Card& card, const Member& holder) {
  return {{"number", card.number},
          {"status", card_status_name(card.status)},
          {"issued_at", text_or_null(card.issued_at)},
          {"status_changed_at", text_or_null(card.status_changed_at)},
          {"replaced_by", replaced_by_json(card, holder)}};
}

json::object purchases_json(const MemberPurchases& purchases) {
  return {{"net_revenue", money_json(purchases.net_revenue)},
          {"receipts", purchases.receipts},
          {"last_visit", purchases.last_visit_day
                             ? json::value(format_iso_date(*purchases.last_visit_day))
                             : json::value(nullptr)},
          {"favourite_departments", departments_json(purchases.favourite_departments)}};
}

json::object audit_entry_json(const AuditEntry& entry) {
  return {{"id", entry.id},
          {"at", entry.at},
          {"actor_account_id",
           entry.actor_account_id ? json::value(*entry.actor_account_id) : json::value(nullptr)},
          {"actor_role", entry.actor_role},
          {"action", entry.action},
          {"target_type", text_or_null(entry.target_type)},
          {"target_id", text_or_null(entry.target_id)},
          {"details", details_json(entry.details)},
          {"client_address", text_or_null(entry.client_address)},
          {"request_id", text_or_null(entry.request_id)}};
}

}  // namespace imagross::api
