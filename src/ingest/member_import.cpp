#include "ingest/member_import.h"

#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "common/utc_time.h"
#include "ingest/convert/member_converter.h"
#include "ingest/import_run.h"
#include "ingest/mapping/presets.h"
#include "ingest/row_import.h"

namespace imagross {
namespace ingest {
namespace {

using MemberBatch = RowBatch<MemberImportRow>;

// The consent of `imported` to write over the stored one. Without a change of `granted` the
// stored consent stays, with its time. A change dated no later than the stored consent is dated
// at the import, because the file is newer evidence than what is stored.
void reconcile_consent(Consent& imported, const Consent& stored, const std::string& now) {
  if (imported.at.empty()) {
    return;
  }
  if (imported.granted == stored.granted) {
    imported = Consent{};
  } else if (imported.at <= stored.at) {
    imported.at = now;
  }
}

class MemberImportRun {
 public:
  MemberImportRun(const std::string& source_name, const MemberImportOptions& options,
                  Database* database, const ProgressCallback& on_progress)
      : options_(options),
        tracker_("members", source_name, options, database, on_progress),
        database_(tracker_.database()),
        now_(utc_now_iso8601()) {}

  ImportSummary run(const ReaderFactory& open_reader);

 private:
  void write_rows(MemberBatch& batch, std::vector<Rejection>& refused);
  void reconcile_consents(std::vector<MemberImportRow>& rows);
  void record_member_options();

  const MemberImportOptions& options_;
  ImportTracker tracker_;
  Database* database_;  // null on a dry run
  std::string now_;
  std::string card_column_;  // the file's name for the card number column
};

ImportSummary MemberImportRun::run(const ReaderFactory& open_reader) {
  auto opened =
      open_import(tracker_, options_, member_field_table(), find_member_preset, open_reader);
  if (!opened) {
    return tracker_.summary();
  }
  RecordReader& reader = *opened->reader;
  MemberConverter converter(std::move(opened->plan.mapping), opened->plan.formats,
                            options_.card_policy, now_, reader.format() == FileFormat::csv,
                            reader.delimiter());
  card_column_ = converter.mapping().column_name(MemberField::card_number);
  record_member_options();
  return import_rows<MemberImportRow>(
      tracker_, reader, converter, options_.batch_size,
      [this](MemberBatch& batch, std::vector<Rejection>& refused) { write_rows(batch, refused); });
}

// Writes the batch's rows and counts each outcome. Rows that the database rejects (a blocked
// card, the e-mail or phone of another member) go to `refused`.
void MemberImportRun::write_rows(MemberBatch& batch, std::vector<Rejection>& refused) {
  if (options_.update) {
    reconcile_consents(batch.rows);
  }
  ImportRecord& record = tracker_.record();
  const MemberBatchResult result =
      database_->members().write_members(record.id, batch.rows, options_.update);
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    switch (result.outcomes[i]) {
      case MemberWriteOutcome::inserted:
        ++record.imported;
        break;
      case MemberWriteOutcome::updated:
        tracker_.count_updated(1);
        break;
      case MemberWriteOutcome::unchanged:
        ++record.duplicates;
        break;
      case MemberWriteOutcome::rejected:
        refused.push_back(
            Rejection{batch.lines[i], card_column_, batch.rows[i].card_number, result.messages[i]});
        break;
    }
  }
}

void MemberImportRun::reconcile_consents(std::vector<MemberImportRow>& rows) {
  for (MemberImportRow& row : rows) {
    const std::optional<Member> stored = database_->members().find_member_by_card(row.card_number);
    if (!stored) {
      continue;
    }
    reconcile_consent(row.member.marketing, stored->marketing, now_);
    reconcile_consent(row.member.profiling, stored->profiling, now_);
  }
}

// Adds the options of a members import to those that every import records.
void MemberImportRun::record_member_options() {
  std::string& options = tracker_.record().options;
  boost::json::object json = boost::json::parse(options).as_object();
  json["update"] = options_.update;
  json["card_prefix"] = options_.card_policy.prefix;
  options = boost::json::serialize(json);
}

}  // namespace

ImportSummary run_member_import(const std::string& source_name, const ReaderFactory& open_reader,
                                const MemberImportOptions& options, Database* database,
                                const ProgressCallback& on_progress) {
  MemberImportRun run(source_name, options, database, on_progress);
  return run.run(open_reader);
}

}  // namespace ingest

ImportSummary import_members(const std::string& path, const MemberImportOptions& options,
                             Database& database, const ingest::ProgressCallback& on_progress) {
  return ingest::run_member_import(path, ingest::file_reader(path, options.reader), options,
                                   &database, on_progress);
}

ImportSummary check_members_file(const std::string& path, const MemberImportOptions& options,
                                 const ingest::ProgressCallback& on_progress) {
  MemberImportOptions dry_run = options;
  dry_run.dry_run = true;
  return ingest::run_member_import(path, ingest::file_reader(path, options.reader), dry_run,
                                   nullptr, on_progress);
}

}  // namespace imagross
