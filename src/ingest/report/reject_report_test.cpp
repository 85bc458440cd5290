#include "ingest/report/reject_report.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(AppendCsvField, QuotesOnlyWhenNeeded) {
  std::string out;
  append_csv_field(out, "plain");
  EXPECT_EQ(out, "plain");
  out.clear();
  append_csv_field(out, "a,b");
  EXPECT_EQ(out, "\"a,b\"");
  out.clear();
  append_csv_field(out, "say \"hi\"");
  EXPECT_EQ(out, "\"say \"\"hi\"\"\"");
  out.clear();
  append_csv_field(out, "two\nlines");
  EXPECT_EQ(out, "\"two\nlines\"");
  out.clear();
  append_csv_field(out, " padded ");
  EXPECT_EQ(out, "\" padded \"");
}

TEST(RejectReport, CreatedOnFirstRow) {
  const auto directory = std::filesystem::temp_directory_path() / "imagross-reject-report-test";
  std::filesystem::remove_all(directory);
  const auto path = directory / "nested" / "import-1-rejects.csv";
  RejectReport report(path.string());
  EXPECT_FALSE(std::filesystem::exists(path));

  report.add(Rejection{12, "prezzo", "1,2,3", "invalid number '1,2,3'"});
  report.add(Rejection{13, "", "", "the row has 3 fields"});
  report.close();
  EXPECT_EQ(report.rows(), 2);
  EXPECT_EQ(read_file(path),
            "line,column,value,reason\n"
            "12,prezzo,\"1,2,3\",\"invalid number '1,2,3'\"\n"
            "13,,,the row has 3 fields\n");
  std::filesystem::remove_all(directory);
}

TEST(RejectReport, UnwritableDirectoryThrows) {
  RejectReport report("/proc/imagross-no-such-dir/rejects.csv");
  EXPECT_THROW(report.add(Rejection{1, "a", "b", "c"}), ReportError);
}

}  // namespace
}  // namespace imagross::ingest
