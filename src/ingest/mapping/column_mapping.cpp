#include "ingest/mapping/column_mapping.h"

#include <fmt/format.h>

namespace imagross::ingest {
namespace {

struct RequiredField {
  SalesField field;
  const char* description;
};

constexpr RequiredField kRequired[] = {
    {SalesField::receipt_id, "receipt_id (the receipt number, in Italian 'scontrino')"},
    {SalesField::timestamp,
     "timestamp (date and time, or the Italian 'data' with an optional 'ora')"},
    {SalesField::store_id, "store_id (the store code, in Italian 'negozio' or 'punto vendita')"},
    {SalesField::product_code, "product_code (in Italian 'codice' or 'EAN')"},
    {SalesField::quantity, "quantity (in Italian 'quantità' or 'qta')"},
    {SalesField::unit_price, "unit_price or amount (in Italian 'prezzo' or 'importo')"},
};

std::string list_columns(const std::vector<std::string>& header) {
  std::string out;
  for (const auto& name : header) {
    out += out.empty() ? "" : ", ";
    out += '"' + name + '"';
  }
  return out.empty() ? "none" : out;
}

std::string how_to_map(const std::vector<std::string>& header) {
  return fmt::format(
      "Columns found: {}. Map them with --mapping FILE, a JSON file such as "
      "{{\"columns\": {{\"receipt_id\": \"Numero\"}}, \"constants\": {{\"store_id\": \"PV01\"}}}}, "
      "or choose a layout with --preset (canonical, online-retail)",
      list_columns(header));
}

int find_column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) {
      return static_cast<int>(i);
    }
  }
  const std::string folded = fold_header(name);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (!folded.empty() && fold_header(header[i]) == folded) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Applies the spec's explicit columns and constants.
Status map_explicit(const MappingSpec& spec, ColumnMapping& mapping) {
  for (const SalesField field : all_sales_fields()) {
    const auto& column = spec.columns[field_index(field)];
    if (!column) {
      continue;
    }
    const int index = find_column(mapping.header, *column);
    if (index < 0) {
      return Error{
          "unknown_column",
          fmt::format("{} maps {} to the column \"{}\", which the file does not have. {}",
                      spec.origin, field_name(field), *column, how_to_map(mapping.header))};
    }
    mapping.columns[field_index(field)] = index;
  }
  mapping.constants = spec.constants;
  return {};
}

// Matches the remaining fields by header name. Returns whether every match was canonical.
Result<bool> map_by_header(const MappingSpec& spec, ColumnMapping& mapping) {
  std::array<bool, kSalesFieldCount> set_explicitly{};
  for (const SalesField field : all_sales_fields()) {
    set_explicitly[field_index(field)] = mapping.has(field);
  }
  bool all_canonical = true;
  for (std::size_t i = 0; i < mapping.header.size(); ++i) {
    const auto match = match_header(mapping.header[i]);
    if (!match || set_explicitly[field_index(match->field)]) {
      continue;
    }
    if (spec.canonical_names_only && !match->canonical) {
      continue;
    }
    int& column = mapping.columns[field_index(match->field)];
    if (column >= 0) {
      return Error{
          "ambiguous_columns",
          fmt::format("the columns \"{}\" and \"{}\" both look like {}: name the one to "
                      "use with --mapping FILE, e.g. {{\"columns\": {{\"{}\": \"{}\"}}}}",
                      mapping.header[static_cast<std::size_t>(column)], mapping.header[i],
                      field_name(match->field), field_name(match->field), mapping.header[i])};
    }
    column = static_cast<int>(i);
    all_canonical = all_canonical && match->canonical;
  }
  return all_canonical;
}

Status check_required(const ColumnMapping& mapping) {
  std::string missing;
  for (const auto& required : kRequired) {
    bool present = mapping.has(required.field);
    if (required.field == SalesField::timestamp) {
      present = present || mapping.has(SalesField::date);
    } else if (required.field == SalesField::unit_price) {
      present = present || mapping.has(SalesField::amount);
    }
    if (!present) {
      missing += missing.empty() ? "" : "; ";
      missing += required.description;
    }
  }
  if (missing.empty()) {
    return {};
  }
  return Error{"missing_columns", fmt::format("the file has no column for {}. {}", missing,
                                              how_to_map(mapping.header))};
}

}  // namespace

std::string ColumnMapping::column_name(SalesField field) const {
  const int index = columns[field_index(field)];
  if (index >= 0 && static_cast<std::size_t>(index) < header.size()) {
    return header[static_cast<std::size_t>(index)];
  }
  return std::string(field_name(field));
}

Result<ColumnMapping> resolve_columns(const std::vector<std::string>& header,
                                      const MappingSpec& spec) {
  ColumnMapping mapping;
  mapping.header = header;
  mapping.columns.fill(-1);
  mapping.cancellation_prefix = spec.cancellation_prefix;
  mapping.date_format = spec.date_format;
  mapping.locale = spec.locale;
  mapping.time_zone = spec.time_zone;
  mapping.origin = spec.origin;
  mapping.match_headers = spec.match_headers;
  mapping.canonical_names_only = spec.canonical_names_only;

  if (auto status = map_explicit(spec, mapping); !status.ok()) {
    return status.error();
  }
  bool all_canonical = false;
  if (spec.match_headers) {
    auto matched = map_by_header(spec, mapping);
    if (!matched.ok()) {
      return matched.error();
    }
    all_canonical = *matched;
  }
  // A timestamp column makes separate date and time columns redundant.
  if (mapping.has(SalesField::timestamp)) {
    mapping.columns[field_index(SalesField::date)] = -1;
    mapping.columns[field_index(SalesField::time)] = -1;
  }
  if (auto status = check_required(mapping); !status.ok()) {
    return status.error();
  }
  const bool spec_is_empty = spec.origin.empty() || spec.canonical_names_only;
  mapping.canonical_header =
      spec_is_empty && all_canonical && mapping.has_column(SalesField::timestamp);
  return mapping;
}

void extend_columns(ColumnMapping& mapping, const std::vector<std::string>& header) {
  const std::size_t known = mapping.header.size();
  mapping.header = header;
  if (!mapping.match_headers) {
    return;
  }
  for (std::size_t i = known; i < header.size(); ++i) {
    const auto match = match_header(header[i]);
    if (!match || mapping.has(match->field) ||
        (mapping.canonical_names_only && !match->canonical)) {
      continue;
    }
    // Separate date and time columns stay unused beside a timestamp column.
    const bool beside_timestamp =
        (match->field == SalesField::date || match->field == SalesField::time) &&
        mapping.has(SalesField::timestamp);
    if (!beside_timestamp) {
      mapping.columns[field_index(match->field)] = static_cast<int>(i);
    }
  }
}

}  // namespace imagross::ingest
