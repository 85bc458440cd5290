// The member search benchmark. It fills a database with generated members (1,000,000 by
// default) and times the searches of the admin Members page through MemberStore::search_members,
// the code behind GET /api/v1/members. Beside each it times the same search written as plain SQL
// with LIKE over the members table and run by SQLite itself. Each search counts the matches and
// reads one page of 50, as the page does. Prints a Markdown table with the median of the runs,
// after one warm-up run, and both match counts.

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "common/civil_time.h"
#include "demo/members.h"
#include "demo/stores.h"
#include "domain/contact.h"
#include "storage/database.h"

namespace {

using Clock = std::chrono::steady_clock;
using imagross::MemberQuery;
using imagross::MemberSort;

struct Options {
  std::string database = "data/member-bench.db";
  int members = 1'000'000;
  int runs = 7;
  uint64_t seed = 1;
  bool reuse = false;
};

// One search of the Members page, and the same search as plain SQL.
struct Search {
  std::string name;
  MemberQuery query;
  std::string sql_where;  // with ?1 for `sql_value`; empty: no WHERE
  std::string sql_value;
  std::string sql_order = "sort_last, id";
};

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// The demo generator's member as an import row, normalised as `imagross import members` does.
std::optional<imagross::MemberImportRow> import_row(const imagross::demo::Member& source) {
  imagross::MemberImportRow row;
  auto phone = imagross::normalize_phone(source.phone);
  auto email = imagross::normalize_email(source.email);
  auto first = imagross::normalize_name(source.first_name);
  auto last = imagross::normalize_name(source.last_name);
  if (!phone || !email || !first || !last) {
    return std::nullopt;
  }
  row.card_number = source.card_number;
  row.member.first_name = std::move(*first);
  row.member.last_name = std::move(*last);
  row.member.email = std::move(*email);
  row.member.phone = std::move(*phone);
  row.member.birth_date = imagross::format_iso_date(source.birth_day);
  row.member.signup_date = imagross::format_iso_date(source.signup_day);
  row.member.home_store =
      std::string(imagross::demo::store_specs()[static_cast<std::size_t>(source.home_store)].code);
  row.member.marketing.granted = source.marketing_consent;
  row.member.profiling.granted = source.profiling_consent;
  return row;
}

// Generates the members of two years ending 2026-11-30 and writes them in batches of 5000.
void fill(imagross::Database& database, const Options& options) {
  const int32_t last_day = imagross::days_from_civil({2026, 11, 30});
  const int32_t first_day = imagross::days_from_civil({2024, 12, 1});
  const auto start = Clock::now();
  const auto members =
      imagross::demo::generate_members(options.seed, options.members, first_day, last_day);
  spdlog::info("generated {} members in {:.1f} s", members.size(), milliseconds_since(start) / 1e3);

  constexpr std::size_t kBatch = 5000;
  int64_t inserted = 0;
  int64_t skipped = 0;
  std::vector<imagross::MemberImportRow> batch;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (auto row = import_row(members[i])) {
      batch.push_back(std::move(*row));
    } else {
      ++skipped;
    }
    if (batch.size() == kBatch || i + 1 == members.size()) {
      const auto result = database.members().write_members(0, batch, false);
      inserted += std::count(result.outcomes.begin(), result.outcomes.end(),
                             imagross::MemberWriteOutcome::inserted);
      batch.clear();
    }
  }
  spdlog::info("stored {} members ({} invalid, {} not inserted) in {:.1f} s", inserted, skipped,
               static_cast<int64_t>(members.size()) - skipped - inserted,
               milliseconds_since(start) / 1e3);
}

// Runs a statement to completion; returns the first column of the first row as an integer.
int64_t run_sql(sqlite3* connection, const std::string& sql, const std::string& value) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(connection, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    throw std::runtime_error(fmt::format("{}: {}", sql, sqlite3_errmsg(connection)));
  }
  if (!value.empty()) {
    sqlite3_bind_text(statement, 1, value.c_str(), -1, SQLITE_TRANSIENT);
  }
  int64_t first = -1;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    if (first < 0) {
      first = sqlite3_column_int64(statement, 0);
    }
  }
  sqlite3_finalize(statement);
  return first;
}

// The plain-SQL form of a search: a count and a page of whole member rows.
int64_t run_plain_sql(sqlite3* connection, const Search& search) {
  const std::string where = search.sql_where.empty() ? "" : "WHERE " + search.sql_where;
  const int64_t total =
      run_sql(connection, "SELECT count(*) FROM members " + where, search.sql_value);
  run_sql(connection,
          fmt::format("SELECT * FROM members {} ORDER BY {} LIMIT {} OFFSET {}", where,
                      search.sql_order, search.query.limit, search.query.offset),
          search.sql_value);
  return total;
}

