// Loads a database into the sales engine and runs the eight benchmark queries: warm, median of
// the runs, for every store and for one. Writes JSON to stdout: timings, memory, and each
// query's rows in the form bench/run.mjs compares across engines (money and quantities as
// integer thousandths in strings, ratios as numbers).

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "analytics/benchmark_queries.h"
#include "analytics/sales_engine.h"
#include "common/civil_time.h"
#include "common/time_zone.h"
#include "storage/database.h"

namespace {

using imagross::analytics::BenchmarkScope;
using imagross::analytics::SalesSnapshot;
using Clock = std::chrono::steady_clock;
namespace json = boost::json;

struct Options {
  std::string database;
  std::string time_zone = "Europe/Rome";
  std::string from = "2025-12-01";
  std::string to = "2026-11-30";
  std::string reference = "2026-11-30";
  std::string store = "PV07";
  int runs = 5;
};

struct Query {
  std::string name;
  std::function<json::array(const SalesSnapshot&, const BenchmarkScope&)> run;
};

json::value text(int64_t value) {
  return json::value(std::to_string(value));
}

json::value ratio(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

std::string month_text(int32_t day) {
  return imagross::format_iso_date(day).substr(0, 7);
}

json::array kpis(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  const auto k = imagross::analytics::benchmark_kpis(snapshot, scope);
  return {json::array{text(k.revenue), text(k.receipts), ratio(k.average_receipt),
                      text(k.customers), text(k.units), text(k.products), ratio(k.card_share),
                      ratio(k.promotion_share)}};
}

json::array daily_trend(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  json::array rows;
  for (const auto& day : imagross::analytics::benchmark_daily_trend(snapshot, scope)) {
    rows.push_back(json::array{json::value(imagross::format_iso_date(day.day)), text(day.revenue),
                               text(day.receipts)});
  }
  return rows;
}

json::array top_products(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  json::array rows;
  for (const auto& product : imagross::analytics::benchmark_top_products(snapshot, scope)) {
    rows.push_back(
        json::array{json::value(product.code), text(product.revenue), text(product.units)});
  }
  return rows;
}

json::array departments(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  json::array rows;
  for (const auto& department : imagross::analytics::benchmark_departments(snapshot, scope)) {
    rows.push_back(json::array{json::value(department.name), text(department.revenue),
                               text(department.receipts), text(department.units)});
  }
  return rows;
}

json::array promotions(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  json::array rows;
  for (const auto& promotion : imagross::analytics::benchmark_promotions(snapshot, scope)) {
    rows.push_back(json::array{json::value(promotion.code), text(promotion.revenue),
                               text(promotion.discount), text(promotion.receipts)});
  }
  return rows;
}

json::array weekday_hour(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  json::array rows;
  for (const auto& cell : imagross::analytics::benchmark_weekday_hour(snapshot, scope)) {
    rows.push_back(json::array{text(cell.weekday), text(cell.hour), text(cell.revenue)});
  }
  return rows;
}

json::array cohorts(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  json::array rows;
  for (const auto& cell : imagross::analytics::benchmark_cohorts(snapshot, scope)) {
    rows.push_back(json::array{json::value(month_text(cell.cohort_month)), text(cell.months_since),
                               text(cell.customers)});
  }
  return rows;
}

std::vector<Query> queries(int32_t reference_day) {
  const auto rfm = [reference_day](const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
    json::array rows;
    for (const auto& c : imagross::analytics::benchmark_rfm(snapshot, scope, reference_day)) {
      rows.push_back(
          json::array{text(c.recency), text(c.frequency), text(c.monetary), text(c.customers)});
    }
    return rows;
  };
  return {{"kpis", kpis},
          {"daily_trend", daily_trend},
          {"top_products", top_products},
          {"departments", departments},
          {"promotions", promotions},
          {"rfm", rfm},
          {"weekday_hour", weekday_hour},
          {"cohorts", cohorts}};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs every query once to warm up, then `runs` times; returns per-query and total medians in
// seconds, and the rows of the last run.
json::object measure(const SalesSnapshot& snapshot, const BenchmarkScope& scope,
                     const std::vector<Query>& all, int runs) {
  json::object results;
  for (const Query& query : all) {
    results[query.name] = query.run(snapshot, scope);
  }
  std::vector<std::vector<double>> times(all.size());
  std::vector<double> totals;
  for (int run = 0; run < runs; ++run) {
    double total = 0;
    for (std::size_t q = 0; q < all.size(); ++q) {
      const auto start = Clock::now();
      results[all[q].name] = all[q].run(snapshot, scope);
      times[q].push_back(seconds_since(start));
      total += times[q].back();
    }
    totals.push_back(total);
  }
  json::object medians;
  for (std::size_t q = 0; q < all.size(); ++q) {
    medians[all[q].name] = median(times[q]);
  }
  return {{"total_seconds", median(totals)},
          {"query_seconds", std::move(medians)},
          {"results", std::move(results)}};
}

int32_t parse_day(const std::string& text) {
  auto day = imagross::parse_iso_date(text);
  if (!day.ok()) {
    throw std::invalid_argument(day.error().message);
  }
  return *day;
}

int64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return int64_t{usage.ru_maxrss} * 1024;
}

int run(const Options& options) {
  auto zone = imagross::TimeZone::load(options.time_zone);
  if (!zone.ok()) {
    std::cerr << zone.error().message << "\n";
    return 2;
  }
  auto database = imagross::open_database(options.database);
  imagross::SalesEngine engine(*zone);
  const auto load_start = Clock::now();
  engine.load(*database);
  const double load_seconds = seconds_since(load_start);

  BenchmarkScope scope{parse_day(options.from), parse_day(options.to), std::nullopt};
  BenchmarkScope store_scope = scope;
  store_scope.store_id = engine.find_store(options.store);
  if (!store_scope.store_id) {
    std::cerr << "store " << options.store << " is not in the database\n";
    return 2;
  }

  const auto snapshot = engine.snapshot();
  const auto all = queries(parse_day(options.reference));
  const auto lines = engine.coverage().lines;
  json::object report{
      {"engine", "imagross"},
      {"lines", lines},
      {"load_seconds", load_seconds},
      {"memory_bytes", engine.memory_bytes()},
      {"bytes_per_line",
       lines > 0 ? static_cast<double>(engine.memory_bytes()) / static_cast<double>(lines) : 0.0},
      {"all_stores", measure(*snapshot, scope, all, options.runs)},
      {"store", measure(*snapshot, store_scope, all, options.runs)},
      {"peak_rss_bytes", peak_rss_bytes()}};
  std::cout << json::serialize(report) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Runs the eight dashboard benchmark queries on the ImaGross sales engine"};
  Options options;
  app.add_option("--db", options.database, "SQLite database written by imagross import")
      ->required();
  app.add_option("--time-zone", options.time_zone, "IANA zone of the local days")
      ->capture_default_str();
  app.add_option("--from", options.from, "first day of the window")->capture_default_str();
  app.add_option("--to", options.to, "last day of the window, included")->capture_default_str();
  app.add_option("--reference", options.reference, "day the RFM recency counts to")
      ->capture_default_str();
  app.add_option("--store", options.store, "store code of the one-store runs")
      ->capture_default_str();
  app.add_option("--runs", options.runs, "timed runs after one warm-up")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  // Standard output carries the JSON report only.
  spdlog::set_default_logger(spdlog::stderr_color_mt("engine_bench"));
  try {
    return run(options);
  } catch (const std::exception& error) {
    std::cerr << "engine_bench: " << error.what() << "\n";
    return 1;
  }
}
