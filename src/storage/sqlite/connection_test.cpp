#include "storage/sqlite/connection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::TempDirectory;

constexpr int kFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
constexpr Sql kCreate{"create_items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)"};
constexpr Sql kInsert{"insert_item", "INSERT INTO items (id, name) VALUES (?1, ?2)"};
constexpr Sql kSelect{"select_item", "SELECT id, name FROM items WHERE id = ?1"};
constexpr Sql kCount{"count_items", "SELECT count(*) FROM items"};

TEST(ConnectionTest, BindsAndReadsValues) {
  TempDirectory directory;
  Connection connection(directory.file("items.db"), kFlags);
  connection.execute(kCreate);

  Statement insert(connection, kInsert);
  insert.bind(1, int64_t{7}).bind(2, std::string_view("caffè")).execute();
  insert.bind(1, int64_t{8}).bind_null(2).execute();

  Statement select(connection, kSelect);
  select.bind(1, int64_t{7});
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.column_int64(0), 7);
  EXPECT_EQ(select.column_text(1), "caffè");
  EXPECT_FALSE(select.column_is_null(1));
  EXPECT_FALSE(select.step());
  select.reset();

  select.bind(1, int64_t{8});
  ASSERT_TRUE(select.step());
  EXPECT_TRUE(select.column_is_null(1));
  EXPECT_EQ(select.column_text(1), "");
}

TEST(ConnectionTest, BindIdOrNullStoresNullForZero) {
  TempDirectory directory;
  Connection connection(directory.file("items.db"), kFlags);
  connection.execute(kCreate);
  Statement insert(connection, {"insert_id", "INSERT INTO items (id, name) VALUES (?1, ?2)"});
  insert.bind(1, int64_t{1}).bind_id_or_null(2, 0).execute();

  EXPECT_EQ(connection.query_int64({"nulls", "SELECT count(*) FROM items WHERE name IS NULL"}), 1);
}

TEST(ConnectionTest, PrepareErrorNamesStatementAndPath) {
  TempDirectory directory;
  std::string path = directory.file("items.db");
  Connection connection(path, kFlags);
  try {
    Statement broken(connection, {"broken_select", "SELECT * FROM no_such_table"});
    FAIL() << "prepare succeeded";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(),
                AllOf(HasSubstr("broken_select"), HasSubstr(path), HasSubstr("no_such_table")));
  }
}

TEST(ConnectionTest, StepErrorNamesStatement) {
  TempDirectory directory;
  Connection connection(directory.file("items.db"), kFlags);
  connection.execute(kCreate);
  Statement insert(connection, kInsert);
  insert.bind(1, int64_t{1}).bind(2, std::string_view("a")).execute();
  insert.bind(1, int64_t{1}).bind(2, std::string_view("b"));
  try {
    insert.step();
    FAIL() << "duplicate primary key accepted";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr("insert_item"), HasSubstr("UNIQUE constraint")));
  }
}

TEST(ConnectionTest, OpenFailureNamesPath) {
  TempDirectory directory;
  std::string path = directory.file("missing-directory/items.db");
  try {
    Connection connection(path, kFlags);
    FAIL() << "opened a file in a directory that does not exist";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr("cannot open"), HasSubstr(path)));
  }
}

TEST(TransactionTest, RollsBackWithoutCommit) {
  TempDirectory directory;
  Connection connection(directory.file("items.db"), kFlags);
  connection.execute(kCreate);
  {
    Transaction transaction(connection);
    Statement insert(connection, kInsert);
    insert.bind(1, int64_t{1}).bind(2, std::string_view("a")).execute();
    EXPECT_TRUE(connection.in_transaction());
  }
  EXPECT_FALSE(connection.in_transaction());
  EXPECT_EQ(connection.query_int64(kCount), 0);
}

TEST(TransactionTest, CommitKeepsChanges) {
  TempDirectory directory;
  std::string path = directory.file("items.db");
  {
    Connection connection(path, kFlags);
    connection.execute(kCreate);
    Transaction transaction(connection);
    Statement insert(connection, kInsert);
    insert.bind(1, int64_t{1}).bind(2, std::string_view("a")).execute();
    transaction.commit();
  }
  testing::RawDatabase raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM items"), 1);
}

}  // namespace
}  // namespace imagross::sqlite
