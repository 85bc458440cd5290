// JSON files read end to end through open_record_reader().

#include "ingest/json/json_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/json/json_scanner.h"
#include "ingest/record.h"
#include "ingest/source/test_support.h"

namespace imagross::ingest {
namespace {

using test_support::Fields;
using test_support::read_all;
using test_support::TempDir;

std::unique_ptr<RecordReader> open_json(const TempDir& dir, const std::string& name,
                                        std::string_view text, ReaderOptions options = {}) {
  auto reader = open_record_reader(dir.write(name, text), options);
  EXPECT_TRUE(reader.ok()) << (reader.ok() ? "" : reader.error().message);
  if (reader.ok()) {
    EXPECT_EQ((*reader)->format(), FileFormat::json);
  }
  return reader.ok() ? std::move(*reader) : nullptr;
}

TEST(JsonReader, ArrayOfObjects) {
  TempDir dir;
  auto reader = open_json(dir, "a.json",
                          "[\n  {\"receipt_id\": \"R1\", \"amount\": 12.50},\n"
                          "  {\"receipt_id\": \"R2\", \"amount\": -3}\n]\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"receipt_id", "amount"}));
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"R1", "12.50"}));
  EXPECT_EQ(records[1].fields, (Fields{"R2", "-3"}));
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[1].line, 3);
}

TEST(JsonReader, JsonLines) {
  TempDir dir;
  auto reader =
      open_json(dir, "l.jsonl",
                "{\"a\": 1, \"b\": \"x\"}\r\n\n{\"a\": 2, \"b\": \"y\"}\n{\"b\": \"z\", \"a\": 3}");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"1", "x"}));
  EXPECT_EQ(records[1].fields, (Fields{"2", "y"}));
  EXPECT_EQ(records[2].fields, (Fields{"3", "z"}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[2].line, 4);
}

TEST(JsonReader, NumbersKeepExactText) {
  TempDir dir;
  auto reader = open_json(
      dir, "n.json",
      "[{\"price\": 0.10, \"card\": 2000000000015, \"big\": 123456789012345678901234567890,"
      " \"qty\": 1.500, \"tiny\": 1E-7, \"neg\": -0.0}]");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"0.10", "2000000000015", "123456789012345678901234567890",
                                       "1.500", "1E-7", "-0.0"}));
  EXPECT_FALSE(records[0].error);
}

TEST(JsonReader, LiteralsAndNestedValues) {
  TempDir dir;
  auto reader =
      open_json(dir, "v.json",
                "[{\"s\": \"caff\\u00e8 \\\"forte\\\"\", \"t\": true, \"f\": false, \"n\": null,"
                " \"o\": {\"k\": [1, 2]}, \"e\": \"\"}]");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields,
            (Fields{"caff\xC3\xA8 \"forte\"", "true", "false", "", "{\"k\": [1, 2]}", ""}));
}

TEST(JsonReader, NewKeysExtendHeader) {
  TempDir dir;
  auto reader = open_json(dir, "k.jsonl", "{\"a\": 1}\n{\"b\": 2, \"a\": 3}\n{\"c\": 4}\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"a"}));
  Record record;
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(record.fields, (Fields{"1"}));
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(reader->header(), (Fields{"a", "b"}));
  EXPECT_EQ(record.fields, (Fields{"3", "2"}));
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(reader->header(), (Fields{"a", "b", "c"}));
  EXPECT_EQ(record.fields, (Fields{"", "", "4"}));
  EXPECT_FALSE(reader->next(record));
}

TEST(JsonReader, LineOfMultilineObjects) {
  TempDir dir;
  auto reader =
      open_json(dir, "m.json", "[\n{\n  \"a\": \"x\"\n},\n\n{\"a\":\n \"y\"}, {\"a\": \"z\"}]");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[1].line, 6);
  EXPECT_EQ(records[2].line, 7);
}

TEST(JsonReader, MalformedObjectInArrayIsRecordError) {
  TempDir dir;
  auto reader =
      open_json(dir, "bad.json", "[{\"a\": 1},\n {\"a\": tru},\n {\"a\": 01},\n {\"a\": 4}]");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_FALSE(records[0].error);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].line, 2);
  ASSERT_TRUE(records[2].error);
  EXPECT_NE(records[2].error->find("invalid number 01"), std::string::npos) << *records[2].error;
  EXPECT_FALSE(records[3].error);
  EXPECT_EQ(records[3].fields, (Fields{"4"}));
}

TEST(JsonReader, MalformedLinesAreRecordErrors) {
  TempDir dir;
  auto reader =
      open_json(dir, "bad.jsonl",
                "{\"a\": 1}\n{\"a\": [1, 2}\n{\"a\": \"open}\n[1, 2]\n{\"a\": 2} x\n{\"a\": 5}\n");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 6u);
  for (size_t i = 1; i <= 4; ++i) {
    EXPECT_TRUE(records[i].error) << "line " << records[i].line;
    EXPECT_EQ(records[i].line, static_cast<int64_t>(i + 1));
  }
  ASSERT_TRUE(records[3].error);
  EXPECT_NE(records[3].error->find("not an object"), std::string::npos) << *records[3].error;
  ASSERT_TRUE(records[4].error);
  EXPECT_NE(records[4].error->find("text after the end of the object"), std::string::npos)
      << *records[4].error;
  EXPECT_FALSE(records[5].error);
  EXPECT_EQ(records[5].fields, (Fields{"5"}));
}

TEST(JsonReader, DuplicateKeyIsRecordError) {
  TempDir dir;
  auto reader = open_json(dir, "d.jsonl", "{\"a\": 1}\n{\"a\": 2, \"a\": 3}\n");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[1].error);
  EXPECT_NE(records[1].error->find("\"a\" appears twice"), std::string::npos);
}

