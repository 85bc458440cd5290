// The analytics routes: dashboard, products, export, coverage, stores and departments, for
// administrators only. Each handler checks its caller, reads and checks its parameters, queries
// the engine, and maps the result to JSON or a file. A store admin reads only their own stores.

#include <ctime>

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/json_mapping.h"
#include "api/member_support.h"
#include "api/routes.h"
#include "api/sales_filter_params.h"
#include "common/civil_time.h"
#include "export/csv_writer.h"
#include "export/dashboard_tables.h"
#include "export/xlsx_writer.h"
#include "http/errors.h"
#include "http/quote.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

// The maximum number of rows in an export: one Excel sheet less its header row.
constexpr int kMaxExportRows = 1'048'575;

class EngineCatalog final : public SalesCatalog {
 public:
  explicit EngineCatalog(const SalesEngine& engine) : engine_(engine) {}

  std::optional<int32_t> find_store(std::string_view code) const override {
    return engine_.find_store(code);
  }
  std::optional<int32_t> find_department(std::string_view name) const override {
    return engine_.find_department(name);
  }
  std::optional<int32_t> last_sales_day() const override { return engine_.coverage().last_day; }
  int32_t today() const override { return engine_.time_zone().to_local(std::time(nullptr)).day; }

 private:
  const SalesEngine& engine_;
};

ParsedFilter read_filter(const QueryReader& query, const SalesEngine& engine,
                         const Principal& principal) {
  return parse_sales_filter(query, EngineCatalog(engine), principal);
}

ProductSort parse_sort(std::string_view name) {
  if (name == "units") {
    return ProductSort::units;
  }
  if (name == "receipts") {
    return ProductSort::receipts;
  }
  if (name == "code") {
    return ProductSort::code;
  }
  if (name == "name") {
    return ProductSort::name;
  }
  return ProductSort::net_revenue;
}

// Reads q, sort and order into a product query over `filter`.
ProductQuery read_product_query(const QueryReader& query, const ParsedFilter& filter) {
  ProductQuery products;
  products.filter = filter.filter;
  const auto search = query.single("q").value_or("");
  if (search.size() > 200) {
    throw http::invalid_parameter("q", "q must be at most 200 characters");
  }
  products.search = std::string(search);
  products.sort = parse_sort(
      query.choice("sort", {"net_revenue", "units", "receipts", "code", "name"}, "net_revenue"));
  products.descending = query.choice("order", {"asc", "desc"}, "desc") == "desc";
  return products;
}

http::Response dashboard(ApiContext& context, http::Request& request) {
  const auto principal = require_admin(context, request);
  static const auto accepted = with_filter_parameters({"top"});
  const QueryReader query(request.query, accepted);
  require_ready(context.engine);
  const auto filter = read_filter(query, context.engine, principal);
  const auto top = query.integer("top", 1, 100, 10);

  const auto result = context.engine.dashboard(filter.filter, static_cast<int>(top));

  return json_ok(dashboard_json(result, filter, context.engine.time_zone().name()));
}

http::Response products(ApiContext& context, http::Request& request) {
  const auto principal = require_admin(context, request);
  static const auto accepted = with_filter_parameters({"q", "sort", "order", "page", "page_size"});
  const QueryReader query(request.query, accepted);
  require_ready(context.engine);
  const auto filter = read_filter(query, context.engine, principal);
  auto product_query = read_product_query(query, filter);
  const auto page = query.integer("page", 1, 1'000'000, 1);
  const auto page_size = query.integer("page_size", 1, 500, 50);
  product_query.offset = static_cast<int>(page_offset(page, page_size));
  product_query.limit = static_cast<int>(page_size);

  const auto result = context.engine.products(product_query);

  json::array items;
  for (const auto& row : result.rows) {
    items.push_back(product_json(row));
  }
  auto body = page_json(std::move(items), page, page_size, result.total);
  body["filter"] = filter_json(filter);
  body["q"] = product_query.search;
  body["sort"] = query.single("sort").value_or("net_revenue");
  body["order"] = product_query.descending ? "desc" : "asc";
  return json_ok(body);
}

