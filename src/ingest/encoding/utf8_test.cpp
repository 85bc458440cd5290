#include "ingest/encoding/utf8.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/encoding/text_decoder.h"

namespace imagross::ingest {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(find_invalid_utf8(""), kValid);
  EXPECT_EQ(find_invalid_utf8("plain ASCII text that is longer than eight bytes"), kValid);
  EXPECT_EQ(find_invalid_utf8("caff\xC3\xA8 \xE2\x82\xAC 1,50"), kValid);  // caffè € 1,50
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x8D\x95"), kValid);                // U+1F355
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), kValid);                // U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF"), kValid);                    // U+D7FF
}

TEST(Utf8, FindsWindows1252Byte) {
  EXPECT_EQ(find_invalid_utf8("caff\xE8"), 4u);              // è in Windows-1252
  EXPECT_EQ(find_invalid_utf8("prezzo \x80 2"), 7u);         // € in Windows-1252
  EXPECT_EQ(find_invalid_utf8("aaaaaaaaaaaa\xE0 la"), 12u);  // after the eight-byte fast path
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xC1\xBF"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xF0\x8F\xBF\xBF"), 0u);
}

TEST(Utf8, RejectsSurrogatesAndBeyondUnicode) {
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);      // U+D800
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(find_invalid_utf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xFF"), 0u);
}

TEST(Utf8, RejectsCutAndStraySequences) {
  EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);
  EXPECT_EQ(find_invalid_utf8("ab\xE2\x82"), 2u);
  EXPECT_EQ(find_invalid_utf8("ab\x82"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xC3\xA8\xA8"), 2u);
}

TEST(Utf8, MessageNamesByteColumnAndFix) {
  const std::string text = "Caff\xE8 macinato";
  const std::string message = invalid_utf8_message(text, 4, "column 6 (\"descrizione\")");
  EXPECT_NE(message.find("byte 0xE8"), std::string::npos) << message;
  EXPECT_NE(message.find("column 6 (\"descrizione\")"), std::string::npos) << message;
  EXPECT_NE(message.find("after \"Caff\""), std::string::npos) << message;
  EXPECT_NE(message.find("--encoding windows-1252"), std::string::npos) << message;
}

TEST(Utf8, MessageQuotesOnlyRecentText) {
  const std::string text = std::string(100, 'x') + "\x80";
  const std::string message = invalid_utf8_message(text, 100, "column 1");
  EXPECT_NE(message.find("after \"" + std::string(24, 'x') + "\""), std::string::npos) << message;
  EXPECT_EQ(message.find(std::string(25, 'x')), std::string::npos) << message;
}

TEST(TextDecoder, Utf8LeavesTextAndReportsOffset) {
  TextDecoder decoder(TextEncoding::utf8);
  std::string valid = "Pescheria \xC3\xA0";
  EXPECT_EQ(decoder.decode(valid), std::string::npos);
  EXPECT_EQ(valid, "Pescheria \xC3\xA0");
  std::string invalid = "Pescheria \xE0";
  EXPECT_EQ(decoder.decode(invalid), 10u);
  EXPECT_EQ(invalid, "Pescheria \xE0");
}

TEST(TextDecoder, Windows1252Converts) {
  TextDecoder decoder(TextEncoding::windows1252);
  std::string text = "Pescheria \xE0 \x80";
  EXPECT_EQ(decoder.decode(text), std::string::npos);
  EXPECT_EQ(text, "Pescheria \xC3\xA0 \xE2\x82\xAC");
}

}  // namespace
}  // namespace imagross::ingest