TEST(JsonReader, BrokenArrayStructureThrows) {
  TempDir dir;
  auto reader = open_json(dir, "broken.json", "[{\"a\": 1},\n {\"a\": [1, 2}},\n {\"a\": 3}]");
  ASSERT_TRUE(reader);
  Record record;
  ASSERT_TRUE(reader->next(record));
  try {
    reader->next(record);
    FAIL() << "an unbalanced bracket was read";
  } catch (const ReadError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("broken.json line 2"), std::string::npos) << message;
    EXPECT_NE(message.find("unbalanced '}'"), std::string::npos) << message;
  }
}

TEST(JsonReader, TruncatedArrayThrows) {
  TempDir dir;
  auto reader = open_json(dir, "cut.json", "[{\"a\": 1},\n {\"a\": 2");
  ASSERT_TRUE(reader);
  Record record;
  ASSERT_TRUE(reader->next(record));
  EXPECT_THROW(reader->next(record), ReadError);
}

TEST(JsonReader, MissingClosingBracketThrows) {
  TempDir dir;
  auto reader = open_json(dir, "open.json", "[{\"a\": 1},\n {\"a\": 2}\n");
  ASSERT_TRUE(reader);
  Record record;
  ASSERT_TRUE(reader->next(record));
  ASSERT_TRUE(reader->next(record));
  EXPECT_THROW(reader->next(record), ReadError);
}

TEST(JsonReader, TrailingCommaAccepted) {
  TempDir dir;
  auto reader = open_json(dir, "c.json", "[{\"a\": 1}, {\"a\": 2},\n]\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ(read_all(*reader).size(), 2u);
}

TEST(JsonReader, EmptyArrayIsEmptyFile) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("e.json", " [ \n ] \n"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "empty_file");
}

TEST(JsonReader, InvalidFirstObjectIsInvalidHeader) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("h.jsonl", "{\"a\": }\n{\"a\": 1}\n"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "invalid_header");
  EXPECT_NE(reader.error().message.find("h.jsonl line 1"), std::string::npos);
}

TEST(JsonReader, PrettyPrintedObjectExplainsLayout) {
  TempDir dir;
  auto reader = open_record_reader(dir.write("p.json", "{\n  \"rows\": [{\"a\": 1}]\n}\n"), {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "invalid_header");
  EXPECT_NE(reader.error().message.find("one whole object per line"), std::string::npos)
      << reader.error().message;
}

TEST(JsonReader, InvalidUtf8NamesKeyAndAdvice) {
  TempDir dir;
  auto reader = open_json(dir, "u.jsonl",
                          "{\"codice\": \"1\", \"descrizione\": \"Pane\"}\n"
                          "{\"codice\": \"2\", \"descrizione\": \"Caff\xE8\"}\n");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].line, 2);
  const std::string& message = *records[1].error;
  EXPECT_NE(message.find("byte 0xE8"), std::string::npos) << message;
  EXPECT_NE(message.find("\"descrizione\""), std::string::npos) << message;
  EXPECT_NE(message.find("--encoding windows-1252"), std::string::npos) << message;
}

TEST(JsonReader, DeclaredWindows1252Converts) {
  TempDir dir;
  ReaderOptions options;
  options.encoding = TextEncoding::windows1252;
  auto reader = open_json(dir, "w.json", "[{\"descrizione\": \"Caff\xE8 \x80\"}]", options);
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"Caff\xC3\xA8 \xE2\x82\xAC"}));
}

TEST(JsonReader, ByteOrderMarkAndBlankStart) {
  TempDir dir;
  auto reader = open_json(dir, "bom", "\xEF\xBB\xBF\n\n  [{\"a\": \"x\"}]");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].line, 3);
}

TEST(JsonReader, StreamsAcrossBufferRefills) {
  TempDir dir;
  std::string text = "[\n";
  for (int i = 0; i < 30000; ++i) {
    text += std::string(i == 0 ? "" : ",\n") + "{\"receipt_id\": \"R" + std::to_string(i) +
            "\", \"note\": \"a \\\"quoted\\\" [text] {x}\", \"amount\": " + std::to_string(i) +
            ".25}";
  }
  text += "\n]\n";
  ASSERT_GT(text.size(), 2u * InputBuffer::kDefaultCapacity);
  auto reader = open_json(dir, "big.json", text);
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 30000u);
  EXPECT_EQ(records[29999].fields, (Fields{"R29999", "a \"quoted\" [text] {x}", "29999.25"}));
  EXPECT_EQ(records[29999].line, 30001);
  EXPECT_EQ(reader->bytes_read(), text.size());
}

TEST(FindKeyAt, FindsKeyOfValue) {
  const std::string_view text = "{\"a\": \"x\", \"b\": {\"c\": \"yz\"}, \"d\": \"w\"}";
  EXPECT_EQ(find_key_at(text, text.find('x')), "a");
  EXPECT_EQ(find_key_at(text, text.find('z')), "b");
  EXPECT_EQ(find_key_at(text, text.find('w')), "d");
  EXPECT_EQ(find_key_at(text, 2), "");
}

TEST(EndOfContainer, FindsClosingBracket) {
  EXPECT_EQ(end_of_container("{\"a\": \"}\"} x"), 10u);
  EXPECT_EQ(end_of_container("[1, [2], {\"b\": \"\\\"\"}]"), 21u);
  EXPECT_EQ(end_of_container("{\"a\": [1}"), std::string::npos);
  EXPECT_EQ(end_of_container("{\"a\": \"open}"), std::string::npos);
}

}  // namespace
}  // namespace imagross::ingest
