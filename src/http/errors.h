#pragma once

// The request-ending failure of every handler. The server maps it to a response in one place
// (error_response in http/response.h); anything else a handler throws is a server fault (500).

#include <cstdint>
#include <stdexcept>
#include <string>

namespace imagross::http {

class HttpError : public std::runtime_error {
 public:
  // `code` is stable and machine-readable (snake_case); `message` is for people and names the
  // value at fault; `parameter` names the query parameter at fault, empty when none is.
  HttpError(int status, std::string code, const std::string& message, std::string parameter = {})
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        parameter_(std::move(parameter)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& parameter() const { return parameter_; }

  // Sets the Retry-After seconds of a 429 or 503 response; 0 leaves the default.
  HttpError& with_retry_after(int64_t seconds) {
    retry_after_seconds_ = seconds;
    return *this;
  }
  int64_t retry_after_seconds() const { return retry_after_seconds_; }

 private:
  int status_;
  std::string code_;
  std::string parameter_;
  int64_t retry_after_seconds_ = 0;
};

// 400 invalid_parameter for one query parameter.
inline HttpError invalid_parameter(std::string parameter, const std::string& message) {
  return HttpError(400, "invalid_parameter", message, std::move(parameter));
}

inline HttpError not_found(const std::string& message) {
  return HttpError(404, "not_found", message);
}

}  // namespace imagross::http
