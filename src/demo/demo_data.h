#pragma once

// The deterministic demo data set of an ImaGross-shaped chain: receipt lines in the canonical
// sales CSV plus its card holders, stores and products. The same options give byte-identical
// files on any machine: everything derives from the seed through our own generators and
// integer arithmetic.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "common/result.h"

namespace imagross::demo {

inline constexpr int64_t kDefaultDemoLines = 1'000'000;
inline constexpr int64_t kMaxDemoLines = 100'000'000;
inline constexpr uint64_t kDefaultDemoSeed = 1;
// The default last day. It is fixed, not today's date, so that the files are the same whatever
// the day they are generated, and the benchmark's last 12 months [2025-12-01, 2026-12-01) lie
// inside the two years the data set covers.
inline constexpr std::string_view kDefaultDemoEndDate = "2026-11-30";

struct DemoDataOptions {
  std::filesystem::path output_directory;  // created when missing
  int64_t lines = kDefaultDemoLines;       // 1 to kMaxDemoLines
  uint64_t seed = kDefaultDemoSeed;
  std::string end_date{kDefaultDemoEndDate};  // "YYYY-MM-DD", the last day of the two years
  std::string time_zone = "Europe/Rome";      // the stores' zone: no timestamp falls in its gaps
  // Called with (lines written, lines requested) while sales.csv is written.
  std::function<void(int64_t, int64_t)> on_progress;
};

struct DemoDataSummary {
  int64_t lines = 0;
  int64_t receipts = 0;
  int64_t return_receipts = 0;
  int64_t card_receipts = 0;
  int64_t promotion_lines = 0;
  int32_t first_day = 0;  // day numbers of the period's first and last days
  int32_t last_day = 0;
  int64_t members = 0;
  int64_t stores = 0;
  int64_t products = 0;
};

// Writes sales.csv, members.csv, stores.csv and products.csv into options.output_directory,
// replacing files of those names. The period is the two years that end on options.end_date:
// from the day after the same date two years earlier. Errors: "invalid_option" (lines out of
// range, a malformed end date), "unknown_time_zone", "io_error" (the directory or a file cannot
// be written). A failed run leaves no file under a final name that it did not finish.
Result<DemoDataSummary> generate_demo_data(const DemoDataOptions& options);

}  // namespace imagross::demo
