#include "export/xlsx_writer.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <array>
#include <cstdio>
#include <memory>

#include "common/civil_time.h"

namespace imagross {
namespace {

namespace fs = std::filesystem;

// Reads every cell back with openpyxl (Debian's python3-openpyxl), an independent XLSX reader:
// one line per cell, "A1|type|value|number format".
std::string run_openpyxl(const std::string& script, const fs::path& file) {
  const std::string command = "/usr/bin/python3 -c \"$IMAGROSS_SCRIPT\" '" + file.string() + "'";
  ::setenv("IMAGROSS_SCRIPT", script.c_str(), 1);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) {
    output += buffer.data();
  }
  return output;
}

std::string read_with_openpyxl(const fs::path& file) {
  return run_openpyxl(
      "import sys, openpyxl\n"
      "wb = openpyxl.load_workbook(sys.argv[1])\n"
      "ws = wb.active\n"
      "print('sheet|' + ws.title + '|' + str(ws.freeze_panes))\n"
      "for row in ws.iter_rows():\n"
      "    for c in row:\n"
      "        print(f'{c.coordinate}|{type(c.value).__name__}|{c.value}|{c.number_format}')\n"
      "print('width|' + str(ws.column_dimensions['B'].width))\n",
      file);
}

// One line per cell of the second row: "A2|length|last character".
std::string read_lengths_with_openpyxl(const fs::path& file) {
  return run_openpyxl(
      "import sys, openpyxl\n"
      "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
      "for c in ws[2]:\n"
      "    print(f'{c.coordinate}|{len(c.value)}|{c.value[-1]}')\n",
      file);
}

class XlsxWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("imagross-xlsx-test-" + std::to_string(::getpid()));
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }
  fs::path directory_;
};

TEST_F(XlsxWriterTest, CellsReadBackWithTypesAndFormats) {
  Table table{"stores",
              {{"code", 10},
               {"net_revenue", 16},
               {"receipts", 10},
               {"day", 12},
               {"share", 8},
               {"units", 8},
               {"average", 10}},
              {}};
  table.rows.push_back({Cell::of_text("Città=1"), Cell::money(1234567), Cell::integer(42),
                        Cell::date(days_from_civil({2026, 3, 1})), Cell::ratio(0.25),
                        Cell::quantity(1500), Cell::empty()});
  const auto file = directory_ / "out.xlsx";
  write_xlsx(table, file, directory_);
  const auto cells = read_with_openpyxl(file);

  EXPECT_NE(cells.find("sheet|stores|A2"), std::string::npos) << cells;
  EXPECT_NE(cells.find("A1|str|code|General"), std::string::npos) << cells;
  EXPECT_NE(cells.find("A2|str|Città=1|General"), std::string::npos) << cells;
  EXPECT_NE(cells.find("B2|float|1234.57|#,##0.00 \"€\""), std::string::npos) << cells;
  EXPECT_NE(cells.find("C2|int|42|#,##0"), std::string::npos) << cells;
  EXPECT_NE(cells.find("D2|datetime|2026-03-01 00:00:00|yyyy-mm-dd"), std::string::npos) << cells;
  EXPECT_NE(cells.find("E2|float|0.25|0.00%"), std::string::npos) << cells;
  EXPECT_NE(cells.find("F2|float|1.5|General"), std::string::npos) << cells;
  EXPECT_NE(cells.find("G2|NoneType|None"), std::string::npos) << cells;
  EXPECT_NE(cells.find("width|16"), std::string::npos) << cells;
}

TEST_F(XlsxWriterTest, ClipsTextCellsToExcelsLimit) {
  std::string accented;
  for (int i = 0; i < 300'000; ++i) {
    accented += "è";
  }
  Table table{"members",
              {{"first_name", 10}, {"last_name", 10}, {"city", 10}},
              {{Cell::of_text(accented), Cell::of_text(std::string(40'000, 'x')),
                Cell::of_text(std::string(32'767, 'y'))}}};
  const auto file = directory_ / "long.xlsx";
  write_xlsx(table, file, directory_);
  const auto lengths = read_lengths_with_openpyxl(file);

  EXPECT_NE(lengths.find("A2|32767|è"), std::string::npos) << lengths;
  EXPECT_NE(lengths.find("B2|32767|x"), std::string::npos) << lengths;
  EXPECT_NE(lengths.find("C2|32767|y"), std::string::npos) << lengths;
}

TEST_F(XlsxWriterTest, BytesAreAZipAndTempFileIsGone) {
  Table table{"kpis", {{"metric", 10}}, {{Cell::of_text("net_revenue")}}};
  const auto bytes = xlsx_bytes(table, directory_);
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  EXPECT_TRUE(fs::is_empty(directory_));
}

TEST_F(XlsxWriterTest, UnwritableDirectoryThrows) {
  Table table{"kpis", {{"metric", 10}}, {}};
  EXPECT_THROW(write_xlsx(table, directory_ / "missing" / "out.xlsx", directory_), ExportError);
}

}  // namespace
}  // namespace imagross
