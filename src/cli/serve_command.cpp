// `imagross serve`: opens the database, starts listening at once (liveness), loads the sales
// engine in the background (readiness), and serves the API and the web app until SIGINT or
// SIGTERM. Access tokens are signed with the secret in IMAGROSS_JWT_SECRET. Points are awarded
// after each import and once at start; expiry and tier review run at start and every hour.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "analytics/sales_engine.h"
#include "api/import_service.h"
#include "api/routes.h"
#include "auth/auth_service.h"
#include "auth/crypto.h"
#include "auth/message_sender.h"
#include "cli/commands.h"
#include "common/time_zone.h"
#include "http/listen_address.h"
#include "http/log_line.h"
#include "http/server.h"
#include "points/points_scheduler.h"
#include "points/points_service.h"
#include "storage/database.h"

namespace imagross::cli {
namespace {

using http::LogLine;

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string web_directory = "web/dist";
  std::string import_directory = "data/imports";
  std::string reject_directory = "data/rejects";
  int io_threads = 2;
  int light_threads = 2;
  int worker_threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
};

constexpr const char* kJwtSecretVariable = "IMAGROSS_JWT_SECRET";
// A secret generated for one run: 48 random bytes, base64url-encoded to 64 characters.
constexpr std::size_t kGeneratedSecretBytes = 48;

// The secret that signs access tokens, from IMAGROSS_JWT_SECRET. When the variable is unset and
// the server listens on loopback only, a random secret for this run is generated, so that a
// developer's first `imagross serve` works. Beyond loopback the variable is required, because
// sessions signed with a generated secret end at every restart.
Result<std::string> jwt_secret(const http::ListenAddress& address, const std::string& listen) {
  const char* value = std::getenv(kJwtSecretVariable);
  if (value != nullptr && *value != '\0') {
    std::string secret(value);
    if (secret.size() < auth::kMinJwtSecretBytes) {
      return Error{"jwt_secret_too_short",
                   fmt::format("{} has {} bytes but needs at least {}: set it to a random string "
                               "such as the output of `openssl rand -base64 48`",
                               kJwtSecretVariable, secret.size(), auth::kMinJwtSecretBytes)};
    }
    return secret;
  }
  if (!address.loopback) {
    return Error{"jwt_secret_missing",
                 fmt::format("refusing to listen on {} beyond loopback without {}: set it to a "
                             "random string of at least {} bytes (for example the output of "
                             "`openssl rand -base64 48`), the same at every start so that "
                             "sessions survive restarts",
                             listen, kJwtSecretVariable, auth::kMinJwtSecretBytes)};
  }
  spdlog::warn("{}", LogLine("jwt_secret_generated")
                         .add("reason", std::string(kJwtSecretVariable) + " is not set")
                         .add("effect", "every session ends when this server stops")
                         .str());
  return auth::random_token(kGeneratedSecretBytes);
}

// Loads the engine on a thread of its own. A failed load stops the server, because a server
// that can never become ready should not look alive.
std::thread start_loading(SalesEngine& engine, Database& database, http::Server& server,
                          std::atomic<bool>& failed) {
  return std::thread([&engine, &database, &server, &failed] {
    const auto started = std::chrono::steady_clock::now();
    try {
      engine.load(database);
    } catch (const std::exception& error) {
      spdlog::critical("{}", LogLine("engine_load_failed").add("error", error.what()).str());
      failed = true;
      server.stop();
      return;
    }
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - started;
    spdlog::info("{}", LogLine("server_ready")
                           .add("lines", engine.coverage().lines)
                           .add("load_ms", elapsed.count())
                           .add("engine_bytes", engine.memory_bytes())
                           .str());
  });
}

http::ServerConfig server_config(const ServeOptions& serve, const http::ListenAddress& address) {
  http::ServerConfig config;
  config.listen = address;
  config.io_threads = serve.io_threads;
  config.light_threads = serve.light_threads;
  config.worker_threads = serve.worker_threads;
  config.upload_directory = serve.import_directory;
  return config;
}

int serve(const GlobalOptions& global, const ServeOptions& serve) {
  const auto address = http::parse_listen_address(serve.listen);
  if (!address.ok()) {
    std::cerr << "imagross serve: " << address.error().message << "\n";
    return 2;
  }
  const auto secret = jwt_secret(*address, serve.listen);
  if (!secret.ok()) {
    std::cerr << "imagross serve: " << secret.error().message << "\n";
    return 2;
  }
  auth::AuthConfig auth_config;
  auth_config.card_policy = card_policy(global);
  const auto zone = TimeZone::load(global.time_zone);
  if (!zone.ok()) {
    std::cerr << "imagross serve: " << zone.error().message << "\n";
    return 2;
  }
  const auto database_directory = std::filesystem::path(global.database).parent_path();
  if (!database_directory.empty()) {
    std::filesystem::create_directories(database_directory);
  }
  const auto database = open_database(global.database);
  auth::OutboxSender sender(database->accounts());
  auth::AuthService auth(database->accounts(), database->members(), database->audit(), sender,
                         *secret, auth_config);
  SalesEngine engine(*zone);
  points::PointsService points(*database, *zone, &engine);
  // Set when the server stops, so that an awarding run after an import ends at its next chunk.
  std::atomic<bool> stopping{false};
  api::ImportServiceConfig import_config{
      serve.import_directory, serve.reject_directory, global.time_zone, {}};
  import_config.after_import = [&points, &stopping] {
    points::log_award_summary(points.award_pending([&stopping] { return stopping.load(); }),
                              "sales_import");
  };
  api::ImportService imports(*database, engine, import_config);
  if (const int recovered = imports.recover_interrupted(); recovered > 0) {
    spdlog::warn("{}", LogLine("imports_interrupted").add("count", recovered).str());
  }

  http::Router router;
  http::Server server(server_config(serve, *address), router);
  api::ApiContext context{
      *database,         engine,
      imports,           std::filesystem::temp_directory_path() / "imagross-exports",
      &server.metrics(), [&server] { return server.open_connections(); }};
  context.auth = &auth;
  context.points = &points;
  api::add_routes(router, context, serve.web_directory);
  server.set_stop_callback([&imports, &stopping] {
    stopping = true;
    imports.request_stop();
  });
  server.listen();
  spdlog::info("{}", LogLine("server_started")
                         .add("listen", serve.listen)
                         .add("port", server.port())
                         .add("database", global.database)
                         .add("web_dir", serve.web_directory)
                         .add("time_zone", global.time_zone)
                         .str());

  std::atomic<bool> load_failed{false};
  auto loader = start_loading(engine, *database, server, load_failed);
  points::PointsScheduler scheduler(points);
  scheduler.start();
  server.run();
  imports.request_stop();
  scheduler.stop();
  imports.join();
  loader.join();
  spdlog::info("{}", LogLine("server_stopped").str());
  return load_failed ? 1 : 0;
}

}  // namespace

