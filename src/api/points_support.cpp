#include "api/points_support.h"

#include <array>
#include <ctime>
#include <stdexcept>

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "api/json_body.h"
#include "api/member_support.h"
#include "api/points_json.h"
#include "cards/card_images.h"
#include "common/civil_time.h"
#include "common/decimal.h"
#include "http/quote.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

constexpr int64_t kMaxPageSize = 500;
constexpr int64_t kMaxOffset = 1'000'000'000;

// Codes of the points store and service that reject the request's content rather than conflict
// with the stored state.
constexpr std::array<std::string_view, 8> kInvalidInputCodes{
    "reason_required", "zero_points",     "invalid_reward",           "invalid_rule_set",
    "same_member",     "invalid_receipt", "effective_from_too_early", "invalid_effective_from"};

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

http::HttpError points_error(const Error& error, std::string field) {
  if (error.code.ends_with("_not_found")) {
    return http::HttpError(404, error.code, error.message, std::move(field));
  }
  const bool invalid = std::find(kInvalidInputCodes.begin(), kInvalidInputCodes.end(),
                                 error.code) != kInvalidInputCodes.end();
  return http::HttpError(invalid ? 422 : 409, error.code, error.message, std::move(field));
}

http::HttpError unprocessable(std::string code, const std::string& message, std::string field) {
  return http::HttpError(422, std::move(code), message, std::move(field));
}

void require_member_access(ApiContext& context, const Principal& principal, int64_t member_id) {
  member_for_admin(context, principal, member_id);
}

points::PointsService& points_service(const ApiContext& context) {
  if (context.points == nullptr) {
    throw std::logic_error("the server was started without a points service");
  }
  return *context.points;
}

PageWindow read_page_window(const QueryReader& query) {
  PageWindow window;
  window.offset = query.integer("offset", 0, kMaxOffset, 0);
  window.limit = static_cast<int>(query.integer("limit", 1, kMaxPageSize, 50));
  return window;
}

json::object ledger_page_json(ApiContext& context, const QueryReader& query, int64_t member_id) {
  const PageWindow window = read_page_window(query);
  LedgerQuery ledger;
  ledger.member_id = member_id;
  ledger.offset = window.offset;
  ledger.limit = window.limit;
  if (const std::optional<std::string_view> kind = query.single("kind")) {
    ledger.kind = parse_ledger_kind(*kind);
    if (!ledger.kind) {
      throw http::invalid_parameter(
          "kind", fmt::format("unknown ledger kind {}; use award, reversal, redemption, refund, "
                              "expiry, adjustment, transfer or opening",
                              http::quote_value(*kind)));
    }
  }
  const LedgerPage page = context.database.points().ledger(ledger);
  json::array rows;
  for (const LedgerEntry& entry : page.rows) {
    rows.push_back(ledger_entry_json(entry));
  }
  return {{"total", page.total},
          {"offset", window.offset},
          {"limit", window.limit},
          {"rows", std::move(rows)}};
}

std::optional<int64_t> optional_integer_field(const json::object& object, std::string_view field,
                                              int64_t min, int64_t max) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) {
    return std::nullopt;
  }
  std::optional<int64_t> number;
  if (value->is_int64()) {
    number = value->as_int64();
  } else if (value->is_uint64() && value->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    number = static_cast<int64_t>(value->as_uint64());
  }
  if (!number || *number < min || *number > max) {
    throw invalid_field(field,
                        fmt::format("{} must be a whole number from {} to {}", field, min, max));
  }
  return number;
}

std::optional<int64_t> optional_decimal_field(const json::object& object, std::string_view field,
                                              std::string path) {
  if (path.empty()) {
    path = field;
  }
  const json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) {
    return std::nullopt;
  }
  if (!value->is_string()) {
    throw invalid_field(path, fmt::format("{} must be a decimal written as a string, such as "
                                          "\"2.50\"",
                                          path));
  }
  const Result<int64_t> milli = parse_milli(value->as_string(), NumberFormat{'.', '\0'});
  if (!milli) {
    throw invalid_field(path, fmt::format("{} must be a decimal such as \"2.50\", with at most "
                                          "three decimals: {}",
                                          path, milli.error().message));
  }
  return *milli;
}

std::string optional_date_field(const json::object& object, std::string_view field) {
  const std::optional<std::string> text = optional_text_field(object, field);
  if (!text || text->empty()) {
    return {};
  }
  const Result<int32_t> day = parse_iso_date(*text);
  if (!day) {
    throw invalid_field(field, fmt::format("{} must be a date YYYY-MM-DD, got {}", field,
                                           http::quote_value(*text)));
  }
  return format_iso_date(*day);
}

std::string required_text_field(const json::object& object, std::string_view field,
                                std::size_t max_bytes, std::string missing_code) {
  const std::string text(trim(optional_text_field(object, field).value_or("")));
  if (text.empty()) {
    throw unprocessable(std::move(missing_code), fmt::format("{} is required", field),
                        std::string(field));
  }
  if (text.size() > max_bytes) {
    throw invalid_field(
        field, fmt::format("{} must be at most {} bytes, got {}", field, max_bytes, text.size()));
  }
  return text;
}

http::Response voucher_barcode_response(const Redemption& redemption) {
  Result<cards::CardImage> image = cards::render_card_image(
      cards::Symbol::ean13, cards::ImageFormat::svg, redemption.voucher_code);
  if (!image) {
    // Voucher codes are EAN-13 codes made by the store, so this is a server fault.
    throw std::runtime_error(fmt::format("rendering voucher {} of redemption {} failed: {}",
                                         redemption.voucher_code, redemption.id,
                                         image.error().message));
  }
  http::Response response;
  response.body = std::move(image->bytes);
  response.set_header("Content-Type", image->content_type);
  response.set_header("Cache-Control", "private, no-store");
  return response;
}

}  // namespace imagross::api
