#pragma once

// Which column of a file fills which field of a receipt line. A MappingSpec is the layout that a
// preset or a mapping file describes, and resolve_columns() applies it to a file's header.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "ingest/convert/date_time.h"
#include "ingest/mapping/sales_field.h"
#include "ingest/sales_import.h"

namespace imagross::ingest {

// A layout given by a preset or a mapping file. Everything is optional.
struct MappingSpec {
  std::string origin;  // "preset online-retail", "mapping file x.json": for messages
  // Field -> the file's column name. Each named column must exist in the file.
  std::array<std::optional<std::string>, kSalesFieldCount> columns;
  // Field -> a value used for every line, such as the store code of a single-store file.
  std::array<std::optional<std::string>, kSalesFieldCount> constants;
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
  std::vector<std::string> header;
  std::array<int, kSalesFieldCount> columns{};  // index into the header, -1 when absent
  std::array<std::optional<std::string>, kSalesFieldCount> constants;
  std::string cancellation_prefix;
  std::optional<DateFormat> date_format;
  std::optional<Locale> locale;
  std::string time_zone;
  // Every field was found through its canonical name: the file is in the canonical format,
  // with ISO timestamps and decimal points.
  bool canonical_header = false;
  std::string origin;
  // From the spec, for columns that a JSON file introduces after its first object.
  bool match_headers = true;
  bool canonical_names_only = false;

  bool has(SalesField field) const {
    return columns[field_index(field)] >= 0 || constants[field_index(field)].has_value();
  }
  bool has_column(SalesField field) const { return columns[field_index(field)] >= 0; }
  // The file's name for the column of `field`, or the field's name for a constant.
  std::string column_name(SalesField field) const;
};

// Maps `header` with `spec`. Fails with code "missing_columns" when a required field
// (receipt_id, timestamp or date, store_id, product_code, quantity, and unit_price or amount)
// has no column, "unknown_column" when the spec names a column the file lacks, and
// "ambiguous_columns" when two columns match one field; each message lists the columns found
// and how to map them.
Result<ColumnMapping> resolve_columns(const std::vector<std::string>& header,
                                      const MappingSpec& spec);

// Maps the names that `header` has beyond `mapping.header` (keys that a later JSON object
// introduces) to the fields still without a column, when the mapping matches headers by name.
void extend_columns(ColumnMapping& mapping, const std::vector<std::string>& header);

}  // namespace imagross::ingest
