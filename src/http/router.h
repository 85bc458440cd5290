#pragma once

// Maps a method and a decoded path to a handler. Patterns are literal segments and "{name}"
// segments that match any one non-empty segment: "/api/v1/imports/{id}".

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace imagross::http {

// Returns the response, or throws HttpError for a request-ending client mistake.
using Handler = std::function<Response(Request&)>;

// Where a handler runs. Handlers that block or compute leave the I/O threads, so that they never
// delay the reading and writing of other connections. Heavy ones have a pool of their own, so
// that a queue of long queries never holds up short requests.
enum class Pool : uint8_t {
  io,     // on the I/O thread: for handlers that finish in microseconds
  light,  // short blocking work, such as a small database read
  heavy,  // queries and exports that compute over many rows
};

struct RouteOptions {
  Pool pool = Pool::io;
  // The body is written to a file as it arrives instead of being held in memory, and may be as
  // large as the server's upload limit.
  bool stream_body = false;
  // Streamed routes: checks the request line and headers before the body is read, so that a
  // bad request is refused before its body is sent. Throws HttpError.
  std::function<void(const Request&)> precheck;
  // Logs completed requests at debug level instead of info: for probes and scrapes.
  bool quiet = false;
};

struct Route {
  std::string method;
  std::string pattern;  // also the route's name in logs and metrics
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;
};

struct RouteMatch {
  int status = 404;              // 200 matched, 404 no such path, 405 path known but not the method
  const Route* route = nullptr;  // set when status is 200
  std::vector<std::pair<std::string, std::string>> path_params;
  std::string allow;  // 405: the methods the path accepts, for the Allow header
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  // Serves GET and HEAD requests whose path matches no route and starts with none of
  // `excluded_prefixes` (the web app's files and client-side routes).
  void set_fallback(Handler handler, std::vector<std::string> excluded_prefixes,
                    RouteOptions options = {});

  // HEAD is served by the GET route of the same path.
  RouteMatch match(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  Route fallback_;
  std::vector<std::string> excluded_prefixes_;
};

}  // namespace imagross::http
