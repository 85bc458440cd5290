#include "ingest/convert/line_converter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> kHeader = {"scontrino", "data",        "negozio",  "tessera",
                                          "codice",    "descrizione", "quantità", "prezzo",
                                          "sconto",    "importo"};

struct Converted {
  bool ok = false;
  ReceiptLine line;
  std::vector<Rejection> rejections;
};

class LineConverterTest : public ::testing::Test {
 protected:
  void SetUp() override { make_converter(MappingSpec{}, NumberFormat::italian(), kDayFirst); }

  void make_converter(const MappingSpec& spec, NumberFormat numbers, DateFormat dates,
                      const std::vector<std::string>& header = kHeader) {
    auto mapping = resolve_columns(header, spec);
    ASSERT_TRUE(mapping.ok()) << mapping.error().message;
    auto zone = TimeZone::load("Europe/Rome");
    ASSERT_TRUE(zone.ok()) << zone.error().message;
    FileFormats formats;
    formats.numbers = numbers;
    formats.dates = dates;
    formats.numbers_explained = "decimal comma (it-IT)";
    formats.dates_explained = describe_date_format(dates);
    converter_ = std::make_unique<LineConverter>(*mapping, formats, *zone, true, ';');
  }

  Converted convert(std::vector<std::string> fields) {
    Record record;
    record.line = ++line_;
    record.fields = std::move(fields);
    Converted result;
    result.ok = converter_->convert(record, result.line, result.rejections);
    return result;
  }

  static inline const DateFormat kDayFirst{DateStyle::day_first, {}};
  std::unique_ptr<LineConverter> converter_;
  int64_t line_ = 1;
};

int64_t utc(int year, int month, int day, int hour, int minute, int offset_hours) {
  return int64_t{days_from_civil(CivilDate{year, month, day})} * 86400 + hour * 3600 + minute * 60 -
         offset_hours * 3600;
}

TEST_F(LineConverterTest, ItalianValues) {
  auto result = convert({"PV01-0001", "25/03/2026 18:30", "PV01", "2000000000017", "0080012345",
                         "Parmigiano", "1,250", "1.234,56", "0,50", "1.542,70"});
  ASSERT_TRUE(result.ok) << result.rejections[0].reason;
  const ReceiptLine& line = result.line;
  EXPECT_EQ(line.receipt_code, "PV01-0001");
  EXPECT_EQ(line.line_number, 1);
  EXPECT_EQ(line.timestamp, utc(2026, 3, 25, 18, 30, 1));
  EXPECT_EQ(line.product_code, "0080012345");  // leading zeros kept
  EXPECT_EQ(line.quantity, 1250);
  EXPECT_EQ(line.unit_price, 1234560);
  EXPECT_EQ(line.discount, 500);
  EXPECT_EQ(line.amount, 1542700);  // as given
  EXPECT_FALSE(line.is_return);
}

TEST_F(LineConverterTest, LinesNumberedWithinEachReceipt) {
  const auto row = [](const char* receipt) {
    return std::vector<std::string>{receipt, "25/03/2026 18:30", "PV01", "", "1", "", "1", "1", "",
                                    ""};
  };
  EXPECT_EQ(convert(row("A")).line.line_number, 1);
  EXPECT_EQ(convert(row("A")).line.line_number, 2);
  EXPECT_EQ(convert(row("B")).line.line_number, 1);
  EXPECT_EQ(convert(row("A")).line.line_number, 3);
}

TEST_F(LineConverterTest, AmountComputedWhenAbsent) {
  auto result =
      convert({"A", "25/03/2026 18:30", "PV01", "", "1", "", "0,333", "1,999", "0,10", ""});
  ASSERT_TRUE(result.ok);
  // 0.333 x 1.999 = 0.665667, rounded to 0.666, minus 0.10.
  EXPECT_EQ(result.line.amount, 566);
}

TEST_F(LineConverterTest, NumberNotInTheFileFormatIsRejected) {
  auto result = convert({"A", "25/03/2026 18:30", "PV01", "", "1", "", "1.5", "2,00", "", ""});
  ASSERT_FALSE(result.ok);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].column, "quantità");
  EXPECT_EQ(result.rejections[0].value, "1.5");
  EXPECT_EQ(result.rejections[0].line, 2);
  EXPECT_THAT(result.rejections[0].reason, HasSubstr("'1.5'"));
  EXPECT_THAT(result.rejections[0].reason, HasSubstr("--locale"));
}

