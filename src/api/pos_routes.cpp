// POST /api/v1/pos/receipts: receipts posted by the tills in real time, each awarded points once.
// A till authenticates with its store's API key ("Authorization: ApiKey <key>", created with
// `imagross pos-key create`), never with a user's token, and the key's store is the receipt's
// store.

#include <array>
#include <string>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/beast/core/string.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/handler_support.h"
#include "api/json_body.h"
#include "api/points_support.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "domain/card_number.h"
#include "http/errors.h"
#include "http/quote.h"
#include "points/points_service.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxCodeBytes = 64;   // receipt ids and product codes
constexpr std::size_t kMaxNameBytes = 200;  // product names and departments
constexpr std::size_t kMaxLines = 1000;
constexpr int64_t kMaxLineNumber = 1'000'000;

// A failed till authentication: 401 with the ApiKey challenge that RFC 9110 requires on a 401.
http::Response unauthenticated(const std::string& message) {
  http::Response response = http::error_response(401, "unauthenticated", message);
  response.set_header("WWW-Authenticate", "ApiKey");
  return response;
}

// The key of an "Authorization: ApiKey <key>" header, empty when there is none. The scheme is
// case-insensitive.
std::string_view api_key(const http::Request& request) {
  const std::optional<std::string_view> header = request.headers.find("Authorization");
  constexpr std::string_view kScheme = "apikey ";
  if (!header || header->size() <= kScheme.size() ||
      !boost::beast::iequals(header->substr(0, kScheme.size()), kScheme)) {
    return {};
  }
  std::string_view key = header->substr(kScheme.size());
  while (!key.empty() && key.front() == ' ') {
    key.remove_prefix(1);
  }
  return key;
}

// --- Reading the body -------------------------------------------------------------------------

// A text field of at most `max_bytes` bytes, named `path` in errors; "" when absent, null or
// (unless `required`) empty.
std::string read_text(const json::object& object, std::string_view field, const std::string& path,
                      std::size_t max_bytes, bool required) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) {
    if (required) {
      throw unprocessable("invalid_receipt", fmt::format("{} is required", path), path);
    }
    return {};
  }
  if (!value->is_string()) {
    throw invalid_field(path, fmt::format("{} must be a string", path));
  }
  std::string text(value->as_string());
  if (required && text.empty()) {
    throw unprocessable("invalid_receipt", fmt::format("{} must not be empty", path), path);
  }
  if (text.size() > max_bytes) {
    throw invalid_field(
        path, fmt::format("{} must be at most {} bytes, got {}", path, max_bytes, text.size()));
  }
  return text;
}

// A required decimal string ("2.50") of a line, as thousandths.
int64_t required_decimal(const json::object& object, std::string_view field,
                         const std::string& path) {
  const std::optional<int64_t> value = optional_decimal_field(object, field, path);
  if (!value) {
    throw unprocessable("invalid_receipt", fmt::format("{} is required", path), path);
  }
  return *value;
}

constexpr std::array<std::string_view, 9> kLineFields{"line",       "product_code", "product_name",
                                                      "department", "quantity",     "unit_price",
                                                      "discount",   "amount",       "promo_code"};

points::PosLine read_line(const json::value& value, std::size_t index) {
  const std::string path = fmt::format("lines[{}]", index);
  if (!value.is_object()) {
    throw invalid_field(path, fmt::format("{} must be a JSON object", path));
  }
  const json::object& object = value.as_object();
  for (const auto& field : object) {
    if (std::find(kLineFields.begin(), kLineFields.end(), field.key()) == kLineFields.end()) {
      throw invalid_field(path + "." + std::string(field.key()),
                          fmt::format("unknown field {} in {}; a line takes line, product_code, "
                                      "product_name, department, quantity, unit_price, "
                                      "discount, amount and promo_code",
                                      http::quote_value(field.key()), path));
    }
  }

  points::PosLine line;
  if (const auto number = optional_integer_field(object, "line", 1, kMaxLineNumber)) {
    line.line = static_cast<int32_t>(*number);
  }
  line.product_code =
      read_text(object, "product_code", path + ".product_code", kMaxCodeBytes, true);
  line.product_name =
      read_text(object, "product_name", path + ".product_name", kMaxNameBytes, true);
  line.department = read_text(object, "department", path + ".department", kMaxNameBytes, false);
  line.promo_code = read_text(object, "promo_code", path + ".promo_code", kMaxCodeBytes, false);
  line.quantity = required_decimal(object, "quantity", path + ".quantity");
  line.unit_price = required_decimal(object, "unit_price", path + ".unit_price");
  line.discount = optional_decimal_field(object, "discount", path + ".discount").value_or(0);
  line.amount = required_decimal(object, "amount", path + ".amount");

  if (line.quantity == 0) {
    throw unprocessable("invalid_receipt", fmt::format("{}.quantity must not be 0", path),
                        path + ".quantity");
  }
  if ((line.amount < 0) != (line.quantity < 0) && line.amount != 0) {
    throw unprocessable("invalid_receipt",
                        fmt::format("{}.amount and {}.quantity must have the same sign: a return "
                                    "line has both negative",
                                    path, path),
                        path + ".amount");
  }
  return line;
}

