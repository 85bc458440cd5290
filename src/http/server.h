#pragma once

// The HTTP/1.1 server: Boost.Beast on Asio C++20 coroutines, behind our own Request, Response
// and Router types so that only server.cpp compiles Beast.
//
// Connections are kept alive; each has read, idle and write timeouts and limits on the size of
// its header and body. Every response carries X-Request-Id (the client's when it is safe) and
// every log line of the request carries the same id. Handlers run on the I/O threads or on one
// of two worker pools, as set by their route's Pool.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

#include "http/listen_address.h"
#include "http/metrics.h"
#include "http/router.h"

namespace imagross::http {

// A streamed body is written to the upload directory as "upload-<request id>-<random>.part"
// while it arrives. A handler that keeps it moves it away; any other is removed afterwards.
inline constexpr std::string_view kPartialUploadPrefix = "upload-";
inline constexpr std::string_view kPartialUploadSuffix = ".part";

struct ServerConfig {
  ListenAddress listen{"127.0.0.1", 8080, true};
  int io_threads = 2;
  int light_threads = 2;   // the pool of Pool::light routes
  int worker_threads = 2;  // the pool of Pool::heavy routes
  // The time to read a request's head and body, from its first byte (streamed bodies excepted).
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  // How long a kept-alive connection may wait for its next request.
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(60)};
  std::chrono::milliseconds write_timeout{std::chrono::seconds(60)};
  // Streamed bodies: the longest pause allowed between two reads of the body.
  std::chrono::milliseconds upload_stall_timeout{std::chrono::seconds(60)};
  // After stop(), requests in flight have this long to finish before connections are closed.
  std::chrono::milliseconds shutdown_deadline{std::chrono::seconds(10)};
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  uint64_t upload_limit = uint64_t{4} << 30;  // 4 GiB
  std::filesystem::path upload_directory = "data/imports";
  bool handle_signals = true;  // stop gracefully on SIGINT and SIGTERM
};

class Server {
 public:
  // `router` must outlive the server.
  Server(ServerConfig config, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, so that connections queue from now on. Throws std::runtime_error that
  // names the address when it cannot.
  void listen();

  // The port listened on, useful when the configured port is 0.
  uint16_t port() const;

  // Serves until stop() or a signal, then stops gracefully: no new connections, idle ones
  // closed, requests in flight given until the shutdown deadline. Returns when all is closed.
  void run();

  // Starts the graceful stop. Thread-safe; later calls do nothing.
  void stop();

  // Called once, on an I/O thread, when the graceful stop starts. Must not block.
  void set_stop_callback(std::function<void()> callback);

  RequestMetrics& metrics();
  int64_t open_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace imagross::http
