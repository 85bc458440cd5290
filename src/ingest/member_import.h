#pragma once

// Importing members (card holders) with their loyalty cards from a file: the same readers,
// column mapping, options, import records and reject reports as the sales import.

#include <string>

#include "domain/card_number.h"
#include "ingest/import_options.h"
#include "ingest/import_plan.h"
#include "ingest/import_summary.h"
#include "ingest/import_tracker.h"
#include "storage/database.h"

namespace imagross {

// Rows per transaction of a members import, unless the caller sets batch_size: small enough for
// the progress bar to move on a file of a few thousand members.
inline constexpr int kMemberBatchSize = 5000;

struct MemberImportOptions : ImportOptions {
  MemberImportOptions() { batch_size = kMemberBatchSize; }

  // A card already linked to a member updates that member when true; otherwise the row is left
  // as it is and counted as a duplicate.
  bool update = false;
  CardPolicy card_policy;  // which numbers are the chain's cards
};

// Imports one members file. Rows that cannot be imported are written to the reject report and
// the rest are imported. The summary has fatal_error set when the file cannot be read at all.
// Throws StorageError when the database fails, after marking the import failed.
ImportSummary import_members(const std::string& path, const MemberImportOptions& options,
                             Database& database, const ingest::ProgressCallback& on_progress = {});

// Reads and checks `path` as a dry run does, without any database: rows that pass every check
// count as imported (a dry run cannot tell which members are stored already).
ImportSummary check_members_file(const std::string& path, const MemberImportOptions& options,
                                 const ingest::ProgressCallback& on_progress = {});

namespace ingest {

// Runs a members import of the file that `open_reader` reads; `source_name` is the name shown to
// users. With `database` null (or options.dry_run) nothing is written.
ImportSummary run_member_import(const std::string& source_name, const ReaderFactory& open_reader,
                                const MemberImportOptions& options, Database* database,
                                const ProgressCallback& on_progress);

}  // namespace ingest
}  // namespace imagross
