#pragma once

// The fields that one kind of import fills (a receipt line, a member), described as data: their
// canonical column names, the header names that exports use for them, which ones a file must
// have, and how messages explain them. Column mapping, mapping files and the detection of number
// and date styles read this table, so every import shares that code.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace imagross::ingest {

inline constexpr std::size_t kNoField = static_cast<std::size_t>(-1);

// The index of a field of an import's field enumeration (SalesField, MemberField).
template <typename Field>
requires std::is_enum_v<Field>
constexpr std::size_t field_index(Field field) {
  return static_cast<std::size_t>(field);
}

// A header name, folded by fold_header(), that stands for a field.
struct FieldSynonym {
  std::string_view folded;
  std::size_t field;
};

// A field that a file must have, or `alternative` in its place, and how the error describes
// what is missing.
struct RequiredField {
  std::size_t field;
  std::size_t alternative = kNoField;
  std::string_view description;
};

// A column for `preferred` leaves the column of `replaced` unused, such as a timestamp column
// beside separate date and time columns.
struct FieldPrecedence {
  std::size_t preferred;
  std::size_t replaced;
};

struct FieldMatch {
  std::size_t field;
  bool canonical;  // matched through the canonical name, not a synonym
};

struct FieldTable {
  std::span<const std::string_view> names;  // canonical column names, by field index
  std::span<const FieldSynonym> synonyms;
  std::span<const RequiredField> required;
  std::span<const FieldPrecedence> precedences;
  std::span<const std::size_t> never_constant;  // fields a mapping file cannot set as constants
  std::span<const std::size_t> number_fields;   // columns whose number style is detected
  std::span<const std::size_t> date_fields;     // columns whose date style is detected
  // A header counts as the canonical format only when this field has a column; kNoField: any
  // header of canonical names does.
  std::size_t canonical_needs = kNoField;
  // Text for the message about unmapped columns: an example mapping file and the presets.
  std::string_view mapping_example;
  std::string_view presets;
  bool cancellations = false;  // mapping files may set "cancellation_prefix"
  bool times = false;          // the fields hold times of day: mapping files may set "time_zone"

  std::size_t size() const { return names.size(); }
  std::string_view name(std::size_t field) const { return names[field]; }

  // The field whose canonical name is `name` (exact, as mapping files write it).
  std::optional<std::size_t> field_from_name(std::string_view name) const;

  // The field a header name stands for, through its canonical name or a synonym.
  std::optional<FieldMatch> match_header(std::string_view header) const;

  // The canonical names, comma separated, for messages.
  std::string name_list() const;
};

// A header name folded for matching: ASCII letters lower-cased, accented Latin letters written
// without their accent, everything but letters and digits dropped. "Quantità" and "QTA" both
// become "quantita"/"qta"; "Punto Vendita" becomes "puntovendita".
std::string fold_header(std::string_view header);

}  // namespace imagross::ingest
