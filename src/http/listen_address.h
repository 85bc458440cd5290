#pragma once

// The --listen address of the server: "HOST:PORT" with an IPv4 address, "[IPv6]:PORT", or
// "localhost:PORT".

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross::http {

struct ListenAddress {
  std::string host;   // a numeric IPv4 or IPv6 address, without brackets
  uint16_t port = 0;  // 0: any free port
  bool loopback = false;
};

// Parses and checks the address. Error code "invalid_listen_address" with a message that quotes
// the text and shows the expected form.
Result<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace imagross::http
