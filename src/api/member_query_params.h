#pragma once

// The filters of the member list and its export (GET /api/v1/members and /members/export): q,
// store, signup_from, signup_to, status, sort and order.

#include <initializer_list>
#include <string_view>
#include <vector>

#include "api/query_reader.h"
#include "auth/principal.h"
#include "storage/member_store.h"

namespace imagross::api {

// The maximum length of a search text, in bytes.
inline constexpr std::size_t kMaxMemberSearchBytes = 200;

// The filter parameters followed by a route's own parameters.
std::vector<std::string_view> with_member_filter_parameters(
    std::initializer_list<std::string_view> own);

// Reads the filters into a query, without paging. The stores are limited to what `principal`
// may see (visible_stores): a store admin without `store` gets their own stores, and a store
// outside them ends the request with 403. Throws http::HttpError 400 naming the parameter for a
// search text over kMaxMemberSearchBytes, a malformed date, signup_from after signup_to, or an
// unknown status, sort or order.
MemberQuery read_member_query(const QueryReader& query, const Principal& principal);

}  // namespace imagross::api
