#include "ingest/xlsx/sheet_rows.h"

#include <gtest/gtest.h>

#include "ingest/xlsx/cell_styles.h"
#include "ingest/xlsx/workbook.h"

namespace imagross::ingest {
namespace {

TEST(CellReference, Columns) {
  EXPECT_EQ(column_of_reference("A1"), 0u);
  EXPECT_EQ(column_of_reference("C5"), 2u);
  EXPECT_EQ(column_of_reference("Z9"), 25u);
  EXPECT_EQ(column_of_reference("AA10"), 26u);
  EXPECT_EQ(column_of_reference("XFD1048576"), 16383u);
  EXPECT_EQ(column_of_reference("b2"), 1u);
  EXPECT_EQ(column_of_reference("12"), std::string::npos);
  EXPECT_EQ(column_of_reference("ABCD1"), std::string::npos);
}

TEST(CellReference, LettersRoundTrip) {
  for (const size_t column : {0u, 1u, 25u, 26u, 27u, 51u, 52u, 701u, 702u, 16383u}) {
    EXPECT_EQ(column_of_reference(column_letters(column) + "1"), column) << column;
  }
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(26), "AA");
  EXPECT_EQ(column_letters(16383), "XFD");
}

TEST(DateSerial, AddsDaysKeepingFraction) {
  std::string serial = "43894.60416666666";
  ASSERT_TRUE(add_days_to_serial(serial, 1462));
  EXPECT_EQ(serial, "45356.60416666666");
  std::string whole = "0";
  ASSERT_TRUE(add_days_to_serial(whole, 1462));
  EXPECT_EQ(whole, "1462");
}

TEST(DateSerial, RejectsOtherText) {
  for (const char* text : {"4.5E+4", "-1", "", "1.", "1.2.3", "x"}) {
    std::string serial = text;
    EXPECT_FALSE(add_days_to_serial(serial, 1462)) << text;
    EXPECT_EQ(serial, text);
  }
}

TEST(DateFormat, BuiltInIds) {
  EXPECT_TRUE(is_date_format(14, ""));
  EXPECT_TRUE(is_date_format(22, ""));
  EXPECT_TRUE(is_date_format(47, ""));
  EXPECT_FALSE(is_date_format(0, ""));
  EXPECT_FALSE(is_date_format(2, ""));
  EXPECT_FALSE(is_date_format(49, ""));
}

TEST(DateFormat, CustomCodes) {
  EXPECT_TRUE(is_date_format(164, "dd/mm/yyyy"));
  EXPECT_TRUE(is_date_format(164, "yyyy-mm-dd h:mm:ss"));
  EXPECT_TRUE(is_date_format(164, "[$-410]d mmmm yyyy"));
  EXPECT_TRUE(is_date_format(164, "hh:mm"));
  EXPECT_FALSE(is_date_format(164, "General"));
  EXPECT_FALSE(is_date_format(164, "#,##0.00 \"mq\""));
  EXPECT_FALSE(is_date_format(164, "[Red]0.00;[Blue]-0.00"));
  EXPECT_FALSE(is_date_format(164, "0.00E+00"));
  EXPECT_FALSE(is_date_format(164, "[h]"));
  EXPECT_FALSE(is_date_format(164, "0\\d"));
  EXPECT_FALSE(is_date_format(164, "[$\xE2\x82\xAC-410] #,##0.00"));
}

TEST(PartName, Resolves) {
  EXPECT_EQ(resolve_part_name("xl", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolve_part_name("xl", "/xl/worksheets/sheet2.xml"), "xl/worksheets/sheet2.xml");
  EXPECT_EQ(resolve_part_name("xl/worksheets", "../sharedStrings.xml"), "xl/sharedStrings.xml");
  EXPECT_EQ(resolve_part_name("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(resolve_part_name("xl", "./styles.xml"), "xl/styles.xml");
}

}  // namespace
}  // namespace imagross::ingest
