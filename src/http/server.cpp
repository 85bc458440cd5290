#include "http/server.h"

#include <atomic>
#include <csignal>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/errors.h"
#include "http/log_line.h"
#include "http/quote.h"
#include "http/request_id.h"

namespace imagross::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// Completion token that returns (error_code, result...) instead of throwing.
constexpr auto use_tuple = asio::experimental::as_tuple(asio::use_awaitable);

// The error body for failures found before a handler runs.
Response server_error(int status, std::string_view code, std::string_view message) {
  return error_response(status, code, message);
}

Response body_too_large(uint64_t limit) {
  return server_error(
      413, "body_too_large",
      "the request body is larger than the limit of " + std::to_string(limit) + " bytes");
}

// True when the declared Content-Length exceeds `limit`. Chunked bodies are checked as they
// arrive, by the parser's own body limit.
bool too_large(const bhttp::request_parser<bhttp::empty_body>& head, uint64_t limit) {
  const auto length = head.content_length();
  return length && *length > limit;
}

// Runs a handler and maps what it throws to a response: this is the one place where typed
// errors become HTTP statuses.
Response invoke_handler(const Route& route, Request& request) {
  try {
    return route.handler(request);
  } catch (const HttpError& error) {
    return error_response(error);
  } catch (const std::exception& error) {
    spdlog::error("{}", LogLine("handler_failed")
                            .add("request_id", request.request_id)
                            .add("route", route.pattern)
                            .add("error", error.what())
                            .str());
    return error_response(500, "internal_error",
                          "the server failed to handle the request; quote request id " +
                              request.request_id + " when reporting it");
  }
}

// Runs `work` on `pool` and resumes the calling coroutine on its own executor afterwards.
asio::awaitable<Response> run_on(asio::thread_pool& pool, std::function<Response()> work) {
  auto initiate = [&pool, work = std::move(work)](auto handler) mutable {
    asio::post(pool, [handler = std::move(handler), work = std::move(work)]() mutable {
      Response response = work();
      auto executor = asio::get_associated_executor(handler);
      asio::post(executor,
                 [handler = std::move(handler), response = std::move(response)]() mutable {
                   handler(std::move(response));
                 });
    });
  };
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
      std::move(initiate), asio::use_awaitable);
}

void copy_headers(const Response& from, bhttp::fields& to) {
  for (const auto& [name, value] : from.headers) {
    to.set(name, value);
  }
}

// Converts our response to a Beast message. A HEAD request gets the headers of the GET response,
// Content-Length included, and no body.
bhttp::message_generator to_message(Response& response, unsigned version, bool keep_alive,
                                    bool head_only) {
  if (!response.file.empty()) {
    beast::error_code error;
    bhttp::file_body::value_type file;
    file.open(response.file.c_str(), beast::file_mode::scan, error);
    if (error) {
      response = server_error(404, "not_found", "the file is no longer available");
    } else if (!head_only) {
      bhttp::response<bhttp::file_body> message{static_cast<bhttp::status>(response.status),
                                                version};
      copy_headers(response, message);
      message.body() = std::move(file);
      message.prepare_payload();
      message.keep_alive(keep_alive);
      return message;
    } else {
      response.body.clear();
      bhttp::response<bhttp::empty_body> message{static_cast<bhttp::status>(response.status),
                                                 version};
      copy_headers(response, message);
      message.content_length(file.size());
      message.keep_alive(keep_alive);
      return message;
    }
  }
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
  copy_headers(response, message);
  message.content_length(response.body.size());
  if (!head_only) {
    message.body() = std::move(response.body);
  }
  message.keep_alive(keep_alive);
  return message;
}

// Completion of a connection's coroutine: a fault that escaped it ends only that connection.
void log_connection_failure(const std::exception_ptr& failure) {
  if (!failure) {
    return;
  }
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& error) {
    spdlog::error("{}", LogLine("connection_failed").add("error", error.what()).str());
  }
}

bool is_quiet_close(const beast::error_code& error) {
  return error == bhttp::error::end_of_stream || error == asio::error::operation_aborted ||
         error == beast::error::timeout || error == asio::error::connection_reset ||
         error == asio::error::eof || error == asio::error::broken_pipe;
}

}  // namespace

struct Server::Impl {
  class Connection;

