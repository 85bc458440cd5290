#include "http/metrics.h"

#include <fmt/format.h>

namespace imagross::http {

void RequestMetrics::record(std::string_view route, std::string_view method, int status,
                            double seconds) {
  const std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  auto it = latencies_.find(route);
  if (it == latencies_.end()) {
    it = latencies_.emplace(std::string(route), Histogram{}).first;
  }
  auto& histogram = it->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.counts[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void RequestMetrics::append_prometheus(std::string& out) const {
  const std::lock_guard lock(mutex_);
  auto sink = std::back_inserter(out);
  out += "# HELP imagross_http_requests_total HTTP requests completed, by route and status.\n";
  out += "# TYPE imagross_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    fmt::format_to(sink,
                   "imagross_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                   escape_label(route), escape_label(method), status, count);
  }
  out +=
      "# HELP imagross_http_request_duration_seconds Time from a request's head to the end of "
      "its response.\n";
  out += "# TYPE imagross_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latencies_) {
    const auto label = escape_label(route);
    int64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += histogram.counts[i];
      fmt::format_to(sink,
                     "imagross_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                     label, kBuckets[i], cumulative);
    }
    fmt::format_to(sink,
                   "imagross_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                   label, histogram.count);
    fmt::format_to(sink, "imagross_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                   histogram.sum);
    fmt::format_to(sink, "imagross_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                   histogram.count);
  }
}

std::string escape_label(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (const char c : value) {
    if (c == '\\' || c == '"') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace imagross::http