Table export_table(ApiContext& context, const QueryReader& query, DashboardTable table,
                   const ParsedFilter& filter) {
  if (table == DashboardTable::products) {
    auto product_query = read_product_query(query, filter);
    product_query.limit = kMaxExportRows;
    return products_table(context.engine.products(product_query));
  }
  const auto top = query.integer("top", 1, 100, 10);
  return dashboard_table(table, context.engine.dashboard(filter.filter, static_cast<int>(top)));
}

http::Response export_file(ApiContext& context, http::Request& request) {
  const auto principal = require_admin(context, request);
  static const auto accepted =
      with_filter_parameters({"table", "format", "top", "q", "sort", "order"});
  const QueryReader query(request.query, accepted);
  const auto table_text = query.single("table");
  const auto table = parse_table_name(table_text.value_or(""));
  if (!table) {
    throw http::invalid_parameter(
        "table", fmt::format("table must be one of {}, got {}", table_names(),
                             table_text ? http::quote_value(*table_text) : "nothing"));
  }
  const auto format = query.choice("format", {"csv", "xlsx"}, "csv");
  require_ready(context.engine);
  const auto filter = read_filter(query, context.engine, principal);

  const auto data = export_table(context, query, *table, filter);
  append_audit_entry(
      context, request, principal, "analytics.export", "table", std::string(table_name(*table)),
      json::object{
          {"format", format}, {"rows", data.rows.size()}, {"filter", filter_json(filter)}});

  http::Response response;
  const bool csv = format == "csv";
  response.body = csv ? write_csv(data) : xlsx_bytes(data, context.export_temp_directory);
  response.set_header("Content-Type",
                      csv ? "text/csv; charset=utf-8"
                          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"imagross-{}-{}-{}.{}\"",
                                  table_name(*table), format_iso_date(filter.filter.from_day),
                                  format_iso_date(filter.filter.to_day), format));
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response coverage(ApiContext& context, http::Request& request) {
  require_admin(context, request);
  const QueryReader query(request.query, {});
  require_ready(context.engine);
  return json_ok(coverage_json(context.engine.coverage(), context.engine.time_zone().name()));
}

// The stores with sales that the caller may see.
http::Response stores(ApiContext& context, http::Request& request) {
  const auto principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  require_ready(context.engine);
  json::array items;
  for (const auto& store : context.engine.stores()) {
    if (!may_see_store(principal, store.code)) {
      continue;
    }
    items.push_back(json::object{{"code", store.code}, {"name", store.name}});
  }
  return json_ok(json::object{{"items", std::move(items)}});
}

http::Response departments(ApiContext& context, http::Request& request) {
  require_admin(context, request);
  const QueryReader query(request.query, {});
  require_ready(context.engine);
  json::array items;
  for (const auto& department : context.engine.departments()) {
    items.push_back(json::object{{"name", department.name}});
  }
  return json_ok(json::object{{"items", std::move(items)}});
}

}  // namespace

void add_analytics_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions heavy;
  heavy.pool = http::Pool::heavy;
  http::RouteOptions light;
  light.pool = http::Pool::light;
  const auto bind = [&context](ContextHandler handler) { return bind_context(context, handler); };
  router.add("GET", "/api/v1/analytics/dashboard", bind(dashboard), heavy);
  router.add("GET", "/api/v1/analytics/products", bind(products), heavy);
  router.add("GET", "/api/v1/analytics/export", bind(export_file), heavy);
  router.add("GET", "/api/v1/analytics/coverage", bind(coverage), light);
  router.add("GET", "/api/v1/stores", bind(stores), light);
  router.add("GET", "/api/v1/departments", bind(departments), light);
}

}  // namespace imagross::api
