#include "api/member_edit.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include <fmt/format.h>

#include "api/json_body.h"
#include "common/civil_time.h"
#include "domain/contact.h"
#include "http/quote.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

constexpr std::array<std::string_view, 4> kOwnProfileFields{"email", "phone", "marketing_consent",
                                                            "profiling_consent"};
constexpr std::array<std::string_view, 7> kAdminFields{"first_name", "last_name",  "email", "phone",
                                                       "birth_date", "home_store", "status"};

json::value text_value(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::value(text);
}

// Collects the changes while the member is edited.
class Editor {
 public:
  Editor(const Member& current, const json::object& body) : body_(body) { edit_.member = current; }

  // Sets a text field to its body value passed through `normalise`, when the body carries the
  // field and the value differs.
  template <typename Normalise>
  void text(std::string_view field, std::string Member::*member, Normalise normalise) {
    const std::optional<std::string> body_value = optional_text_field(body_, field);
    if (!body_value) {
      return;
    }
    std::string value = body_value->empty() ? std::string() : normalise(*body_value);
    std::string& stored = edit_.member.*member;
    if (value != stored) {
      edit_.changes.push_back({std::string(field), text_value(stored), text_value(value)});
      stored = std::move(value);
    }
  }

  void consent(std::string_view field, Consent Member::*member, const ConsentStamp& stamp) {
    const std::optional<bool> body_value = optional_bool_field(body_, field);
    Consent& stored = edit_.member.*member;
    if (!body_value || *body_value == stored.granted) {
      return;
    }
    edit_.changes.push_back({std::string(field), stored.granted, *body_value});
    stored = Consent{*body_value, stamp.at, stamp.notice_version};
  }

  MemberEdit& edit() { return edit_; }

 private:
  const json::object& body_;
  MemberEdit edit_;
};

std::string checked_name(std::string_view field, std::string_view text) {
  Result<std::string> name = normalize_name(text);
  if (!name) {
    throw invalid_field(field, name.error().message);
  }
  if (name->empty()) {
    throw invalid_field(field, fmt::format("{} must not be blank", field));
  }
  return std::move(*name);
}

// Names may not be cleared: null and "" are blank names.
void require_not_null(const json::object& body, std::string_view field) {
  const json::value* value = body.if_contains(field);
  if (value != nullptr &&
      (value->is_null() || (value->is_string() && value->as_string().empty()))) {
    throw invalid_field(field, fmt::format("{} must not be blank", field));
  }
}

std::string checked_email(std::string_view text) {
  Result<std::string> email = normalize_email(text);
  if (!email) {
    throw invalid_field("email", email.error().message);
  }
  return std::move(*email);
}

std::string checked_phone(std::string_view text) {
  Result<std::string> phone = normalize_phone(text);
  if (!phone) {
    throw invalid_field("phone", phone.error().message);
  }
  return std::move(*phone);
}

std::string checked_birth_date(std::string_view text, int32_t today) {
  Result<int32_t> day = parse_iso_date(text);
  if (!day) {
    throw invalid_field("birth_date",
                        fmt::format("birth_date must be a calendar date written YYYY-MM-DD, got {}",
                                    http::quote_value(text)));
  }
  if (*day < days_from_civil({1900, 1, 1}) || *day > today) {
    throw invalid_field("birth_date",
                        fmt::format("birth_date must lie between 1900-01-01 and today, got {}",
                                    http::quote_value(text)));
  }
  return format_iso_date(*day);
}

bool is_store_code_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string checked_store(std::string_view text) {
  const bool well_formed = text.size() <= kMaxStoreCodeBytes &&
                           std::all_of(text.begin(), text.end(), is_store_code_character);
  if (!well_formed) {
    throw invalid_field(
        "home_store",
        fmt::format("home_store must be a store code of at most {} letters, digits, '-' or '_', "
                    "got {}",
                    kMaxStoreCodeBytes, http::quote_value(text)));
  }
  return std::string(text);
}

void apply_status(Editor& editor, const json::object& body) {
  const std::optional<std::string> body_value = optional_text_field(body, "status");
  if (!body_value) {
    return;
  }
  const std::optional<MemberStatus> status = parse_member_status(*body_value);
  if (!status) {
    throw invalid_field("status", fmt::format("status must be active, suspended or closed, got {}",
                                              http::quote_value(*body_value)));
  }
  Member& member = editor.edit().member;
  if (*status != member.status) {
    editor.edit().changes.push_back(
        {"status", member_status_name(member.status), member_status_name(*status)});
    member.status = *status;
  }
}

void apply_admin_fields(Editor& editor, const json::object& body, int32_t today) {
  require_not_null(body, "first_name");
  require_not_null(body, "last_name");
  editor.text("first_name", &Member::first_name,
              [](std::string_view text) { return checked_name("first_name", text); });
  editor.text("last_name", &Member::last_name,
              [](std::string_view text) { return checked_name("last_name", text); });
  editor.text("email", &Member::email, checked_email);
  editor.text("phone", &Member::phone, checked_phone);
  editor.text("birth_date", &Member::birth_date,
              [today](std::string_view text) { return checked_birth_date(text, today); });
  editor.text("home_store", &Member::home_store, checked_store);
  apply_status(editor, body);
}

void apply_own_fields(Editor& editor, const ConsentStamp& stamp) {
  editor.text("email", &Member::email, checked_email);
  editor.text("phone", &Member::phone, checked_phone);
  editor.consent("marketing_consent", &Member::marketing, stamp);
  editor.consent("profiling_consent", &Member::profiling, stamp);
}

// Sign-up requires an e-mail or a phone, so that the member can be reached and can sign in; an
// edit may change either but not take away the last one.
void require_contact(const Member& before, const Member& after) {
  const bool had_contact = !before.email.empty() || !before.phone.empty();
  if (had_contact && after.email.empty() && after.phone.empty()) {
    throw invalid_field(before.email.empty() ? "phone" : "email",
                        "a member needs an e-mail or a phone: keep one of them");
  }
}

}  // namespace

MemberEdit apply_member_patch(const Member& current, std::string_view body, EditScope scope,
                              const ConsentStamp& stamp, int32_t today) {
  const std::span<const std::string_view> accepted =
      scope == EditScope::admin ? std::span<const std::string_view>(kAdminFields)
                                : std::span<const std::string_view>(kOwnProfileFields);
  const json::object object = parse_json_object(body, accepted);
  Editor editor(current, object);
  if (scope == EditScope::admin) {
    apply_admin_fields(editor, object, today);
  } else {
    apply_own_fields(editor, stamp);
  }
  require_contact(current, editor.edit().member);
  return std::move(editor.edit());
}

json::object audit_details_json(const std::vector<FieldChange>& changes) {
  json::object details;
  for (const FieldChange& change : changes) {
    details[change.field] = json::object{{"old", change.old_value}, {"new", change.new_value}};
  }
  return details;
}

}  // namespace imagross::api
