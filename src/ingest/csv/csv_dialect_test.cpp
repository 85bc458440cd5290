#include "ingest/csv/csv_dialect.h"

#include <gtest/gtest.h>

#include <string>

namespace imagross::ingest {
namespace {

TEST(DetectDelimiter, Comma) {
  EXPECT_EQ(detect_delimiter("receipt_id,store_id,amount\nR1,PV01,12.50\nR2,PV02,3.10\n", true),
            ',');
}

TEST(DetectDelimiter, SemicolonWithDecimalComma) {
  EXPECT_EQ(detect_delimiter("scontrino;negozio;importo\nR1;PV01;12,50\nR2;PV02;3,10\n", true),
            ';');
}

TEST(DetectDelimiter, Tab) {
  EXPECT_EQ(detect_delimiter("a\tb\tc\n1\t2,5\t3\n", true), '\t');
}

TEST(DetectDelimiter, Pipe) {
  EXPECT_EQ(detect_delimiter("a|b|c\n1|2;5|3,1\n", true), '|');
}

TEST(DetectDelimiter, IgnoresDelimitersInsideQuotes) {
  // Commas inside quotes outnumber the semicolons that separate the fields.
  const std::string sample =
      "descrizione;reparto\n\"Pasta, corta, 500 g, formato famiglia\";Drogheria\n"
      "\"Vino, rosso, 75 cl\";Enoteca\n";
  EXPECT_EQ(detect_delimiter(sample, true), ';');
}

TEST(DetectDelimiter, PrefersConsistentRows) {
  // The header has two commas but the rows do not split into three fields by comma.
  const std::string sample = "a,b;c,d;e\n1;2;3\n4;5;6\n";
  EXPECT_EQ(detect_delimiter(sample, true), ';');
}

TEST(DetectDelimiter, TrailingDelimitersStillMatch) {
  EXPECT_EQ(detect_delimiter("a;b;c;\n1;2,0;3;\n4;5,0;6;\n", true), ';');
}

TEST(DetectDelimiter, SingleColumnDefaultsToComma) {
  EXPECT_EQ(detect_delimiter("card\n2000000000015\n", true), ',');
  EXPECT_EQ(detect_delimiter("", true), ',');
}

TEST(DetectDelimiter, IgnoresCutLastLine) {
  // The sample ends inside a quoted field of a longer file.
  const std::string sample = "a;b\n1;2\n3;\"cut, cut, cut, cut";
  EXPECT_EQ(detect_delimiter(sample, false), ';');
}

TEST(SeparatorLine, Recognised) {
  EXPECT_EQ(parse_separator_line("sep=;\r\na;b\n"), ';');
  EXPECT_EQ(parse_separator_line("sep=|\n"), '|');
  EXPECT_EQ(parse_separator_line("sep=\t\n"), '\t');
}

TEST(SeparatorLine, Rejected) {
  EXPECT_FALSE(parse_separator_line("sep=;;\n"));
  EXPECT_FALSE(parse_separator_line("sep=;"));
  EXPECT_FALSE(parse_separator_line("separator,x\n"));
  EXPECT_FALSE(parse_separator_line("sep=\"\n"));
}

}  // namespace
}  // namespace imagross::ingest
