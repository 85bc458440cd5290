#include "ingest/source/byte_source.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/record.h"
#include "ingest/source/input_buffer.h"
#include "ingest/source/test_support.h"

namespace imagross::ingest {
namespace {

using test_support::gzip;
using test_support::TempDir;

// Reads the whole source in reads of `chunk` bytes.
std::string read_everything(ByteSource& source, size_t chunk = 7) {
  std::string text;
  std::string buffer(chunk, '\0');
  for (size_t count; (count = source.read(buffer.data(), buffer.size())) > 0;) {
    text.append(buffer.data(), count);
  }
  return text;
}

std::string sample_text() {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "receipt-" + std::to_string(i) + ";caffè;1,50\n";
  }
  return text;
}

TEST(ByteSource, ReadsPlainFile) {
  TempDir dir;
  const std::string path = dir.write("plain.csv", "a,b\n1,2\n");
  auto source = open_byte_source(path);
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_FALSE((*source)->is_compressed());
  EXPECT_EQ((*source)->bytes_total(), 8u);
  EXPECT_EQ(read_everything(**source), "a,b\n1,2\n");
  EXPECT_EQ((*source)->bytes_read(), 8u);
}

TEST(ByteSource, DecompressesGzipByMagicNotName) {
  TempDir dir;
  const std::string text = sample_text();
  const std::string compressed = gzip(text);
  const std::string path = dir.write("export.csv", compressed);  // no .gz in the name
  auto source = open_byte_source(path);
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_TRUE((*source)->is_compressed());
  EXPECT_EQ(read_everything(**source, 4096), text);
  EXPECT_EQ((*source)->bytes_read(), compressed.size());
  EXPECT_EQ((*source)->bytes_total(), compressed.size());
}

TEST(ByteSource, GzipProgressCountsCompressedBytes) {
  TempDir dir;
  std::string text;
  // Varied text, so that the compressed file is larger than one input chunk of 256 KiB.
  for (int64_t i = 0; i < 200000; ++i) {
    text += std::to_string(i * 7919 % 1000003) + "," + std::to_string(i) + "\n";
  }
  const std::string compressed = gzip(text);
  ASSERT_GT(compressed.size(), 300u * 1024);
  auto source = open_byte_source(dir.write("big.csv.gz", compressed));
  ASSERT_TRUE(source.ok());
  std::string buffer(64 * 1024, '\0');
  ASSERT_GT((*source)->read(buffer.data(), buffer.size()), 0u);
  EXPECT_GT((*source)->bytes_read(), 0u);
  EXPECT_LT((*source)->bytes_read(), compressed.size());
  read_everything(**source, 64 * 1024);
  EXPECT_EQ((*source)->bytes_read(), compressed.size());
}

TEST(ByteSource, ReadsConcatenatedGzipMembers) {
  TempDir dir;
  const std::string path = dir.write("two.csv.gz", gzip("a,b\n1,2\n") + gzip("3,4\n"));
  auto source = open_byte_source(path);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(read_everything(**source), "a,b\n1,2\n3,4\n");
}

TEST(ByteSource, TruncatedGzipNamesFileAndPosition) {
  TempDir dir;
  const std::string compressed = gzip(sample_text());
  const std::string path = dir.write("cut.csv.gz", compressed.substr(0, compressed.size() / 2));
  auto source = open_byte_source(path);
  ASSERT_TRUE(source.ok());
  try {
    read_everything(**source);
    FAIL() << "a truncated gzip file was read without an error";
  } catch (const ReadError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("ends unexpectedly after " + std::to_string(compressed.size() / 2)),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;
  }
}

TEST(ByteSource, CorruptGzipNamesFileAndPosition) {
  TempDir dir;
  std::string compressed = gzip(sample_text());
  for (size_t i = 20; i < 60; ++i) {
    compressed[i] = static_cast<char>(compressed[i] ^ 0x5A);
  }
  const std::string path = dir.write("corrupt.csv.gz", compressed);
  auto source = open_byte_source(path);
  ASSERT_TRUE(source.ok());
  try {
    read_everything(**source);
    FAIL() << "corrupt gzip data was read without an error";
  } catch (const ReadError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("near byte"), std::string::npos) << message;
  }
}

TEST(ByteSource, GarbageAfterGzipIsAnError) {
  TempDir dir;
  const std::string path = dir.write("tail.csv.gz", gzip("a\n") + "not gzip");
  auto source = open_byte_source(path);
  ASSERT_TRUE(source.ok());
  EXPECT_THROW(read_everything(**source), ReadError);
}

TEST(ByteSource, MissingFileIsFileNotFound) {
  TempDir dir;
  auto source = open_byte_source(dir.path("missing.csv"));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, "file_not_found");
  EXPECT_NE(source.error().message.find("missing.csv"), std::string::npos);
}

TEST(ByteSource, DirectoryIsUnreadable) {
  TempDir dir;
  dir.write("x", "");
  auto source = open_byte_source(dir.path(""));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, "unreadable_file");
}

TEST(InputBuffer, PeekKeepsBytesForLaterReads) {
  InputBuffer input(make_memory_source("abcdefghij"), 4);
  EXPECT_EQ(input.peek(3), "abcd");
  input.consume_to(input.begin() + 2);
  EXPECT_EQ(input.peek(4), "cdef");
  input.consume_to(input.end());
  ASSERT_TRUE(input.refill());
  EXPECT_EQ(std::string(input.begin(), input.end()), "ghij");
}

}  // namespace
}  // namespace imagross::ingest
