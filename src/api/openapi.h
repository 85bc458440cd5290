#pragma once

#include <string_view>

namespace imagross::api {

// The OpenAPI 3.0 document of the API: src/api/openapi.json, compiled into the binary.
std::string_view openapi_document();

}  // namespace imagross::api
