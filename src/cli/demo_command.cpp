// `imagross demo-data`: writes the deterministic demo data set.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "common/civil_time.h"
#include "demo/demo_data.h"

namespace imagross::cli {
namespace {

struct DemoArguments {
  int64_t lines = demo::kDefaultDemoLines;
  std::string output_directory;
  uint64_t seed = demo::kDefaultDemoSeed;
  std::string end_date{demo::kDefaultDemoEndDate};
};

// The percentage written so far, redrawn in place on standard error when it is a terminal.
class ProgressLine {
 public:
  ProgressLine() : enabled_(::isatty(STDERR_FILENO) == 1) {}
  ~ProgressLine() { clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(int64_t written, int64_t total) {
    const int64_t percent = total > 0 ? written * 100 / total : 100;
    if (!enabled_ || percent == last_percent_) {
      return;
    }
    last_percent_ = percent;
    fmt::print(stderr, "\rdemo-data: writing sales.csv {:3}% ({} of {} lines)", percent, written,
               total);
    std::fflush(stderr);
  }

 private:
  void clear() {
    if (enabled_ && last_percent_ >= 0) {
      fmt::print(stderr, "\r\033[K");
      std::fflush(stderr);
    }
  }

  bool enabled_;
  int64_t last_percent_ = -1;
};

void print_summary(const demo::DemoDataSummary& summary, const std::string& directory,
                   double seconds) {
  const double card_percent = summary.receipts > 0
                                  ? 100.0 * static_cast<double>(summary.card_receipts) /
                                        static_cast<double>(summary.receipts)
                                  : 0.0;
  fmt::print(
      "demo-data: wrote {} sales lines in {} receipts ({} returns, {:.1f}% with a card) from {} "
      "to {}, {} members, {} stores and {} products to {} in {:.1f} s\n",
      summary.lines, summary.receipts, summary.return_receipts, card_percent,
      format_iso_date(summary.first_day), format_iso_date(summary.last_day), summary.members,
      summary.stores, summary.products, directory, seconds);
}

void run_demo_data(const DemoArguments& arguments, GlobalOptions& options) {
  apply_global_options(options);

  demo::DemoDataOptions demo_options;
  demo_options.output_directory = arguments.output_directory;
  demo_options.lines = arguments.lines;
  demo_options.seed = arguments.seed;
  demo_options.end_date = arguments.end_date;
  demo_options.time_zone = options.time_zone;
  ProgressLine progress;
  demo_options.on_progress = [&progress](int64_t written, int64_t total) {
    progress.update(written, total);
  };

  const auto started = std::chrono::steady_clock::now();
  const auto summary = demo::generate_demo_data(demo_options);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  if (!summary.ok()) {
    if (summary.error().code == "invalid_option") {
      throw CLI::ValidationError(summary.error().message);  // a usage error, like CLI11's own
    }
    spdlog::error("demo-data failed: {}", summary.error().message);
    options.exit_code = 1;
    return;
  }
  print_summary(*summary, arguments.output_directory, elapsed.count());
}

}  // namespace

void add_demo_data_command(CLI::App& app, GlobalOptions& options) {
  auto arguments = std::make_shared<DemoArguments>();
  CLI::App* command = app.add_subcommand(
      "demo-data",
      "Write a deterministic demo data set: sales.csv in the canonical sales format, with "
      "members.csv, stores.csv and products.csv");
  command
      ->add_option(
          "--lines", arguments->lines,
          "Number of receipt lines in sales.csv, 1 to " + std::to_string(demo::kMaxDemoLines))
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, demo::kMaxDemoLines));
  command
      ->add_option("--out", arguments->output_directory,
                   "Output directory, created when missing; files of the same names are replaced")
      ->required();
  command
      ->add_option("--seed", arguments->seed,
                   "Seed of the generator: the same seed and options give byte-identical files")
      ->capture_default_str();
  command
      ->add_option("--end-date", arguments->end_date,
                   "Last day (YYYY-MM-DD) of the two years of sales; fixed by default so that "
                   "the files do not depend on the day they are generated")
      ->capture_default_str();
  command->callback([arguments, &options] { run_demo_data(*arguments, options); });
}

}  // namespace imagross::cli
