#pragma once

// Test support: receipt lines written in local time into a real SQLite database through the
// storage interface, and the same lines in a plain SQLite table for computing expected figures
// with SQL.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "analytics/sales_engine.h"
#include "common/time_zone.h"
#include "storage/database.h"

namespace imagross::analytics::testing {

// One receipt line as a test writes it; money and quantities in thousandths.
struct LineSpec {
  std::string receipt = "R1";
  int32_t line_number = 0;                   // 0: the next number within the receipt
  std::string time = "2026-03-02 10:00:00";  // local time
  std::optional<int64_t> utc_timestamp;      // when set, replaces `time`
  std::string store = "PV01";
  std::string card;  // empty: no card
  std::string product = "P1";
  std::string name;  // empty: "Product <code>"
  std::string department = "Ortofrutta";
  int64_t quantity = 1000;
  int64_t unit_price = 0;
  int64_t discount = 0;
  int64_t amount = 0;
  std::string promo;
  bool cancellation = false;  // a line of a cancellation document; negative quantities are returns
};

// Day number of a "YYYY-MM-DD" date; fails the test on a malformed date.
int32_t day_of(std::string_view iso_date);

// A filter of the days from `from` through `to` ("YYYY-MM-DD"), all lines of them.
SalesFilter period(std::string_view from, std::string_view to);

// A temporary directory with a database opened through open_database(), in Europe/Rome time.
// It also sets TZ=Europe/Rome for the process, so that SQLite's 'localtime' modifier converts
// with the same zone through the C library, independently of common/time_zone.h.
class SalesFixture {
 public:
  SalesFixture();
  ~SalesFixture();
  SalesFixture(const SalesFixture&) = delete;
  SalesFixture& operator=(const SalesFixture&) = delete;

  // Queues a line for the next write(); returns it as converted.
  const ReceiptLine& add(const LineSpec& spec);
  // Writes the queued lines in one batch and returns what the database inserted.
  BatchResult write();
  // Writes the queued lines and returns an engine loaded from the database.
  std::unique_ptr<SalesEngine> load_engine();

  Database& database() { return *database_; }
  std::shared_ptr<const TimeZone> zone() const { return zone_; }
  const std::filesystem::path& directory() const { return directory_; }
  const std::vector<ReceiptLine>& written() const { return written_; }

 private:
  std::filesystem::path directory_;
  std::shared_ptr<const TimeZone> zone_;
  std::unique_ptr<Database> database_;
  int64_t import_id_ = 0;
  std::vector<ReceiptLine> pending_;
  std::vector<ReceiptLine> written_;
};

// A plain SQLite table `lines` of receipt lines with their text codes, for expected values. Its
// columns are receipt, line_number, ts (UTC seconds), store, card, product, department,
// quantity, discount, amount, promo and is_return. SQLite computes two more from ts with the
// 'localtime' modifier: `day` (local 'YYYY-MM-DD') and `hour` (local 0-23).
class OracleTable {
 public:
  explicit OracleTable(const std::filesystem::path& file);
  ~OracleTable();
  OracleTable(const OracleTable&) = delete;
  OracleTable& operator=(const OracleTable&) = delete;

  void insert(const std::vector<ReceiptLine>& lines);
  void execute(const std::string& sql);
  // Rows of a query with text placeholders ?1, ?2, ... bound to `parameters`; every value comes
  // back as text, NULL as "NULL".
  std::vector<std::vector<std::string>> rows(const std::string& sql,
                                             const std::vector<std::string>& parameters = {});
  int64_t integer(const std::string& sql, const std::vector<std::string>& parameters = {});

 private:
  sqlite3* handle_ = nullptr;
};

}  // namespace imagross::analytics::testing
