#include "api/authorization.h"

#include <spdlog/spdlog.h>
#include <boost/beast/core/string.hpp>

#include "http/errors.h"

namespace imagross::api {
namespace {

http::HttpError unauthenticated() {
  return http::HttpError(401, "unauthenticated",
                         "sign in first: this route needs a valid access token in an "
                         "'Authorization: Bearer' header");
}

http::HttpError forbidden(const std::string& message) {
  return http::HttpError(403, "forbidden", message);
}

// Returns the token of an "Authorization: Bearer <token>" header. The scheme is case-insensitive.
std::string_view bearer_token(const http::Request& request) {
  std::optional<std::string_view> header = request.headers.find("Authorization");
  if (!header) {
    return {};
  }
  constexpr std::string_view kScheme = "bearer ";
  if (header->size() <= kScheme.size() ||
      !boost::beast::iequals(header->substr(0, kScheme.size()), kScheme)) {
    return {};
  }
  std::string_view token = header->substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') {
    token.remove_prefix(1);
  }
  return token;
}

}  // namespace

Principal require_signed_in(const ApiContext& context, const http::Request& request) {
  const std::string_view token = bearer_token(request);
  if (token.empty() || context.auth == nullptr) {
    throw unauthenticated();
  }
  Result<Principal> principal = context.auth->authenticate(token);
  if (!principal) {
    spdlog::info("request {}: access token rejected ({})", request.request_id,
                 principal.error().code);
    throw unauthenticated();
  }
  return *principal;
}

Principal require_admin(const ApiContext& context, const http::Request& request) {
  Principal principal = require_signed_in(context, request);
  if (!principal.is_admin()) {
    throw forbidden("this route is for administrators");
  }
  return principal;
}

Principal require_super_admin(const ApiContext& context, const http::Request& request) {
  Principal principal = require_signed_in(context, request);
  if (principal.role != Role::super_admin) {
    throw forbidden("this route is for the super administrator");
  }
  return principal;
}

Principal require_customer(const ApiContext& context, const http::Request& request) {
  Principal principal = require_signed_in(context, request);
  if (principal.role != Role::customer || !principal.member_id) {
    throw forbidden("this route is for customers: it shows the caller's own card and data");
  }
  return principal;
}

bool may_see_store(const Principal& principal, std::string_view store_code) {
  switch (principal.role) {
    case Role::super_admin:
      return true;
    case Role::store_admin:
      return std::find(principal.stores.begin(), principal.stores.end(), store_code) !=
             principal.stores.end();
    case Role::customer:
      return false;
  }
  return false;
}

void require_store(const Principal& principal, std::string_view store_code) {
  if (!may_see_store(principal, store_code)) {
    throw forbidden("store " + std::string(store_code) + " is not one of your stores");
  }
}

std::vector<std::string> visible_stores(const Principal& principal,
                                        const std::vector<std::string>& requested) {
  if (principal.role == Role::super_admin) {
    return requested;
  }
  if (requested.empty()) {
    return principal.stores;
  }
  for (const std::string& store : requested) {
    require_store(principal, store);
  }
  return requested;
}

}  // namespace imagross::api
