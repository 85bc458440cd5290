#include "demo/csv_writer.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace imagross::demo {
namespace {

class CsvWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "imagross-csv-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    directory_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::filesystem::path directory_;
};

TEST_F(CsvWriterTest, QuotesOnlyWhereNeeded) {
  const auto path = directory_ / "out.csv";
  auto writer = CsvWriter::create(path);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  (*writer)->write_row({"plain", "Olio d'oliva", "a,b", "say \"hi\"", " padded", "two\nlines", ""});
  ASSERT_TRUE((*writer)->finish().ok());
  EXPECT_EQ(read(path),
            "plain,Olio d'oliva,\"a,b\",\"say \"\"hi\"\"\",\" padded\",\"two\nlines\",\n");
}

TEST_F(CsvWriterTest, PartialFileUntilFinish) {
  const auto path = directory_ / "out.csv";
  auto partial = path;
  partial += ".partial";
  {
    auto writer = CsvWriter::create(path);
    ASSERT_TRUE(writer.ok());
    (*writer)->write_row({"a"});
    EXPECT_TRUE(std::filesystem::exists(partial));
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  // Destroyed without finish(): nothing is left behind.
  EXPECT_FALSE(std::filesystem::exists(partial));
  EXPECT_FALSE(std::filesystem::exists(path));

  auto writer = CsvWriter::create(path);
  ASSERT_TRUE(writer.ok());
  (*writer)->write_row({"a"});
  ASSERT_TRUE((*writer)->finish().ok());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(partial));
}

TEST_F(CsvWriterTest, MissingDirectoryIsAnError) {
  const auto path = directory_ / "missing" / "out.csv";
  auto writer = CsvWriter::create(path);
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.error().code, "io_error");
  EXPECT_NE(writer.error().message.find("missing"), std::string::npos);
}

TEST_F(CsvWriterTest, FullDiskIsAnError) {
  if (!std::filesystem::exists("/dev/full")) {
    GTEST_SKIP() << "/dev/full is not available";
  }
  // /dev/full accepts opening but fails every write with ENOSPC. The writer opens
  // "<path>.partial", so point that name at it through a symbolic link.
  const auto path = directory_ / "out.csv";
  auto partial = path;
  partial += ".partial";
  std::filesystem::create_symlink("/dev/full", partial);
  auto writer = CsvWriter::create(path);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  (*writer)->write_row({"a"});
  const Status status = (*writer)->finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "io_error");
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace imagross::demo
