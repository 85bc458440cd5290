#include "http/listen_address.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace imagross::http {
namespace {

Error invalid(std::string_view text, std::string_view reason) {
  return Error{"invalid_listen_address",
               "invalid listen address '" + std::string(text) + "': " + std::string(reason) +
                   "; expected HOST:PORT such as 127.0.0.1:8080 or [::1]:8080"};
}

bool is_loopback_v4(const in_addr& address) {
  return (ntohl(address.s_addr) >> 24) == 127;  // 127.0.0.0/8
}

}  // namespace

Result<ListenAddress> parse_listen_address(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return invalid(text, "the port is missing");
  }
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);

  unsigned port = 0;
  const auto [end, code] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || code != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return invalid(text, "the port must be a number from 0 to 65535");
  }

  const bool bracketed = host.size() >= 2 && host.front() == '[' && host.back() == ']';
  if (bracketed) {
    host = host.substr(1, host.size() - 2);
  }
  ListenAddress result;
  result.port = static_cast<uint16_t>(port);
  if (host == "localhost") {
    result.host = "127.0.0.1";
    result.loopback = true;
    return result;
  }
  result.host = std::string(host);
  in_addr v4{};
  in6_addr v6{};
  if (!bracketed && inet_pton(AF_INET, result.host.c_str(), &v4) == 1) {
    result.loopback = is_loopback_v4(v4);
  } else if (bracketed && inet_pton(AF_INET6, result.host.c_str(), &v6) == 1) {
    result.loopback = std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0;
  } else {
    return invalid(text, "the host must be a numeric IPv4 address, [IPv6] address or localhost");
  }
  return result;
}

}  // namespace imagross::http
