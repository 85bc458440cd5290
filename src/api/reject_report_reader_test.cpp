#include "api/reject_report_reader.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <fstream>

namespace imagross::api {
namespace {

namespace fs = std::filesystem;

class RejectReportReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = fs::temp_directory_path() / ("imagross-rejects-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(file_, std::ios::binary)
        << "line,column,value,reason\n"
           "2,quantity,abc,\"quantity 'abc' is not a number, fix it\"\n"
           "5,timestamp,\"2026-03-29 02:30\",\"the time does not exist\"\"\r\nin Rome\"\n"
           "9,card_number,1.23E+12,card numbers are text\n";
  }
  void TearDown() override { fs::remove(file_); }
  fs::path file_;
};

TEST_F(RejectReportReaderTest, ReadsQuotedFields) {
  const auto page = read_reject_page(file_, 0, 10);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[0].line, 2);
  EXPECT_EQ(page.rows[0].column, "quantity");
  EXPECT_EQ(page.rows[0].reason, "quantity 'abc' is not a number, fix it");
  EXPECT_EQ(page.rows[1].value, "2026-03-29 02:30");
  EXPECT_EQ(page.rows[1].reason, "the time does not exist\"\r\nin Rome");
  EXPECT_EQ(page.rows[2].value, "1.23E+12");
}

TEST_F(RejectReportReaderTest, PagesRows) {
  const auto page = read_reject_page(file_, 1, 1);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].line, 5);
  EXPECT_TRUE(read_reject_page(file_, 10, 5).rows.empty());
}

TEST_F(RejectReportReaderTest, MissingFileThrows) {
  EXPECT_THROW(read_reject_page(file_.string() + ".missing", 0, 1), std::runtime_error);
}

}  // namespace
}  // namespace imagross::api
