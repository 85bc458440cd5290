#pragma once

// UTF-8 validation and the byte order mark.

#include <cstddef>
#include <string>
#include <string_view>

namespace imagross::ingest {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// True when every byte of `text` is below 0x80.
bool is_ascii(std::string_view text);

// Returns the offset of the first byte of `text` that does not start or continue a valid UTF-8
// sequence, or std::string_view::npos when all of it is valid. Overlong forms, surrogates
// (U+D800 to U+DFFF), code points above U+10FFFF and sequences cut short count as invalid.
size_t find_invalid_utf8(std::string_view text);

// Describes the invalid byte at `offset` of `text` found in `place` (such as `column "name"`):
// the byte in hex, the text before it, and the advice to declare Windows-1252.
std::string invalid_utf8_message(std::string_view text, size_t offset, std::string_view place);

}  // namespace imagross::ingest
