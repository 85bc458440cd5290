#include "ingest/encoding/text_decoder.h"

#include "ingest/encoding/utf8.h"
#include "ingest/encoding/windows1252.h"

namespace imagross::ingest {

size_t TextDecoder::decode(std::string& text) {
  if (is_ascii(text)) {
    return std::string::npos;
  }
  if (encoding_ == TextEncoding::utf8) {
    return find_invalid_utf8(text);
  }
  scratch_.clear();
  append_windows1252_as_utf8(text, scratch_);
  text.swap(scratch_);
  return std::string::npos;
}

}  // namespace imagross::ingest
