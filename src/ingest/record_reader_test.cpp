// open_record_reader(): format detection, and every fixture file of tests/fixtures/ingest read
// against its expected result (see the README there).

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/record.h"
#include "ingest/source/test_support.h"

namespace imagross::ingest {
namespace {

using test_support::Fields;
using test_support::fixture_path;
using test_support::gzip;
using test_support::read_all;
using test_support::read_file;
using test_support::TempDir;

constexpr std::string_view kExpectedSuffix = ".expected.json";

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(fixture_path(""))) {
    const std::string file = entry.path().filename().string();
    if (file.ends_with(kExpectedSuffix)) {
      names.push_back(file.substr(0, file.size() - kExpectedSuffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

Fields strings_of(simdjson::dom::array array) {
  Fields fields;
  for (const simdjson::dom::element value : array) {
    fields.emplace_back(std::string_view(value));
  }
  return fields;
}

std::optional<std::string> optional_string(simdjson::dom::element object, const char* key) {
  std::string_view value;
  if (object[key].get(value) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return std::string(value);
}

ReaderOptions options_of(simdjson::dom::element expected) {
  ReaderOptions options;
  simdjson::dom::element settings;
  if (expected["options"].get(settings) != simdjson::SUCCESS) {
    return options;
  }
  if (optional_string(settings, "encoding") == "windows-1252") {
    options.encoding = TextEncoding::windows1252;
  }
  if (auto delimiter = optional_string(settings, "delimiter")) {
    options.delimiter = delimiter->front();
  }
  return options;
}

void expect_reader_matches(RecordReader& reader, simdjson::dom::element expected) {
  const std::string format = reader.format() == FileFormat::csv    ? "csv"
                             : reader.format() == FileFormat::json ? "json"
                                                                   : "xlsx";
  EXPECT_EQ(optional_string(expected, "format"), format);
  if (auto delimiter = optional_string(expected, "delimiter")) {
    EXPECT_EQ(std::string(1, reader.delimiter()), *delimiter);
  }
  if (auto encoding = optional_string(expected, "encoding")) {
    EXPECT_EQ(reader.encoding() == TextEncoding::utf8 ? "utf-8" : "windows-1252", *encoding);
  }
  EXPECT_EQ(reader.header(), strings_of(expected["header"].get_array()));
}

void expect_record_matches(const Record& record, simdjson::dom::element expected) {
  EXPECT_EQ(record.line, int64_t(expected["line"]));
  if (auto error = optional_string(expected, "error")) {
    ASSERT_TRUE(record.error) << "line " << record.line << " has no error";
    EXPECT_NE(record.error->find(*error), std::string::npos) << *record.error;
    return;
  }
  EXPECT_FALSE(record.error) << *record.error;
  EXPECT_EQ(record.fields, strings_of(expected["fields"].get_array()));
}

class ReaderFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(ReaderFixture, MatchesExpected) {
  const std::string name = GetParam();
  simdjson::dom::parser parser;
  const simdjson::dom::element expected =
      parser.load(fixture_path(name) + std::string(kExpectedSuffix));

  auto reader = open_record_reader(fixture_path(name), options_of(expected));
  if (auto code = optional_string(expected, "open_error")) {
    ASSERT_FALSE(reader.ok());
    EXPECT_EQ(reader.error().code, *code);
    EXPECT_NE(reader.error().message.find(name), std::string::npos) << reader.error().message;
    return;
  }
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  expect_reader_matches(**reader, expected);

  std::vector<Record> records;
  Record record;
  try {
    while ((*reader)->next(record)) {
      records.push_back(record);
    }
    EXPECT_FALSE(optional_string(expected, "read_error")) << "reading ended without an error";
  } catch (const ReadError& error) {
    const auto message = optional_string(expected, "read_error");
    ASSERT_TRUE(message) << error.what();
    EXPECT_NE(std::string(error.what()).find(*message), std::string::npos) << error.what();
  }

  const simdjson::dom::array expected_records = expected["records"].get_array();
  ASSERT_EQ(records.size(), expected_records.size());
  size_t i = 0;
  for (const simdjson::dom::element expected_record : expected_records) {
    SCOPED_TRACE("record " + std::to_string(i + 1));
    expect_record_matches(records[i++], expected_record);
  }
  simdjson::dom::array final_header;
  if (expected["final_header"].get(final_header) == simdjson::SUCCESS) {
    EXPECT_EQ((*reader)->header(), strings_of(final_header));
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, ReaderFixture, ::testing::ValuesIn(fixture_names()), test_name);

FileFormat format_of(const std::string& path, ReaderOptions options = {}) {
  auto reader = open_record_reader(path, options);
  EXPECT_TRUE(reader.ok()) << (reader.ok() ? "" : reader.error().message);
  return reader.ok() ? (*reader)->format() : FileFormat::csv;
}

Error open_error(const std::string& path, ReaderOptions options = {}) {
  auto reader = open_record_reader(path, options);
  EXPECT_FALSE(reader.ok());
  return reader.ok() ? Error{} : reader.error();
}

TEST(FormatDetection, GzipByMagicWhateverName) {
  TempDir dir;
  const std::string path = dir.write("export.dat", gzip("[{\"a\": 1}]"));
  EXPECT_EQ(format_of(path), FileFormat::json);
}

TEST(FormatDetection, JsonFromFirstByte) {
  TempDir dir;
  EXPECT_EQ(format_of(dir.write("export", "\n  [{\"a\": 1}]")), FileFormat::json);
  EXPECT_EQ(format_of(dir.write("export.dat", "{\"a\": 1}\n")), FileFormat::json);
  EXPECT_EQ(format_of(dir.write("plain", "a,b\n1,2\n")), FileFormat::csv);
}

TEST(FormatDetection, CsvNameWinsOverBracket) {
  TempDir dir;
  const std::string path = dir.write("export.CSV", "[id],[name]\n1,2\n");
  auto reader = open_record_reader(path, {});
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ((*reader)->format(), FileFormat::csv);
  EXPECT_EQ((*reader)->header(), (Fields{"[id]", "[name]"}));
}

TEST(FormatDetection, XlsxByMagicWhateverName) {
  TempDir dir;
  const std::string path = dir.write("export.csv", read_file(fixture_path("openpyxl_sales.xlsx")));
  EXPECT_EQ(format_of(path), FileFormat::xlsx);
}

TEST(FormatDetection, JsonNameWithOtherText) {
  TempDir dir;
  const Error error = open_error(dir.write("x.json", "a,b\n1,2\n"));
  EXPECT_EQ(error.code, "unknown_format");
  EXPECT_NE(error.message.find("must start with '['"), std::string::npos) << error.message;
}

TEST(FormatDetection, FormatOptionOverridesName) {
  TempDir dir;
  ReaderOptions options;
  options.format = FileFormat::csv;
  EXPECT_EQ(format_of(dir.write("x.json", "a,b\n1,2\n"), options), FileFormat::csv);
}

TEST(FormatDetection, LegacyXls) {
  TempDir dir;
  const Error error = open_error(dir.write(
      "old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0')));
  EXPECT_EQ(error.code, "unknown_format");
  EXPECT_NE(error.message.find(".xlsx"), std::string::npos) << error.message;
}

TEST(FormatDetection, XlsxNameWithoutZip) {
  TempDir dir;
  const Error error = open_error(dir.write("fake.xlsx", "a,b\n1,2\n"));
  EXPECT_EQ(error.code, "unknown_format");
  EXPECT_NE(error.message.find("fake.xlsx"), std::string::npos);
}

TEST(FormatDetection, GzipOfXlsx) {
  TempDir dir;
  const std::string path =
      dir.write("book.xlsx.gz", gzip(read_file(fixture_path("openpyxl_sales.xlsx"))));
  const Error error = open_error(path);
  EXPECT_EQ(error.code, "unknown_format");
  EXPECT_NE(error.message.find("gunzip"), std::string::npos) << error.message;
}

TEST(FormatDetection, MissingFile) {
  TempDir dir;
  const Error error = open_error(dir.path("nothing.csv"));
  EXPECT_EQ(error.code, "file_not_found");
  EXPECT_NE(error.message.find("nothing.csv"), std::string::npos);
}

}  // namespace
}  // namespace imagross::ingest
