#include "ingest/convert/date_time.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;

const DateFormat kIso{DateStyle::iso, {}};
const DateFormat kDayFirst{DateStyle::day_first, {}};
const DateFormat kMonthFirst{DateStyle::month_first, {}};
const DateFormat kExcel{DateStyle::excel_serial, {}};

int32_t day(int year, int month, int day_of_month) {
  return days_from_civil(CivilDate{year, month, day_of_month});
}

TEST(ParseDateTime, IsoForms) {
  auto plain = parse_date_time("2026-03-25", kIso);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->local.day, day(2026, 3, 25));
  EXPECT_FALSE(plain->has_time);

  auto space = parse_date_time("2026-03-25 14:30", kIso);
  ASSERT_TRUE(space.ok());
  EXPECT_EQ(space->local.second_of_day, 14 * 3600 + 30 * 60);
  EXPECT_TRUE(space->has_time);

  auto seconds = parse_date_time("2026-03-25T14:30:05", kIso);
  ASSERT_TRUE(seconds.ok());
  EXPECT_EQ(seconds->local.second_of_day, 14 * 3600 + 30 * 60 + 5);
  EXPECT_FALSE(seconds->utc_offset.has_value());
}

TEST(ParseDateTime, IsoOffsets) {
  auto zulu = parse_date_time("2026-03-25T14:30:00Z", kIso);
  ASSERT_TRUE(zulu.ok());
  EXPECT_EQ(zulu->utc_offset, 0);

  auto plus = parse_date_time("2026-03-25T14:30:00+01:00", kIso);
  ASSERT_TRUE(plus.ok());
  EXPECT_EQ(plus->utc_offset, 3600);

  auto minus = parse_date_time("2026-03-25 14:30-0530", kIso);
  ASSERT_TRUE(minus.ok());
  EXPECT_EQ(minus->utc_offset, -(5 * 3600 + 30 * 60));
}

TEST(ParseDateTime, IsoAcceptedInEveryStyle) {
  EXPECT_TRUE(parse_date_time("2026-03-25 10:00", kDayFirst).ok());
  EXPECT_TRUE(parse_date_time("2026-03-25", kMonthFirst).ok());
  EXPECT_TRUE(parse_date_time("2026-03-25", kExcel).ok());
}

TEST(ParseDateTime, DayFirstAndMonthFirst) {
  auto italian = parse_date_time("03/04/2026 9:05", kDayFirst);
  ASSERT_TRUE(italian.ok());
  EXPECT_EQ(italian->local.day, day(2026, 4, 3));
  EXPECT_EQ(italian->local.second_of_day, 9 * 3600 + 5 * 60);

  auto american = parse_date_time("03/04/2026", kMonthFirst);
  ASSERT_TRUE(american.ok());
  EXPECT_EQ(american->local.day, day(2026, 3, 4));

  auto dotted = parse_date_time("25.12.2026", kDayFirst);
  ASSERT_TRUE(dotted.ok());
  EXPECT_EQ(dotted->local.day, day(2026, 12, 25));
}

TEST(ParseDateTime, ValueNotFittingTheStyleIsRejected) {
  auto wrong_order = parse_date_time("03/25/2026", kDayFirst);
  ASSERT_FALSE(wrong_order.ok());
  EXPECT_EQ(wrong_order.error().code, "invalid_date");
  EXPECT_THAT(wrong_order.error().message, HasSubstr("month 25"));
  EXPECT_THAT(wrong_order.error().message, HasSubstr("day first"));

  EXPECT_FALSE(parse_date_time("25/03/2026", kIso).ok());
  EXPECT_FALSE(parse_date_time("25/03/26", kDayFirst).ok());
  EXPECT_FALSE(parse_date_time("25/03-2026", kDayFirst).ok());
  EXPECT_FALSE(parse_date_time("46106", kDayFirst).ok());
}

