#pragma once

// Windows-1252 (the "ANSI" code page of Western European Windows) to UTF-8.

#include <string>
#include <string_view>

namespace imagross::ingest {

// Appends `text`, read as Windows-1252, to `out` as UTF-8. Every byte has a meaning: the five
// bytes that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control
// characters of the same value, as the WHATWG Encoding Standard specifies.
void append_windows1252_as_utf8(std::string_view text, std::string& out);

}  // namespace imagross::ingest
