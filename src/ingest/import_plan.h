#pragma once

// The decisions taken before an import reads its rows: which column fills which field, how the
// file writes numbers and dates, and the time zone of its local times.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time_zone.h"
#include "ingest/convert/line_converter.h"
#include "ingest/import_options.h"
#include "ingest/mapping/column_mapping.h"
#include "ingest/record.h"

namespace imagross::ingest {

// Opens a fresh reader over the file being imported; called again for a detection pass.
using ReaderFactory = std::function<Result<std::unique_ptr<RecordReader>>()>;

struct ImportPlan {
  ColumnMapping mapping;
  FileFormats formats;
  std::shared_ptr<const TimeZone> zone;
  bool detection_pass = false;  // the file was read once more to detect its formats
};

// Returns the layout of the built-in preset `name` of one kind of import.
using PresetFinder = std::function<Result<MappingSpec>(std::string_view name)>;

// Loads the preset (through `find_preset`) or the mapping file (for `fields`) that `options`
// name; without either, an empty layout of `fields`. Error codes of `find_preset` and
// load_mapping_file(), and "invalid_option" when both a preset and a mapping file are given.
Result<MappingSpec> load_mapping_spec(const ImportOptions& options, const FieldTable& fields,
                                      const PresetFinder& find_preset);

// Maps the header of `reader` and decides the file's formats: from the options, then from the
// preset or mapping file, then fixed for a canonical header, and otherwise by reading the number
// and date columns of the spec's field table in every row once, through a reader from `reopen`.
// Errors: those of resolve_columns(), parse_date_format(), TimeZone::load() and `reopen`.
Result<ImportPlan> plan_import(const RecordReader& reader, const ReaderFactory& reopen,
                               const MappingSpec& spec, const ImportOptions& options);

// The options and decisions of an import as a JSON object, kept with its import record.
std::string describe_import_options(const ImportOptions& options, const ImportPlan& plan);

}  // namespace imagross::ingest
