#include "api/handler_support.h"

#include <charconv>

#include <fmt/format.h>

#include "http/errors.h"
#include "http/json.h"
#include "http/quote.h"

namespace imagross::api {

http::Handler bind_context(ApiContext& context, ContextHandler handler) {
  return [&context, handler](http::Request& request) { return handler(context, request); };
}

http::Response json_ok(const boost::json::value& body, int status) {
  return http::json_response(status, http::to_json_text(body));
}

void require_ready(const SalesEngine& engine) {
  if (!engine.ready()) {
    throw http::HttpError(503, "not_ready",
                          "the sales data is still loading; retry in a moment (GET /health/ready "
                          "turns 200 when it is loaded)");
  }
}

int64_t parse_id(std::string_view text, std::string_view parameter) {
  int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw http::invalid_parameter(
        std::string(parameter), fmt::format("{} must be a positive whole number, got {}", parameter,
                                            http::quote_value(text)));
  }
  return id;
}

}  // namespace imagross::api
