// Imports every case of tests/fixtures/import into a real SQLite file through the real readers.
// The stored lines, the reject report and the counts must match the case's expected files, and a
// second import of the case must add nothing.
//
// A case is a folder with input.* (the file to import), expected.csv (the stored lines, times in
// UTC, money in thousandths written with three decimals), rejects.csv (line, column, value and
// a part of the reason of each reported problem) and optionally options.json (preset, mapping,
// locale, date_format, encoding, delimiter, time_zone).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "ingest/import_test_database.h"
#include "ingest/import_test_support.h"
#include "ingest/mapping/presets.h"
#include "ingest/sales_import.h"

namespace imagross::ingest {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

fs::path fixtures_root() {
  return fs::path(IMAGROSS_SOURCE_DIR) / "tests" / "fixtures" / "import";
}

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fixtures_root())) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

fs::path input_file(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().filename().string().starts_with("input.")) {
      return entry.path();
    }
  }
  return {};
}

SalesImportOptions case_options(const fs::path& folder, const fs::path& scratch) {
  SalesImportOptions options;
  options.reject_directory = (scratch / "rejects").string();
  options.batch_size = 2;  // several batches even in small files

  const fs::path options_file = folder / "options.json";
  if (!fs::exists(options_file)) {
    return options;
  }
  const auto json = boost::json::parse(read_text(options_file)).as_object();
  const auto text = [&json](const char* key) {
    const auto* value = json.if_contains(key);
    return value == nullptr ? std::string() : std::string(value->as_string());
  };

  options.preset = text("preset");
  if (!text("mapping").empty()) {
    options.mapping_file = (folder / text("mapping")).string();
  }
  if (!text("locale").empty()) {
    options.locale = *parse_locale(text("locale"));
  }
  options.date_format = text("date_format");
  if (text("encoding") == "windows-1252") {
    options.reader.encoding = TextEncoding::windows1252;
  }
  if (!text("delimiter").empty()) {
    options.reader.delimiter = text("delimiter")[0];
  }
  if (!text("time_zone").empty()) {
    options.time_zone = text("time_zone");
  }
  return options;
}

class ImportFixture : public ::testing::TestWithParam<std::string> {
 protected:
  ImportFixture() : scratch_("imagross-import-fixture") {}

  testing::ScratchDirectory scratch_;
};

void expect_rejects(const SalesImportSummary& summary, const fs::path& expected_file) {
  const auto expected = testing::parse_csv(read_text(expected_file));
  ASSERT_GE(expected.size(), 1u);
  if (expected.size() == 1) {
    EXPECT_EQ(summary.reject_report, "") << "nothing should be rejected";
    return;
  }
  ASSERT_FALSE(summary.reject_report.empty());
  const auto actual = testing::parse_csv(read_text(summary.reject_report));
  ASSERT_EQ(actual.size(), expected.size()) << read_text(summary.reject_report);
  EXPECT_EQ(actual[0], (std::vector<std::string>{"line", "column", "value", "reason"}));
  std::set<std::string> rejected_lines;
  for (std::size_t i = 1; i < expected.size(); ++i) {
    ASSERT_EQ(actual[i].size(), 4u);
    EXPECT_EQ(actual[i][0], expected[i][0]) << "report row " << i;
    EXPECT_EQ(actual[i][1], expected[i][1]) << "report row " << i;
    EXPECT_EQ(actual[i][2], expected[i][2]) << "report row " << i;
    EXPECT_THAT(actual[i][3], HasSubstr(expected[i][3])) << "report row " << i;
    rejected_lines.insert(expected[i][0]);
  }
  EXPECT_EQ(summary.rejected, static_cast<int64_t>(rejected_lines.size()));
}

TEST_P(ImportFixture, StoresExpectedLinesAndRejects) {
  const fs::path folder = fixtures_root() / GetParam();
  const fs::path input = input_file(folder);
  ASSERT_FALSE(input.empty()) << "no input.* in " << folder;
  const SalesImportOptions options = case_options(folder, scratch_.path());
  const std::string database_path = scratch_.file("fixture.db");
  auto database = open_database(database_path);

  const auto first = import_sales(input.string(), options, *database);
  ASSERT_EQ(first.fatal_error, "");
  EXPECT_EQ(first.lines_read, first.imported + first.duplicates + first.rejected);
  EXPECT_EQ(first.duplicates, 0);

  const std::string expected_lines = read_text(folder / "expected.csv");
  EXPECT_EQ(testing::stored_lines_csv(database_path), expected_lines);
  const auto expected_count = static_cast<int64_t>(testing::parse_csv(expected_lines).size()) - 1;
  EXPECT_EQ(first.imported, expected_count);
  expect_rejects(first, folder / "rejects.csv");

  const auto again = import_sales(input.string(), options, *database);
  ASSERT_EQ(again.fatal_error, "");
  EXPECT_EQ(again.lines_read, first.lines_read);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.duplicates, first.imported);
  EXPECT_EQ(again.rejected, first.rejected);
  EXPECT_EQ(testing::stored_lines_csv(database_path), expected_lines);
}

TEST_P(ImportFixture, DryRunCountsTheSame) {
  const fs::path folder = fixtures_root() / GetParam();
  SalesImportOptions options = case_options(folder, scratch_.path());
  const auto summary = check_sales_file(input_file(folder).string(), options);
  ASSERT_EQ(summary.fatal_error, "");
  EXPECT_EQ(summary.import_id, 0);
  EXPECT_EQ(summary.lines_read, summary.imported + summary.duplicates + summary.rejected);
  const auto expected_count =
      static_cast<int64_t>(testing::parse_csv(read_text(folder / "expected.csv")).size()) - 1;
  EXPECT_EQ(summary.imported, expected_count);
}

std::string case_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ImportFixture, ::testing::ValuesIn(case_names()),
                         case_test_name);

}  // namespace
}  // namespace imagross::ingest
