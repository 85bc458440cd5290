// Measures the SQLite storage on ImaGross-shaped receipt lines: writing N lines in batches into a
// new database file, writing the same lines again (all duplicates), and scanning them back. The
// CPU time of a write pass is also given for prepare_lines alone.
//
//   storage_bench [LINES [BATCH [DIRECTORY]]] [--write-only] [--verbose]
//
// Defaults: 1000000 lines, batches of 50000 (as imports), the temp directory. --write-only skips
// the second and third passes, for profiling the first; --verbose logs at debug level.
//
// Only the storage calls are timed; generating the lines is not. Build it in Release.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "storage/database.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread. Unlike wall time it leaves out the time other processes take
// on a busy machine, and also the time spent waiting for the disk.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

constexpr int kStores = 20;
constexpr int kProducts = 8000;
constexpr int kCards = 25000;
constexpr int kDepartments = 15;
constexpr int kPromotions = 60;

// Makes the same deterministic stream of lines for every pass: about 6 lines per receipt,
// 30% of receipts without a card, 18% of lines on promotion, 2% returns.
class LineGenerator {
 public:
  std::vector<imagross::ReceiptLine> next_batch(std::size_t size) {
    std::vector<imagross::ReceiptLine> batch;
    batch.reserve(size);
    while (batch.size() < size) {
      if (line_in_receipt_ == lines_in_receipt_) {
        start_receipt();
      }
      batch.push_back(make_line());
    }
    return batch;
  }

 private:
  int uniform(int count) { return std::uniform_int_distribution<int>(0, count - 1)(random_); }

  void start_receipt() {
    ++receipt_;
    line_in_receipt_ = 0;
    lines_in_receipt_ = 1 + uniform(11);
    store_ = fmt::format("PV{:02}", 1 + uniform(kStores));
    card_ = uniform(10) < 3 ? std::string() : fmt::format("2{:012}", 1 + uniform(kCards));
    timestamp_ = 1'700'000'000 + receipt_ * 360 + uniform(300);
  }

  imagross::ReceiptLine make_line() {
    imagross::ReceiptLine line;
    int product = uniform(kProducts);
    line.receipt_code = fmt::format("{}-{:08}", store_, receipt_);
    line.line_number = ++line_in_receipt_;
    line.timestamp = timestamp_;
    line.store_code = store_;
    line.card_number = card_;
    line.product_code = fmt::format("80{:011}", product);
    line.product_name = fmt::format("Prodotto {}", product);
    line.department = fmt::format("Reparto {}", product % kDepartments);
    line.quantity = (product % 7 == 0) ? 250 + uniform(2000) : 1000 * (1 + uniform(3));
    line.unit_price = 490 + 10 * (product % 900);
    line.discount = uniform(100) < 18 ? 200 : 0;
    line.promo_code = line.discount != 0 ? fmt::format("PROMO{}", uniform(kPromotions)) : "";
    line.is_return = uniform(100) < 2;
    if (line.is_return) {
      line.quantity = -line.quantity;
    }
    line.amount = line.quantity * line.unit_price / 1000 - line.discount;
    return line;
  }

  std::mt19937 random_{20261130};
  int64_t receipt_ = 0;
  int line_in_receipt_ = 0;
  int lines_in_receipt_ = 0;
  std::string store_;
  std::string card_;
  int64_t timestamp_ = 0;
};

struct PassResult {
  double seconds = 0;
  double cpu_seconds = 0;
  double prepare_cpu_seconds = 0;  // the part of cpu_seconds spent in prepare_lines
  int64_t inserted = 0;
  int64_t duplicates = 0;
};

// Writes in two steps, prepare_lines and write_prepared, one after the other on this thread, so
// that the CPU time of each is measured apart.
PassResult write_all(imagross::Database& database, std::size_t lines, std::size_t batch_size) {
  imagross::ImportRecord record;
  record.source_name = "storage_bench";
  record.format = "generated";
  int64_t import_id = database.create_import(record);

  LineGenerator generator;
  PassResult result;
  for (std::size_t written = 0; written < lines; written += batch_size) {
    auto batch = generator.next_batch(std::min(batch_size, lines - written));
    auto start = Clock::now();
    double cpu_start = thread_cpu_seconds();
    auto prepared = database.prepare_lines(import_id, batch);
    double cpu_prepared = thread_cpu_seconds();
    imagross::BatchResult outcome = database.write_prepared(*prepared);
    prepared.reset();
    result.prepare_cpu_seconds += cpu_prepared - cpu_start;
    result.cpu_seconds += thread_cpu_seconds() - cpu_start;
    result.seconds += std::chrono::duration<double>(Clock::now() - start).count();
    result.inserted += static_cast<int64_t>(outcome.inserted.size());
    result.duplicates += static_cast<int64_t>(outcome.outcomes.size() - outcome.inserted.size());
  }
  return result;
}

PassResult scan_all(imagross::Database& database) {
  PassResult result;
  auto start = Clock::now();
  double cpu_start = thread_cpu_seconds();
  database.scan_lines([&result](std::span<const imagross::StoredLine> chunk) {
    result.inserted += static_cast<int64_t>(chunk.size());
  });
  result.cpu_seconds = thread_cpu_seconds() - cpu_start;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

void print_pass(const char* name, const PassResult& pass, int64_t lines, const char* what,
                int64_t count) {
  fmt::print("{:<10} {:.3f} s wall  {:.3f} s CPU ({:.3f} s preparing)  {:.0f} lines/s  {} {}\n",
             name, pass.seconds, pass.cpu_seconds, pass.prepare_cpu_seconds,
             static_cast<double>(lines) / pass.seconds, what, count);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  bool write_only = std::erase(arguments, "--write-only") > 0;
  if (std::erase(arguments, "--verbose") > 0) {
    spdlog::set_level(spdlog::level::debug);  // logs each checkpoint and cache load
  }
  std::size_t lines = arguments.size() > 0 ? std::stoull(arguments[0]) : 1'000'000;
  std::size_t batch_size = arguments.size() > 1 ? std::stoull(arguments[1]) : 50'000;
  std::filesystem::path directory = arguments.size() > 2 ? std::filesystem::path(arguments[2])
                                                         : std::filesystem::temp_directory_path();
  std::filesystem::path path = directory / "imagross_storage_bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path.string() + suffix);
  }

  auto database = imagross::open_database(path.string());
  PassResult first = write_all(*database, lines, batch_size);
  auto count = static_cast<int64_t>(lines);
  print_pass("write", first, count, "inserted", first.inserted);
  if (write_only) {
    return first.inserted == count ? 0 : 1;
  }
  PassResult again = write_all(*database, lines, batch_size);
  PassResult scan = scan_all(*database);

  fmt::print("lines {} batch {} file {} ({:.1f} MB)\n", lines, batch_size, path.string(),
             static_cast<double>(std::filesystem::file_size(path)) / 1e6);
  print_pass("re-import", again, count, "duplicates", again.duplicates);
  print_pass("scan", scan, scan.inserted, "lines", scan.inserted);
  return first.inserted == count && again.inserted == 0 ? 0 : 1;
}