TEST(ParseDateTime, ImpossibleDays) {
  auto february = parse_date_time("31/02/2026", kDayFirst);
  ASSERT_FALSE(february.ok());
  EXPECT_THAT(february.error().message, HasSubstr("28 days"));
  EXPECT_TRUE(parse_date_time("29/02/2024", kDayFirst).ok());
  EXPECT_FALSE(parse_date_time("2026-02-29", kIso).ok());
  EXPECT_FALSE(parse_date_time("2026-03-25 24:00", kIso).ok());
  EXPECT_FALSE(parse_date_time("2026-03-25 12:60", kIso).ok());
}

TEST(ParseDateTime, ExcelSerials) {
  auto first_day = parse_date_time("1", kExcel);
  ASSERT_TRUE(first_day.ok());
  EXPECT_EQ(first_day->local.day, day(1900, 1, 1));

  auto fifty_nine = parse_date_time("59", kExcel);
  ASSERT_TRUE(fifty_nine.ok());
  EXPECT_EQ(fifty_nine->local.day, day(1900, 2, 28));

  auto fictitious = parse_date_time("60", kExcel);
  ASSERT_FALSE(fictitious.ok());
  EXPECT_THAT(fictitious.error().message, HasSubstr("1900-02-29"));

  auto sixty_one = parse_date_time("61", kExcel);
  ASSERT_TRUE(sixty_one.ok());
  EXPECT_EQ(sixty_one->local.day, day(1900, 3, 1));

  // 46106 is 2026-03-25 in Excel; .75 is 18:00.
  auto evening = parse_date_time("46106.75", kExcel);
  ASSERT_TRUE(evening.ok());
  EXPECT_EQ(evening->local.day, day(2026, 3, 25));
  EXPECT_EQ(evening->local.second_of_day, 18 * 3600);
  EXPECT_TRUE(evening->has_time);

  // Excel stores 14:30 as 0.604166666666667: rounded to the nearest second.
  auto rounded = parse_date_time("46106.604166666666667", kExcel);
  ASSERT_TRUE(rounded.ok());
  EXPECT_EQ(rounded->local.second_of_day, 14 * 3600 + 30 * 60);

  EXPECT_FALSE(parse_date_time("0", kExcel).ok());
  EXPECT_FALSE(parse_date_time("3000000", kExcel).ok());
}

TEST(ParseDateTime, Patterns) {
  auto format = parse_date_format("%d.%m.%y %H.%M");
  ASSERT_TRUE(format.ok());
  auto parsed = parse_date_time("25.03.26 14.30", *format);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->local.day, day(2026, 3, 25));
  EXPECT_EQ(parsed->local.second_of_day, 14 * 3600 + 30 * 60);
  EXPECT_FALSE(parse_date_time("2026-03-25 14:30", *format).ok());
  EXPECT_FALSE(parse_date_time("31.02.26 14.30", *format).ok());
}

TEST(ParseDateFormat, NamesAndInvalidPatterns) {
  EXPECT_EQ(parse_date_format("day-first")->style, DateStyle::day_first);
  EXPECT_EQ(parse_date_format("month-first")->style, DateStyle::month_first);
  EXPECT_EQ(parse_date_format("excel")->style, DateStyle::excel_serial);
  EXPECT_EQ(parse_date_format("iso")->style, DateStyle::iso);
  EXPECT_FALSE(parse_date_format("dd/mm/yyyy").ok());
  EXPECT_FALSE(parse_date_format("%d/%m").ok());
  EXPECT_FALSE(parse_date_format("%d/%m/%Y %Q").ok());
}

TEST(ParseTimeOfDay, ClockAndExcelFractions) {
  EXPECT_EQ(*parse_time_of_day("14:30"), 14 * 3600 + 30 * 60);
  EXPECT_EQ(*parse_time_of_day("9:05:07"), 9 * 3600 + 5 * 60 + 7);
  EXPECT_EQ(*parse_time_of_day("0.5"), 12 * 3600);
  EXPECT_FALSE(parse_time_of_day("25:00").ok());
  EXPECT_FALSE(parse_time_of_day("1.5").ok());
  EXPECT_FALSE(parse_time_of_day("noon").ok());
}

}  // namespace
}  // namespace imagross::ingest
