#include "api/member_edit.h"

#include <gtest/gtest.h>

#include "api/testing/http_error.h"
#include "common/civil_time.h"
#include "http/json.h"

namespace imagross::api {
namespace {

using testing::error_of;

const ConsentStamp kStamp{"2026-12-04T10:00:00Z", "2026-01"};
const int32_t kToday = days_from_civil({2026, 12, 4});

Member stored_member() {
  Member member;
  member.id = 9;
  member.first_name = "Maria";
  member.last_name = "Rossi";
  member.email = "maria.rossi@example.it";
  member.phone = "+393471234567";
  member.birth_date = "1980-05-17";
  member.home_store = "PV01";
  member.marketing = Consent{false, "2025-01-01T00:00:00Z", "2025-01"};
  return member;
}

MemberEdit admin_edit(std::string_view body) {
  return apply_member_patch(stored_member(), body, EditScope::admin, kStamp, kToday);
}

MemberEdit own_edit(std::string_view body) {
  return apply_member_patch(stored_member(), body, EditScope::own_profile, kStamp, kToday);
}

TEST(MemberEdit, NormalisesContactsAndRecordsOldAndNew) {
  const MemberEdit edit =
      own_edit(R"({"email": "  Maria.R@Example.IT ", "phone": "0039 333 1234567"})");
  EXPECT_EQ(edit.member.email, "maria.r@example.it");
  EXPECT_EQ(edit.member.phone, "+393331234567");
  ASSERT_EQ(edit.changes.size(), 2u);
  EXPECT_EQ(http::to_json_text(audit_details_json(edit.changes)),
            R"({"email":{"old":"maria.rossi@example.it","new":"maria.r@example.it"},)"
            R"("phone":{"old":"+393471234567","new":"+393331234567"}})");
}

TEST(MemberEdit, SameValueIsNoChange) {
  const MemberEdit edit = own_edit(R"({"email": "MARIA.ROSSI@example.it"})");
  EXPECT_TRUE(edit.changes.empty());
}

TEST(MemberEdit, ConsentChangeIsStamped) {
  const MemberEdit edit = own_edit(R"({"marketing_consent": true, "profiling_consent": false})");
  ASSERT_EQ(edit.changes.size(), 1u);
  EXPECT_EQ(edit.changes[0].field, "marketing_consent");
  EXPECT_TRUE(edit.member.marketing.granted);
  EXPECT_EQ(edit.member.marketing.at, kStamp.at);
  EXPECT_EQ(edit.member.marketing.notice_version, "2026-01");
  EXPECT_EQ(edit.member.profiling.at, "");  // unchanged, so not stamped
}

TEST(MemberEdit, CustomerCannotEditNamesOrStatus) {
  for (const char* body :
       {R"({"last_name": "Bianchi"})", R"({"status": "closed"})", R"({"home_store": "PV02"})"}) {
    const auto error = error_of([&] { (void)own_edit(body); });
    EXPECT_EQ(error.code(), "invalid_field") << body;
  }
}

TEST(MemberEdit, AdminCannotSetConsents) {
  const auto error = error_of([] { (void)admin_edit(R"({"marketing_consent": true})"); });
  EXPECT_EQ(error.parameter(), "marketing_consent");
}

TEST(MemberEdit, AdminEditsProfile) {
  const MemberEdit edit = admin_edit(
      R"({"first_name": " Anna  Maria ", "birth_date": "1981-02-03", "home_store": "PV07",)"
      R"( "status": "suspended", "phone": null})");
  EXPECT_EQ(edit.member.first_name, "Anna Maria");
  EXPECT_EQ(edit.member.birth_date, "1981-02-03");
  EXPECT_EQ(edit.member.home_store, "PV07");
  EXPECT_EQ(edit.member.status, MemberStatus::suspended);
  EXPECT_EQ(edit.member.phone, "");
  ASSERT_EQ(edit.changes.size(), 5u);
  EXPECT_EQ(http::to_json_text(edit.changes.back().old_value), "\"active\"");
  EXPECT_EQ(edit.changes[1].field, "phone");
  EXPECT_EQ(http::to_json_text(edit.changes[1].new_value), "null");
}

TEST(MemberEdit, BlankLastNameIsRejected) {
  for (const char* body :
       {R"({"last_name": "   "})", R"({"last_name": null})", R"({"last_name": ""})"}) {
    const auto error = error_of([&] { (void)admin_edit(body); });
    EXPECT_EQ(error.parameter(), "last_name") << body;
  }
}

TEST(MemberEdit, InvalidValuesNameTheirField) {
  const std::vector<std::pair<const char*, const char*>> cases{
      {R"({"email": "not-an-address"})", "email"},
      {R"({"phone": "12"})", "phone"},
      {R"({"birth_date": "1980-02-30"})", "birth_date"},
      {R"({"birth_date": "2030-01-01"})", "birth_date"},
      {R"({"birth_date": "1899-12-31"})", "birth_date"},
      {R"({"home_store": "PV 07"})", "home_store"},
      {R"({"status": "gone"})", "status"},
      {R"({"first_name": 12})", "first_name"},
  };
  for (const auto& [body, field] : cases) {
    const auto error = error_of([&] { (void)admin_edit(body); });
    EXPECT_EQ(error.status(), 400) << body;
    EXPECT_EQ(error.code(), "invalid_field") << body;
    EXPECT_EQ(error.parameter(), field) << body;
  }
}

TEST(MemberEdit, LastContactCannotBeCleared) {
  const auto error = error_of([] { (void)own_edit(R"({"email": null, "phone": ""})"); });
  EXPECT_EQ(error.code(), "invalid_field");
  EXPECT_EQ(error.parameter(), "email");
  EXPECT_NO_THROW((void)own_edit(R"({"email": null})"));
}

TEST(MemberEdit, MalformedBodyIsInvalidBody) {
  EXPECT_EQ(error_of([] { (void)own_edit("{\"email\":"); }).code(), "invalid_body");
}

}  // namespace
}  // namespace imagross::api
