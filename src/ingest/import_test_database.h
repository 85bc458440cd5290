#pragma once

// Reads back what an import stored, with SQLite's own SQL over the database file, so the tests
// check the stored rows independently of the storage code that wrote them.

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/civil_time.h"
#include "common/decimal.h"
#include "ingest/report/reject_report.h"

namespace imagross::ingest::testing {

// A read-only connection to a database file.
class SqlReader {
 public:
  explicit SqlReader(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path);
    }
  }
  ~SqlReader() { sqlite3_close(db_); }
  SqlReader(const SqlReader&) = delete;
  SqlReader& operator=(const SqlReader&) = delete;

  // Runs `sql` and returns every row, each column as text ("" for NULL).
  std::vector<std::vector<std::string>> query(const std::string& sql) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("bad SQL: ") + sqlite3_errmsg(db_));
    }
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      std::vector<std::string>& row = rows.emplace_back();
      for (int i = 0; i < sqlite3_column_count(statement); ++i) {
        const auto* text = sqlite3_column_text(statement, i);
        row.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
      }
    }
    sqlite3_finalize(statement);
    return rows;
  }

  int64_t query_int(const std::string& sql) const { return std::stoll(query(sql).at(0).at(0)); }

 private:
  sqlite3* db_ = nullptr;
};

inline std::string utc_text(int64_t seconds) {
  const auto day = static_cast<int32_t>(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
  const auto second_of_day = static_cast<int32_t>(seconds - int64_t{day} * 86400);
  LocalDateTime time{day, second_of_day};
  std::string text = format_local_date_time(time);
  text[10] = 'T';
  return text + "Z";
}

// Every stored line as a canonical CSV, header included, ordered by receipt code and line
// number: the form of the fixtures' expected.csv.
inline std::string stored_lines_csv(const std::string& database_path) {
  const SqlReader reader(database_path);
  const auto rows = reader.query(R"sql(
    SELECT r.code, l.line_number, l.timestamp, s.code, coalesce(c.number, ''), p.code, pn.name,
           coalesce(d.name, ''), l.quantity, l.unit_price, l.discount, l.amount,
           coalesce(pr.code, ''), l.is_return
    FROM receipt_lines l
    JOIN receipts r ON r.id = l.receipt_id
    JOIN stores s ON s.id = l.store_id
    LEFT JOIN cards c ON c.id = l.card_id
    JOIN products p ON p.id = l.product_id
    JOIN product_names pn ON pn.id = l.product_name_id
    LEFT JOIN departments d ON d.id = l.department_id
    LEFT JOIN promotions pr ON pr.id = l.promotion_id
    ORDER BY r.code, l.line_number)sql");
  std::string out =
      "receipt_id,line_number,timestamp,store_id,card_number,product_code,product_name,"
      "department,quantity,unit_price,discount,amount,promo_code,is_return\n";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string value = row[i];
      if (i == 2) {
        value = utc_text(std::stoll(value));
      } else if (i >= 8 && i <= 11) {
        value = format_milli(std::stoll(value), 3);
      }
      out += i == 0 ? "" : ",";
      append_csv_field(out, value);
    }
    out += '\n';
  }
  return out;
}

// Parses RFC 4180 CSV text into rows of fields.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace imagross::ingest::testing
