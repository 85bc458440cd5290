#include "http/quote.h"

#include <gtest/gtest.h>

namespace imagross::http {
namespace {

TEST(QuoteValue, QuotesPlainText) {
  EXPECT_EQ(quote_value("PV07"), "'PV07'");
  EXPECT_EQ(quote_value(""), "''");
}

TEST(QuoteValue, KeepsUtf8) {
  EXPECT_EQ(quote_value("città"), "'città'");
}

TEST(QuoteValue, EscapesControlAndInvalidBytes) {
  EXPECT_EQ(quote_value("a\nb"), "'a\\x0Ab'");
  EXPECT_EQ(quote_value("\xFF\xC3"), "'\\xFF\\xC3'");
  EXPECT_EQ(quote_value(std::string("a\0b", 3)), "'a\\x00b'");
}

TEST(QuoteValue, CutsLongValues) {
  EXPECT_EQ(quote_value(std::string(100, 'x')), "'" + std::string(60, 'x') + "...'");
}

}  // namespace
}  // namespace imagross::http
