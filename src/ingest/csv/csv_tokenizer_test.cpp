#include "ingest/csv/csv_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/source/test_support.h"

namespace imagross::ingest {
namespace {

using test_support::Fields;

// Tokenizes `text` through a buffer of `capacity` bytes; small capacities put every byte at a
// buffer boundary in turn.
std::vector<Record> tokenize(std::string_view text, char delimiter = ',',
                             size_t capacity = InputBuffer::kDefaultCapacity) {
  InputBuffer input(make_memory_source(text), capacity);
  CsvTokenizer tokenizer(input, delimiter);
  std::vector<Record> records;
  Record record;
  while (tokenizer.next(record)) {
    records.push_back(record);
  }
  return records;
}

std::vector<Fields> fields_of(const std::vector<Record>& records) {
  std::vector<Fields> fields;
  for (const Record& record : records) {
    fields.push_back(record.fields);
  }
  return fields;
}

std::vector<int64_t> lines_of(const std::vector<Record>& records) {
  std::vector<int64_t> lines;
  for (const Record& record : records) {
    lines.push_back(record.line);
  }
  return lines;
}

TEST(CsvTokenizer, SplitsOnEachDelimiter) {
  for (const char delimiter : {',', ';', '\t', '|'}) {
    const std::string d(1, delimiter);
    const auto records = tokenize("a" + d + "b" + d + "c\n1" + d + "2,5" + d + "x\n", delimiter);
    const Fields second = delimiter == ',' ? Fields{"1", "2", "5", "x"} : Fields{"1", "2,5", "x"};
    ASSERT_EQ(records.size(), 2u) << "delimiter " << delimiter;
    EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"})) << "delimiter " << delimiter;
    EXPECT_EQ(records[1].fields, second) << "delimiter " << delimiter;
  }
}

TEST(CsvTokenizer, QuotedDelimiters) {
  const auto records = tokenize("name;note\n\"Rossi; Mario\";\"a;b;c\"\n", ';');
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"Rossi; Mario", "a;b;c"}));
  EXPECT_FALSE(records[1].error);
}

TEST(CsvTokenizer, DoubledQuotes) {
  const auto records = tokenize("\"Pizza \"\"Margherita\"\"\",\"\"\"\",\"\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"Pizza \"Margherita\"", "\"", ""}));
}

TEST(CsvTokenizer, QuoteInsideUnquotedFieldIsText) {
  const auto records = tokenize("12\" pizza,ok\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"12\" pizza", "ok"}));
  EXPECT_FALSE(records[0].error);
}

TEST(CsvTokenizer, NewlinesInQuotedFieldsAndLinesAfter) {
  const auto records = tokenize("id,note\n1,\"two\nlines\"\n2,\"three\r\nlines\rhere\"\n3,x\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "two\nlines"}));
  EXPECT_EQ(records[2].fields, (Fields{"2", "three\r\nlines\rhere"}));
  EXPECT_EQ(lines_of(records), (std::vector<int64_t>{1, 2, 4, 7}));
}

TEST(CsvTokenizer, QuoteBetweenCrAndLf) {
  const auto records = tokenize("a\n\"x\r\"\"\ny\"\nb\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{"x\r\"\ny"}));
  EXPECT_EQ(records[2].line, 5);
}

TEST(CsvTokenizer, MixedLineEnds) {
  const auto records = tokenize("a,b\r\n1,2\n3,4\r5,6\r\n\n7,8");
  EXPECT_EQ(fields_of(records),
            (std::vector<Fields>{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"5", "6"}, {"7", "8"}}));
  EXPECT_EQ(lines_of(records), (std::vector<int64_t>{1, 2, 3, 4, 6}));
}

TEST(CsvTokenizer, NoFinalNewline) {
  const auto records = tokenize("a,b\n1,2");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
  const auto quoted = tokenize("a,b\n1,\"2\"");
  ASSERT_EQ(quoted.size(), 2u);
  EXPECT_EQ(quoted[1].fields, (Fields{"1", "2"}));
}

