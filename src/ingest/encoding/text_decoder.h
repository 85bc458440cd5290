#pragma once

// Turns the raw bytes of a field into UTF-8 according to the file's encoding.

#include <cstddef>
#include <string>

#include "ingest/record.h"

namespace imagross::ingest {

class TextDecoder {
 public:
  explicit TextDecoder(TextEncoding encoding) : encoding_(encoding) {}

  // Converts `text` to UTF-8 in place. Returns std::string::npos on success, or, for UTF-8
  // input, the offset of the first byte that is not valid UTF-8 (the text is then unchanged).
  // Windows-1252 input always converts. Reuses its own buffer, so it does not allocate once
  // warmed up.
  size_t decode(std::string& text);

  TextEncoding encoding() const { return encoding_; }

 private:
  TextEncoding encoding_;
  std::string scratch_;
};

}  // namespace imagross::ingest