  Impl(ServerConfig config_in, const Router& router_in)
      : config(std::move(config_in)),
        router(router_in),
        io(config.io_threads),
        light_workers(static_cast<std::size_t>(config.light_threads)),
        workers(static_cast<std::size_t>(config.worker_threads)),
        acceptor(io),
        deadline(io),
        signals(io) {}

  asio::awaitable<void> accept_loop();
  void begin_stop();
  void add_connection(const std::shared_ptr<Connection>& connection);
  void remove_connection(Connection* connection);
  std::size_t connection_count() const;

  ServerConfig config;
  const Router& router;
  asio::io_context io;
  asio::thread_pool light_workers;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::steady_timer deadline;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::function<void()> stop_callback;
  RequestMetrics metrics;

  mutable std::mutex connections_mutex;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
};

// One client connection: reads requests one after another and writes each response in order.
class Server::Impl::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {
    beast::error_code error;
    const auto endpoint = stream_.socket().remote_endpoint(error);
    remote_ = error ? "unknown" : endpoint.address().to_string();
  }

  static asio::awaitable<void> serve(std::shared_ptr<Connection> self);

  // Closes the connection when it waits for a request; one busy with a request closes itself
  // after sending its response. Runs on the connection's strand.
  void close_if_idle() {
    if (idle_) {
      stream_.cancel();
    }
  }

  asio::any_io_executor executor() { return stream_.get_executor(); }

 private:
  struct Exchange {
    Request request;
    Response response;
    const Route* route = nullptr;
    bool keep_alive = false;
    unsigned version = 11;
    bool head_only = false;
  };

  asio::awaitable<bool> serve_one(bool first);
  asio::awaitable<bool> read_body(bhttp::request_parser<bhttp::empty_body>& head,
                                  Exchange& exchange);
  asio::awaitable<bool> read_streamed_body(bhttp::request_parser<bhttp::empty_body>& head,
                                           Exchange& exchange);
  asio::awaitable<void> dispatch(Exchange& exchange);
  asio::awaitable<void> reply(Exchange& exchange, Clock::time_point started);
  asio::awaitable<void> reply_to_read_error(const beast::error_code& error);
  void prepare_request(const bhttp::request_parser<bhttp::empty_body>& head, Exchange& exchange);
  void log_exchange(const Exchange& exchange, double seconds) const;

  Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string remote_;
  bool idle_ = false;
};

asio::awaitable<void> Server::Impl::Connection::serve(std::shared_ptr<Connection> self) {
  for (bool first = true; !self->server_.stopping; first = false) {
    if (!co_await self->serve_one(first)) {
      break;
    }
  }
  beast::error_code ignored;
  self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  self->stream_.close();
  self->server_.remove_connection(self.get());
}

// Reads and handles one request and writes its response. Returns whether the connection stays open.
asio::awaitable<bool> Server::Impl::Connection::serve_one(bool first) {
  const auto& config = server_.config;
  bhttp::request_parser<bhttp::empty_body> head;
  head.header_limit(static_cast<std::uint32_t>(config.header_limit));
  // Beast checks a Content-Length against the limit only while reading the head, before the
  // route is known, so the head is read with the largest limit and each route's limit is
  // checked afterwards (too_large).
  head.body_limit(config.upload_limit);
  stream_.expires_after(first ? config.read_timeout : config.idle_timeout);
  idle_ = true;
  auto [error, bytes] = co_await bhttp::async_read_header(stream_, buffer_, head, use_tuple);
  idle_ = false;
  if (error) {
    co_await reply_to_read_error(error);
    co_return false;
  }

  const auto started = Clock::now();
  Exchange exchange;
  prepare_request(head, exchange);
  bool body_read = false;
  if (exchange.response.status == 200 && exchange.route != nullptr &&
      exchange.route->options.stream_body) {
    body_read = co_await read_streamed_body(head, exchange);
  } else {
    body_read = co_await read_body(head, exchange);
  }
  if (!body_read) {
    exchange.keep_alive = false;
  } else if (exchange.route != nullptr && exchange.response.status == 200) {
    co_await dispatch(exchange);
  }
  if (exchange.response.status == 0) {
    co_return false;  // the connection failed while reading; no response can be sent
  }
  co_await reply(exchange, started);
  co_return exchange.keep_alive && !server_.stopping;
}

