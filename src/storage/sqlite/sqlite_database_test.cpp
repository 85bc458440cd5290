// Opening databases, failures of the database itself, and concurrent use.

#include "storage/sqlite/sqlite_database.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

#include "storage/database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::make_line;
using testing::RawDatabase;
using testing::TempDirectory;

std::vector<ReceiptLine> numbered_lines(const std::string& prefix, int count) {
  std::vector<ReceiptLine> lines;
  for (int i = 0; i < count; ++i) {
    ReceiptLine line = make_line(prefix + "-" + std::to_string(i / 5), 1 + i % 5);
    line.product_code = "P" + std::to_string(i % 50);
    line.card_number = "C" + std::to_string(i % 11);
    lines.push_back(line);
  }
  return lines;
}

// Creates the database at `path` with `count` lines and closes it.
void write_and_close(const std::string& path, int count) {
  SqliteDatabase database(path);
  int64_t import_id = database.create_import(ImportRecord{});
  database.write_lines(import_id, numbered_lines("R", count));
}

TEST(OpenDatabaseTest, AcceptsSqlitePrefix) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  auto database = open_database("sqlite:" + path);
  EXPECT_GE(database->schema_version(), 1);
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(OpenDatabaseTest, RejectsPostgresLocation) {
  EXPECT_THROW(open_database("postgres://localhost/imagross"), StorageError);
}

TEST(OpenDatabaseTest, RejectsMemoryDatabase) {
  try {
    open_database(":memory:");
    FAIL() << "opened an in-memory database";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), HasSubstr("file path"));
  }
}

TEST(OpenDatabaseTest, MissingDirectoryNamesPath) {
  TempDirectory directory;
  std::string path = directory.file("no-such-directory/imagross.db");
  try {
    open_database(path);
    FAIL() << "opened " << path;
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), HasSubstr(path));
  }
}

TEST(OpenDatabaseTest, FileThatIsNotDatabase) {
  TempDirectory directory;
  std::string path = directory.file("notes.db");
  {
    std::ofstream file(path);
    for (int i = 0; i < 200; ++i) {
      file << "receipt_id,timestamp,store_id,card_number,product_code\n";
    }
  }
  try {
    SqliteDatabase database(path);
    FAIL() << "opened a text file as a database";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr(path), HasSubstr("not a database")));
  }
}

TEST(OpenDatabaseTest, CorruptPagesRaiseStorageError) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  write_and_close(path, 5000);
  // Closing the last connection copied the log into the file; overwrite all but the first 16
  // pages (header and schema) with garbage.
  auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 100'000u);
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(16 * 4096);
    std::string garbage(size - 16 * 4096, '\xA5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  try {
    SqliteDatabase database(path);
    database.scan_lines([](std::span<const StoredLine>) {});
    database.count_lines();
    FAIL() << "read a corrupt database without an error";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr(path), HasSubstr("malformed")));
  }
}

TEST(OpenDatabaseTest, ReadOnlyDatabaseRejectsWrites) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  write_and_close(path, 10);
  // A read-only URI stands for a write-protected file, which root could write anyway.
  SqliteDatabase database("file:" + path + "?mode=ro");
  EXPECT_EQ(database.count_lines(), 10);
  EXPECT_EQ(database.load_dictionaries().products.size(), 10u);
  try {
    database.create_import(ImportRecord{});
    FAIL() << "wrote to a read-only database";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), AllOf(HasSubstr(path), HasSubstr("readonly")));
  }
  EXPECT_THROW(database.write_lines(1, numbered_lines("S", 5)), StorageError);
}

TEST(SqliteDatabaseTest, ConcurrentWritersAndReaders) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database(path);
  constexpr int kWriters = 4;
  constexpr int kBatches = 10;
  constexpr int kLinesPerBatch = 200;

  std::atomic<int> writers_left = kWriters;
  std::atomic<int64_t> inserted = 0;
  std::vector<std::thread> threads;
  for (int writer = 0; writer < kWriters; ++writer) {
    threads.emplace_back([&, writer] {
      int64_t import_id = database.create_import(ImportRecord{});
      for (int batch = 0; batch < kBatches; ++batch) {
        std::string prefix = "W" + std::to_string(writer) + "B" + std::to_string(batch);
        BatchResult result =
            database.write_lines(import_id, numbered_lines(prefix, kLinesPerBatch));
        inserted += static_cast<int64_t>(result.inserted.size());
      }
      --writers_left;
    });
  }
  int reads = 0;
  threads.emplace_back([&] {
    while (writers_left > 0) {
      int64_t scanned = 0;
      database.scan_lines([&](std::span<const StoredLine> chunk) {
        scanned += static_cast<int64_t>(chunk.size());
      });
      EXPECT_LE(scanned, int64_t{kWriters * kBatches * kLinesPerBatch});
      database.load_dictionaries();
      database.list_imports(10, 0);
      ++reads;
    }
  });
  for (std::thread& thread : threads) {
    thread.join();
  }

  EXPECT_GT(reads, 0);
  EXPECT_EQ(inserted.load(), kWriters * kBatches * kLinesPerBatch);
  EXPECT_EQ(database.count_lines(), kWriters * kBatches * kLinesPerBatch);
  Dictionaries dictionaries = database.load_dictionaries();
  EXPECT_EQ(dictionaries.products.size(), 50u);
  EXPECT_EQ(dictionaries.cards.size(), 11u);
  RawDatabase raw(path);
  EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"), kWriters * kBatches * kLinesPerBatch / 5);
}

TEST(SqliteDatabaseTest, SinkMayCallBackIntoDatabase) {
  TempDirectory directory;
  SqliteDatabase database(directory.file("imagross.db"));
  int64_t import_id = database.create_import(ImportRecord{});
  database.write_lines(import_id, numbered_lines("R", 20));
  std::size_t products = 0;
  database.scan_lines([&](std::span<const StoredLine>) {
    products = database.load_dictionaries().products.size();
  });
  EXPECT_EQ(products, 20u);
}

}  // namespace
}  // namespace imagross::sqlite
