// The import pipeline end to end over a real SQLite file, with rows held in memory. The tests
// over real files in every format are in sales_import_fixtures_test.cpp.

#include "ingest/sales_import.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include "ingest/import_test_support.h"
#include "ingest/sales_import_run.h"

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;
using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kHeader = {"receipt_id",  "timestamp",    "store_id",
                                          "card_number", "product_code", "product_name",
                                          "quantity",    "unit_price",   "amount"};

const Rows kRows = {
    {"R1", "2026-03-02 10:00:00", "PV01", "2000000000017", "8001", "Latte", "2", "1.10", "2.20"},
    {"R1", "2026-03-02 10:00:00", "PV01", "2000000000017", "8001", "Latte", "2", "1.10", "2.20"},
    {"R1", "2026-03-02 10:00:00", "PV01", "2000000000017", "8002", "Pane", "1", "0.80", "0.80"},
    {"R2", "2026-03-02 11:00:00", "PV02", "", "8002", "Pane", "-1", "0.80", "-0.80"},
};

std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

class SalesImportTest : public ::testing::Test {
 protected:
  SalesImportTest() : scratch_("imagross-sales-import-test") {
    database_ = open_database(scratch_.file("test.db"));
    options_.reject_directory = scratch_.file("rejects");
  }

  SalesImportSummary import(const Rows& rows, const SalesImportObserver& observer = {}) {
    return run_sales_import("sales.csv", testing::memory_reader(kHeader, rows), options_,
                            options_.dry_run ? nullptr : database_.get(), observer);
  }

  static void expect_balanced(const SalesImportSummary& summary) {
    EXPECT_EQ(summary.lines_read, summary.imported + summary.duplicates + summary.rejected);
  }

  testing::ScratchDirectory scratch_;
  std::unique_ptr<Database> database_;
  SalesImportOptions options_;
};

TEST_F(SalesImportTest, IdenticalRowsOfOneReceiptAreTwoLines) {
  const auto summary = import(kRows);
  EXPECT_EQ(summary.fatal_error, "");
  EXPECT_EQ(summary.lines_read, 4);
  EXPECT_EQ(summary.imported, 4);
  EXPECT_EQ(summary.duplicates, 0);
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(summary.reject_report, "");
  EXPECT_EQ(database_->count_lines(), 4);

  std::vector<std::pair<int64_t, int32_t>> keys;
  database_->scan_lines([&](std::span<const StoredLine> lines) {
    for (const StoredLine& line : lines) {
      keys.emplace_back(line.receipt_id, line.line_number);
    }
  });
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0].second, 1);
  EXPECT_EQ(keys[1].second, 2);
  EXPECT_EQ(keys[2].second, 3);
  EXPECT_EQ(keys[3].second, 1);
}

TEST_F(SalesImportTest, ReimportAddsNothing) {
  const auto first = import(kRows);
  ASSERT_EQ(first.imported, 4);
  const auto second = import(kRows);
  EXPECT_EQ(second.fatal_error, "");
  EXPECT_EQ(second.imported, 0);
  EXPECT_EQ(second.duplicates, 4);
  EXPECT_EQ(second.rejected, 0);
  EXPECT_EQ(database_->count_lines(), 4);
  expect_balanced(second);
  EXPECT_NE(second.import_id, first.import_id);
}

TEST_F(SalesImportTest, ConflictingReimportRejected) {
  const auto first = import(kRows);
  ASSERT_EQ(first.imported, 4);
  Rows changed = kRows;
  changed[2][7] = "0.90";
  changed[2][8] = "0.90";
  const auto second = import(changed);
  EXPECT_EQ(second.duplicates, 3);
  EXPECT_EQ(second.rejected, 1);
  expect_balanced(second);
  ASSERT_FALSE(second.reject_report.empty());
  const std::string report = read_text(second.reject_report);
  EXPECT_THAT(report, HasSubstr("4,receipt_id,R1,"));
  EXPECT_THAT(report, HasSubstr("receipt 'R1' line 3"));
  EXPECT_THAT(report, HasSubstr("different values"));
  EXPECT_EQ(std::filesystem::path(second.reject_report).filename(),
            "import-" + std::to_string(second.import_id) + "-rejects.csv");
}

