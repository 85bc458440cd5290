#include "storage/sqlite/migrations.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>

#include "storage/database.h"
#include "storage/sqlite/utc_time.h"

namespace imagross::sqlite {
namespace {

constexpr Sql kCreateMigrationTable{"create_schema_migrations", R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT)sql"};

constexpr Sql kSelectSchemaVersion{"select_schema_version",
                                   "SELECT coalesce(max(version), 0) FROM schema_migrations"};

constexpr Sql kInsertMigration{
    "insert_schema_migration",
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)"};

// Version 1: the sales schema. Dictionary tables give every text value an integer id, so a
// receipt line is a row of integers. Money and quantities are INTEGER thousandths; STRICT tables
// reject any REAL or text value in them.
constexpr std::string_view kSalesSchema = R"sql(
CREATE TABLE stores (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL,
  department_id INTEGER REFERENCES departments (id)
) STRICT;

CREATE TABLE product_names (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE CHECK (number <> '')
) STRICT;

CREATE TABLE promotions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> '')
) STRICT;

CREATE TABLE receipts (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> '')
) STRICT;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  source_name TEXT NOT NULL,
  format TEXT NOT NULL,
  options TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  bytes_total INTEGER NOT NULL,
  bytes_read INTEGER NOT NULL,
  lines_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  reject_report TEXT NOT NULL,
  error TEXT NOT NULL,
  dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1))
) STRICT;

CREATE TABLE receipt_lines (
  receipt_id INTEGER NOT NULL REFERENCES receipts (id),
  line_number INTEGER NOT NULL CHECK (line_number > 0),
  timestamp INTEGER NOT NULL,
  store_id INTEGER NOT NULL REFERENCES stores (id),
  card_id INTEGER REFERENCES cards (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  product_name_id INTEGER NOT NULL REFERENCES product_names (id),
  department_id INTEGER REFERENCES departments (id),
  quantity INTEGER NOT NULL,
  unit_price INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  promotion_id INTEGER REFERENCES promotions (id),
  is_return INTEGER NOT NULL CHECK (is_return IN (0, 1)),
  import_id INTEGER NOT NULL REFERENCES imports (id),
  PRIMARY KEY (receipt_id, line_number)
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array kMigrations{
    Migration{1, "sales_schema", kSalesSchema},
};

void apply(Connection& connection, const Migration& migration) {
  Transaction transaction(connection);
  // Another process may have applied it between our check and our write lock.
  if (applied_schema_version(connection) >= migration.version) {
    return;
  }
  connection.execute(Sql{migration.name, migration.sql});
  Statement record(connection, kInsertMigration);
  record.bind(1, int64_t{migration.version})
      .bind(2, migration.name)
      .bind(3, utc_now_iso8601())
      .execute();
  transaction.commit();
  spdlog::info("database {}: applied schema migration {} ({})", connection.path(),
               migration.version, migration.name);
}

}  // namespace

std::span<const Migration> schema_migrations() {
  return kMigrations;
}

int applied_schema_version(Connection& connection) {
  return static_cast<int>(connection.query_int64(kSelectSchemaVersion));
}

int migrate(Connection& connection, std::span<const Migration> migrations) {
  connection.execute(kCreateMigrationTable);
  int known = migrations.empty() ? 0 : migrations.back().version;
  int version = applied_schema_version(connection);
  if (version > known) {
    throw StorageError(fmt::format(
        "database {} has schema version {}, but this build of imagross supports versions up to "
        "{}: open it with the newer imagross that wrote it",
        connection.path(), version, known));
  }
  for (const Migration& migration : migrations) {
    if (migration.version > version) {
      apply(connection, migration);
    }
  }
  return applied_schema_version(connection);
}

}  // namespace imagross::sqlite
