#include "storage/sqlite/import_records.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::ElementsAre;
using testing::RawDatabase;
using testing::TempDirectory;

bool is_iso8601_utc(const std::string& text) {
  static const std::regex kPattern(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  return std::regex_match(text, kPattern);
}

ImportRecord sample_record() {
  ImportRecord record;
  record.kind = "sales";
  record.source_name = "scontrini-novembre.csv.gz";
  record.format = "csv+gz";
  record.options = R"({"locale":"it-IT","delimiter":";"})";
  record.bytes_total = 1'048'576;
  return record;
}

class ImportRecordsTest : public ::testing::Test {
 protected:
  ImportRecordsTest() : path_(directory_.file("imagross.db")), database_(path_) {}

  TempDirectory directory_;
  std::string path_;
  SqliteDatabase database_;
};

TEST_F(ImportRecordsTest, CreateFillsIdAndStart) {
  int64_t id = database_.create_import(sample_record());
  EXPECT_GT(id, 0);

  std::optional<ImportRecord> found = database_.find_import(id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->status, ImportStatus::running);
  EXPECT_TRUE(is_iso8601_utc(found->started_at)) << found->started_at;
  EXPECT_EQ(found->finished_at, "");
  EXPECT_EQ(found->source_name, "scontrini-novembre.csv.gz");
  EXPECT_EQ(found->format, "csv+gz");
  EXPECT_EQ(found->options, R"({"locale":"it-IT","delimiter":";"})");
  EXPECT_EQ(found->bytes_total, 1'048'576);
  EXPECT_FALSE(found->dry_run);
}

TEST_F(ImportRecordsTest, UpdateStoresEveryField) {
  ImportRecord record = sample_record();
  record.id = database_.create_import(record);
  record.status = ImportStatus::completed;
  record.bytes_read = 1'048'576;
  record.lines_read = 1'000'123;
  record.imported = 999'000;
  record.duplicates = 1'000;
  record.rejected = 123;
  record.reject_report = "data/rejects/import-1.csv";
  record.error = "";
  record.dry_run = true;
  database_.update_import(record);

  ImportRecord found = database_.find_import(record.id).value();
  EXPECT_EQ(found.status, ImportStatus::completed);
  EXPECT_EQ(found.bytes_read, 1'048'576);
  EXPECT_EQ(found.lines_read, 1'000'123);
  EXPECT_EQ(found.imported, 999'000);
  EXPECT_EQ(found.duplicates, 1'000);
  EXPECT_EQ(found.rejected, 123);
  EXPECT_EQ(found.reject_report, "data/rejects/import-1.csv");
  EXPECT_TRUE(found.dry_run);
  EXPECT_TRUE(is_iso8601_utc(found.finished_at)) << found.finished_at;

  RawDatabase raw(path_);
  EXPECT_EQ(raw.rows("SELECT status, imported, dry_run FROM imports")[0],
            (std::vector<std::string>{"completed", "999000", "1"}));
}

TEST_F(ImportRecordsTest, FailedImportKeepsError) {
  ImportRecord record = sample_record();
  record.id = database_.create_import(record);
  record.status = ImportStatus::failed;
  record.error = "line 17: invalid UTF-8; declare --encoding windows-1252";
  record.finished_at = "2026-11-30T10:00:00Z";
  database_.update_import(record);

  ImportRecord found = database_.find_import(record.id).value();
  EXPECT_EQ(found.status, ImportStatus::failed);
  EXPECT_EQ(found.error, "line 17: invalid UTF-8; declare --encoding windows-1252");
  EXPECT_EQ(found.finished_at, "2026-11-30T10:00:00Z");
}

TEST_F(ImportRecordsTest, RunningImportHasNoFinish) {
  ImportRecord record = sample_record();
  record.id = database_.create_import(record);
  record.bytes_read = 4096;
  database_.update_import(record);
  EXPECT_EQ(database_.find_import(record.id)->finished_at, "");
  RawDatabase raw(path_);
  EXPECT_EQ(raw.rows("SELECT finished_at FROM imports")[0][0], "NULL");
}

TEST_F(ImportRecordsTest, UpdateOfUnknownIdThrows) {
  ImportRecord record = sample_record();
  record.id = 42;
  EXPECT_THROW(database_.update_import(record), std::invalid_argument);
}

TEST_F(ImportRecordsTest, FindUnknownIdIsEmpty) {
  EXPECT_FALSE(database_.find_import(42).has_value());
}

TEST_F(ImportRecordsTest, ListNewestFirstWithPaging) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ImportRecord record = sample_record();
    record.source_name = "file" + std::to_string(i) + ".csv";
    ids.push_back(database_.create_import(record));
  }

  auto names = [](const std::vector<ImportRecord>& records) {
    std::vector<std::string> result;
    for (const ImportRecord& record : records) {
      result.push_back(record.source_name);
    }
    return result;
  };
  EXPECT_THAT(names(database_.list_imports(2, 0)), ElementsAre("file4.csv", "file3.csv"));
  EXPECT_THAT(names(database_.list_imports(2, 2)), ElementsAre("file2.csv", "file1.csv"));
  EXPECT_THAT(names(database_.list_imports(10, 4)), ElementsAre("file0.csv"));
  EXPECT_TRUE(database_.list_imports(10, 5).empty());
  EXPECT_THROW(database_.list_imports(-1, 0), std::invalid_argument);
}

}  // namespace
}  // namespace imagross::sqlite