TEST_F(SalesImportTest, RejectedRowsReportedAndTheRestImported) {
  Rows rows = kRows;
  rows.push_back(
      {"R3", "2026-03-02 25:00:00", "PV01", "2.01234E+12", "8001", "Latte", "two", "1.10", "2.20"});
  rows.push_back({"R3", "2026-03-02 12:00:00", "PV01", "", "8001", "Latte", "1", "1.10", "1.10"});
  const auto summary = import(rows);
  EXPECT_EQ(summary.lines_read, 6);
  EXPECT_EQ(summary.imported, 5);
  EXPECT_EQ(summary.rejected, 1);
  expect_balanced(summary);
  const std::string report = read_text(summary.reject_report);
  EXPECT_THAT(report, HasSubstr("6,timestamp,2026-03-02 25:00:00,"));
  EXPECT_THAT(report, HasSubstr("6,card_number,2.01234E+12,"));
  EXPECT_THAT(report, HasSubstr("6,quantity,two,"));

  // The rejected row kept its place in receipt R3, so the next row is line 2.
  int32_t last_line_number = 0;
  database_->scan_lines(
      [&](std::span<const StoredLine> lines) { last_line_number = lines.back().line_number; });
  EXPECT_EQ(last_line_number, 2);
}

TEST_F(SalesImportTest, ImportRecordTracksProgressAndResult) {
  options_.batch_size = 2;
  std::vector<int64_t> progress;
  int batches = 0;
  SalesImportObserver observer;
  observer.on_progress = [&](const ImportRecord& record) { progress.push_back(record.lines_read); };
  observer.on_batch = [&](const BatchResult&) { ++batches; };
  const auto summary = import(kRows, observer);
  EXPECT_EQ(progress, (std::vector<int64_t>{2, 4}));
  EXPECT_EQ(batches, 2);

  const auto record = database_->find_import(summary.import_id);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->status, ImportStatus::completed);
  EXPECT_EQ(record->source_name, "sales.csv");
  EXPECT_EQ(record->format, "csv");
  EXPECT_EQ(record->lines_read, 4);
  EXPECT_EQ(record->imported, 4);
  EXPECT_FALSE(record->started_at.empty());
  EXPECT_FALSE(record->finished_at.empty());
  EXPECT_THAT(record->options, HasSubstr("Europe/Rome"));
}

TEST_F(SalesImportTest, DryRunWritesNothing) {
  options_.dry_run = true;
  Rows rows = kRows;
  rows.push_back({"R3", "bad", "PV01", "", "8001", "Latte", "1", "1.10", "1.10"});
  const auto summary = import(rows);
  EXPECT_EQ(summary.import_id, 0);
  EXPECT_EQ(summary.imported, 4);
  EXPECT_EQ(summary.rejected, 1);
  EXPECT_EQ(database_->count_lines(), 0);
  EXPECT_TRUE(database_->list_imports(10, 0).empty());
  EXPECT_EQ(std::filesystem::path(summary.reject_report).filename(), "dry-run-sales-rejects.csv");
}

TEST_F(SalesImportTest, MissingColumnFailsTheImport) {
  const std::vector<std::string> header = {"InvoiceNo", "StockCode", "Quantity"};
  const auto summary = run_sales_import("retail.csv", testing::memory_reader(header, {}), options_,
                                        database_.get(), {});
  EXPECT_THAT(summary.fatal_error, HasSubstr("\"InvoiceNo\", \"StockCode\", \"Quantity\""));
  EXPECT_THAT(summary.fatal_error, HasSubstr("--preset"));
  const auto imports = database_->list_imports(10, 0);
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].status, ImportStatus::failed);
  EXPECT_EQ(imports[0].error, summary.fatal_error);
}

TEST_F(SalesImportTest, SameLineNumberTwiceInOneFile) {
  const std::vector<std::string> header = {"receipt_id",   "line_number", "timestamp", "store_id",
                                           "product_code", "quantity",    "unit_price"};
  const Rows rows = {{"R1", "1", "2026-03-02 10:00", "PV01", "8001", "1", "1.00"},
                     {"R1", "1", "2026-03-02 10:00", "PV01", "8001", "1", "1.00"},
                     {"R1", "1", "2026-03-02 10:00", "PV01", "8001", "2", "1.00"}};
  const auto summary = run_sales_import("numbered.csv", testing::memory_reader(header, rows),
                                        options_, database_.get(), {});
  EXPECT_EQ(summary.imported, 1);
  EXPECT_EQ(summary.duplicates, 1);
  EXPECT_EQ(summary.rejected, 1);
  expect_balanced(summary);
}

// Counts how often the pipeline opens the file: once, plus once for a detection pass.
int count_file_reads(const std::vector<std::string>& header, const Rows& rows,
                     const SalesImportOptions& options) {
  int opened = 0;
  const ReaderFactory reader = testing::memory_reader(header, rows);
  const ReaderFactory counting = [&]() {
    ++opened;
    return reader();
  };
  const auto summary = run_sales_import("count.csv", counting, options, nullptr, {});
  EXPECT_EQ(summary.fatal_error, "");
  EXPECT_EQ(summary.rejected, 0);
  return opened;
}