// Fills in the request from its head and finds its route. Leaves an error response in
// `exchange.response` when the request cannot be routed.
void Server::Impl::Connection::prepare_request(const bhttp::request_parser<bhttp::empty_body>& head,
                                               Exchange& exchange) {
  const auto& message = head.get();
  auto& request = exchange.request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.remote_address = remote_;
  for (const auto& field : message) {
    request.headers.add(std::string(field.name_string()), std::string(field.value()));
  }
  request.request_id = choose_request_id(request.headers.find("X-Request-Id").value_or(""));
  exchange.version = message.version();
  exchange.keep_alive = message.keep_alive();
  exchange.head_only = message.method() == bhttp::verb::head;

  auto target = parse_target(request.target);
  if (!target) {
    exchange.response =
        server_error(400, "invalid_target", "the request target is not a valid path and query");
    return;
  }
  request.path = std::move(target->path);
  request.query = std::move(target->query);

  auto match = server_.router.match(request.method, request.path);
  if (match.status == 404) {
    exchange.response = server_error(404, "not_found", "no route for " + quote_value(request.path));
  } else if (match.status == 405) {
    exchange.response = server_error(405, "method_not_allowed",
                                     request.method + " is not allowed on " +
                                         quote_value(request.path) + "; allowed: " + match.allow);
    exchange.response.set_header("Allow", match.allow);
  } else {
    exchange.route = match.route;
    request.path_params = std::move(match.path_params);
  }
}

// Reads a body into memory, up to the body limit. Returns false when the connection must close.
asio::awaitable<bool> Server::Impl::Connection::read_body(
    bhttp::request_parser<bhttp::empty_body>& head, Exchange& exchange) {
  if (head.is_done()) {
    co_return true;
  }
  if (too_large(head, server_.config.body_limit)) {
    if (exchange.response.status == 200) {
      exchange.response = body_too_large(server_.config.body_limit);
    }
    co_return false;
  }
  bhttp::request_parser<bhttp::string_body> parser{std::move(head)};
  parser.body_limit(server_.config.body_limit);
  stream_.expires_after(server_.config.read_timeout);
  auto [error, bytes] = co_await bhttp::async_read(stream_, buffer_, parser, use_tuple);
  if (error == bhttp::error::body_limit) {
    exchange.response = body_too_large(server_.config.body_limit);
    co_return false;
  }
  if (error) {
    exchange.response.status = 0;
    co_return false;
  }
  exchange.request.body = std::move(parser.get().body());
  exchange.request.body_size = exchange.request.body.size();
  co_return true;
}

// Writes a body to a file in the upload directory as it arrives, after the route's precheck.
asio::awaitable<bool> Server::Impl::Connection::read_streamed_body(
    bhttp::request_parser<bhttp::empty_body>& head, Exchange& exchange) {
  const auto& config = server_.config;
  auto& request = exchange.request;
  if (exchange.route->options.precheck) {
    try {
      exchange.route->options.precheck(request);
    } catch (const HttpError& error) {
      exchange.response = error_response(error);
      co_return head.is_done();
    }
  }

  if (too_large(head, config.upload_limit)) {
    exchange.response = body_too_large(config.upload_limit);
    co_return false;
  }

  std::error_code fs_error;
  std::filesystem::create_directories(config.upload_directory, fs_error);
  request.body_file =
      config.upload_directory / (std::string(kPartialUploadPrefix) + request.request_id + "-" +
                                 generate_request_id() + std::string(kPartialUploadSuffix));
  bhttp::request_parser<bhttp::file_body> parser{std::move(head)};
  parser.body_limit(config.upload_limit);
  beast::error_code error;
  parser.get().body().open(request.body_file.c_str(), beast::file_mode::write, error);
  if (error) {
    spdlog::error("{}", LogLine("upload_open_failed")
                            .add("request_id", request.request_id)
                            .add("file", request.body_file.string())
                            .add("error", error.message())
                            .str());
    exchange.response = server_error(500, "upload_failed", "the server cannot store the upload");
    co_return false;
  }

  if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
    bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, exchange.version};
    stream_.expires_after(config.write_timeout);
    co_await bhttp::async_write(stream_, proceed, use_tuple);
  }
  while (!parser.is_done()) {
    stream_.expires_after(config.upload_stall_timeout);
    std::tie(error, std::ignore) =
        co_await bhttp::async_read_some(stream_, buffer_, parser, use_tuple);
    if (error) {
      break;
    }
  }
  parser.get().body().close();
  if (error == bhttp::error::body_limit) {
    exchange.response = body_too_large(config.upload_limit);
  } else if (error) {
    exchange.response.status = 0;
  }
  if (error) {
    std::filesystem::remove(request.body_file, fs_error);
    co_return false;
  }
  request.body_size = std::filesystem::file_size(request.body_file, fs_error);
  co_return true;
}

