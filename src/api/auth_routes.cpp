// The auth routes: sign-up, sign-in, refresh, sign-out, password reset and the current session.
// Each handler reads its JSON body, calls the AuthService and maps its result to HTTP.

#include <array>
#include <string>
#include <string_view>
#include <variant>

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/json_body.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "auth/auth_service.h"
#include "http/errors.h"
#include "http/json.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

auth::AuthService& auth_service(const ApiContext& context) {
  if (context.auth == nullptr) {
    throw http::HttpError(503, "auth_unavailable", "sign-in is not available on this server");
  }
  return *context.auth;
}

auth::RequestOrigin request_origin(const http::Request& request) {
  return {request.remote_address, request.request_id};
}

// A string field the route cannot do without: 400 invalid_field naming it when absent or null.
std::string required_text(const json::object& body, std::string_view field) {
  auto value = optional_text_field(body, field);
  if (!value || value->empty()) {
    throw invalid_field(field, fmt::format("{} is required", field));
  }
  return std::move(*value);
}

int failure_status(std::string_view code) {
  if (code == "invalid_field" || code == "invalid_reset_token") {
    return 400;
  }
  if (code == "invalid_credentials" || code == "invalid_refresh_token") {
    return 401;
  }
  if (code == "card_taken" || code == "email_taken" || code == "phone_taken") {
    return 409;
  }
  if (code == "last_name_mismatch") {
    return 422;
  }
  if (code == "too_many_attempts") {
    return 429;
  }
  return 400;
}

// The error response of an expected auth failure. Besides the envelope's "parameter", the body
// names the form field at fault in "field" and the validation code in "reason", which the web
// app shows next to that field.
http::Response failure_response(const auth::AuthFailure& failure) {
  http::HttpError error(failure_status(failure.code), failure.code, failure.message, failure.field);
  error.with_retry_after(failure.retry_after_seconds);
  auto response = http::error_response(error);
  json::object fields{{"code", failure.code}, {"message", failure.message}};
  if (!failure.field.empty()) {
    fields["parameter"] = failure.field;
    fields["field"] = failure.field;
  }
  if (!failure.reason.empty()) {
    fields["reason"] = failure.reason;
  }
  response.body = http::to_json_text(json::object{{"error", std::move(fields)}});
  return response;
}

json::object account_json(const Account& account, const std::string& display_name) {
  json::array stores;
  for (const auto& store : account.stores) {
    stores.emplace_back(store);
  }
  json::object object{{"id", account.id},
                      {"role", role_name(account.role)},
                      {"email", account.email},
                      {"stores", std::move(stores)},
                      {"display_name", display_name}};
  object["member_id"] = account.member_id ? json::value(*account.member_id) : json::value(nullptr);
  return object;
}

json::object session_json(const auth::Session& session) {
  return json::object{{"access_token", session.access_token},
                      {"token_type", "Bearer"},
                      {"expires_in", session.expires_in},
                      {"refresh_token", session.refresh_token},
                      {"refresh_expires_in", session.refresh_expires_in},
                      {"account", account_json(session.account, session.display_name)}};
}

// The session of a successful result with `status`, or the failure's error response.
http::Response session_response(const auth::AuthResult<auth::Session>& result, int status) {
  if (const auto* failure = std::get_if<auth::AuthFailure>(&result)) {
    return failure_response(*failure);
  }
  return json_ok(session_json(std::get<auth::Session>(result)), status);
}

