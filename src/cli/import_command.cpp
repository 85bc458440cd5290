// `imagross import sales FILE...`, `imagross import members FILE...`, `imagross import points
// FILE...` and `imagross import list`. Sales and members imports award points afterwards.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/time_zone.h"
#include "ingest/mapping/presets.h"
#include "ingest/member_import.h"
#include "ingest/points_import.h"
#include "ingest/sales_import.h"
#include "points/points_service.h"
#include "storage/database.h"

namespace imagross::cli {
namespace {

// Redraws per second of the progress bar: smooth to watch, and rare enough to cost nothing.
constexpr auto kRedrawInterval = std::chrono::milliseconds(250);
constexpr int kBarWidth = 24;

// The arguments that `import sales` and `import members` share.
struct ImportArguments {
  std::vector<std::string> files;
  std::string preset;
  std::string mapping;
  std::string locale;
  std::string encoding;
  std::string date_format;
  std::string delimiter;
  std::string reject_directory = "data/rejects";
  int batch_size = SalesImportOptions{}.batch_size;
  bool dry_run = false;
  bool update = false;  // members only
};

// The labels of the counts in the summary of one kind of import.
struct SummaryLabels {
  const char* duplicates;
  bool updates;  // whether the import can update stored rows
};

constexpr SummaryLabels kSalesLabels{"duplicates skipped", false};
constexpr SummaryLabels kMemberLabels{"already stored", true};
constexpr SummaryLabels kPointsLabels{"already imported", false};

// Imports one file into `database`, or checks it when `database` is null (a dry run).
using ImportFunction = std::function<ImportSummary(const std::string& file, Database* database,
                                                   const ingest::ProgressCallback& on_progress)>;

std::string group_thousands(int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string format_clock(double seconds) {
  const auto whole = static_cast<int64_t>(seconds + 0.5);
  if (whole >= 3600) {
    return fmt::format("{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
  }
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

// Percent, lines per second and time left, redrawn on standard error when it is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::string file_name)
      : file_name_(std::move(file_name)), enabled_(::isatty(STDERR_FILENO) == 1) {}
  ~ProgressBar() { clear(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(const ImportRecord& progress) {
    const auto now = Clock::now();
    if (!enabled_ || now - last_draw_ < kRedrawInterval) {
      return;
    }
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const double fraction = progress.bytes_total > 0 ? static_cast<double>(progress.bytes_read) /
                                                           static_cast<double>(progress.bytes_total)
                                                     : 0.0;
    const int filled = static_cast<int>(fraction * kBarWidth);
    const double rate = elapsed > 0 ? static_cast<double>(progress.lines_read) / elapsed : 0.0;
    const std::string eta =
        fraction > 0.0 ? format_clock(elapsed * (1.0 - fraction) / fraction) : "--:--";
    fmt::print(stderr, "\r\033[K{} [{}{}] {:3}%  {} lines  {} lines/s  ETA {}", file_name_,
               std::string(static_cast<std::size_t>(filled), '#'),
               std::string(static_cast<std::size_t>(kBarWidth - filled), '.'),
               static_cast<int>(fraction * 100), group_thousands(progress.lines_read),
               group_thousands(static_cast<int64_t>(rate)), eta);
    std::fflush(stderr);
    drawn_ = true;
  }

  // Erases the bar so that the summary starts on a clean line.
  void clear() {
    if (drawn_) {
      std::fputs("\r\033[K", stderr);
      std::fflush(stderr);
      drawn_ = false;
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string file_name_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point started_ = Clock::now();
  Clock::time_point last_draw_{};
};

char parse_delimiter(const std::string& text) {
  if (text == "tab" || text == "\\t" || text == "\t") {
    return '\t';
  }
  if (text.size() != 1) {
    throw CLI::ValidationError("--delimiter",
                               "'" + text + "' is not one character: use , ; | or tab");
  }
  return text[0];
}

void fill_options(const ImportArguments& arguments, const GlobalOptions& global,
                  ImportOptions& options) {
  options.preset = arguments.preset;
  options.mapping_file = arguments.mapping;
  options.date_format = arguments.date_format;
  options.time_zone = global.time_zone;
  options.dry_run = arguments.dry_run;
  options.reject_directory = arguments.reject_directory;
  options.batch_size = arguments.batch_size;
  if (!arguments.locale.empty()) {
    auto locale = ingest::parse_locale(arguments.locale);
    if (!locale.ok()) {
      throw CLI::ValidationError("--locale", locale.error().message);
    }
    options.locale = *locale;
  }
  if (arguments.encoding == "windows-1252" || arguments.encoding == "cp1252") {
    options.reader.encoding = TextEncoding::windows1252;
  } else if (arguments.encoding == "utf-8" || arguments.encoding == "utf8") {
    options.reader.encoding = TextEncoding::utf8;
  }
  if (!arguments.delimiter.empty()) {
    options.reader.delimiter = parse_delimiter(arguments.delimiter);
  }
}

void print_summary(const std::string& file, const ImportSummary& summary, double seconds,
                   bool dry_run, const SummaryLabels& labels) {
  fmt::print("{}{}\n", file, dry_run ? " (dry run: nothing written)" : "");
  if (summary.import_id > 0) {
    fmt::print("  import              {:>12}\n", summary.import_id);
  }
  fmt::print("  lines read          {:>12}\n", group_thousands(summary.lines_read));
  fmt::print("  {:<20}{:>12}\n", dry_run ? "would be imported" : "imported",
             group_thousands(summary.imported));
  // A dry run reads no database, so it cannot tell which rows would update stored ones.
  if (labels.updates && !dry_run) {
    fmt::print("  updated             {:>12}\n", group_thousands(summary.updated));
  }
  fmt::print("  {:<20}{:>12}\n", labels.duplicates, group_thousands(summary.duplicates));
  fmt::print("  rejected            {:>12}\n", group_thousands(summary.rejected));
  if (!summary.reject_report.empty()) {
    fmt::print("  reject report       {}\n", summary.reject_report);
  }
  fmt::print("  duration            {:>10.2f} s\n", seconds);
  std::fflush(stdout);
}

// True when the file counts as imported: readable, and not every line rejected.
bool import_succeeded(const ImportSummary& summary) {
  if (!summary.fatal_error.empty()) {
    return false;
  }
  return summary.lines_read == 0 || summary.imported + summary.updated + summary.duplicates > 0;
}

bool import_one(const std::string& file, bool dry_run, const SummaryLabels& labels,
                const ImportFunction& import_file, Database* database) {
  ProgressBar bar(std::filesystem::path(file).filename().string());
  const auto on_progress = [&bar](const ImportRecord& progress) { bar.update(progress); };
  const auto started = std::chrono::steady_clock::now();
  const ImportSummary summary = import_file(file, database, on_progress);
  bar.clear();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!summary.fatal_error.empty()) {
    fmt::print(stderr, "error: {}: {}\n", file, summary.fatal_error);
  }
  // A file that could not be opened has no counts worth showing.
  if (summary.fatal_error.empty() || summary.lines_read > 0) {
    print_summary(file, summary, seconds, dry_run, labels);
  }
  if (summary.fatal_error.empty() && !import_succeeded(summary)) {
    fmt::print(stderr, "error: {}: every line was rejected; see the reject report\n", file);
  }
  return import_succeeded(summary);
}

// Awards points on the receipts that an import made ready to earn: new sales lines with a
// member's card, or the earlier lines of cards that new members hold.
void award_points(Database& database, const GlobalOptions& global) {
  auto zone = TimeZone::load(global.time_zone);
  if (!zone.ok()) {
    throw CLI::ValidationError("--time-zone", zone.error().message);
  }
  points::PointsService service(database, *zone);
  const points::AwardSummary summary = service.award_pending();
  points::log_award_summary(summary, "import");
  fmt::print("points: {} receipts evaluated, {} points awarded, {} points reversed",
             summary.receipts, group_thousands(summary.points),
             group_thousands(summary.reversed_points));
  if (summary.no_rules > 0) {
    fmt::print(", {} receipts wait for a rule set in force at their time",
               group_thousands(summary.no_rules));
  }
  fmt::print("\n");
}

// Imports the files one after another, then awards points when `award` is set; returns the
// exit status.
int run_imports(const ImportArguments& arguments, const GlobalOptions& global,
                const SummaryLabels& labels, const ImportFunction& import_file,
                bool award = false) {
  std::unique_ptr<Database> database;
  // A dry run must not even create the database file.
  if (!arguments.dry_run) {
    database = open_database_file(global.database);
  }
  bool all_succeeded = true;
  for (const std::string& file : arguments.files) {
    all_succeeded =
        import_one(file, arguments.dry_run, labels, import_file, database.get()) && all_succeeded;
  }
  if (award && database != nullptr) {
    award_points(*database, global);
  }
  return all_succeeded ? 0 : 1;
}

int run_import_sales(const ImportArguments& arguments, const GlobalOptions& global) {
  SalesImportOptions options;
  fill_options(arguments, global, options);
  const auto import_file = [&options](const std::string& file, Database* database,
                                      const ingest::ProgressCallback& on_progress) {
    SalesImportObserver observer;
    observer.on_progress = on_progress;
    return database != nullptr ? import_sales(file, options, *database, observer)
                               : check_sales_file(file, options, observer);
  };
  return run_imports(arguments, global, kSalesLabels, import_file, true);
}

int run_import_members(const ImportArguments& arguments, const GlobalOptions& global) {
  MemberImportOptions options;
  fill_options(arguments, global, options);
  options.update = arguments.update;
  options.card_policy = card_policy(global);
  const auto import_file = [&options](const std::string& file, Database* database,
                                      const ingest::ProgressCallback& on_progress) {
    return database != nullptr ? import_members(file, options, *database, on_progress)
                               : check_members_file(file, options, on_progress);
  };
  return run_imports(arguments, global, kMemberLabels, import_file, true);
}

int run_import_points(const ImportArguments& arguments, const GlobalOptions& global) {
  PointsImportOptions options;
  fill_options(arguments, global, options);
  options.card_policy = card_policy(global);
  const auto import_file = [&options](const std::string& file, Database* database,
                                      const ingest::ProgressCallback& on_progress) {
    return database != nullptr ? import_points(file, options, *database, on_progress)
                               : check_points_file(file, options, on_progress);
  };
  return run_imports(arguments, global, kPointsLabels, import_file);
}

int run_import_list(const GlobalOptions& global, int limit) {
  auto database = open_database_file(global.database);
  const auto imports = database->list_imports(limit, 0);
  if (imports.empty()) {
    fmt::print(
        "no imports yet: add one with `imagross import sales FILE` or `imagross import members "
        "FILE`\n");
    return 0;
  }
  constexpr std::string_view kRow =
      "{:>5}  {:<8}  {:<20}  {:<9}  {:<7}  {:>11}  {:>11}  {:>9}  {:>10}  {:>9}  {}\n";
  fmt::print(kRow, "id", "kind", "started", "status", "format", "lines read", "imported", "updated",
             "duplicates", "rejected", "file");
  for (const ImportRecord& record : imports) {
    fmt::print(kRow, record.id, record.kind, record.started_at, import_status_name(record.status),
               record.format, group_thousands(record.lines_read), group_thousands(record.imported),
               group_thousands(record.updated), group_thousands(record.duplicates),
               group_thousands(record.rejected), record.source_name);
    if (!record.reject_report.empty()) {
      fmt::print("       rejected rows: {}\n", record.reject_report);
    }
    if (!record.error.empty()) {
      fmt::print("       error: {}\n", record.error);
    }
  }
  return 0;
}

// Adds the options of every file import to `command`; `presets` and `rows` word the help text.
void add_file_options(CLI::App& command, ImportArguments& arguments, const char* presets,
                      const char* rows) {
  command.add_option("FILE", arguments.files, "files to import, one after another")->required();

  command.add_option("--preset", arguments.preset,
                     std::string("built-in column layout: ") + presets);
  command.add_option("--mapping", arguments.mapping,
                     "JSON mapping file: our fields to the file's columns, constants, formats");
  command.add_option("--locale", arguments.locale,
                     "number and date style: it-IT (1.234,56 dd/mm/yyyy) or en-US "
                     "(1,234.56 mm/dd/yyyy); detected from all rows when absent");
  command.add_option("--encoding", arguments.encoding, "text encoding: utf-8 or windows-1252")
      ->check(CLI::IsMember({"utf-8", "utf8", "windows-1252", "cp1252"}));
  command.add_option("--date-format", arguments.date_format,
                     "iso, day-first, month-first, excel, or a pattern such as "
                     "\"%d/%m/%Y %H:%M\"; detected from all rows when absent");
  command.add_option("--delimiter", arguments.delimiter,
                     "CSV delimiter: , ; | or tab; detected when absent");

  command.add_flag("--dry-run", arguments.dry_run,
                   "read and check every row, write nothing (not even an import record)");
  command
      .add_option("--reject-dir", arguments.reject_directory,
                  "directory of the reject reports (CSV: line, column, value, reason)")
      ->capture_default_str();
  command
      .add_option("--batch-size", arguments.batch_size,
                  std::string(rows) + " written per transaction; each batch is all or nothing")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
}

void add_sales_command(CLI::App& import, GlobalOptions& global) {
  auto arguments = std::make_shared<ImportArguments>();
  CLI::App* sales = import.add_subcommand(
      "sales", "Import receipt lines from cash-register exports: CSV (also .gz), JSON or XLSX");
  add_file_options(*sales, *arguments, "canonical or online-retail", "lines");
  sales->callback([arguments, &global] {
    apply_global_options(global);
    global.exit_code = run_import_sales(*arguments, global);
  });
}

void add_members_command(CLI::App& import, GlobalOptions& global) {
  auto arguments = std::make_shared<ImportArguments>();
  arguments->batch_size = kMemberBatchSize;
  CLI::App* members = import.add_subcommand(
      "members",
      "Import members and their loyalty cards: CSV (also .gz), JSON or XLSX, with the columns "
      "card_number, first_name, last_name, email, phone, birth_date, signup_date, home_store, "
      "marketing_consent, profiling_consent");
  add_file_options(*members, *arguments, "canonical", "rows");
  members->add_flag("--update", arguments->update,
                    "update members whose card is stored already; without it they are skipped "
                    "and counted as already stored");
  members->callback([arguments, &global] {
    apply_global_options(global);
    global.exit_code = run_import_members(*arguments, global);
  });
}

void add_points_import_command(CLI::App& import, GlobalOptions& global) {
  auto arguments = std::make_shared<ImportArguments>();
  arguments->batch_size = kPointsBatchSize;
  CLI::App* points = import.add_subcommand(
      "points",
      "Import points history and opening balances from a previous system: CSV (also .gz), JSON "
      "or XLSX, with the columns external_id, card (or email), points (signed), date, "
      "expires_on, reason. An external_id is imported once");
  add_file_options(*points, *arguments, "canonical", "rows");
  points->callback([arguments, &global] {
    apply_global_options(global);
    global.exit_code = run_import_points(*arguments, global);
  });
}

}  // namespace

std::unique_ptr<Database> open_database_file(const std::string& location) {
  const std::filesystem::path path(location);
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path());
  }
  return open_database(location);
}

void add_import_command(CLI::App& app, GlobalOptions& options) {
  CLI::App* import = app.add_subcommand("import",
                                        "Import sales, members and points history files, and list "
                                        "past imports");
  import->require_subcommand(1);
  add_sales_command(*import, options);
  add_members_command(*import, options);
  add_points_import_command(*import, options);

  auto limit = std::make_shared<int>(50);
  CLI::App* list = import->add_subcommand("list", "List past imports, newest first, with counts");
  list->add_option("--limit", *limit, "imports to list")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  list->callback([limit, &options] {
    apply_global_options(options);
    options.exit_code = run_import_list(options, *limit);
  });
}

}  // namespace imagross::cli
