// Health probes, Prometheus metrics, the OpenAPI document and the web app's files. The probes
// and the OpenAPI document are public: they carry no data. Metrics are public to callers on this
// machine (a local Prometheus or agent) and need a super admin's token from anywhere else.

#include <memory>

#include <fmt/format.h>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/openapi.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "http/static_files.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

http::Response live(ApiContext&, http::Request& request) {
  const QueryReader query(request.query, {});
  return json_ok(json::object{{"status", "live"}});
}

http::Response ready(ApiContext& context, http::Request& request) {
  const QueryReader query(request.query, {});
  if (!context.engine.ready()) {
    auto response = json_ok(json::object{{"status", "loading"}}, 503);
    response.set_header("Retry-After", "1");
    return response;
  }
  return json_ok(json::object{{"status", "ready"}, {"lines", context.engine.coverage().lines}});
}

void append_metric(std::string& out, std::string_view name, std::string_view type,
                   std::string_view help, int64_t value) {
  fmt::format_to(std::back_inserter(out), "# HELP {0} {1}\n# TYPE {0} {2}\n{0} {3}\n", name, help,
                 type, value);
}

// Whether the client is on this machine: an IPv4 loopback address, ::1, or an IPv4 loopback
// address mapped into IPv6.
bool is_loopback_client(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

http::Response metrics(ApiContext& context, http::Request& request) {
  if (!is_loopback_client(request.remote_address)) {
    require_super_admin(context, request);
  }
  const QueryReader query(request.query, {});
  std::string out;
  const bool is_ready = context.engine.ready();
  append_metric(out, "imagross_engine_ready", "gauge",
                "1 once the sales engine has loaded the database.", is_ready ? 1 : 0);
  append_metric(out, "imagross_sales_lines", "gauge", "Receipt lines held by the sales engine.",
                is_ready ? context.engine.coverage().lines : 0);
  append_metric(out, "imagross_engine_memory_bytes", "gauge",
                "Bytes held by the sales engine's columns and dictionaries.",
                is_ready ? static_cast<int64_t>(context.engine.memory_bytes()) : 0);

  const auto imports = context.imports.counters();
  out +=
      "# HELP imagross_imports_total Imports finished since the server started, by status.\n"
      "# TYPE imagross_imports_total counter\n";
  fmt::format_to(std::back_inserter(out), "imagross_imports_total{{status=\"completed\"}} {}\n",
                 imports.completed);
  fmt::format_to(std::back_inserter(out), "imagross_imports_total{{status=\"failed\"}} {}\n",
                 imports.failed);
  append_metric(out, "imagross_import_lines_total", "counter",
                "Receipt lines added by imports since the server started.", imports.lines_imported);
  append_metric(out, "imagross_imports_queued", "gauge", "Imports waiting to run.", imports.queued);
  append_metric(out, "imagross_imports_running", "gauge", "Imports running now (0 or 1).",
                imports.running);
  if (context.open_connections) {
    append_metric(out, "imagross_http_open_connections", "gauge", "Open client connections.",
                  context.open_connections());
  }
  if (context.request_metrics != nullptr) {
    context.request_metrics->append_prometheus(out);
  }

  http::Response response;
  response.body = std::move(out);
  response.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response openapi(ApiContext&, http::Request& request) {
  const QueryReader query(request.query, {});
  auto response = http::json_response(200, std::string(openapi_document()));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

http::RouteOptions quiet() {
  http::RouteOptions options;
  options.quiet = true;
  return options;
}

}  // namespace

void add_system_routes(http::Router& router, ApiContext& context) {
  router.add("GET", "/health/live", bind_context(context, live), quiet());
  router.add("GET", "/health/ready", bind_context(context, ready), quiet());
  router.add("GET", "/metrics", bind_context(context, metrics), quiet());
  router.add("GET", "/api/openapi.json", bind_context(context, openapi));
}

void add_routes(http::Router& router, ApiContext& context,
                const std::filesystem::path& web_directory) {
  add_auth_routes(router, context);
  add_analytics_routes(router, context);
  add_import_routes(router, context);
  add_system_routes(router, context);
  add_me_routes(router, context);
  add_member_routes(router, context);
  add_points_routes(router, context);
  add_reward_routes(router, context);
  add_pos_routes(router, context);
  auto files = std::make_shared<http::StaticFiles>(web_directory);
  router.set_fallback([files](http::Request& request) { return files->serve(request); },
                      {"/api/", "/health/", "/metrics"});
}

}  // namespace imagross::api
