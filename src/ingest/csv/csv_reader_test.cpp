// CSV files read end to end through open_record_reader().

#include <gtest/gtest.h>

#include <string>

#include "ingest/record.h"
#include "ingest/source/test_support.h"

namespace imagross::ingest {
namespace {

using test_support::Fields;
using test_support::gzip;
using test_support::read_all;
using test_support::TempDir;

std::unique_ptr<RecordReader> open_csv(const std::string& path, ReaderOptions options = {}) {
  auto reader = open_record_reader(path, options);
  EXPECT_TRUE(reader.ok()) << (reader.ok() ? "" : reader.error().message);
  return reader.ok() ? std::move(*reader) : nullptr;
}

TEST(CsvReader, TrimsHeaderButNotValues) {
  TempDir dir;
  auto reader = open_csv(dir.write("a.csv", " scontrino ; negozio\t;importo\n R1 ;PV01; 1,50 \n"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"scontrino", "negozio", "importo"}));
  EXPECT_EQ(reader->delimiter(), ';');
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{" R1 ", "PV01", " 1,50 "}));
}

TEST(CsvReader, DropsTrailingEmptyColumns) {
  TempDir dir;
  auto reader = open_csv(dir.write("t.csv", "a;b;c;\n1;2;3;\n4;5;;\n6;7;;;\n"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"a", "b", "c"}));
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(records[1].fields, (Fields{"4", "5", ""}));
  EXPECT_EQ(records[2].fields, (Fields{"6", "7", ""}));
}

TEST(CsvReader, KeepsRaggedRowsAsTheyAre) {
  TempDir dir;
  auto reader = open_csv(dir.write("r.csv", "a,b,c\n1,2\n1,2,3,4\n1,2,3,\n"));
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3", "4"}));
  EXPECT_EQ(records[2].fields, (Fields{"1", "2", "3"}));
  for (const Record& record : records) {
    EXPECT_FALSE(record.error);
  }
}

TEST(CsvReader, StripsByteOrderMark) {
  TempDir dir;
  auto reader = open_csv(dir.write("bom.csv", "\xEF\xBB\xBFreceipt_id,amount\nR1,2.00\n"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"receipt_id", "amount"}));
  EXPECT_EQ(reader->encoding(), TextEncoding::utf8);
}

TEST(CsvReader, ByteOrderMarkWinsOverDeclaredWindows1252) {
  TempDir dir;
  ReaderOptions options;
  options.encoding = TextEncoding::windows1252;
  auto reader = open_csv(dir.write("bom.csv",
                                   "\xEF\xBB\xBF"
                                   "a\ncaff\xC3\xA8\n"),
                         options);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->encoding(), TextEncoding::utf8);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields[0], "caff\xC3\xA8");
}

TEST(CsvReader, DeclaredWindows1252Converts) {
  TempDir dir;
  ReaderOptions options;
  options.encoding = TextEncoding::windows1252;
  auto reader = open_csv(dir.write("w.csv",
                                   "descrizione;quantit\xE0;prezzo\nCaff\xE8 \x93"
                                   "Arabica\x94;1;\x80 3,50\n"),
                         options);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->encoding(), TextEncoding::windows1252);
  EXPECT_EQ(reader->header(), (Fields{"descrizione", "quantit\xC3\xA0", "prezzo"}));
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"Caff\xC3\xA8 \xE2\x80\x9C"
                                       "Arabica\xE2\x80\x9D",
                                       "1", "\xE2\x82\xAC 3,50"}));
  EXPECT_FALSE(records[0].error);
}

TEST(CsvReader, InvalidUtf8IsRecordErrorWithAdvice) {
  TempDir dir;
  auto reader =
      open_csv(dir.write("u.csv", "codice;descrizione\n1;Pane\n2;Caff\xE8 macinato\n3;Latte\n"));
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].error);
  EXPECT_FALSE(records[2].error);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].line, 3);
  const std::string& message = *records[1].error;
  EXPECT_NE(message.find("byte 0xE8"), std::string::npos) << message;
  EXPECT_NE(message.find("column 2 (\"descrizione\")"), std::string::npos) << message;
  EXPECT_NE(message.find("--encoding windows-1252"), std::string::npos) << message;
}

