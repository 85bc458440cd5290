#pragma once

// What one import of a file did, as its caller reports it.

#include <cstdint>
#include <string>

namespace imagross {

struct ImportSummary {
  int64_t import_id = 0;  // 0 on a dry run
  int64_t lines_read = 0;
  int64_t imported = 0;    // rows added (on a dry run: rows that pass every check)
  int64_t updated = 0;     // stored rows changed by the file (members with --update)
  int64_t duplicates = 0;  // rows stored already and left as they are
  int64_t rejected = 0;
  std::string reject_report;  // empty when nothing was rejected
  std::string fatal_error;    // why the file could not be read at all; empty otherwise
};

}  // namespace imagross
