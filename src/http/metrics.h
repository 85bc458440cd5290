#pragma once

// Request counters and latency histograms of the server, in the Prometheus text format.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace imagross::http {

class RequestMetrics {
 public:
  // Records one completed request. `route` is the route's pattern ("unmatched" for none), so
  // that the number of series stays bounded whatever paths clients send. Thread-safe.
  void record(std::string_view route, std::string_view method, int status, double seconds);

  // Appends imagross_http_requests_total and imagross_http_request_duration_seconds.
  void append_prometheus(std::string& out) const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1.0,  2.5,   10.0};
  struct Histogram {
    std::array<int64_t, kBuckets.size()> counts{};  // not cumulative; summed when written
    int64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, int64_t> requests_;
  std::map<std::string, Histogram, std::less<>> latencies_;
};

// Escapes a Prometheus label value: backslash, double quote and newline.
std::string escape_label(std::string_view value);

}  // namespace imagross::http
