#pragma once

// One field of an RFC 4180 CSV file, shared by every writer of CSV text.

#include <string>
#include <string_view>

namespace imagross {

// True when `field` must be written in double quotes: it contains a comma, a double quote or a
// line break, or starts or ends with a space that a reader might trim.
inline bool csv_field_needs_quotes(std::string_view field) {
  if (!field.empty() && (field.front() == ' ' || field.back() == ' ')) {
    return true;
  }
  // A plain loop: find_first_of would call memchr once per character of the field.
  for (const char character : field) {
    if (character == ',' || character == '"' || character == '\n' || character == '\r') {
      return true;
    }
  }
  return false;
}

// Appends `field` to `out`, quoted when needed, with inner double quotes doubled.
inline void append_csv_field(std::string& out, std::string_view field) {
  if (!csv_field_needs_quotes(field)) {
    out += field;
    return;
  }
  out += '"';
  for (const char character : field) {
    if (character == '"') {
      out += '"';
    }
    out += character;
  }
  out += '"';
}

}  // namespace imagross
