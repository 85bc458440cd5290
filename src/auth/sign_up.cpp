// AuthService::sign_up: the checks of the sign-up form, then one store transaction that creates
// or takes over the card's member and creates the account.

#include <fmt/format.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "auth/auth_service.h"
#include "auth/crypto.h"
#include "auth/passwords.h"
#include "common/utc_time.h"
#include "domain/contact.h"

namespace imagross::auth {
namespace {

namespace json = boost::json;

using FormCheck = std::variant<SignUpRequest, AuthFailure>;

AuthFailure invalid_field(std::string field, std::string reason, std::string message) {
  return {"invalid_field", std::move(message), std::move(field), std::move(reason), 0};
}

// Normalises a required name into `out`; a failure names the field.
std::optional<AuthFailure> read_name(std::string_view text, std::string_view field,
                                     std::string& out) {
  auto name = normalize_name(text);
  if (!name.ok()) {
    return invalid_field(std::string(field), name.error().code, name.error().message);
  }
  if (name->empty()) {
    return invalid_field(std::string(field), "blank", fmt::format("{} must not be blank", field));
  }
  out = std::move(name).value();
  return std::nullopt;
}

std::optional<AuthFailure> read_contacts(const SignUpForm& form, Member& member) {
  if (form.email.find_first_not_of(" \t") == std::string::npos &&
      form.phone.find_first_not_of(" \t") == std::string::npos) {
    return invalid_field("email", "missing_contact",
                         "give an e-mail or a phone number, so that a password reset can reach "
                         "you");
  }
  if (form.email.find_first_not_of(" \t") != std::string::npos) {
    auto email = normalize_email(form.email);
    if (!email.ok()) {
      return invalid_field("email", email.error().code, email.error().message);
    }
    member.email = std::move(email).value();
  }
  if (form.phone.find_first_not_of(" \t") != std::string::npos) {
    auto phone = normalize_phone(form.phone);
    if (!phone.ok()) {
      return invalid_field("phone", phone.error().code, phone.error().message);
    }
    member.phone = std::move(phone).value();
  }
  return std::nullopt;
}

Consent consent(bool granted, const std::string& at, const std::string& notice_version) {
  return Consent{granted, at, notice_version};
}

// Checks and normalises every field, in the order the form shows them.
FormCheck check_form(const SignUpForm& form, const AuthConfig& config, const std::string& at) {
  SignUpRequest request;
  auto& member = request.member;
  if (auto failure = read_name(form.first_name, "first_name", member.first_name)) {
    return *failure;
  }
  if (auto failure = read_name(form.last_name, "last_name", member.last_name)) {
    return *failure;
  }
  if (auto failure = read_contacts(form, member)) {
    return *failure;
  }
  if (const auto strength = check_password_policy(form.password); !strength.ok()) {
    return invalid_field("password", strength.error().code, strength.error().message);
  }
  auto card = validate_card_number(form.card_number, config.card_policy);
  if (!card.ok()) {
    return invalid_field("card_number", card.error().code, card.error().message);
  }
  request.card_number = std::move(card).value();
  if (!form.privacy_accepted) {
    return invalid_field("privacy_accepted", "required",
                         "the privacy notice must be accepted to sign up");
  }
  member.privacy = consent(true, at, config.privacy_notice_version);
  member.marketing = consent(form.marketing_consent, at, config.privacy_notice_version);
  member.profiling = consent(form.profiling_consent, at, config.privacy_notice_version);
  return request;
}

// Maps the store's rejections to the errors of the sign-up contract.
AuthFailure store_failure(const Error& error, const std::string& card_number) {
  if (error.code == "card_not_issued") {
    return invalid_field("card_number", error.code,
                         fmt::format("card {} is not a card issued by the chain; check the "
                                     "number on the card",
                                     card_number));
  }
  if (error.code == "card_blocked") {
    return invalid_field("card_number", error.code,
                         fmt::format("card {} is blocked or replaced; sign up with your current "
                                     "card",
                                     card_number));
  }
  if (error.code == "card_taken" || error.code == "member_has_account") {
    return {"card_taken",
            "this card already has an online account; sign in, or reset the password",
            "card_number",
            {},
            0};
  }
  if (error.code == "last_name_mismatch") {
    return {"last_name_mismatch",
            "the last name does not match the one on file for this card; write it as on the card "
            "holder's record",
            "last_name",
            {},
            0};
  }
  if (error.code == "email_taken") {
    return {"email_taken",
            "another account uses this e-mail; sign in, or use another one",
            "email",
            {},
            0};
  }
  if (error.code == "phone_taken") {
    return {"phone_taken",
            "another account uses this phone number; sign in, or use another one",
            "phone",
            {},
            0};
  }
  return invalid_field("card_number", error.code, error.message);
}

// The store failures that tell something about the card's member or the card registry: they count
// towards the sign-up limits, so that the last name on file and the issued numbers cannot be
// found by trying.
bool counts_against_card(const std::string& code) {
  return code == "last_name_mismatch" || code == "card_not_issued" || code == "card_blocked" ||
         code == "card_taken" || code == "member_has_account";
}

}  // namespace

AuthResult<Session> AuthService::sign_up(const SignUpForm& form, const RequestOrigin& origin) {
  const auto at = now();
  auto checked = check_form(form, config_, format_utc(at));
  if (auto* failure = std::get_if<AuthFailure>(&checked)) {
    return std::move(*failure);
  }
  auto& request = std::get<SignUpRequest>(checked);
  const auto wait =
      sign_up_limiter_.seconds_to_wait(request.card_number, origin.client_address, at);
  if (wait > 0) {
    audit(std::nullopt, "sign_up_failed", "card", request.card_number,
          json::serialize(json::object{{"reason", "too_many_attempts"}}), origin);
    return too_many_attempts(
        "too many failed sign-ups for this card or from this address; wait "
        "before trying again",
        wait);
  }
  request.password_hash = hash_password(form.password);

  const auto result = accounts_.sign_up(request);
  if (!result.ok()) {
    if (counts_against_card(result.error().code)) {
      sign_up_limiter_.record_failure(request.card_number, origin.client_address, at);
    }
    audit(std::nullopt, "sign_up_failed", "card", request.card_number,
          json::serialize(json::object{{"reason", result.error().code}}), origin);
    return store_failure(result.error(), request.card_number);
  }
  sign_up_limiter_.record_success(request.card_number);

  const auto& account = result->account;
  audit(account, "sign_up", "member", std::to_string(result->member.id),
        json::serialize(json::object{{"card_number", request.card_number},
                                     {"took_over_member", result->took_over}}),
        origin);
  accounts_.record_sign_in(account.id);
  return start_session(account, random_token(kFamilyBytes), at);
}

}  // namespace imagross::auth
