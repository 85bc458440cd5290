#pragma once

// The routes of the HTTP API (docs/API.md) and of the web app's files.

#include <cstdint>
#include <filesystem>
#include <functional>

#include "analytics/sales_engine.h"
#include "api/import_service.h"
#include "auth/auth_service.h"
#include "http/metrics.h"
#include "http/router.h"
#include "storage/database.h"

namespace imagross::points {
class PointsService;
}  // namespace imagross::points

namespace imagross::api {

// What the handlers work with. Everything referred to must outlive the router.
struct ApiContext {
  Database& database;
  SalesEngine& engine;
  ImportService& imports;
  std::filesystem::path export_temp_directory = "data/tmp";  // XLSX files while they are built
  const http::RequestMetrics* request_metrics = nullptr;     // null when no server runs
  std::function<int64_t()> open_connections;                 // empty when no server runs
  // Signs callers in and checks their access tokens. Null only in tests of routes that need no
  // caller; every route that needs one then responds 401.
  auth::AuthService* auth = nullptr;
  // Awards, simulations and members' points views. Null only in tests of routes that use none;
  // the points routes then fail with 500.
  points::PointsService* points = nullptr;
};

// Adds every API route, and the web app in `web_directory` for every other GET.
void add_routes(http::Router& router, ApiContext& context,
                const std::filesystem::path& web_directory);

// The route groups add_routes is made of.
void add_analytics_routes(http::Router& router, ApiContext& context);
void add_auth_routes(http::Router& router, ApiContext& context);
void add_import_routes(http::Router& router, ApiContext& context);
void add_system_routes(http::Router& router, ApiContext& context);
void add_me_routes(http::Router& router, ApiContext& context);
void add_member_routes(http::Router& router, ApiContext& context);
void add_points_routes(http::Router& router, ApiContext& context);
void add_reward_routes(http::Router& router, ApiContext& context);
void add_pos_routes(http::Router& router, ApiContext& context);

}  // namespace imagross::api
