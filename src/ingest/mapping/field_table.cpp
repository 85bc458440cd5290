#include "ingest/mapping/field_table.h"

#include <algorithm>

namespace imagross::ingest {
namespace {

// ASCII letters for the code points U+00C0..U+00FF (Latin-1 letters with accents); '-' marks
// symbols such as U+00D7 (multiplication sign) that fold_header() drops.
constexpr std::string_view kLatin1Folded =
    "aaaaaaaceeeeiiiidnooooo-ouuuuy-saaaaaaaceeeeiiiidnooooo-ouuuuy-y";

void append_folded(std::string& out, char c) {
  if (c >= 'A' && c <= 'Z') {
    out += static_cast<char>(c - 'A' + 'a');
  } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
    out += c;
  }
}

}  // namespace

std::optional<std::size_t> FieldTable::field_from_name(std::string_view name) const {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(found - names.begin());
}

std::optional<FieldMatch> FieldTable::match_header(std::string_view header) const {
  const std::string folded = fold_header(header);
  if (folded.empty()) {
    return std::nullopt;
  }
  for (std::size_t field = 0; field < names.size(); ++field) {
    if (folded == fold_header(names[field])) {
      return FieldMatch{field, true};
    }
  }
  for (const auto& [synonym, field] : synonyms) {
    if (folded == synonym) {
      return FieldMatch{field, false};
    }
  }
  return std::nullopt;
}

std::string FieldTable::name_list() const {
  std::string list;
  for (const std::string_view name : names) {
    list += list.empty() ? "" : ", ";
    list += name;
  }
  return list;
}

std::string fold_header(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto byte = static_cast<unsigned char>(header[i]);
    // UTF-8 encodes U+00C0..U+00FF as 0xC3 followed by 0x80..0xBF.
    if (byte == 0xC3 && i + 1 < header.size()) {
      const auto next = static_cast<unsigned char>(header[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        append_folded(out, kLatin1Folded[next - 0x80u]);
        ++i;
        continue;
      }
    }
    append_folded(out, header[i]);
  }
  return out;
}

}  // namespace imagross::ingest
