#include "ingest/import_run.h"

namespace imagross::ingest {

ReaderFactory file_reader(const std::string& path, const ReaderOptions& options) {
  return [path, options] { return open_record_reader(path, options); };
}

std::optional<OpenedImport> open_import(ImportTracker& tracker, const ImportOptions& options,
                                        const FieldTable& fields, const PresetFinder& find_preset,
                                        const ReaderFactory& open_reader) {
  tracker.adopt_caller_record();
  auto spec = load_mapping_spec(options, fields, find_preset);
  if (!spec.ok()) {
    tracker.fail(spec.error().message);
    return std::nullopt;
  }
  auto opened = open_reader();
  if (!opened.ok()) {
    tracker.fail(opened.error().message);
    return std::nullopt;
  }
  OpenedImport result{std::move(opened).value(), {}};
  tracker.start(*result.reader);
  auto plan = plan_import(*result.reader, open_reader, *spec, options);
  if (!plan.ok()) {
    tracker.fail(plan.error().message);
    return std::nullopt;
  }
  tracker.record().options = describe_import_options(options, *plan);
  result.plan = std::move(plan).value();
  return result;
}

}  // namespace imagross::ingest