TEST_F(LineConverterTest, MoreThanThreeDecimalsRejected) {
  auto result = convert({"A", "25/03/2026 18:30", "PV01", "", "1", "", "1", "2,0005", "", ""});
  ASSERT_FALSE(result.ok);
  EXPECT_EQ(result.rejections[0].column, "prezzo");
}

TEST_F(LineConverterTest, EveryBadValueOfARowIsReported) {
  auto result = convert({"A", "32/03/2026", "PV01", "2.01234E+12", "1", "", "x", "2,00", "", ""});
  ASSERT_FALSE(result.ok);
  ASSERT_EQ(result.rejections.size(), 3u);
  EXPECT_EQ(result.rejections[0].column, "data");
  EXPECT_EQ(result.rejections[1].column, "tessera");
  EXPECT_THAT(result.rejections[1].reason, HasSubstr("scientific notation"));
  EXPECT_EQ(result.rejections[2].column, "quantità");
}

TEST_F(LineConverterTest, LineLimitsRejectTheRow) {
  struct Case {
    std::vector<std::string> fields;
    std::string column;
    std::string value;
  };
  const std::string when = "25/03/2026 18:30";
  const std::vector<Case> cases = {
      {{"A", when, "PV01", "", "1", "", "1", "1", "", "9000000000000000"},
       "importo",
       "9000000000000000"},
      {{"A", when, "PV01", "", "1", "", "100001", "0,01", "", ""}, "quantità", "100001"},
      {{"A", when, "PV01", "", "1", "", "1", "100000,01", "", ""}, "prezzo", "100000,01"},
      // 20 x 99,999.00 is within the unit price limit; the amount computed from it is not.
      {{"A", when, "PV01", "", "1", "", "20", "99999", "", ""}, "prezzo", "99999"},
      {{"A", when, "PV01", "", "1", "", "1", "5", "-1", "6"}, "sconto", "-1"},
      {{"A", when, "PV01", "", "1", "", "1", "5", "6", "-1"}, "sconto", "6"},
  };
  for (const Case& bad : cases) {
    const Converted result = convert(bad.fields);
    ASSERT_FALSE(result.ok) << bad.column << " " << bad.value;
    ASSERT_EQ(result.rejections.size(), 1u) << bad.value;
    EXPECT_EQ(result.rejections[0].column, bad.column);
    EXPECT_EQ(result.rejections[0].value, bad.value);
    EXPECT_THAT(result.rejections[0].reason, HasSubstr("correct the"));
  }
  // The largest line of the Online Retail data set stays well within the limits.
  const Converted largest =
      convert({"A", when, "PV01", "", "1", "", "80995", "2,08", "", "168469,60"});
  ASSERT_TRUE(largest.ok) << largest.rejections[0].reason;
  EXPECT_EQ(largest.line.amount, 168'469'600);
}

TEST_F(LineConverterTest, BlankCardIsAReceiptWithoutCard) {
  auto result = convert({"A", "25/03/2026 18:30", "PV01", "   ", "1", "", "1", "1", "", ""});
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.line.card_number, "");
}

TEST_F(LineConverterTest, NegativeQuantityIsAReturn) {
  auto result = convert({"A", "25/03/2026 18:30", "PV01", "", "1", "", "-2", "1,50", "", ""});
  ASSERT_TRUE(result.ok);
  EXPECT_TRUE(result.line.is_return);
  EXPECT_EQ(result.line.amount, -3000);
}

TEST_F(LineConverterTest, CancellationDocuments) {
  MappingSpec spec;
  spec.origin = "test";
  spec.cancellation_prefix = "C";
  make_converter(spec, NumberFormat::italian(), kDayFirst);
  auto cancelled = convert({"C100", "25/03/2026 18:30", "PV01", "", "1", "", "-1", "2", "", ""});
  ASSERT_TRUE(cancelled.ok);
  EXPECT_TRUE(cancelled.line.is_return);

  auto positive = convert({"C100", "25/03/2026 18:30", "PV01", "", "2", "", "1", "2", "", ""});
  ASSERT_FALSE(positive.ok);
  EXPECT_EQ(positive.rejections[0].column, "quantità");
  EXPECT_THAT(positive.rejections[0].reason, HasSubstr("cancellation document"));
}