asio::awaitable<void> Server::Impl::Connection::dispatch(Exchange& exchange) {
  const Route& route = *exchange.route;
  const auto work = [&route, &exchange] { return invoke_handler(route, exchange.request); };
  if (route.options.pool == Pool::heavy) {
    exchange.response = co_await run_on(server_.workers, work);
  } else if (route.options.pool == Pool::light) {
    exchange.response = co_await run_on(server_.light_workers, work);
  } else {
    exchange.response = invoke_handler(route, exchange.request);
  }
  if (!exchange.request.body_file.empty()) {
    // A handler that keeps the upload moves it away; whatever is left is removed.
    std::error_code ignored;
    std::filesystem::remove(exchange.request.body_file, ignored);
  }
}

asio::awaitable<void> Server::Impl::Connection::reply(Exchange& exchange,
                                                      Clock::time_point started) {
  auto& response = exchange.response;
  response.set_header("X-Request-Id", exchange.request.request_id);
  response.set_header("X-Content-Type-Options", "nosniff");
  const bool keep_alive = exchange.keep_alive && !server_.stopping;
  exchange.keep_alive = keep_alive;
  auto message = to_message(response, exchange.version, keep_alive, exchange.head_only);
  const int status = response.status;
  stream_.expires_after(server_.config.write_timeout);
  auto [error, bytes] = co_await beast::async_write(stream_, std::move(message), use_tuple);
  if (error) {
    exchange.keep_alive = false;
  }

  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  server_.metrics.record(exchange.route != nullptr ? exchange.route->pattern : "unmatched",
                         exchange.request.method, status, seconds);
  log_exchange(exchange, seconds);
}

// Sends an error response to a request whose head could not be read, unless the connection
// is already gone.
asio::awaitable<void> Server::Impl::Connection::reply_to_read_error(
    const beast::error_code& error) {
  if (is_quiet_close(error) || buffer_.size() == 0) {
    co_return;
  }
  Exchange exchange;
  exchange.request.request_id = generate_request_id();
  exchange.request.method = "-";
  if (error == bhttp::error::body_limit) {
    exchange.response = body_too_large(server_.config.upload_limit);
  } else if (error == bhttp::error::header_limit) {
    exchange.response = server_error(431, "header_too_large",
                                     "the request head is larger than " +
                                         std::to_string(server_.config.header_limit) + " bytes");
  } else {
    exchange.response = server_error(400, "malformed_request",
                                     "the request is not valid HTTP/1.1: " + error.message());
  }
  co_await reply(exchange, Clock::now());
}

void Server::Impl::Connection::log_exchange(const Exchange& exchange, double seconds) const {
  const int status = exchange.response.status;
  // A 503 goes to requests that arrive while the engine loads: expected, so not an error.
  const bool fault = status >= 500 && status != 503;
  const bool quiet =
      exchange.route != nullptr && exchange.route->options.quiet && (status < 400 || status == 503);
  const auto level = fault   ? spdlog::level::err
                     : quiet ? spdlog::level::debug
                             : spdlog::level::info;
  if (!spdlog::should_log(level)) {
    return;
  }
  const auto& request = exchange.request;
  spdlog::log(level, "{}",
              LogLine("request")
                  .add("request_id", request.request_id)
                  .add("method", request.method)
                  .add("path", request.path)
                  .add("route", exchange.route != nullptr ? exchange.route->pattern : "-")
                  .add("status", status)
                  .add("duration_ms", seconds * 1000.0)
                  .add("remote", remote_)
                  .str());
}