TEST(CsvTokenizer, TrailingDelimiterGivesEmptyField) {
  const auto records = tokenize("a,b,\n1,2,\n");
  EXPECT_EQ(fields_of(records), (std::vector<Fields>{{"a", "b", ""}, {"1", "2", ""}}));
}

TEST(CsvTokenizer, SkipsBlankLines) {
  const auto records = tokenize("\n\na;b\n\n   \n;;\n1;2\n \t\n", ';');
  EXPECT_EQ(fields_of(records), (std::vector<Fields>{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(lines_of(records), (std::vector<int64_t>{3, 7}));
}

TEST(CsvTokenizer, QuotedEmptyLineIsNotBlank) {
  const auto records = tokenize("a\n\"\"\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{""}));
}

TEST(CsvTokenizer, KeepsFieldTextExactly) {
  const auto records = tokenize(" a , b \n 1,\" 2 \"\n");
  EXPECT_EQ(fields_of(records), (std::vector<Fields>{{" a ", " b "}, {" 1", " 2 "}}));
}

TEST(CsvTokenizer, UnterminatedQuoteNamesOpeningLine) {
  const auto records = tokenize("a,b\n1,2\n3,\"open\nmore\nend");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[1].error);
  EXPECT_EQ(records[2].line, 3);
  ASSERT_TRUE(records[2].error);
  EXPECT_NE(records[2].error->find("quote opened on line 3"), std::string::npos)
      << *records[2].error;
}

TEST(CsvTokenizer, UnterminatedQuoteAfterMultilineField) {
  const auto records = tokenize("a,b,c\n\"x\ny\",\"open\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].line, 2);
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->find("quote opened on line 3"), std::string::npos)
      << *records[1].error;
}

TEST(CsvTokenizer, TextAfterClosingQuoteIsError) {
  const auto records = tokenize("a,b\n\"x\"y,2\n3,4\n");
  ASSERT_EQ(records.size(), 3u);
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->find("text after the closing quote of column 1"), std::string::npos)
      << *records[1].error;
  EXPECT_EQ(records[1].fields, (Fields{"xy", "2"}));
  EXPECT_FALSE(records[2].error);
}

TEST(CsvTokenizer, EveryBufferBoundaryGivesSameRecords) {
  const std::string text =
      "id;\"note\"\r\n1;\"a;\"\"b\"\"\r\nc\"\r2;x\n\n3;\"\"\r\n4;\"y\r\"\r\n5;\"\"\"\"";
  const auto expected = tokenize(text, ';');
  ASSERT_EQ(expected.size(), 6u);
  EXPECT_EQ(lines_of(expected), (std::vector<int64_t>{1, 2, 4, 6, 7, 9}));
  for (size_t capacity = 1; capacity < 12; ++capacity) {
    const auto records = tokenize(text, ';', capacity);
    EXPECT_EQ(fields_of(records), fields_of(expected)) << "capacity " << capacity;
    EXPECT_EQ(lines_of(records), lines_of(expected)) << "capacity " << capacity;
  }
}

TEST(CsvTokenizer, ReusesFieldStorage) {
  std::string text = "a,b\n";
  for (int i = 0; i < 100; ++i) {
    text += "a value longer than the short string buffer " + std::to_string(100 + i) + ",2\n";
  }
  InputBuffer input(make_memory_source(text));
  CsvTokenizer tokenizer(input, ',');
  Record record;
  ASSERT_TRUE(tokenizer.next(record));
  ASSERT_TRUE(tokenizer.next(record));
  const char* storage = record.fields[0].data();
  while (tokenizer.next(record)) {
    EXPECT_EQ(record.fields[0].data(), storage);
  }
}

TEST(CsvTokenizer, CutsRecordsBeyondLimit) {
  std::string text = "a,b\n1,\"";
  text.append(CsvTokenizer::kMaxRecordBytes + 10, 'x');
  const auto records = tokenize(text);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->find("longer than 16 MiB"), std::string::npos) << *records[1].error;
  EXPECT_LE(records[1].fields[1].size(), CsvTokenizer::kMaxRecordBytes);
}

}  // namespace
}  // namespace imagross::ingest
