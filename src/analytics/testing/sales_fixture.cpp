#include "analytics/testing/sales_fixture.h"

#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include <gtest/gtest.h>
#include <unistd.h>

#include "common/civil_time.h"

namespace imagross::analytics::testing {
namespace {

LocalDateTime parse_local(std::string_view text) {
  const auto day = parse_iso_date(text.substr(0, 10));
  if (!day.ok() || text.size() != 19) {
    throw std::invalid_argument("test time is not 'YYYY-MM-DD HH:MM:SS': " + std::string(text));
  }
  const auto field = [&](std::size_t at) { return std::stoi(std::string(text.substr(at, 2))); };
  return LocalDateTime{*day, field(11) * 3600 + field(14) * 60 + field(17)};
}

std::filesystem::path make_directory() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "imagross-engine-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed for " + pattern);
  }
  return pattern;
}

void check(int code, sqlite3* handle, const std::string& context) {
  if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
    throw std::runtime_error(context + ": " + sqlite3_errmsg(handle));
  }
}

int32_t next_line_number(const std::string& receipt, const std::vector<ReceiptLine>& written,
                         const std::vector<ReceiptLine>& pending) {
  int32_t last = 0;
  for (const auto* lines : {&written, &pending}) {
    for (const ReceiptLine& line : *lines) {
      if (line.receipt_code == receipt) {
        last = std::max(last, line.line_number);
      }
    }
  }
  return last + 1;
}

int64_t timestamp_of(const LineSpec& spec, const TimeZone& zone) {
  if (spec.utc_timestamp) {
    return *spec.utc_timestamp;
  }
  const auto utc = zone.to_utc(parse_local(spec.time));
  if (!utc.ok()) {
    throw std::invalid_argument("test time does not exist in Europe/Rome: " + spec.time);
  }
  return *utc;
}

}  // namespace

int32_t day_of(std::string_view iso_date) {
  const auto day = parse_iso_date(iso_date);
  if (!day.ok()) {
    ADD_FAILURE() << "bad test date " << iso_date;
    return 0;
  }
  return *day;
}

SalesFilter period(std::string_view from, std::string_view to) {
  SalesFilter filter;
  filter.from_day = day_of(from);
  filter.to_day = day_of(to);
  return filter;
}

SalesFixture::SalesFixture() : directory_(make_directory()) {
  setenv("TZ", "Europe/Rome", 1);
  tzset();
  auto zone = TimeZone::load("Europe/Rome");
  if (!zone.ok()) {
    throw std::runtime_error(zone.error().message);
  }
  zone_ = *zone;
  database_ = open_database((directory_ / "sales.db").string());
  ImportRecord record;
  record.source_name = "test";
  record.format = "csv";
  record.options = "{}";
  import_id_ = database_->create_import(record);
}

SalesFixture::~SalesFixture() {
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

const ReceiptLine& SalesFixture::add(const LineSpec& spec) {
  ReceiptLine line;
  line.receipt_code = spec.receipt;
  line.line_number =
      spec.line_number != 0 ? spec.line_number : next_line_number(spec.receipt, written_, pending_);
  line.timestamp = timestamp_of(spec, *zone_);
  line.store_code = spec.store;
  line.card_number = spec.card;
  line.product_code = spec.product;
  line.product_name = spec.name.empty() ? "Product " + spec.product : spec.name;
  line.department = spec.department;
  line.quantity = spec.quantity;
  line.unit_price = spec.unit_price;
  line.discount = spec.discount;
  line.amount = spec.amount;
  line.promo_code = spec.promo;
  line.is_return = spec.cancellation || spec.quantity < 0;
  pending_.push_back(line);
  return pending_.back();
}

std::unique_ptr<SalesEngine> SalesFixture::load_engine() {
  if (!pending_.empty()) {
    write();
  }
  auto engine = std::make_unique<SalesEngine>(zone_);
  engine->load(*database_);
  return engine;
}

BatchResult SalesFixture::write() {
  BatchResult result = database_->write_lines(import_id_, pending_);
  written_.insert(written_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  return result;
}

OracleTable::OracleTable(const std::filesystem::path& file) {
  check(sqlite3_open(file.c_str(), &handle_), handle_, "open " + file.string());
  execute(
      "CREATE TABLE lines (receipt TEXT, line_number INTEGER, ts INTEGER, store TEXT, card TEXT, "
      "product TEXT, department TEXT, quantity INTEGER, discount INTEGER, amount INTEGER, "
      "promo TEXT, is_return INTEGER, day TEXT, hour INTEGER)");
}

OracleTable::~OracleTable() {
  sqlite3_close(handle_);
}

void OracleTable::execute(const std::string& sql) {
  check(sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, nullptr), handle_, sql);
}

void OracleTable::insert(const std::vector<ReceiptLine>& lines) {
  execute("BEGIN");
  sqlite3_stmt* statement = nullptr;
  const std::string sql =
      "INSERT INTO lines VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "date(?3, 'unixepoch', 'localtime'), CAST(strftime('%H', ?3, 'unixepoch', 'localtime') AS "
      "INTEGER))";
  check(sqlite3_prepare_v2(handle_, sql.c_str(), -1, &statement, nullptr), handle_, sql);
  for (const ReceiptLine& line : lines) {
    sqlite3_reset(statement);
    sqlite3_bind_text(statement, 1, line.receipt_code.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(statement, 2, line.line_number);
    sqlite3_bind_int64(statement, 3, line.timestamp);
    sqlite3_bind_text(statement, 4, line.store_code.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 5, line.card_number.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 6, line.product_code.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 7, line.department.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(statement, 8, line.quantity);
    sqlite3_bind_int64(statement, 9, line.discount);
    sqlite3_bind_int64(statement, 10, line.amount);
    sqlite3_bind_text(statement, 11, line.promo_code.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(statement, 12, line.is_return ? 1 : 0);
    check(sqlite3_step(statement), handle_, "insert oracle line");
  }
  sqlite3_finalize(statement);
  execute("COMMIT");
}

std::vector<std::vector<std::string>> OracleTable::rows(
    const std::string& sql, const std::vector<std::string>& parameters) {
  sqlite3_stmt* statement = nullptr;
  check(sqlite3_prepare_v2(handle_, sql.c_str(), -1, &statement, nullptr), handle_, sql);
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    sqlite3_bind_text(statement, static_cast<int>(i + 1), parameters[i].c_str(), -1,
                      SQLITE_TRANSIENT);
  }
  std::vector<std::vector<std::string>> result;
  int code = SQLITE_OK;
  while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
      const auto* text = sqlite3_column_text(statement, column);
      row.emplace_back(text == nullptr ? "NULL" : reinterpret_cast<const char*>(text));
    }
    result.push_back(std::move(row));
  }
  const std::string error = code == SQLITE_DONE ? "" : sqlite3_errmsg(handle_);
  sqlite3_finalize(statement);
  if (!error.empty()) {
    throw std::runtime_error(sql + ": " + error);
  }
  return result;
}

int64_t OracleTable::integer(const std::string& sql, const std::vector<std::string>& parameters) {
  const auto result = rows(sql, parameters);
  if (result.size() != 1 || result[0].size() != 1 || result[0][0] == "NULL") {
    throw std::runtime_error("expected one integer from " + sql);
  }
  return std::stoll(result[0][0]);
}

}  // namespace imagross::analytics::testing
