#include "ingest/import_plan.h"

#include <fmt/format.h>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "ingest/convert/format_detection.h"
#include "ingest/convert/values.h"
#include "ingest/mapping/presets.h"

namespace imagross::ingest {
namespace {

// Decisions taken before the detection pass; nothing means "detect".
struct FixedFormats {
  std::optional<Locale> locale;
  std::optional<DateFormat> dates;
  DateStyle default_order = DateStyle::day_first;
};

Result<FixedFormats> fixed_formats(const ColumnMapping& mapping, const ImportOptions& options) {
  FixedFormats fixed;
  fixed.locale = options.locale ? options.locale : mapping.locale;
  if (!options.date_format.empty()) {
    auto format = parse_date_format(options.date_format);
    if (!format.ok()) {
      return format.error();
    }
    fixed.dates = *format;
  } else {
    fixed.dates = mapping.date_format;
  }
  // A canonical CSV writes decimal points and ISO dates.
  if (mapping.canonical_header) {
    fixed.locale = fixed.locale.value_or(Locale::en_US);
    fixed.dates = fixed.dates.value_or(DateFormat{DateStyle::iso, {}});
  }
  if (fixed.locale == Locale::en_US) {
    fixed.default_order = DateStyle::month_first;
  }
  return fixed;
}

// The value of `column` in `record`, trimmed; empty when the column is absent.
std::string_view field_at(const Record& record, int column) {
  const auto index = static_cast<std::size_t>(column);
  return column >= 0 && index < record.fields.size() ? trim_value(record.fields[index])
                                                     : std::string_view{};
}

bool is_date_cell(const Record& record, int column) {
  const auto index = static_cast<std::size_t>(column);
  return column >= 0 && index < record.date_cells.size() && record.date_cells[index];
}

// Feeds the detectors every row of `reader`; ReadError ends the scan.
void scan_rows(RecordReader& reader, Record& record, const ColumnMapping& mapping, bool numbers,
               bool dates, NumberStyleDetector& number_detector, DateStyleDetector& date_detector) {
  const FieldTable& fields = *mapping.fields;
  while (reader.next(record)) {
    if (record.error) {
      continue;
    }
    if (numbers) {
      for (const std::size_t field : fields.number_fields) {
        number_detector.add(field_at(record, mapping.column(field)), record.line);
      }
    }
    if (!dates) {
      continue;
    }
    for (const std::size_t field : fields.date_fields) {
      // An XLSX date cell is a serial whatever the file's text dates look like.
      const int column = mapping.column(field);
      if (column >= 0 && !is_date_cell(record, column)) {
        date_detector.add(field_at(record, column), record.line);
      }
    }
  }
}

// Reads every row once and feeds the detectors the values of the undecided columns.
Status run_detection_pass(const ReaderFactory& reopen, const ColumnMapping& mapping, bool numbers,
                          bool dates, NumberStyleDetector& number_detector,
                          DateStyleDetector& date_detector) {
  auto opened = reopen();
  if (!opened.ok()) {
    return opened.error();
  }
  RecordReader& reader = **opened;
  Record record;
  try {
    scan_rows(reader, record, mapping, numbers, dates, number_detector, date_detector);
  } catch (const ReadError& error) {
    return Error{"unreadable_file", error.what()};
  }
  return {};
}

Result<FileFormats> decide_formats(const ReaderFactory& reopen, const ColumnMapping& mapping,
                                   const FixedFormats& fixed, bool& detection_pass) {
  NumberStyleDetector number_detector;
  DateStyleDetector date_detector;
  // Without number columns there is no number style to detect.
  const bool detect_numbers = !fixed.locale && !mapping.fields->number_fields.empty();
  detection_pass = detect_numbers || !fixed.dates;
  if (detection_pass) {
    auto status = run_detection_pass(reopen, mapping, detect_numbers, !fixed.dates, number_detector,
                                     date_detector);
    if (!status.ok()) {
      return status.error();
    }
  }
  FileFormats formats;
  const Locale locale = fixed.locale.value_or(number_detector.decide());
  formats.numbers = locale == Locale::it_IT ? NumberFormat::italian() : NumberFormat::english();
  formats.numbers_explained =
      fixed.locale ? fmt::format("decimal {} ({})", locale == Locale::it_IT ? "comma" : "point",
                                 locale_name(locale))
                   : number_detector.explain();
  if (mapping.fields->number_fields.empty()) {
    formats.numbers_explained.clear();
  }
  if (fixed.dates) {
    formats.dates = *fixed.dates;
    formats.dates_explained = describe_date_format(formats.dates);
  } else {
    formats.dates.style = date_detector.decide(fixed.default_order);
    formats.dates_explained = date_detector.explain(formats.dates.style);
  }
  return formats;
}

}  // namespace

Result<MappingSpec> load_mapping_spec(const ImportOptions& options, const FieldTable& fields,
                                      const PresetFinder& find_preset) {
  if (!options.preset.empty() && !options.mapping_file.empty()) {
    return Error{"invalid_option",
                 "--preset and --mapping cannot be used together: a mapping file describes the "
                 "whole layout, so use one or the other"};
  }
  if (!options.preset.empty()) {
    return find_preset(options.preset);
  }
  if (!options.mapping_file.empty()) {
    return load_mapping_file(options.mapping_file, fields);
  }
  return MappingSpec(fields);
}

Result<ImportPlan> plan_import(const RecordReader& reader, const ReaderFactory& reopen,
                               const MappingSpec& spec, const ImportOptions& options) {
  auto mapping = resolve_columns(reader.header(), spec);
  if (!mapping.ok()) {
    return mapping.error();
  }
  auto fixed = fixed_formats(*mapping, options);
  if (!fixed.ok()) {
    return fixed.error();
  }
  const std::string& zone_name =
      mapping->time_zone.empty() ? options.time_zone : mapping->time_zone;
  auto zone = TimeZone::load(zone_name);
  if (!zone.ok()) {
    return zone.error();
  }

  ImportPlan plan;
  auto formats = decide_formats(reopen, *mapping, *fixed, plan.detection_pass);
  if (!formats.ok()) {
    return formats.error();
  }
  plan.mapping = std::move(mapping).value();
  plan.formats = std::move(formats).value();
  plan.zone = *zone;
  return plan;
}

std::string describe_import_options(const ImportOptions& options, const ImportPlan& plan) {
  boost::json::object json;
  json["preset"] = options.preset;
  json["mapping_file"] = options.mapping_file;
  if (!plan.formats.numbers_explained.empty()) {
    json["numbers"] = plan.formats.numbers_explained;
  }
  json["dates"] = plan.formats.dates_explained;
  if (plan.mapping.fields->times) {
    json["time_zone"] = plan.zone->name();
  }
  if (options.reader.encoding) {
    json["encoding"] =
        *options.reader.encoding == TextEncoding::windows1252 ? "windows-1252" : "utf-8";
  }
  if (options.reader.delimiter) {
    json["delimiter"] = std::string(1, *options.reader.delimiter);
  }
  json["batch_size"] = options.batch_size;
  return boost::json::serialize(json);
}

}  // namespace imagross::ingest
