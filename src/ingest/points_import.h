#pragma once

// Importing points history and opening balances from a previous loyalty system: the same
// readers, column mapping, options, import records and reject reports as the members import.
// Each row becomes one ledger entry of kind "opening"; an external id is imported once, so
// importing a file again adds nothing.

#include <string>

#include "domain/card_number.h"
#include "ingest/import_options.h"
#include "ingest/import_summary.h"
#include "ingest/import_tracker.h"
#include "storage/database.h"

namespace imagross {

// Rows per transaction of a points import, unless the caller sets batch_size.
inline constexpr int kPointsBatchSize = 5000;

struct PointsImportOptions : ImportOptions {
  PointsImportOptions() { batch_size = kPointsBatchSize; }

  CardPolicy card_policy;  // which numbers are the chain's cards
};

// Imports one points history file. Rows that cannot be imported (unknown card or e-mail, a card
// without a member, bad or zero points, a bad date, an expiry before the date or on a debit, an
// external id repeated in the file) go to the reject report. Throws StorageError when the
// database fails, after marking the import failed.
ImportSummary import_points(const std::string& path, const PointsImportOptions& options,
                            Database& database, const ingest::ProgressCallback& on_progress = {});

// Reads and checks `path` as a dry run does, without any database: rows that pass the checks
// of the file alone count as imported (cards and e-mails are not looked up).
ImportSummary check_points_file(const std::string& path, const PointsImportOptions& options,
                                const ingest::ProgressCallback& on_progress = {});

}  // namespace imagross
