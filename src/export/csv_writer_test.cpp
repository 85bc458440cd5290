#include "export/csv_writer.h"

#include <gtest/gtest.h>

#include "common/civil_time.h"

namespace imagross {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Table one_column(Cell cell) {
  return Table{"t", {{"value", 10}}, {{std::move(cell)}}};
}

std::string body_of(const std::string& csv) {
  const auto header_end = csv.find("\r\n");
  return csv.substr(header_end + 2);
}

TEST(CsvWriter, StartsWithBomAndHeader) {
  const Table table{"t", {{"code", 10}, {"net_revenue", 10}}, {}};
  EXPECT_EQ(write_csv(table), std::string(kBom) + "code,net_revenue\r\n");
}

TEST(CsvWriter, FormatsMoneyInEurosToCents) {
  EXPECT_EQ(body_of(write_csv(one_column(Cell::money(1234567)))), "1234.57\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::money(-5)))), "-0.01\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::money(0)))), "0.00\r\n");
}

TEST(CsvWriter, FormatsOtherTypes) {
  EXPECT_EQ(body_of(write_csv(one_column(Cell::quantity(1500)))), "1.500\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::integer(-42)))), "-42\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::ratio(0.7125)))), "0.7125\r\n");
  const int32_t day = days_from_civil({2026, 2, 28});
  EXPECT_EQ(body_of(write_csv(one_column(Cell::date(day)))), "2026-02-28\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::empty()))), "\r\n");
}

TEST(CsvWriter, QuotesSpecialFields) {
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("a,b")))), "\"a,b\"\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("say \"hi\"")))), "\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("two\nlines")))), "\"two\nlines\"\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("Città")))), "Città\r\n");
}

TEST(CsvWriter, DefusesFormulas) {
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("=1+1")))), "'=1+1\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("@SUM(A1)")))), "'@SUM(A1)\r\n");
  EXPECT_EQ(body_of(write_csv(one_column(Cell::of_text("-x")))), "'-x\r\n");
}

}  // namespace
}  // namespace imagross
