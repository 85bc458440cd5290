#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace imagross::http {

// Serializes `value` as compact JSON. Unlike boost::json::serialize, which writes 123456.78 as
// "1.2345678E5", numbers come out in plain decimal notation, and a NaN or infinite double is
// written as null, so no response ever carries a value JSON cannot represent.
std::string to_json_text(const boost::json::value& value);

}  // namespace imagross::http
