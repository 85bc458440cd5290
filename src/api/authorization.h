#pragma once

// Who may call a route. Every handler that is not public starts with one of these calls, which
// end the request with 401 (no valid access token) or 403 (the caller's role or ownership does
// not allow it) by throwing http::HttpError.

#include <string>
#include <string_view>
#include <vector>

#include "api/routes.h"
#include "auth/principal.h"
#include "http/request.h"

namespace imagross::api {

// The caller of `request`, from its "Authorization: Bearer <JWT>" header. 401 "unauthenticated"
// when the header is missing or the token is malformed, forged, expired or of another algorithm;
// the reason goes to the log only.
Principal require_signed_in(const ApiContext& context, const http::Request& request);

// A super admin or a store admin; 403 "forbidden" for a customer.
Principal require_admin(const ApiContext& context, const http::Request& request);

Principal require_super_admin(const ApiContext& context, const http::Request& request);

// A customer with a member; 403 "forbidden" for an administrator.
Principal require_customer(const ApiContext& context, const http::Request& request);

// Whether `principal` may read the data of `store_code`: a super admin may read every store, a
// store admin only theirs, a customer none.
bool may_see_store(const Principal& principal, std::string_view store_code);

// 403 "forbidden" unless may_see_store().
void require_store(const Principal& principal, std::string_view store_code);

// The stores a request may read, given the stores it asked for (`requested`, empty: all). A
// super admin gets `requested` as it is. A store admin gets their own stores when `requested` is
// empty, and otherwise `requested`, after require_store() on each.
std::vector<std::string> visible_stores(const Principal& principal,
                                        const std::vector<std::string>& requested);

}  // namespace imagross::api
