#pragma once

// Steps the customer's routes (/me) and the admin member routes share: loading a member the
// caller may see, mapping the member store's errors to HTTP, the purchase summary, and audit
// entries of the caller's actions.

#include <cstdint>
#include <string>

#include <boost/json/object.hpp>

#include "analytics/member_purchases.h"
#include "api/member_edit.h"
#include "api/routes.h"
#include "auth/principal.h"
#include "common/result.h"
#include "http/errors.h"
#include "http/request.h"

namespace imagross::api {

// The member `id` for an administrator: 404 "not_found" when there is none, 403 "forbidden"
// when `principal` is a store admin and the member's home store is not one of theirs.
Member member_for_admin(ApiContext& context, const Principal& principal, int64_t id);

// The caller's own member, from the access token; 404 when it no longer exists.
Member member_of_customer(ApiContext& context, const Principal& principal);

// The HttpError of an expected failure of the member store: "*_not_found" codes are 404, the
// others ("email_taken", "card_not_blockable", ...) 409, each with the store's code and message.
http::HttpError member_store_error(const Error& error);

// The member's purchases over all time, from the sales engine, which must be ready.
MemberPurchases purchases_of_member(ApiContext& context, int64_t member_id);

// The stamp of a consent given now under the current privacy notice.
ConsentStamp consent_stamp_now(const ApiContext& context);

// Today's local day in the sales time zone.
int32_t local_today(const ApiContext& context);

// Appends an audit entry for an action of `principal` on a target, with the client address and
// request id of `request`.
void append_audit_entry(ApiContext& context, const http::Request& request,
                        const Principal& principal, std::string action, std::string target_type,
                        std::string target_id, const boost::json::object& details);

}  // namespace imagross::api
