#pragma once

// Which column of a file fills which field of an import's records. A MappingSpec is the layout
// that a preset or a mapping file describes, and resolve_columns() applies it to a file's header.
// The fields come from a FieldTable: the receipt line's (the default) or the member's.

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "common/result.h"
#include "ingest/convert/date_time.h"
#include "ingest/import_options.h"
#include "ingest/mapping/field_table.h"
#include "ingest/mapping/sales_field.h"

namespace imagross::ingest {

// A layout given by a preset or a mapping file. Everything is optional.
struct MappingSpec {
  explicit MappingSpec(const FieldTable& table = sales_field_table());

  const FieldTable* fields;
  std::string origin;  // "preset online-retail", "mapping file x.json": for messages
  // Field -> the file's column name. Each named column must exist in the file.
  std::vector<std::optional<std::string>> columns;
  // Field -> a value used for every record, such as the store code of a single-store file.
  std::vector<std::optional<std::string>> constants;
  // Fields left unmapped are matched by header name (canonical names and known synonyms).
  bool match_headers = true;
  bool canonical_names_only = false;  // with match_headers: accept only the canonical names
  // A receipt id starting with this prefix is a cancellation document: all its lines are returns.
  std::string cancellation_prefix;
  std::optional<DateFormat> date_format;
  std::optional<Locale> locale;
  std::string time_zone;  // empty: the import's zone
};

// A MappingSpec applied to a header.
struct ColumnMapping {
  const FieldTable* fields = &sales_field_table();
  std::vector<std::string> header;
  std::vector<int> columns;  // by field: index into the header, -1 when absent
  std::vector<std::optional<std::string>> constants;
  std::string cancellation_prefix;
  std::optional<DateFormat> date_format;
  std::optional<Locale> locale;
  std::string time_zone;
  // Every field was found through its canonical name: the file is in the canonical format,
  // with ISO dates and decimal points.
  bool canonical_header = false;
  std::string origin;
  // From the spec, for columns that a JSON file introduces after its first object.
  bool match_headers = true;
  bool canonical_names_only = false;

  int column(std::size_t field) const { return columns[field]; }
  bool has(std::size_t field) const { return columns[field] >= 0 || constants[field].has_value(); }
  bool has_column(std::size_t field) const { return columns[field] >= 0; }
  // The file's name for the column of `field`, or the field's name for a constant.
  std::string column_name(std::size_t field) const;

  template <typename Field>
  requires std::is_enum_v<Field>
  bool has(Field field) const { return has(field_index(field)); }
  template <typename Field>
  requires std::is_enum_v<Field>
  bool has_column(Field field) const { return has_column(field_index(field)); }
  template <typename Field>
  requires std::is_enum_v<Field> std::string column_name(Field field)
  const { return column_name(field_index(field)); }
};

// Maps `header` with `spec`. Fails with code "missing_columns" when a required field of the
// spec's table has no column, "unknown_column" when the spec names a column the file lacks, and
// "ambiguous_columns" when two columns match one field; each message lists the columns found
// and how to map them.
Result<ColumnMapping> resolve_columns(const std::vector<std::string>& header,
                                      const MappingSpec& spec);

// Maps the names that `header` has beyond `mapping.header` (keys that a later JSON object
// introduces) to the fields still without a column, when the mapping matches headers by name.
void extend_columns(ColumnMapping& mapping, const std::vector<std::string>& header);

}  // namespace imagross::ingest