asio::awaitable<void> Server::Impl::accept_loop() {
  while (!stopping) {
    auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), use_tuple);
    if (error == asio::error::operation_aborted || !acceptor.is_open()) {
      co_return;
    }
    if (error) {
      spdlog::warn("{}", LogLine("accept_failed").add("error", error.message()).str());
      // Out of file descriptors: wait for connections to close instead of spinning.
      asio::steady_timer pause(io, std::chrono::milliseconds(100));
      co_await pause.async_wait(use_tuple);
      continue;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto connection = std::make_shared<Connection>(*this, std::move(socket));
    add_connection(connection);
    asio::co_spawn(connection->executor(), Connection::serve(connection), log_connection_failure);
  }
}

void Server::Impl::add_connection(const std::shared_ptr<Connection>& connection) {
  const std::lock_guard lock(connections_mutex);
  connections.emplace(connection.get(), connection);
}

void Server::Impl::remove_connection(Connection* connection) {
  const std::lock_guard lock(connections_mutex);
  connections.erase(connection);
  if (stopping && connections.empty()) {
    deadline.cancel();
    io.stop();
  }
}

std::size_t Server::Impl::connection_count() const {
  const std::lock_guard lock(connections_mutex);
  return connections.size();
}

void Server::Impl::begin_stop() {
  if (stopping.exchange(true)) {
    return;
  }
  asio::post(io, [this] {
    beast::error_code ignored;
    acceptor.close(ignored);
    if (stop_callback) {
      stop_callback();
    }
    const std::lock_guard lock(connections_mutex);
    spdlog::info("{}", LogLine("server_stopping")
                           .add("open_connections", connections.size())
                           .add("deadline_ms", config.shutdown_deadline.count())
                           .str());
    if (connections.empty()) {
      io.stop();
      return;
    }
    for (const auto& [pointer, weak] : connections) {
      if (auto connection = weak.lock()) {
        asio::post(connection->executor(), [connection] { connection->close_if_idle(); });
      }
    }
    deadline.expires_after(config.shutdown_deadline);
    deadline.async_wait([this](const beast::error_code& error) {
      if (error) {
        return;
      }
      spdlog::warn(
          "{}",
          LogLine("shutdown_deadline_passed").add("open_connections", connection_count()).str());
      io.stop();
    });
  });
}

Server::Server(ServerConfig config, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(config), router)) {}

Server::~Server() {
  impl_->io.stop();
  impl_->light_workers.join();
  impl_->workers.join();
}

void Server::listen() {
  const auto& address = impl_->config.listen;
  beast::error_code error;
  const auto ip = asio::ip::make_address(address.host, error);
  const tcp::endpoint endpoint{ip, address.port};
  auto& acceptor = impl_->acceptor;
  if (!error) {
    acceptor.open(endpoint.protocol(), error);
  }
  if (!error) {
    acceptor.set_option(asio::socket_base::reuse_address(true), error);
  }
  if (!error) {
    acceptor.bind(endpoint, error);
  }
  if (!error) {
    acceptor.listen(asio::socket_base::max_listen_connections, error);
  }
  if (error) {
    throw std::runtime_error("cannot listen on " + address.host + ":" +
                             std::to_string(address.port) + ": " + error.message());
  }
}

uint16_t Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  auto& impl = *impl_;
  if (impl.config.handle_signals) {
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](const beast::error_code& error, int signal) {
      if (error) {
        return;
      }
      spdlog::info("{}", LogLine("signal_received").add("signal", signal).str());
      impl.begin_stop();
    });
  }
  asio::co_spawn(impl.io, impl.accept_loop(), asio::detached);

  std::vector<std::thread> threads;
  for (int i = 1; i < impl.config.io_threads; ++i) {
    threads.emplace_back([&impl] { impl.io.run(); });
  }
  impl.io.run();
  for (auto& thread : threads) {
    thread.join();
  }
  beast::error_code ignored;
  impl.signals.cancel(ignored);
  impl.light_workers.join();
  impl.workers.join();
}

void Server::stop() {
  impl_->begin_stop();
}

void Server::set_stop_callback(std::function<void()> callback) {
  impl_->stop_callback = std::move(callback);
}

RequestMetrics& Server::metrics() {
  return impl_->metrics;
}

int64_t Server::open_connections() const {
  return static_cast<int64_t>(impl_->connection_count());
}

}  // namespace imagross::http
