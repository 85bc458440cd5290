#include "ingest/convert/format_detection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;

Locale detect_numbers(std::initializer_list<const char*> values) {
  NumberStyleDetector detector;
  int64_t line = 2;
  for (const char* value : values) {
    detector.add(value, line++);
  }
  return detector.decide();
}

TEST(NumberStyleDetector, DecisiveValues) {
  EXPECT_EQ(detect_numbers({"1", "12,5"}), Locale::it_IT);
  EXPECT_EQ(detect_numbers({"1.234,56"}), Locale::it_IT);
  EXPECT_EQ(detect_numbers({"1.234.567"}), Locale::it_IT);
  EXPECT_EQ(detect_numbers({"2.55"}), Locale::en_US);
  EXPECT_EQ(detect_numbers({"1,234.56"}), Locale::en_US);
  EXPECT_EQ(detect_numbers({"0,250"}), Locale::it_IT);
}

TEST(NumberStyleDetector, AmbiguousValuesAndDefaults) {
  EXPECT_EQ(detect_numbers({"1", "-3", "12"}), Locale::en_US);
  EXPECT_EQ(detect_numbers({"1,250"}), Locale::it_IT);
  EXPECT_EQ(detect_numbers({"1.250"}), Locale::en_US);
  // A decisive value anywhere settles the values that read both ways.
  EXPECT_EQ(detect_numbers({"1.250", "1.250", "3,5"}), Locale::it_IT);
}

TEST(NumberStyleDetector, MajorityWinsOverStrayValues) {
  EXPECT_EQ(detect_numbers({"1,5", "2,5", "3,75", "4.5"}), Locale::it_IT);
}

TEST(NumberStyleDetector, ExplainsWithAnExample) {
  NumberStyleDetector detector;
  detector.add("7", 2);
  detector.add("1.234,5", 3);
  EXPECT_THAT(detector.explain(), HasSubstr("'1.234,5' on line 3"));
  EXPECT_THAT(detector.explain(), HasSubstr("it-IT"));
}

TEST(DateStyleDetector, OnlyTheLastRowDisambiguates) {
  DateStyleDetector detector;
  for (int64_t line = 2; line < 1000; ++line) {
    detector.add("03/04/2026 10:00", line);
  }
  detector.add("13/04/2026 10:00", 1000);
  EXPECT_EQ(detector.decide(DateStyle::month_first), DateStyle::day_first);
  EXPECT_THAT(detector.explain(DateStyle::day_first), HasSubstr("line 1000"));
}

TEST(DateStyleDetector, MonthFirstEvidence) {
  DateStyleDetector detector;
  detector.add("03/04/2026", 2);
  detector.add("12/31/2026", 3);
  EXPECT_EQ(detector.decide(DateStyle::day_first), DateStyle::month_first);
}

TEST(DateStyleDetector, AmbiguousFileTakesTheDefault) {
  DateStyleDetector detector;
  detector.add("03/04/2026", 2);
  EXPECT_EQ(detector.decide(DateStyle::day_first), DateStyle::day_first);
  EXPECT_EQ(detector.decide(DateStyle::month_first), DateStyle::month_first);
}

TEST(DateStyleDetector, ExcelSerialsAndIso) {
  DateStyleDetector serials;
  serials.add("46106.5", 2);
  serials.add("46107", 3);
  EXPECT_EQ(serials.decide(DateStyle::day_first), DateStyle::excel_serial);

  DateStyleDetector iso;
  iso.add("2026-03-25 10:00", 2);
  EXPECT_EQ(iso.decide(DateStyle::day_first), DateStyle::iso);
}

}  // namespace
}  // namespace imagross::ingest
