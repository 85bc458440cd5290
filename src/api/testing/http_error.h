#pragma once

// Catches the http::HttpError a call throws, so that a test can check its status, code and
// parameter one by one.

#include <gtest/gtest.h>

#include "http/errors.h"

namespace imagross::api::testing {

template <typename Call>
http::HttpError error_of(Call call) {
  try {
    call();
  } catch (const http::HttpError& error) {
    return error;
  }
  ADD_FAILURE() << "expected an HttpError";
  return http::HttpError(0, "", "");
}

}  // namespace imagross::api::testing
