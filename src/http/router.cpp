#include "http/router.h"

#include <algorithm>
#include <cassert>

namespace imagross::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const Route& route, const std::vector<std::string>& segments,
             std::vector<std::pair<std::string, std::string>>& params) {
  if (route.segments.size() != segments.size()) {
    return false;
  }
  params.clear();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& expected = route.segments[i];
    if (is_parameter(expected)) {
      if (segments[i].empty()) {
        return false;
      }
      params.emplace_back(expected.substr(1, expected.size() - 2), segments[i]);
    } else if (expected != segments[i]) {
      return false;
    }
  }
  return true;
}

void add_allowed(std::string& allow, std::string_view method) {
  if (allow.find(method) != std::string::npos) {
    return;
  }
  if (!allow.empty()) {
    allow += ", ";
  }
  allow += method;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  assert(!pattern.empty() && pattern.front() == '/');
  auto segments = split_path(pattern);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler),
                          std::move(options), std::move(segments)});
}

void Router::set_fallback(Handler handler, std::vector<std::string> excluded_prefixes,
                          RouteOptions options) {
  fallback_ = Route{"GET", "/*", std::move(handler), std::move(options), {}};
  excluded_prefixes_ = std::move(excluded_prefixes);
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') {
    return result;
  }
  const auto wanted = method == "HEAD" ? std::string_view("GET") : method;
  const auto segments = split_path(path);
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& route : routes_) {
    if (!matches(route, segments, params)) {
      continue;
    }
    if (route.method == wanted) {
      result.status = 200;
      result.route = &route;
      result.path_params = std::move(params);
      return result;
    }
    result.status = 405;
    add_allowed(result.allow, route.method);
    if (route.method == "GET") {
      add_allowed(result.allow, "HEAD");
    }
  }
  if (result.status == 405 || !fallback_.handler) {
    return result;
  }
  const bool excluded = std::any_of(excluded_prefixes_.begin(), excluded_prefixes_.end(),
                                    [&](const auto& prefix) { return path.starts_with(prefix); });
  if (excluded) {
    return result;
  }
  if (wanted != "GET") {
    result.status = 405;
    result.allow = "GET, HEAD";
    return result;
  }
  result.status = 200;
  result.route = &fallback_;
  return result;
}

}  // namespace imagross::http