TEST(CsvReader, InvalidUtf8InHeaderIsFatal) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("h.csv", "codice;quantit\xE0\n1;2\n"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "invalid_header");
  const std::string& message = reader.error().message;
  EXPECT_NE(message.find("h.csv line 1"), std::string::npos) << message;
  EXPECT_NE(message.find("byte 0xE0"), std::string::npos) << message;
  EXPECT_NE(message.find("column 2"), std::string::npos) << message;
  EXPECT_NE(message.find("--encoding windows-1252"), std::string::npos) << message;
}

TEST(CsvReader, UnterminatedQuoteInHeaderIsFatal) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("q.csv", "a,\"b\n"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "invalid_header");
  EXPECT_NE(reader.error().message.find("quote opened on line 1"), std::string::npos);
}

TEST(CsvReader, EmptyFile) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("empty.csv", ""), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "empty_file");
  EXPECT_NE(reader.error().message.find("empty.csv"), std::string::npos);
}

TEST(CsvReader, OnlyBlankLinesIsEmpty) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("blank.csv", "\xEF\xBB\xBF\r\n  \n\n"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "empty_file");
}

TEST(CsvReader, HeaderOnly) {
  TempDir dir;
  auto reader = open_csv(dir.write("h.csv", "a;b;c\r\n"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"a", "b", "c"}));
  EXPECT_TRUE(read_all(*reader).empty());
}

TEST(CsvReader, DelimiterOptionOverridesDetection) {
  TempDir dir;
  ReaderOptions options;
  options.delimiter = ',';
  auto reader = open_csv(dir.write("d.csv", "a;b,c\n1;2,3\n"), options);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->delimiter(), ',');
  EXPECT_EQ(reader->header(), (Fields{"a;b", "c"}));
}

TEST(CsvReader, ExcelSeparatorLine) {
  TempDir dir;
  auto reader = open_csv(dir.write("s.csv", "sep=;\r\na,b;c\r\n1,5;2\r\n"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->delimiter(), ';');
  EXPECT_EQ(reader->header(), (Fields{"a,b", "c"}));
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].line, 3);
}

TEST(CsvReader, UnusableDelimiterOption) {
  TempDir dir;
  ReaderOptions options;
  options.delimiter = '"';
  auto reader = open_record_reader(dir.write("d.csv", "a\n"), options);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "invalid_option");
}

TEST(CsvReader, ReadsGzipWithProgress) {
  TempDir dir;
  std::string text = "receipt_id;amount\n";
  for (int i = 0; i < 5000; ++i) {
    text += "R" + std::to_string(i) + ";" + std::to_string(i % 97) + ",50\n";
  }
  const std::string compressed = gzip(text);
  auto reader = open_csv(dir.write("sales.csv.gz", compressed));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->format(), FileFormat::csv);
  EXPECT_EQ(reader->delimiter(), ';');
  EXPECT_EQ(reader->bytes_total(), compressed.size());
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 5000u);
  EXPECT_EQ(records[4999].fields, (Fields{"R4999", "52,50"}));
  EXPECT_EQ(records[4999].line, 5001);
  EXPECT_EQ(reader->bytes_read(), compressed.size());
}

TEST(CsvReader, TruncatedGzipThrowsWhileReading) {
  TempDir dir;
  std::string text = "a;b\n";
  for (int64_t i = 0; i < 400000; ++i) {
    text += std::to_string(i * 7919 % 1000003) + ";" + std::to_string(i) + "\n";
  }
  const std::string compressed = gzip(text);
  const std::string path = dir.write("cut.csv.gz", compressed.substr(0, compressed.size() - 100));
  auto reader = open_csv(path);
  ASSERT_TRUE(reader);
  Record record;
  int64_t records = 0;
  try {
    while (reader->next(record)) {
      ++records;
    }
    FAIL() << "the truncated file was read to the end";
  } catch (const ReadError& error) {
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("truncated"), std::string::npos) << error.what();
  }
  EXPECT_GT(records, 0);
}

TEST(CsvReader, TruncatedGzipAtStartIsUnreadable) {
  TempDir dir;
  const std::string compressed = gzip("a;b\n1;2\n");
  auto reader = open_record_reader(dir.write("cut.csv.gz", compressed.substr(0, 12)), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "unreadable_file");
  EXPECT_NE(reader.error().message.find("truncated"), std::string::npos);
}

}  // namespace
}  // namespace imagross::ingest