http::Response no_content() {
  http::Response response;
  response.status = 204;
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response sign_up(ApiContext& context, http::Request& request) {
  static constexpr std::array<std::string_view, 9> kFields{"first_name",
                                                           "last_name",
                                                           "email",
                                                           "phone",
                                                           "password",
                                                           "card_number",
                                                           "privacy_accepted",
                                                           "marketing_consent",
                                                           "profiling_consent"};
  const auto body = parse_json_object(request.body, kFields);
  auth::SignUpForm form;
  form.first_name = optional_text_field(body, "first_name").value_or("");
  form.last_name = optional_text_field(body, "last_name").value_or("");
  form.email = optional_text_field(body, "email").value_or("");
  form.phone = optional_text_field(body, "phone").value_or("");
  form.password = optional_text_field(body, "password").value_or("");
  form.card_number = optional_text_field(body, "card_number").value_or("");
  form.privacy_accepted = optional_bool_field(body, "privacy_accepted").value_or(false);
  form.marketing_consent = optional_bool_field(body, "marketing_consent").value_or(false);
  form.profiling_consent = optional_bool_field(body, "profiling_consent").value_or(false);
  return session_response(auth_service(context).sign_up(form, request_origin(request)), 201);
}

http::Response sign_in(ApiContext& context, http::Request& request) {
  static constexpr std::array<std::string_view, 2> kFields{"identifier", "password"};
  const auto body = parse_json_object(request.body, kFields);
  const auto identifier = required_text(body, "identifier");
  const auto password = required_text(body, "password");
  return session_response(
      auth_service(context).sign_in(identifier, password, request_origin(request)), 200);
}

http::Response refresh(ApiContext& context, http::Request& request) {
  static constexpr std::array<std::string_view, 1> kFields{"refresh_token"};
  const auto body = parse_json_object(request.body, kFields);
  const auto token = required_text(body, "refresh_token");
  return session_response(auth_service(context).refresh(token, request_origin(request)), 200);
}

http::Response sign_out(ApiContext& context, http::Request& request) {
  static constexpr std::array<std::string_view, 1> kFields{"refresh_token"};
  const auto body = parse_json_object(request.body, kFields);
  const auto token = required_text(body, "refresh_token");
  auth_service(context).logout(token, request_origin(request));
  return no_content();
}

http::Response request_password_reset(ApiContext& context, http::Request& request) {
  static constexpr std::array<std::string_view, 1> kFields{"identifier"};
  const auto body = parse_json_object(request.body, kFields);
  const auto identifier = required_text(body, "identifier");
  auth_service(context).request_password_reset(identifier, request_origin(request));
  // The same response whether or not an account matched, so that it reveals none.
  return json_ok(json::object{{"message",
                               "if an account matches, a reset link is on its way to the e-mail "
                               "or phone on file; it works once, within one hour"}},
                 202);
}

http::Response confirm_password_reset(ApiContext& context, http::Request& request) {
  static constexpr std::array<std::string_view, 2> kFields{"token", "password"};
  const auto body = parse_json_object(request.body, kFields);
  const auto token = required_text(body, "token");
  const auto password = required_text(body, "password");
  const auto result =
      auth_service(context).confirm_password_reset(token, password, request_origin(request));
  if (const auto* failure = std::get_if<auth::AuthFailure>(&result)) {
    return failure_response(*failure);
  }
  return no_content();
}

http::Response current_session(ApiContext& context, http::Request& request) {
  const auto principal = require_signed_in(context, request);
  const QueryReader query(request.query, {});
  const auto session = auth_service(context).describe(principal);
  if (!session) {
    throw http::HttpError(401, "unauthenticated", "the account of this token no longer exists");
  }
  return json_ok(json::object{{"account", account_json(session->account, session->display_name)}});
}

}  // namespace

void add_auth_routes(http::Router& router, ApiContext& context) {
  // Argon2id hashing takes tens of milliseconds by design, so these leave the I/O threads.
  http::RouteOptions light;
  light.pool = http::Pool::light;
  const auto bind = [&context](ContextHandler handler) { return bind_context(context, handler); };
  router.add("POST", "/api/v1/auth/signup", bind(sign_up), light);
  router.add("POST", "/api/v1/auth/login", bind(sign_in), light);
  router.add("POST", "/api/v1/auth/refresh", bind(refresh), light);
  router.add("POST", "/api/v1/auth/logout", bind(sign_out), light);
  router.add("POST", "/api/v1/auth/password-reset", bind(request_password_reset), light);
  router.add("POST", "/api/v1/auth/password-reset/confirm", bind(confirm_password_reset), light);
  router.add("GET", "/api/v1/auth/session", bind(current_session), light);
}

}  // namespace imagross::api
