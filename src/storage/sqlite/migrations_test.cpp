#include "storage/sqlite/migrations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

#include "storage/database.h"
#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::RawDatabase;
using testing::TempDirectory;

constexpr int kFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

constexpr std::array kTwoVersions{
    Migration{1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"},
    Migration{2, "note_authors", "ALTER TABLE notes ADD COLUMN author TEXT"},
};

int latest_version() {
  return schema_migrations().back().version;
}

TEST(MigrationsTest, VersionsAreNumberedInOrder) {
  int expected = 1;
  for (const Migration& migration : schema_migrations()) {
    EXPECT_EQ(migration.version, expected) << migration.name;
    ++expected;
  }
}

TEST(MigrationsTest, FreshDatabaseGetsEveryTable) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database(path);
  EXPECT_EQ(database.schema_version(), latest_version());

  RawDatabase raw(path);
  auto tables = raw.rows(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "ORDER BY name");
  std::vector<std::string> names;
  for (const auto& row : tables) {
    names.push_back(row[0]);
  }
  EXPECT_THAT(names,
              ::testing::ElementsAre(
                  "account_stores", "accounts", "audit_log", "cards", "departments", "imports",
                  "member_tiers", "members", "members_search", "members_search_config",
                  "members_search_data", "members_search_docsize", "members_search_idx", "outbox",
                  "password_resets", "points_allocations", "points_balances", "points_ledger",
                  "points_open_entries", "points_openings", "points_receipts", "points_returns",
                  "points_rule_sets", "pos_keys", "product_names", "products", "promotions",
                  "receipt_lines", "receipts", "redemptions", "refresh_tokens", "rewards",
                  "schema_migrations", "sign_in_failures", "stores"));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_migrations"), latest_version());
  EXPECT_EQ(raw.rows("PRAGMA journal_mode")[0][0], "wal");
}

TEST(MigrationsTest, ReopenAppliesNothingAgain) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  { SqliteDatabase first(path); }
  SqliteDatabase second(path);
  EXPECT_EQ(second.schema_version(), latest_version());
  RawDatabase raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_migrations"), latest_version());
}

TEST(MigrationsTest, NewerDatabaseIsRejected) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  { SqliteDatabase database(path); }
  {
    RawDatabase raw(path);
    raw.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) "
        "VALUES (99, 'from_the_future', '2030-01-01T00:00:00Z')");
  }
  try {
    SqliteDatabase database(path);
    FAIL() << "opened a database with schema version 99";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr(path), HasSubstr("schema version 99"),
                                    HasSubstr("newer imagross")));
  }
}

TEST(MigrationsTest, UpgradesFromOlderVersion) {
  TempDirectory directory;
  std::string path = directory.file("notes.db");
  Connection connection(path, kFlags);
  EXPECT_EQ(migrate(connection, std::span(kTwoVersions).first(1)), 1);
  connection.execute({"insert_note", "INSERT INTO notes (body) VALUES ('kept')"});

  EXPECT_EQ(migrate(connection, kTwoVersions), 2);

  RawDatabase raw(path);
  EXPECT_EQ(raw.rows("SELECT body, author FROM notes")[0],
            (std::vector<std::string>{"kept", "NULL"}));
  EXPECT_EQ(raw.rows("SELECT name FROM schema_migrations ORDER BY version")[1][0], "note_authors");
}

TEST(MigrationsTest, FailedMigrationLeavesPreviousVersion) {
  TempDirectory directory;
  std::string path = directory.file("notes.db");
  constexpr std::array kBroken{
      kTwoVersions[0],
      Migration{2, "broken", "CREATE TABLE tags (name TEXT); INSERT INTO no_such_table VALUES (1)"},
  };
  Connection connection(path, kFlags);
  EXPECT_THROW(migrate(connection, kBroken), StorageError);

  EXPECT_EQ(applied_schema_version(connection), 1);
  RawDatabase raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'tags'"), 0);
}

TEST(MigrationsTest, SalesTablesAreStrict) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database(path);
  RawDatabase raw(path);
  raw.execute(
      "INSERT INTO imports (kind, source_name, format, options, status, started_at, "
      "bytes_total, bytes_read, lines_read, imported, duplicates, rejected, "
      "reject_report, error, dry_run) VALUES ('sales', 'a.csv', 'csv', '{}', 'running', "
      "'2026-01-01T00:00:00Z', 0, 0, 0, 0, 0, 0, '', '', 0)");
  // A REAL amount is rejected: money is never floating point.
  char* error = nullptr;
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_extended_result_codes(db, 1);
  int code = sqlite3_exec(db,
                          "INSERT INTO receipt_lines VALUES (1, 1, 0, 1, NULL, 1, 1, NULL, 1000, "
                          "1000, 0, 1.5, NULL, 0, 1)",
                          nullptr, nullptr, &error);
  EXPECT_EQ(code, SQLITE_CONSTRAINT_DATATYPE) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace
}  // namespace imagross::sqlite
