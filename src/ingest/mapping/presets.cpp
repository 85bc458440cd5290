#include "ingest/mapping/presets.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "ingest/mapping/member_field.h"
#include "ingest/mapping/points_field.h"

namespace imagross::ingest {
namespace {

void set_column(MappingSpec& spec, SalesField field, std::string column) {
  spec.columns[field_index(field)] = std::move(column);
}

MappingSpec canonical_preset(const FieldTable& fields) {
  MappingSpec spec(fields);
  spec.origin = "preset canonical";
  spec.match_headers = true;
  spec.canonical_names_only = true;
  spec.date_format = DateFormat{DateStyle::iso, {}};
  spec.locale = Locale::en_US;
  return spec;
}

MappingSpec online_retail_preset() {
  MappingSpec spec;
  spec.origin = "preset online-retail";
  spec.match_headers = false;
  set_column(spec, SalesField::receipt_id, "InvoiceNo");
  set_column(spec, SalesField::product_code, "StockCode");
  set_column(spec, SalesField::product_name, "Description");
  set_column(spec, SalesField::quantity, "Quantity");
  set_column(spec, SalesField::timestamp, "InvoiceDate");
  set_column(spec, SalesField::unit_price, "UnitPrice");
  set_column(spec, SalesField::card_number, "CustomerID");
  // The retailer sells online only and the file has no store column.
  spec.constants[field_index(SalesField::store_id)] = "ONLINE";
  spec.cancellation_prefix = "C";
  spec.date_format = DateFormat{DateStyle::iso, {}};
  spec.locale = Locale::en_US;
  spec.time_zone = "Europe/London";
  return spec;
}

Error invalid(const std::string& origin, const std::string& why) {
  return Error{"invalid_mapping", fmt::format("{}: {}", origin, why)};
}

// Reads {"field": "text", ...} into `target`.
Status read_field_map(const boost::json::value& value, const char* key, const MappingSpec& spec,
                      std::vector<std::optional<std::string>>& target) {
  if (!value.is_object()) {
    return invalid(spec.origin,
                   fmt::format("\"{}\" must be an object of field names to text", key));
  }
  for (const auto& [name, entry] : value.get_object()) {
    const auto field = spec.fields->field_from_name(name);
    if (!field) {
      return invalid(spec.origin,
                     fmt::format("unknown field \"{}\" in \"{}\"; the fields are {}",
                                 std::string_view(name), key, spec.fields->name_list()));
    }
    if (!entry.is_string()) {
      return invalid(spec.origin,
                     fmt::format("\"{}\".\"{}\" must be a string", key, std::string_view(name)));
    }
    target[*field] = std::string(entry.get_string());
  }
  return {};
}

std::string known_keys(const FieldTable& fields) {
  std::string keys = "columns, constants, match_headers, date_format, locale";
  keys += fields.cancellations ? ", cancellation_prefix" : "";
  keys += fields.times ? ", time_zone" : "";
  return keys;
}

Result<std::string> read_string(const boost::json::value& value, std::string_view key,
                                const std::string& origin) {
  if (!value.is_string()) {
    return invalid(origin, fmt::format("\"{}\" must be a string", key));
  }
  return std::string(value.get_string());
}

// Applies one top-level key of a mapping file to `spec`.
Status apply_key(std::string_view key, const boost::json::value& value, MappingSpec& spec) {
  if (key == "columns") {
    return read_field_map(value, "columns", spec, spec.columns);
  }
  if (key == "constants") {
    return read_field_map(value, "constants", spec, spec.constants);
  }
  if (key == "match_headers") {
    if (!value.is_bool()) {
      return invalid(spec.origin, "\"match_headers\" must be true or false");
    }
    spec.match_headers = value.get_bool();
    return {};
  }
  auto text = read_string(value, key, spec.origin);
  if (!text.ok()) {
    return text.error();
  }
  if (key == "cancellation_prefix" && spec.fields->cancellations) {
    spec.cancellation_prefix = *text;
  } else if (key == "time_zone" && spec.fields->times) {
    spec.time_zone = *text;
  } else if (key == "date_format") {
    auto format = parse_date_format(*text);
    if (!format.ok()) {
      return invalid(spec.origin, format.error().message);
    }
    spec.date_format = *format;
  } else if (key == "locale") {
    auto locale = parse_locale(*text);
    if (!locale.ok()) {
      return invalid(spec.origin, locale.error().message);
    }
    spec.locale = *locale;
  } else {
    return invalid(spec.origin, fmt::format("unknown key \"{}\"; the keys are {}", key,
                                            known_keys(*spec.fields)));
  }
  return {};
}

}  // namespace

std::vector<std::string> preset_names() {
  return {"canonical", "online-retail"};
}

Result<MappingSpec> find_preset(std::string_view name) {
  if (name == "canonical") {
    return canonical_preset(sales_field_table());
  }
  if (name == "online-retail") {
    return online_retail_preset();
  }
  return Error{"unknown_preset",
               fmt::format("unknown preset '{}': the presets are canonical and online-retail, or "
                           "describe the file with --mapping FILE",
                           name)};
}

Result<MappingSpec> find_member_preset(std::string_view name) {
  if (name == "canonical") {
    return canonical_preset(member_field_table());
  }
  return Error{"unknown_preset",
               fmt::format("unknown preset '{}' for members: the preset is canonical, or "
                           "describe the file with --mapping FILE",
                           name)};
}

Result<MappingSpec> find_points_preset(std::string_view name) {
  if (name == "canonical") {
    return canonical_preset(points_field_table());
  }
  return Error{"unknown_preset",
               fmt::format("unknown preset '{}' for points history: the preset is canonical, or "
                           "describe the file with --mapping FILE",
                           name)};
}

Result<MappingSpec> parse_mapping(std::string_view json, const std::string& origin,
                                  const FieldTable& fields) {
  boost::system::error_code error;
  const boost::json::value root = boost::json::parse(json, error);
  if (error) {
    return invalid(origin, fmt::format("not valid JSON ({})", error.message()));
  }
  if (!root.is_object()) {
    return invalid(origin, "the top level must be a JSON object");
  }
  MappingSpec spec(fields);
  spec.origin = origin;
  for (const auto& [key, value] : root.get_object()) {
    if (auto status = apply_key(key, value, spec); !status.ok()) {
      return status.error();
    }
  }
  for (const std::size_t field : fields.never_constant) {
    if (spec.constants[field]) {
      return invalid(origin, fmt::format("{} cannot be a constant: it must differ between rows",
                                         fields.name(field)));
    }
  }
  return spec;
}

Result<MappingSpec> load_mapping_file(const std::string& path, const FieldTable& fields) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Error{"unreadable_mapping",
                 fmt::format("cannot open the mapping file '{}': check the path", path)};
  }
  std::ostringstream text;
  text << file.rdbuf();
  return parse_mapping(text.str(), fmt::format("mapping file '{}'", path), fields);
}

Result<Locale> parse_locale(std::string_view text) {
  if (text == "it-IT" || text == "it_IT" || text == "it") {
    return Locale::it_IT;
  }
  if (text == "en-US" || text == "en_US" || text == "en") {
    return Locale::en_US;
  }
  return Error{"invalid_locale",
               fmt::format("unknown locale '{}': use it-IT (1.234,56 and dd/mm/yyyy) or en-US "
                           "(1,234.56 and mm/dd/yyyy)",
                           text)};
}

std::string_view locale_name(Locale locale) {
  return locale == Locale::it_IT ? "it-IT" : "en-US";
}

}  // namespace imagross::ingest
