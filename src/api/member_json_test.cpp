#include "api/member_json.h"

#include <gtest/gtest.h>

#include "common/civil_time.h"
#include "http/json.h"

namespace imagross::api {
namespace {

std::string text(const boost::json::value& value) {
  return http::to_json_text(value);
}

Card make_card(int32_t id, std::string number, CardStatus status) {
  Card card;
  card.id = id;
  card.number = std::move(number);
  card.status = status;
  card.issued_at = "2025-01-01T00:00:00Z";
  card.status_changed_at = "2025-06-01T00:00:00Z";
  return card;
}

Member replaced_card_member() {
  Member member;
  member.id = 3;
  member.first_name = "Luca";
  member.last_name = "Bianchi";
  member.signup_date = "2024-03-01";
  member.privacy = Consent{true, "2024-03-01T09:00:00Z", "2024-01"};
  Card old_card = make_card(10, "2991000000016", CardStatus::replaced);
  old_card.replaced_by = 11;
  member.cards = {old_card, make_card(11, "2991000000023", CardStatus::active)};
  return member;
}

TEST(MemberJson, UnknownValuesAreNull) {
  const auto object = member_json(replaced_card_member());
  EXPECT_EQ(text(object.at("email")), "null");
  EXPECT_EQ(text(object.at("phone")), "null");
  EXPECT_EQ(text(object.at("birth_date")), "null");
  EXPECT_EQ(text(object.at("home_store")), "null");
  EXPECT_EQ(text(object.at("status")), "\"active\"");
  EXPECT_FALSE(object.contains("cards"));
}

TEST(MemberJson, ConsentsCarryTimeAndNotice) {
  const auto object = member_json(replaced_card_member());
  EXPECT_EQ(text(object.at("consents").at("privacy")),
            R"({"granted":true,"at":"2024-03-01T09:00:00Z","notice_version":"2024-01"})");
  EXPECT_EQ(text(object.at("consents").at("marketing")),
            R"({"granted":false,"at":null,"notice_version":null})");
}

TEST(MemberJson, CurrentCardFirstAndReplacementByNumber) {
  const auto object = member_with_cards_json(replaced_card_member());
  const auto& cards = object.at("cards").as_array();
  ASSERT_EQ(cards.size(), 2u);
  EXPECT_EQ(text(cards[0].at("number")), "\"2991000000023\"");
  EXPECT_EQ(text(cards[0].at("replaced_by")), "null");
  EXPECT_EQ(text(cards[1].at("status")), "\"replaced\"");
  EXPECT_EQ(text(cards[1].at("replaced_by")), "\"2991000000023\"");
}

TEST(MemberJson, PurchasesInEurosWithLastVisitDate) {
  MemberPurchases purchases;
  purchases.net_revenue = 123456;
  purchases.receipts = 4;
  purchases.last_visit_day = days_from_civil({2026, 11, 30});
  purchases.favourite_departments = {DepartmentRow{2, "Ortofrutta", 80000, 12500, 3}};
  EXPECT_EQ(text(purchases_json(purchases)),
            R"({"net_revenue":123.46,"receipts":4,"last_visit":"2026-11-30",)"
            R"("favourite_departments":[{"name":"Ortofrutta","net_revenue":80,"units":12.5,)"
            R"("receipts":3}]})");
}

TEST(MemberJson, NoVisitIsNull) {
  EXPECT_EQ(text(purchases_json(MemberPurchases{}).at("last_visit")), "null");
}

TEST(MemberJson, AuditDetailsAreParsedBack) {
  AuditEntry entry;
  entry.id = 5;
  entry.at = "2026-12-04T10:00:00Z";
  entry.actor_account_id = 1;
  entry.actor_role = "super_admin";
  entry.action = "member.update";
  entry.target_type = "member";
  entry.target_id = "3";
  entry.details = R"({"email":{"old":null,"new":"a@b.it"}})";
  const auto object = audit_entry_json(entry);
  EXPECT_EQ(text(object.at("details")), R"({"email":{"old":null,"new":"a@b.it"}})");
  EXPECT_EQ(text(object.at("actor_account_id")), "1");
  EXPECT_EQ(text(object.at("client_address")), "null");
}

TEST(MemberJson, AnonymousActorIsNull) {
  AuditEntry entry;
  entry.actor_role = "anonymous";
  entry.details = "not json";
  const auto object = audit_entry_json(entry);
  EXPECT_EQ(text(object.at("actor_account_id")), "null");
  EXPECT_EQ(text(object.at("details")), "\"not json\"");
}

}  // namespace
}  // namespace imagross::api
