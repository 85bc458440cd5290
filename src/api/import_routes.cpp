// The import routes: list, one import with its progress, its rejected rows, and uploads. They
// are for the super admin only: a sales file carries the lines of any store, so an upload
// changes the figures of every store, and reject reports quote the rows of every store.

#include <array>
#include <climits>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/import_params.h"
#include "api/json_mapping.h"
#include "api/member_support.h"
#include "api/reject_report_reader.h"
#include "api/routes.h"
#include "http/errors.h"
#include "http/log_line.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

constexpr std::array<std::string_view, 2> kPageParameters{"page", "page_size"};

ImportView find_import(ApiContext& context, const http::Request& request) {
  const auto id = parse_id(request.path_param("id"), "id");
  auto view = context.imports.find(id);
  if (!view) {
    throw http::not_found(fmt::format("no import has id {}", id));
  }
  return std::move(*view);
}

http::Response list_imports(ApiContext& context, http::Request& request) {
  require_super_admin(context, request);
  const QueryReader query(request.query, kPageParameters);
  const auto page = query.integer("page", 1, 1'000'000, 1);
  const auto page_size = query.integer("page_size", 1, 100, 20);

  // Imports are few (one per file), so the whole list is read to count it.
  const auto records = context.database.list_imports(INT_MAX, 0);

  json::array items;
  const auto first = static_cast<std::size_t>(page_offset(page, page_size));
  for (std::size_t i = first; i < records.size() && i < first + static_cast<std::size_t>(page_size);
       ++i) {
    const auto live = context.imports.find(records[i].id);
    items.push_back(
        import_json(live ? live->record : records[i], live ? live->phase : ImportPhase::finished));
  }
  return json_ok(
      page_json(std::move(items), page, page_size, static_cast<int64_t>(records.size())));
}

http::Response get_import(ApiContext& context, http::Request& request) {
  require_super_admin(context, request);
  const QueryReader query(request.query, {});
  const auto view = find_import(context, request);
  return json_ok(import_json(view.record, view.phase));
}

http::Response list_rejects(ApiContext& context, http::Request& request) {
  require_super_admin(context, request);
  const QueryReader query(request.query, kPageParameters);
  const auto page = query.integer("page", 1, 1'000'000, 1);
  const auto page_size = query.integer("page_size", 1, 500, 100);
  const auto view = find_import(context, request);

  RejectPage rejects;
  const auto& report = view.record.reject_report;
  if (!report.empty() && std::filesystem::exists(report)) {
    rejects = read_reject_page(report, page_offset(page, page_size), page_size);
  } else if (!report.empty()) {
    throw http::not_found(
        fmt::format("the reject report of import {} is no longer on the server", view.record.id));
  }

  json::array items;
  for (const auto& row : rejects.rows) {
    items.push_back(json::object{
        {"line", row.line}, {"column", row.column}, {"value", row.value}, {"reason", row.reason}});
  }
  auto body = page_json(std::move(items), page, page_size, rejects.total);
  body["import_id"] = view.record.id;
  return json_ok(body);
}

http::Response create_import(ApiContext& context, http::Request& request) {
  const auto principal = require_super_admin(context, request);
  auto upload = parse_upload_request(request.query);
  if (request.body_size == 0) {
    throw http::HttpError(400, "empty_upload",
                          "the request body is empty: send the file itself as the body");
  }

  const bool dry_run = upload.options.dry_run;
  const auto view = context.imports.submit(request.body_file, request.body_size, upload.filename,
                                           std::move(upload.options));
  append_audit_entry(
      context, request, principal, "import.upload", "import", std::to_string(view.record.id),
      json::object{
          {"source_name", upload.filename}, {"bytes", request.body_size}, {"dry_run", dry_run}});

  spdlog::info("{}", http::LogLine("import_queued")
                         .add("request_id", request.request_id)
                         .add("import_id", view.record.id)
                         .add("source_name", upload.filename)
                         .add("bytes", request.body_size)
                         .str());
  auto response = json_ok(import_json(view.record, view.phase), 202);
  response.set_header("Location", fmt::format("/api/v1/imports/{}", view.record.id));
  return response;
}

}  // namespace

void add_import_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions options;
  options.pool = http::Pool::light;
  router.add("GET", "/api/v1/imports", bind_context(context, list_imports), options);
  router.add("GET", "/api/v1/imports/{id}", bind_context(context, get_import), options);
  router.add("GET", "/api/v1/imports/{id}/rejects", bind_context(context, list_rejects), options);

  http::RouteOptions upload = options;
  upload.stream_body = true;
  // The caller is checked before the body is read, so that no other caller can make the server
  // store a file.
  upload.precheck = [&context](const http::Request& request) {
    require_super_admin(context, request);
    parse_upload_request(request.query);
  };
  router.add("POST", "/api/v1/imports", bind_context(context, create_import), upload);
}

}  // namespace imagross::api