TEST_F(LineConverterTest, SpringGapRejectedAutumnOverlapTakesFirst) {
  auto gap = convert({"A", "29/03/2026 02:30", "PV01", "", "1", "", "1", "1", "", ""});
  ASSERT_FALSE(gap.ok);
  EXPECT_EQ(gap.rejections[0].column, "data");
  EXPECT_THAT(gap.rejections[0].reason, HasSubstr("Europe/Rome"));

  // 2026-10-25 02:30 happens twice in Rome: first at +02:00 (00:30 UTC).
  auto overlap = convert({"B", "25/10/2026 02:30", "PV01", "", "1", "", "1", "1", "", ""});
  ASSERT_TRUE(overlap.ok);
  EXPECT_EQ(overlap.line.timestamp, utc(2026, 10, 25, 2, 30, 2));
}

TEST_F(LineConverterTest, RowWidthMismatch) {
  auto short_row = convert({"A", "25/03/2026 18:30", "PV01"});
  ASSERT_FALSE(short_row.ok);
  EXPECT_THAT(short_row.rejections[0].reason, HasSubstr("has 3 fields"));

  auto long_row = convert(
      {"A", "25/03/2026 18:30", "PV01", "", "1", "Pane; integrale", "1", "1", "", "", "oops"});
  ASSERT_FALSE(long_row.ok);
  EXPECT_THAT(long_row.rejections[0].reason, HasSubstr("delimiter ';'"));

  auto trailing = convert({"A", "25/03/2026 18:30", "PV01", "", "1", "", "1", "1", "", "", ""});
  EXPECT_TRUE(trailing.ok);
}

TEST_F(LineConverterTest, SeparateDateAndTimeColumns) {
  const std::vector<std::string> header = {"Scontrino", "Data",     "Ora",    "Negozio",
                                           "EAN",       "Quantita", "Importo"};
  make_converter(MappingSpec{}, NumberFormat::italian(), kDayFirst, header);
  auto result = convert({"A", "25/03/2026", "18:30", "PV01", "1", "1", "2,50"});
  ASSERT_TRUE(result.ok) << result.rejections[0].reason;
  EXPECT_EQ(result.line.timestamp, utc(2026, 3, 25, 18, 30, 1));
  EXPECT_EQ(result.line.amount, 2500);
  EXPECT_EQ(result.line.unit_price, 2500);  // derived from the amount

  auto midnight = convert({"A", "25/03/2026 00:00", "18:30", "PV01", "1", "1", "2,50"});
  EXPECT_TRUE(midnight.ok);
  auto both = convert({"A", "25/03/2026 10:00", "18:30", "PV01", "1", "1", "2,50"});
  EXPECT_FALSE(both.ok);
}

TEST_F(LineConverterTest, RecordErrorFromTheReader) {
  Record record;
  record.line = 9;
  record.error = "invalid UTF-8 at byte 3";
  ReceiptLine line;
  std::vector<Rejection> rejections;
  EXPECT_FALSE(converter_->convert(record, line, rejections));
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0].line, 9);
  EXPECT_EQ(rejections[0].reason, "invalid UTF-8 at byte 3");
}

// Rows of a receipt repeat their timestamp, which the converter remembers. A changed text, and a
// text that failed before, must still be converted on their own.
TEST_F(LineConverterTest, RepeatedTimestampsConvertAlike) {
  const auto row = [](const char* timestamp) {
    return std::vector<std::string>{"A", timestamp, "PV01", "", "1", "", "1", "1", "", ""};
  };
  EXPECT_EQ(convert(row("25/03/2026 18:30")).line.timestamp, utc(2026, 3, 25, 18, 30, 1));
  EXPECT_EQ(convert(row("25/03/2026 18:30")).line.timestamp, utc(2026, 3, 25, 18, 30, 1));
  EXPECT_EQ(convert(row("25/03/2026 18:31")).line.timestamp, utc(2026, 3, 25, 18, 31, 1));
  EXPECT_FALSE(convert(row("29/03/2026 02:30")).ok);
  Converted again = convert(row("29/03/2026 02:30"));
  EXPECT_FALSE(again.ok);
  ASSERT_EQ(again.rejections.size(), 1u);
  EXPECT_THAT(again.rejections[0].reason, HasSubstr("does not exist"));
  EXPECT_EQ(convert(row("25/03/2026 18:31")).line.timestamp, utc(2026, 3, 25, 18, 31, 1));
}

}  // namespace
}  // namespace imagross::ingest
