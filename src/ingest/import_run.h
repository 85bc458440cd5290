#pragma once

// The steps that every import of a file takes before it reads its rows: loading the layout
// (preset or mapping file), opening the file, starting the import record, mapping the header and
// deciding the number and date formats.

#include <memory>
#include <optional>
#include <string>

#include "ingest/import_options.h"
#include "ingest/import_plan.h"
#include "ingest/import_tracker.h"
#include "ingest/mapping/field_table.h"
#include "ingest/record.h"

namespace imagross::ingest {

// Opens `path` with `options`, again at each call (the detection pass reads the file twice).
ReaderFactory file_reader(const std::string& path, const ReaderOptions& options);

struct OpenedImport {
  std::unique_ptr<RecordReader> reader;
  ImportPlan plan;
};

// Prepares an import of the fields of `fields`, with its presets from `find_preset`. Returns
// nullopt, after marking the import failed through `tracker`, when the layout, the file, its
// header or its formats are unusable. On success the import record contains the options and
// decisions.
std::optional<OpenedImport> open_import(ImportTracker& tracker, const ImportOptions& options,
                                        const FieldTable& fields, const PresetFinder& find_preset,
                                        const ReaderFactory& open_reader);

}  // namespace imagross::ingest
