#pragma once

// The changes a PATCH of a member requests: parsed, validated, normalised and applied to the
// member, with the old and new value of every field that changed, for the audit log.

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "domain/member.h"

namespace imagross::api {

// The role of the editor, which decides the fields a PATCH may carry.
enum class EditScope : uint8_t {
  // A customer's own data (PATCH /me): email, phone, marketing_consent, profiling_consent.
  own_profile,
  // An administrator (PATCH /members/{id}): first_name, last_name, email, phone, birth_date,
  // home_store, status. Consents are left to the customer, whose choice they record.
  admin,
};

// When a consent given through the edit was recorded, and under which notice.
struct ConsentStamp {
  std::string at;  // ISO 8601 UTC
  std::string notice_version;
};

struct FieldChange {
  std::string field;  // as the API names it: "email", "marketing_consent", ...
  boost::json::value old_value;
  boost::json::value new_value;
};

struct MemberEdit {
  Member member;                     // `current` with the changes applied
  std::vector<FieldChange> changes;  // the fields whose value changed, in the order listed above
};

// The maximum length of a store code, in bytes.
inline constexpr std::size_t kMaxStoreCodeBytes = 32;

// Applies the JSON object `body` to `current`. Text fields are normalised as the import does
// (domain/contact.h); null or "" clears an e-mail, a phone, a birth date or a home store. A
// field given with its current value is no change. Throws http::HttpError 400: "invalid_body"
// when the body is not a JSON object, "invalid_field" naming the field for an unknown field, a
// wrong type, a blank name, an invalid e-mail, phone, birth date (YYYY-MM-DD, from 1900 to
// `today`), store code or status, and for an edit that leaves a member with neither e-mail nor
// phone who had one.
MemberEdit apply_member_patch(const Member& current, std::string_view body, EditScope scope,
                              const ConsentStamp& stamp, int32_t today);

// {"field": {"old": ..., "new": ...}, ...}: the audit entry's details.
boost::json::object audit_details_json(const std::vector<FieldChange>& changes);

}  // namespace imagross::api
