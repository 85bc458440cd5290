#pragma once

#include <string>
#include <string_view>

namespace imagross::http {

// True when a client's X-Request-Id may be used as ours: 1 to 64 characters of [A-Za-z0-9._-],
// so that it cannot break a log line or a header.
bool is_safe_request_id(std::string_view id);

// A new random request id of 16 hexadecimal digits. Thread-safe.
std::string generate_request_id();

// The client's id when it is safe, a new one otherwise.
std::string choose_request_id(std::string_view client_id);

}  // namespace imagross::http
