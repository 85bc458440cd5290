#pragma once

// Steps the points, rewards and tills routes share: mapping the points store's errors to HTTP,
// reading body fields of the points routes, and the responses that the customer's and the admin
// routes have in common.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "api/query_reader.h"
#include "api/routes.h"
#include "common/result.h"
#include "http/errors.h"
#include "http/response.h"
#include "storage/points_store.h"

namespace imagross::api {

// The HttpError of an expected failure of the points store or service: "*_not_found" is 404,
// invalid input ("reason_required", "zero_points", "invalid_reward", "invalid_rule_set", ...)
// 422, and a refusal by the current state ("insufficient_points", "out_of_stock", ...) 409.
// `field` names the body field at fault, when one is.
http::HttpError points_error(const Error& error, std::string field = {});

// 422 with `code`, naming the body field `field`.
http::HttpError unprocessable(std::string code, const std::string& message, std::string field);

// The store admin's or super admin's access to member `member_id`, as member_for_admin checks it.
void require_member_access(ApiContext& context, const Principal& principal, int64_t member_id);

// The points service of the server; a server fault when the server was started without one.
points::PointsService& points_service(const ApiContext& context);

// Query parameters of a page: "offset" (from 0) and "limit" (1-500, default 50).
struct PageWindow {
  int64_t offset = 0;
  int limit = 50;
};
PageWindow read_page_window(const QueryReader& query);

// GET .../points/ledger for member `member_id`: `query` takes "offset", "limit" and "kind".
boost::json::object ledger_page_json(ApiContext& context, const QueryReader& query,
                                     int64_t member_id);

// A whole number field; nullopt when absent or null, 400 invalid_field when not a whole number
// in [min, max].
std::optional<int64_t> optional_integer_field(const boost::json::object& object,
                                              std::string_view field, int64_t min, int64_t max);

// A field written as a decimal string ("2.50", at most three decimals: euros or units), as
// thousandths; nullopt when absent or null. Errors name `path`, the field's place in the body;
// empty: `field` itself.
std::optional<int64_t> optional_decimal_field(const boost::json::object& object,
                                              std::string_view field, std::string path = {});

// A date field "YYYY-MM-DD", checked to be a real calendar date; "" when absent or null.
std::string optional_date_field(const boost::json::object& object, std::string_view field);

// A required text field with at most `max_bytes` bytes after trimming spaces; 422
// `missing_code` naming the field when it is absent, null or blank.
std::string required_text_field(const boost::json::object& object, std::string_view field,
                                std::size_t max_bytes, std::string missing_code);

// The voucher code of `redemption` as an EAN-13 barcode SVG, sent with no-store caching.
http::Response voucher_barcode_response(const Redemption& redemption);

}  // namespace imagross::api
