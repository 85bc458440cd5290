#include "http/request_id.h"

#include <algorithm>
#include <random>

#include <fmt/format.h>

namespace imagross::http {

bool is_safe_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

std::string generate_request_id() {
  // One generator per thread, seeded from the operating system, so ids from different threads
  // and different runs do not collide in practice.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("{:016x}", generator());
}

std::string choose_request_id(std::string_view client_id) {
  return is_safe_request_id(client_id) ? std::string(client_id) : generate_request_id();
}

}  // namespace imagross::http
