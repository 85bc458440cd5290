#include "ingest/mapping/column_mapping.h"

#include <fmt/format.h>

namespace imagross::ingest {
namespace {

std::string list_columns(const std::vector<std::string>& header) {
  std::string out;
  for (const auto& name : header) {
    out += out.empty() ? "" : ", ";
    out += '"' + name + '"';
  }
  return out.empty() ? "none" : out;
}

std::string how_to_map(const FieldTable& fields, const std::vector<std::string>& header) {
  return fmt::format(
      "Columns found: {}. Map them with --mapping FILE, a JSON file such as {}, or choose a "
      "layout with --preset ({})",
      list_columns(header), fields.mapping_example, fields.presets);
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
  for (std::size_t field = 0; field < spec.fields->size(); ++field) {
    const auto& column = spec.columns[field];
    if (!column) {
      continue;
    }
    const int index = find_column(mapping.header, *column);
    if (index < 0) {
      return Error{"unknown_column",
                   fmt::format("{} maps {} to the column \"{}\", which the file does not have. {}",
                               spec.origin, spec.fields->name(field), *column,
                               how_to_map(*spec.fields, mapping.header))};
    }
    mapping.columns[field] = index;
  }
  mapping.constants = spec.constants;
  return {};
}

// Matches the remaining fields by header name. Returns whether every match was canonical.
Result<bool> map_by_header(const MappingSpec& spec, ColumnMapping& mapping) {
  const FieldTable& fields = *spec.fields;
  std::vector<bool> set_explicitly(fields.size());
  for (std::size_t field = 0; field < fields.size(); ++field) {
    set_explicitly[field] = mapping.has(field);
  }
  bool all_canonical = true;
  for (std::size_t i = 0; i < mapping.header.size(); ++i) {
    const auto match = fields.match_header(mapping.header[i]);
    if (!match || set_explicitly[match->field]) {
      continue;
    }
    if (spec.canonical_names_only && !match->canonical) {
      continue;
    }
    int& column = mapping.columns[match->field];
    if (column >= 0) {
      const std::string_view name = fields.name(match->field);
      return Error{"ambiguous_columns",
                   fmt::format("the columns \"{}\" and \"{}\" both look like {}: name the one to "
                               "use with --mapping FILE, e.g. {{\"columns\": {{\"{}\": \"{}\"}}}}",
                               mapping.header[static_cast<std::size_t>(column)], mapping.header[i],
                               name, name, mapping.header[i])};
    }
    column = static_cast<int>(i);
    all_canonical = all_canonical && match->canonical;
  }
  return all_canonical;
}

// Drops the columns that a column of a preferred field makes unused.
void apply_precedences(ColumnMapping& mapping) {
  for (const FieldPrecedence& precedence : mapping.fields->precedences) {
    if (mapping.has(precedence.preferred)) {
      mapping.columns[precedence.replaced] = -1;
    }
  }
}

Status check_required(const ColumnMapping& mapping) {
  std::string missing;
  for (const RequiredField& required : mapping.fields->required) {
    const bool present = mapping.has(required.field) ||
                         (required.alternative != kNoField && mapping.has(required.alternative));
    if (!present) {
      missing += missing.empty() ? "" : "; ";
      missing += required.description;
    }
  }
  if (missing.empty()) {
    return {};
  }
  return Error{"missing_columns", fmt::format("the file has no column for {}. {}", missing,
                                              how_to_map(*mapping.fields, mapping.header))};
}

bool replaced_by_precedence(const ColumnMapping& mapping, std::size_t field) {
  for (const FieldPrecedence& precedence : mapping.fields->precedences) {
    if (precedence.replaced == field && mapping.has(precedence.preferred)) {
      return true;
    }
  }
  return false;
}

}  // namespace

MappingSpec::MappingSpec(const FieldTable& table)
    : fields(&table), columns(table.size()), constants(table.size()) {}

std::string ColumnMapping::column_name(std::size_t field) const {
  const int index = columns[field];
  if (index >= 0 && static_cast<std::size_t>(index) < header.size()) {
    return header[static_cast<std::size_t>(index)];
  }
  return std::string(fields->name(field));
}

Result<ColumnMapping> resolve_columns(const std::vector<std::string>& header,
                                      const MappingSpec& spec) {
  ColumnMapping mapping;
  mapping.fields = spec.fields;
  mapping.header = header;
  mapping.columns.assign(spec.fields->size(), -1);
  mapping.constants.resize(spec.fields->size());
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
  apply_precedences(mapping);
  if (auto status = check_required(mapping); !status.ok()) {
    return status.error();
  }
  const bool spec_is_empty = spec.origin.empty() || spec.canonical_names_only;
  const std::size_t needed = spec.fields->canonical_needs;
  mapping.canonical_header =
      spec_is_empty && all_canonical && (needed == kNoField || mapping.has_column(needed));
  return mapping;
}

void extend_columns(ColumnMapping& mapping, const std::vector<std::string>& header) {
  const std::size_t known = mapping.header.size();
  mapping.header = header;
  if (!mapping.match_headers) {
    return;
  }
  for (std::size_t i = known; i < header.size(); ++i) {
    const auto match = mapping.fields->match_header(header[i]);
    if (!match || mapping.has(match->field) ||
        (mapping.canonical_names_only && !match->canonical)) {
      continue;
    }
    // A column of a field that another mapped field takes precedence over stays unused.
    if (!replaced_by_precedence(mapping, match->field)) {
      mapping.columns[match->field] = static_cast<int>(i);
    }
  }
}

}  // namespace imagross::ingest
