#include "http/testing/raw_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace imagross::http::testing {

RawClient::RawClient(uint16_t port, int timeout_ms) {
  socket_ = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("cannot connect to the test server");
  }
}

RawClient::~RawClient() {
  ::close(socket_);
}

void RawClient::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      return;
    }
    sent += static_cast<std::size_t>(n);
  }
}

bool RawClient::fill() {
  char chunk[16384];
  const auto n = ::recv(socket_, chunk, sizeof chunk, 0);
  if (n <= 0) {
    return false;
  }
  pending_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

namespace {

// Reads the status and header fields of a response head (without its final blank line).
RawResponse parse_head(const std::string& head) {
  RawResponse response;
  response.status = std::stoi(head.substr(9, 3));
  std::size_t line_start = head.find("\r\n");
  while (line_start != std::string::npos) {
    line_start += 2;
    const auto line_end = head.find("\r\n", line_start);
    const auto line = head.substr(line_start, line_end - line_start);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      const auto value_start = line.find_first_not_of(' ', colon + 1);
      response.headers[name] = value_start == std::string::npos ? "" : line.substr(value_start);
    }
    line_start = line_end;
  }
  return response;
}

}  // namespace

std::optional<RawResponse> RawClient::read_response(bool head_request) {
  std::size_t head_end;
  while ((head_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) {
      return std::nullopt;
    }
  }
  RawResponse response = parse_head(pending_.substr(0, head_end));
  pending_.erase(0, head_end + 4);
  if (response.status == 100) {
    return response;
  }

  const auto length_it = response.headers.find("content-length");
  const std::size_t length =
      (head_request || length_it == response.headers.end()) ? 0 : std::stoul(length_it->second);
  while (pending_.size() < length) {
    if (!fill()) {
      return std::nullopt;
    }
  }
  response.body = pending_.substr(0, length);
  pending_.erase(0, length);
  return response;
}

bool RawClient::closed_by_server() {
  char byte;
  return ::recv(socket_, &byte, 1, 0) == 0;
}

std::optional<RawResponse> get(uint16_t port, const std::string& target,
                               const std::string& extra_headers) {
  RawClient client(port);
  client.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra_headers + "\r\n");
  return client.read_response();
}

}  // namespace imagross::http::testing
