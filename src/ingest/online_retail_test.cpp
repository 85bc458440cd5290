// The UCI Online Retail file (data/online-retail/online_retail.csv.gz, 541,909 lines of a UK
// online retailer, 2010-12-01 to 2011-12-09) through the online-retail preset into SQLite. The
// expected figures are those published with the data set and reproduced by many analyses:
// 25,900 invoices, 4,372 customers, a net total of 9,747,747.934, 9,288 cancellation lines and
// 1,336 other lines with a negative quantity.

#include <filesystem>

#include <gtest/gtest.h>

#include "ingest/import_test_database.h"
#include "ingest/import_test_support.h"
#include "ingest/sales_import.h"

namespace imagross::ingest {
namespace {

TEST(OnlineRetailPreset, ImportsEveryLineExactly) {
  const std::filesystem::path file = std::filesystem::path(IMAGROSS_SOURCE_DIR) / "data" /
                                     "online-retail" / "online_retail.csv.gz";
  ASSERT_TRUE(std::filesystem::exists(file)) << file;
  testing::ScratchDirectory scratch("imagross-online-retail");
  const std::string database_path = scratch.file("retail.db");
  auto database = open_database(database_path);

  SalesImportOptions options;
  options.preset = "online-retail";
  options.reject_directory = scratch.file("rejects");
  const auto summary = import_sales(file.string(), options, *database);
  ASSERT_EQ(summary.fatal_error, "");
  EXPECT_EQ(summary.lines_read, 541909);
  EXPECT_EQ(summary.imported, 541909);
  EXPECT_EQ(summary.duplicates, 0);
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(summary.reject_report, "");

  const testing::SqlReader sql(database_path);
  EXPECT_EQ(sql.query_int("SELECT count(*) FROM receipt_lines"), 541909);
  EXPECT_EQ(sql.query_int("SELECT sum(amount) FROM receipt_lines"), 9747747934);
  EXPECT_EQ(sql.query_int("SELECT count(DISTINCT receipt_id) FROM receipt_lines"), 25900);
  EXPECT_EQ(sql.query_int("SELECT count(DISTINCT card_id) FROM receipt_lines"), 4372);
  EXPECT_EQ(sql.query_int("SELECT count(*) FROM receipt_lines WHERE card_id IS NULL"), 135080);
  EXPECT_EQ(sql.query_int("SELECT count(*) FROM stores"), 1);
  EXPECT_EQ(sql.query_int("SELECT count(*) FROM receipt_lines WHERE department_id IS NOT NULL"), 0);

  EXPECT_EQ(sql.query_int(R"sql(
    SELECT count(*) FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
    WHERE l.is_return = 1 AND r.code LIKE 'C%')sql"),
            9288);
  EXPECT_EQ(sql.query_int(R"sql(
    SELECT count(*) FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
    WHERE l.is_return = 1 AND r.code NOT LIKE 'C%')sql"),
            1336);

  // UK local times: 2010-12-01 08:26 GMT is the first sale, 2011-12-09 12:50 GMT the last.
  EXPECT_EQ(testing::utc_text(sql.query_int("SELECT min(timestamp) FROM receipt_lines")),
            "2010-12-01T08:26:00Z");
  EXPECT_EQ(testing::utc_text(sql.query_int("SELECT max(timestamp) FROM receipt_lines")),
            "2011-12-09T12:50:00Z");
}

}  // namespace
}  // namespace imagross::ingest
