// The customer's own routes under /api/v1/me. The member always comes from the access token,
// never from the request, so a customer can reach no one else's data through them.

#include <ctime>
#include <string>

#include <fmt/format.h>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/member_edit.h"
#include "api/member_json.h"
#include "api/member_support.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "cards/card_images.h"
#include "http/errors.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

http::Response get_me(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  return json_ok(member_json(member_of_customer(context, principal)));
}

http::Response patch_me(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  const Member current = member_of_customer(context, principal);
  const MemberEdit edit = apply_member_patch(current, request.body, EditScope::own_profile,
                                             consent_stamp_now(context), local_today(context));
  if (edit.changes.empty()) {
    return json_ok(member_json(current));
  }
  Result<Member> updated = context.database.members().update_member(edit.member);
  if (!updated) {
    throw member_store_error(updated.error());
  }
  append_audit_entry(context, request, principal, "me.update", "member", std::to_string(current.id),
                     audit_details_json(edit.changes));
  return json_ok(member_json(*updated));
}

// The card the customer shows; 404 when the member has none.
Card own_card(const Member& member) {
  const Card* card = current_card(member);
  if (card == nullptr) {
    throw http::not_found("you have no loyalty card yet");
  }
  return *card;
}

http::Response get_card(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  const Member member = member_of_customer(context, principal);
  const Card card = own_card(member);
  // The image routes serve an active card only, so any other card gets null links.
  const bool has_images = card.status == CardStatus::active;
  json::object body{
      {"number", card.number},
      {"status", card_status_name(card.status)},
      {"holder", fmt::format("{} {}", member.first_name, member.last_name)},
      {"issued_at", card.issued_at.empty() ? json::value(nullptr) : json::value(card.issued_at)},
      {"barcode", has_images ? json::value(json::object{{"svg", "/api/v1/me/card/barcode.svg"},
                                                        {"png", "/api/v1/me/card/barcode.png"}})
                             : json::value(nullptr)},
      {"qr", has_images ? json::value(json::object{{"svg", "/api/v1/me/card/qr.svg"},
                                                   {"png", "/api/v1/me/card/qr.png"}})
                        : json::value(nullptr)},
  };
  return json_ok(body);
}

// An image of the customer's active card. A blocked or replaced card gets none, so that a
// screen never shows a number the tills refuse.
http::Response card_image(ApiContext& context, http::Request& request, cards::Symbol symbol,
                          cards::ImageFormat format) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  const Card card = own_card(member_of_customer(context, principal));
  if (card.status != CardStatus::active) {
    throw http::not_found(fmt::format("your card {} is {}: ask at a store for a new one",
                                      card.number, card_status_name(card.status)));
  }
  Result<cards::CardImage> image = cards::render_card_image(symbol, format, card.number);
  if (!image) {
    // Stored card numbers are validated EAN-13 codes, so this is a server fault.
    throw std::runtime_error(
        fmt::format("rendering card {} failed: {}", card.number, image.error().message));
  }
  http::Response response;
  response.body = std::move(image->bytes);
  response.set_header("Content-Type", image->content_type);
  // The image carries the card number, which is personal data.
  response.set_header("Cache-Control", "private, no-store");
  return response;
}

http::Response barcode_svg(ApiContext& context, http::Request& request) {
  return card_image(context, request, cards::Symbol::ean13, cards::ImageFormat::svg);
}

http::Response barcode_png(ApiContext& context, http::Request& request) {
  return card_image(context, request, cards::Symbol::ean13, cards::ImageFormat::png);
}

http::Response qr_svg(ApiContext& context, http::Request& request) {
  return card_image(context, request, cards::Symbol::qr, cards::ImageFormat::svg);
}

http::Response qr_png(ApiContext& context, http::Request& request) {
  return card_image(context, request, cards::Symbol::qr, cards::ImageFormat::png);
}

http::Response purchases_summary(ApiContext& context, http::Request& request) {
  const Principal principal = require_customer(context, request);
  const QueryReader query(request.query, {});
  return json_ok(purchases_json(purchases_of_member(context, *principal.member_id)));
}

}  // namespace

void add_me_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions light;
  light.pool = http::Pool::light;
  http::RouteOptions heavy;
  heavy.pool = http::Pool::heavy;
  const auto bind = [&context](ContextHandler handler) { return bind_context(context, handler); };
  router.add("GET", "/api/v1/me", bind(get_me), light);
  router.add("PATCH", "/api/v1/me", bind(patch_me), light);
  router.add("GET", "/api/v1/me/card", bind(get_card), light);
  router.add("GET", "/api/v1/me/card/barcode.svg", bind(barcode_svg), light);
  router.add("GET", "/api/v1/me/card/barcode.png", bind(barcode_png), light);
  router.add("GET", "/api/v1/me/card/qr.svg", bind(qr_svg), light);
  router.add("GET", "/api/v1/me/card/qr.png", bind(qr_png), light);
  router.add("GET", "/api/v1/me/purchases/summary", bind(purchases_summary), heavy);
}

}  // namespace imagross::api
