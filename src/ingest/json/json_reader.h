#pragma once

// The RecordReader of JSON files: an array of objects, or JSON Lines (one object per line).
//
// Each object is one record. The header lists keys in the order they are first seen: the keys
// of the first object, then each new key as a later object introduces it. A record's fields
// line up with header() as it is when next() returns, and a key that an object lacks is an
// empty field. Strings are unescaped, and numbers keep their exact text: "0.10" stays "0.10",
// and a 20-digit card number is not rounded through a double. Booleans are "true" and "false",
// null is an empty field, and a nested object or array is its JSON text.
//
// A malformed object is a record with an error, and reading goes on with the next object. In an
// array that is possible only while the brackets balance: a broken structure (an unbalanced
// bracket, text between elements, a truncated file) throws ReadError, because the start of the
// next object cannot be found. JSON Lines can always go on at the next line.

#include <memory>
#include <string>

#include "common/result.h"
#include "ingest/record.h"
#include "ingest/source/input_buffer.h"

namespace imagross::ingest {

// Opens a JSON reader over `input`, positioned after any byte order mark. The first non-blank
// byte decides the layout: '[' for an array, '{' for JSON Lines. Reads the first object to fill
// the header. Errors: "unknown_format" when the text starts otherwise, "empty_file" when there
// is no object, "invalid_header" when the first element is not a valid object.
Result<std::unique_ptr<RecordReader>> open_json_reader(std::unique_ptr<InputBuffer> input,
                                                       const std::string& path,
                                                       TextEncoding encoding);

}  // namespace imagross::ingest