void add_serve_command(CLI::App& app, GlobalOptions& options) {
  auto serve_options = std::make_shared<ServeOptions>();
  auto* command = app.add_subcommand("serve", "Serve the HTTP API and the web dashboard");
  command
      ->add_option("--listen", serve_options->listen,
                   "HOST:PORT to listen on, such as 0.0.0.0:8080 for every interface; an "
                   "address beyond loopback needs IMAGROSS_JWT_SECRET")
      ->capture_default_str();
  command
      ->add_option("--web-dir", serve_options->web_directory,
                   "folder of the built web app (index.html and assets/)")
      ->capture_default_str();
  command
      ->add_option("--import-dir", serve_options->import_directory,
                   "folder where uploaded files are stored and kept")
      ->capture_default_str();
  command
      ->add_option("--reject-dir", serve_options->reject_directory,
                   "folder of the reject reports of imports")
      ->capture_default_str();
  command
      ->add_option("--threads", serve_options->io_threads,
                   "threads reading and writing connections")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command
      ->add_option("--workers", serve_options->worker_threads,
                   "threads running dashboard queries and exports")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command
      ->add_option("--light-workers", serve_options->light_threads,
                   "threads running short blocking work (store lists, import records), apart "
                   "from the queries so that these never wait behind them")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->callback([&options, serve_options] {
    apply_global_options(options);
    options.exit_code = serve(options, *serve_options);
  });
}

}  // namespace imagross::cli
