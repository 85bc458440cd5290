#pragma once

#include <string>
#include <string_view>

namespace imagross::http {

// Quotes a client's value for an error message: 'value', cut after 60 characters with "...",
// with control characters and bytes that are not UTF-8 written as \xNN. The result is always
// valid UTF-8, so a JSON body or a log line that carries it stays valid.
std::string quote_value(std::string_view value);

}  // namespace imagross::http