constexpr std::array<std::string_view, 5> kReceiptFields{"receipt_id", "timestamp", "card",
                                                         "original_receipt_id", "lines"};

// The receipt's "timestamp" as UTC seconds: an ISO 8601 time with an offset. A date alone is
// rejected, because a till records the time of every sale.
int64_t read_timestamp(const ApiContext& context, const json::object& body) {
  const std::string timestamp = read_text(body, "timestamp", "timestamp", kMaxCodeBytes, true);
  const std::size_t time_start = timestamp.find('T');
  const Result<int64_t> instant = points::parse_day_or_time(timestamp, context.engine.time_zone());
  if (time_start == std::string::npos || !instant) {
    throw invalid_field("timestamp",
                        fmt::format("timestamp must be an ISO 8601 time with an offset, such as "
                                    "\"2026-03-02T09:15:00+01:00\", got {}",
                                    http::quote_value(timestamp)));
  }
  // A time without an offset would be read in the server's zone, which need not be the till's.
  if (timestamp.find_first_of("Zz+-", time_start) == std::string::npos) {
    throw unprocessable("invalid_receipt",
                        fmt::format("timestamp {} has no UTC offset: add one, such as \"Z\" or "
                                    "\"+01:00\"",
                                    http::quote_value(timestamp)),
                        "timestamp");
  }
  return *instant;
}

// The receipt's "card" as a validated card number; "" when the receipt has no card.
std::string read_card(const ApiContext& context, const json::object& body) {
  const std::string card = read_text(body, "card", "card", kMaxCodeBytes, false);
  if (card.empty()) {
    return card;
  }
  const CardPolicy policy =
      context.auth != nullptr ? context.auth->config().card_policy : CardPolicy{};
  const Result<std::string> number = validate_card_number(card, policy);
  if (!number) {
    throw unprocessable("invalid_receipt", "card: " + number.error().message, "card");
  }
  return *number;
}

points::PosReceipt read_receipt(const ApiContext& context, const http::Request& request) {
  const json::object body = parse_json_object(request.body, kReceiptFields);
  points::PosReceipt receipt;
  receipt.receipt_id = read_text(body, "receipt_id", "receipt_id", kMaxCodeBytes, true);
  receipt.original_receipt_id =
      read_text(body, "original_receipt_id", "original_receipt_id", kMaxCodeBytes, false);
  receipt.timestamp = read_timestamp(context, body);
  receipt.card = read_card(context, body);

  const json::value* lines = body.if_contains("lines");
  if (lines == nullptr || !lines->is_array() || lines->as_array().empty()) {
    throw unprocessable("invalid_receipt", "lines must be a non-empty array of receipt lines",
                        "lines");
  }
  const json::array& items = lines->as_array();
  if (items.size() > kMaxLines) {
    throw unprocessable(
        "invalid_receipt",
        fmt::format("a receipt has at most {} lines, got {}", kMaxLines, items.size()), "lines");
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    receipt.lines.push_back(read_line(items[i], i));
  }
  return receipt;
}

json::object outcome_json(const points::PosOutcome& outcome) {
  return {{"receipt_id", outcome.receipt_id},
          {"status", outcome.status},
          {"points", outcome.points},
          {"balance", outcome.balance ? json::value(*outcome.balance) : json::value(nullptr)},
          {"duplicate", outcome.duplicate}};
}

http::Response post_receipt(ApiContext& context, http::Request& request) {
  const QueryReader query(request.query, {});
  const std::string_view key = api_key(request);
  if (key.empty()) {
    return unauthenticated(
        "this route is for tills: send the store's API key in an 'Authorization: ApiKey <key>' "
        "header");
  }
  const std::optional<PosKey> pos_key = context.database.points().find_pos_key(key);
  if (!pos_key) {
    spdlog::info("request {}: till API key rejected (unknown or revoked)", request.request_id);
    return unauthenticated("the API key is unknown or revoked: ask for a new key of the store");
  }

  const points::PosReceipt receipt = read_receipt(context, request);
  points::PointsService& service = points_service(context);
  if (const auto problem = service.check_receipt(receipt)) {
    throw unprocessable("invalid_receipt", problem->message, problem->field);
  }
  const Result<points::PosOutcome> outcome = service.post_receipt(pos_key->store_code, receipt);
  if (!outcome) {
    throw points_error(outcome.error(), outcome.error().code == "receipt_conflict" ? "lines" : "");
  }
  return json_ok(outcome_json(*outcome), outcome->duplicate ? 200 : 201);
}

}  // namespace

void add_pos_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions light;
  light.pool = http::Pool::light;
  router.add("POST", "/api/v1/pos/receipts", bind_context(context, post_receipt), light);
}

}  // namespace imagross::api
