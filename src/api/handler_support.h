#pragma once

// Small steps every handler shares.

#include <cstdint>
#include <string_view>

#include <boost/json/value.hpp>

#include "analytics/sales_engine.h"
#include "api/routes.h"
#include "http/response.h"

namespace imagross::api {

using ContextHandler = http::Response (*)(ApiContext&, http::Request&);

// A router handler that calls `handler` with `context`.
http::Handler bind_context(ApiContext& context, ContextHandler handler);

// A 200 (or `status`) response with `body` as JSON.
http::Response json_ok(const boost::json::value& body, int status = 200);

// Throws http::HttpError 503 "not_ready" while the engine is still loading.
void require_ready(const SalesEngine& engine);

// A positive whole-number id from the path; throws http::HttpError 400 naming `parameter`.
int64_t parse_id(std::string_view text, std::string_view parameter);

// (page, page_size) → the offset of the page's first row, from 0.
inline int64_t page_offset(int64_t page, int64_t page_size) {
  return (page - 1) * page_size;
}

}  // namespace imagross::api
