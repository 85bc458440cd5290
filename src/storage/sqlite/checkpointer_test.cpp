#include "storage/sqlite/checkpointer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using testing::TempDirectory;

constexpr int kFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

// A writer connection in WAL mode with an empty table, and no checkpoint of SQLite's own.
class CheckpointerTest : public ::testing::Test {
 protected:
  CheckpointerTest() : path_(directory_.file("notes.db")), writer_(path_, kFlags) {
    writer_.query_text({"wal", "PRAGMA journal_mode = WAL"});
    writer_.execute({"no_automatic_checkpoint", "PRAGMA wal_autocheckpoint = 0"});
    writer_.execute({"create", "CREATE TABLE notes (body TEXT)"});
  }

  // Inserts `rows` notes of `width` bytes in one transaction.
  void fill(int rows, int width) {
    std::string sql = fmt::format(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {}) "
        "INSERT INTO notes SELECT printf('%.{}c', 'x') FROM n",
        rows, width);
    writer_.execute({"fill", sql});
  }

  TempDirectory directory_;
  std::string path_;
  Connection writer_;
};

TEST_F(CheckpointerTest, CopiesLogIntoDatabaseFile) {
  Checkpointer checkpointer(path_, writer_);
  auto size_before = std::filesystem::file_size(path_);

  fill(2000, 200);

  EXPECT_GT(checkpointer.checkpoint(), 0);
  EXPECT_GT(std::filesystem::file_size(path_), size_before + 400'000);
}

TEST_F(CheckpointerTest, LargeCommitWakesThread) {
  Checkpointer checkpointer(path_, writer_);

  // About 5,000 pages of 4 KiB in one commit: more than kCheckpointLogBytes.
  fill(20000, 1000);

  // The thread checkpoints on its own; wait for it, bounded to 10 s.
  for (int attempt = 0; attempt < 200 && std::filesystem::file_size(path_) < 20'000'000;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_GE(std::filesystem::file_size(path_), 20'000'000u);
}

}  // namespace
}  // namespace imagross::sqlite
