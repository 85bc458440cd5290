#pragma once

// Helpers shared by the storage tests: a temporary directory, receipt lines with defaults,
// queries through the plain SQLite C API, independent of the code under test, and a database
// whose inserts fail on demand.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/receipt_line.h"
#include "storage/sqlite/sqlite_database.h"

namespace imagross::sqlite::testing {

// A directory that exists for the lifetime of the object.
class TempDirectory {
 public:
  TempDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "imagross-storage-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed for " + pattern);
    }
    path_ = pattern;
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A line with every field set; tests change what they need.
inline ReceiptLine make_line(const std::string& receipt, int32_t line_number) {
  ReceiptLine line;
  line.receipt_code = receipt;
  line.line_number = line_number;
  line.timestamp = 1'764'547'200 + line_number;  // 2025-12-01T00:00:00Z onwards
  line.store_code = "PV07";
  line.card_number = "2000000000015";
  line.product_code = "8001234567890";
  line.product_name = "Parmigiano Reggiano 24 mesi";
  line.department = "Salumeria e Formaggi";
  line.quantity = 1'250;     // 1.25 kg
  line.unit_price = 23'900;  // 23.90 EUR
  line.discount = 1'000;     // 1.00 EUR
  line.amount = 28'880;      // 29.875 rounded to 29.88, less the discount
  line.promo_code = "PROMO-FORMAGGI";
  line.is_return = false;
  return line;
}

// An independent connection for checking what the storage wrote.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path << ": " << sqlite3_errmsg(db_);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~RawDatabase() { sqlite3_close(db_); }
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  // Runs `sql` and returns every row, each value as text ("NULL" for NULL).
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    std::vector<std::vector<std::string>> result;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot prepare " << sql << ": " << sqlite3_errmsg(db_);
      return result;
    }
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        const unsigned char* text = sqlite3_column_text(statement, column);
        row.emplace_back(text == nullptr ? "NULL" : reinterpret_cast<const char*>(text));
      }
      result.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    return result;
  }

  // The first value of the first row, as an integer.
  int64_t integer(const std::string& sql) {
    auto result = rows(sql);
    if (result.empty() || result.front().empty()) {
      ADD_FAILURE() << "no value from " << sql;
      return -1;
    }
    return std::stoll(result.front().front());
  }

  void execute(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << (error != nullptr ? error : "");
      sqlite3_free(error);
    }
  }

 private:
  sqlite3* db_ = nullptr;
};

// The amount that makes inserting a receipt line fail in a database of create_failing_database.
inline constexpr int64_t kFailingAmount = -999999;

// Creates the database at `path` with a trigger that fails the insert of a receipt line whose
// amount is kFailingAmount: a failure of SQLite in the middle of a batch.
inline void create_failing_database(const std::string& path) {
  { SqliteDatabase create_schema(path); }
  RawDatabase raw(path);
  raw.execute("CREATE TRIGGER injected_failure BEFORE INSERT ON receipt_lines WHEN NEW.amount = " +
              std::to_string(kFailingAmount) +
              " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
}

}  // namespace imagross::sqlite::testing