// Times `run` (warm-up first) and returns the median in milliseconds.
double time_median(int runs, const std::function<void()>& run) {
  run();
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    run();
    times.push_back(milliseconds_since(start));
  }
  return median(times);
}

// A LIKE pattern that matches `text` anywhere, with its own '%', '_' and backslash escaped.
std::string like_pattern(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += c;
  }
  return pattern + "%";
}

MemberQuery page_query(std::string search, int page) {
  MemberQuery query;
  query.search = std::move(search);
  query.limit = 50;
  query.offset = static_cast<int64_t>(page - 1) * 50;
  return query;
}

// The searches, built from a member in the middle of the generated ones so that every one has
// matches whatever the seed.
std::vector<Search> searches(imagross::Database& database) {
  MemberQuery middle_query = page_query("", 1);
  middle_query.offset = database.members().count_members() / 2;
  middle_query.limit = 1;
  const auto middle = database.members().search_members(middle_query).rows.at(0);
  const std::string card_prefix = middle.cards.at(0).number.substr(0, 8);
  const std::string email_part =
      middle.email.substr(0, std::min<std::size_t>(8, middle.email.find('@')));
  const std::string name_part = imagross::fold_for_search(middle.last_name).substr(0, 5);
  const std::string any_field =
      "(first_name || ' ' || last_name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' OR "
      "phone LIKE ?1 ESCAPE '\\' OR card_number LIKE ?1 ESCAPE '\\')";

  std::vector<Search> list;
  list.push_back(
      {"open the page (no filter, by last name)", page_query("", 1), "", "", "sort_last, id"});
  list.push_back({fmt::format("name part \"{}\"", name_part), page_query(name_part, 1), any_field,
                  like_pattern(name_part), "sort_last, id"});
  list.push_back({fmt::format("card prefix \"{}\"", card_prefix), page_query(card_prefix, 1),
                  any_field, like_pattern(card_prefix), "sort_last, id"});
  list.push_back({fmt::format("e-mail part \"{}\"", email_part), page_query(email_part, 1),
                  any_field, like_pattern(email_part), "sort_last, id"});
  Search store{"store PV07, by sign-up date descending, page 20", page_query("", 20),
               "home_store = ?1", "PV07", "signup_date DESC, id"};
  store.query.home_stores = {"PV07"};
  store.query.sort = MemberSort::signup_date;
  store.query.descending = true;
  list.push_back(store);
  list.push_back({"no filter, page 10,000", page_query("", 10'000), "", "", "sort_last, id"});
  return list;
}

void run_benchmark(imagross::Database& database, const Options& options) {
  sqlite3* connection = nullptr;
  if (sqlite3_open_v2(options.database.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    throw std::runtime_error(fmt::format("opening {} read-only failed", options.database));
  }
  fmt::print("members: {}, runs: {} (median after one warm-up), SQLite {}\n\n",
             database.members().count_members(), options.runs, sqlite3_libversion());
  fmt::print("| search | search_members (ms) | matches | plain SQL LIKE (ms) | matches |\n");
  fmt::print("| --- | ---: | ---: | ---: | ---: |\n");
  for (const Search& search : searches(database)) {
    int64_t store_total = 0;
    const double store_ms = time_median(
        options.runs, [&] { store_total = database.members().search_members(search.query).total; });
    int64_t sql_total = 0;
    const double sql_ms =
        time_median(options.runs, [&] { sql_total = run_plain_sql(connection, search); });
    fmt::print("| {} | {:.2f} | {} | {:.2f} | {} |\n", search.name, store_ms, store_total, sql_ms,
               sql_total);
  }
  sqlite3_close(connection);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times the admin member search on a database of generated members"};
  Options options;
  app.add_option("--db", options.database, "the SQLite file to fill (replaced unless --reuse)")
      ->capture_default_str();
  app.add_option("--members", options.members, "members to generate")
      ->check(CLI::Range(1, 99'999'999))
      ->capture_default_str();
  app.add_option("--runs", options.runs, "timed runs per search")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--seed", options.seed, "seed of the member generator")->capture_default_str();
  app.add_flag("--reuse", options.reuse,
               "search the members already in --db instead of filling it");
  CLI11_PARSE(app, argc, argv);

  try {
    if (!options.reuse) {
      std::filesystem::remove(options.database);
      std::filesystem::remove(options.database + "-wal");
      std::filesystem::remove(options.database + "-shm");
    }
    auto database = imagross::open_database(options.database);
    if (!options.reuse) {
      fill(*database, options);
    }
    run_benchmark(*database, options);
  } catch (const std::exception& error) {
    std::cerr << "member_search_bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