TEST_F(SalesImportTest, DetectionPassOnlyWhenNeeded) {
  EXPECT_EQ(count_file_reads(kHeader, kRows, options_), 1);

  const std::vector<std::string> italian = {"scontrino", "data",     "negozio",
                                            "codice",    "quantita", "prezzo"};
  const Rows italian_rows = {{"R1", "02/03/2026 10:00", "PV01", "8001", "1", "1,10"}};
  EXPECT_EQ(count_file_reads(italian, italian_rows, options_), 2);

  SalesImportOptions fixed = options_;
  fixed.locale = Locale::it_IT;
  fixed.date_format = "day-first";
  EXPECT_EQ(count_file_reads(italian, italian_rows, fixed), 1);
}

TEST_F(SalesImportTest, FillsRecordCreatedByCaller) {
  ImportRecord created;
  created.source_name = "upload.csv";
  options_.import_id = database_->create_import(created);
  options_.source_name = "upload.csv";
  const auto summary = import(kRows);
  EXPECT_EQ(summary.import_id, options_.import_id);
  const auto record = database_->find_import(options_.import_id);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->status, ImportStatus::completed);
  EXPECT_EQ(record->imported, 4);
  EXPECT_EQ(record->source_name, "upload.csv");
  EXPECT_FALSE(record->started_at.empty());
  EXPECT_EQ(database_->list_imports(10, 0).size(), 1u);
}

TEST_F(SalesImportTest, UnreadableFileFailsRecordCreatedByCaller) {
  options_.import_id = database_->create_import(ImportRecord{});
  const auto summary = import_sales(scratch_.file("missing.csv"), options_, *database_);
  EXPECT_NE(summary.fatal_error, "");
  const auto record = database_->find_import(options_.import_id);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->status, ImportStatus::failed);
  EXPECT_EQ(record->error, summary.fatal_error);
  EXPECT_FALSE(record->started_at.empty());
}

TEST_F(SalesImportTest, PresetAndMappingTogetherRejected) {
  options_.preset = "online-retail";
  options_.mapping_file = "mapping.json";
  const auto summary = import(kRows);
  EXPECT_THAT(summary.fatal_error, HasSubstr("--preset and --mapping"));
  EXPECT_TRUE(database_->list_imports(10, 0).empty());
}

TEST_F(SalesImportTest, UnknownTimeZoneFailsTheImport) {
  options_.time_zone = "Europe/Atlantis";
  const auto summary = import(kRows);
  EXPECT_THAT(summary.fatal_error, HasSubstr("Europe/Atlantis"));
  EXPECT_EQ(summary.imported, 0);
}

// Writes `rows` copies of a canonical CSV row, gzip-compressed, and cuts the file to a half.
std::string write_truncated_gzip(const testing::ScratchDirectory& scratch,
                                 const std::string& header, const std::string& row, int rows) {
  const std::string path = scratch.file("truncated.csv.gz");
  gzFile file = gzopen(path.c_str(), "wb");
  gzputs(file, header.c_str());
  for (int i = 0; i < rows; ++i) {
    gzputs(file, ("R" + std::to_string(i) + row).c_str());
  }
  gzclose(file);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  return path;
}

TEST_F(SalesImportTest, TruncatedFileFailsAfterReadPart) {
  const std::string path = write_truncated_gzip(
      scratch_, "receipt_id,timestamp,store_id,product_code,quantity,unit_price\n",
      ",2026-03-02 10:00:00,PV01,8001,1,1.10\n", 200000);
  const auto summary = import_sales(path, options_, *database_);
  EXPECT_NE(summary.fatal_error, "");
  EXPECT_GT(summary.imported, 0);
  expect_balanced(summary);
  EXPECT_EQ(database_->count_lines(), summary.imported);
  const auto record = database_->find_import(summary.import_id);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->status, ImportStatus::failed);
  EXPECT_EQ(record->error, summary.fatal_error);
}

TEST_F(SalesImportTest, TruncatedFileInDetectionPass) {
  const std::string path =
      write_truncated_gzip(scratch_, "scontrino;data;negozio;codice;quantita;prezzo\n",
                           ";02/03/2026 10:00;PV01;8001;1;1,10\n", 200000);
  const auto summary = import_sales(path, options_, *database_);
  EXPECT_NE(summary.fatal_error, "");
  EXPECT_EQ(summary.imported, 0);
  EXPECT_EQ(database_->count_lines(), 0);
}

}  // namespace
}  // namespace imagross::ingest
