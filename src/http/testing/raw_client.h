#pragma once

// A blocking HTTP/1.1 client over a plain socket for the server's tests: it sends exactly the
// bytes a test writes, so tests can send malformed or partial requests.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace imagross::http::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

class RawClient {
 public:
  // Connects to 127.0.0.1:`port`; every read gives up after `timeout_ms`.
  explicit RawClient(uint16_t port, int timeout_ms = 5000);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void send(const std::string& bytes);
  // Reads one response (Content-Length bodies only); nullopt when the connection closed or the
  // read timed out first.
  std::optional<RawResponse> read_response(bool head_request = false);
  // True when the server closed the connection (a read returns end of file).
  bool closed_by_server();

 private:
  bool fill();

  int socket_ = -1;
  std::string pending_;
};

// Sends one GET request on a new connection and reads the response.
std::optional<RawResponse> get(uint16_t port, const std::string& target,
                               const std::string& extra_headers = "");

}  // namespace imagross::http::testing
