// XLSX workbooks read end to end through open_record_reader(): written here with libxlsxwriter
// (shared strings, or inline strings in its constant-memory mode) and by openpyxl (fixtures).

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <string>

#include "ingest/record.h"
#include "ingest/source/test_support.h"

namespace imagross::ingest {
namespace {

using test_support::Fields;
using test_support::fixture_path;
using test_support::read_all;
using test_support::TempDir;

// Writes a sheet "Vendite" after a sheet "Note": a header in row 1, then rows 2, 3 (sparse) and
// 5, with row 4 left empty.
void write_sales_workbook(const std::string& path, bool constant_memory) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  ASSERT_NE(workbook, nullptr);
  lxw_worksheet* notes = workbook_add_worksheet(workbook, "Note");
  worksheet_write_string(notes, 0, 0, "not for import", nullptr);

  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Vendite");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy hh:mm");
  int column = 0;
  for (const char* name : {"scontrino ", "data", "importo", "tessera", "pagato", "totale"}) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column++), name, nullptr);
  }
  lxw_datetime when = {2024, 3, 5, 14, 30, 0};
  worksheet_write_string(sheet, 1, 0, "R1", nullptr);
  worksheet_write_datetime(sheet, 1, 1, &when, date);
  worksheet_write_number(sheet, 1, 2, 12.5, nullptr);
  worksheet_write_string(sheet, 1, 3, "0200000000017", nullptr);
  worksheet_write_boolean(sheet, 1, 4, 1, nullptr);
  worksheet_write_formula_num(sheet, 1, 5, "=C2*2", nullptr, 25);

  worksheet_write_string(sheet, 2, 0, "R2", nullptr);
  worksheet_write_number(sheet, 2, 2, 0.1, nullptr);
  worksheet_write_boolean(sheet, 2, 4, 0, nullptr);

  worksheet_write_string(sheet, 4, 0, "R3 \xE2\x82\xAC caff\xC3\xA8", nullptr);
  worksheet_write_number(sheet, 4, 2, 2000000000015.0, nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

std::unique_ptr<RecordReader> open_xlsx(const std::string& path, const std::string& sheet) {
  ReaderOptions options;
  options.sheet = sheet;
  auto reader = open_record_reader(path, options);
  EXPECT_TRUE(reader.ok()) << (reader.ok() ? "" : reader.error().message);
  if (reader.ok()) {
    EXPECT_EQ((*reader)->format(), FileFormat::xlsx);
  }
  return reader.ok() ? std::move(*reader) : nullptr;
}

void expect_libxlsxwriter_sales(RecordReader& reader) {
  EXPECT_EQ(reader.header(),
            (Fields{"scontrino", "data", "importo", "tessera", "pagato", "totale"}));
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3u);

  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[0].fields,
            (Fields{"R1", "45356.60416666666", "12.5", "0200000000017", "true", "25"}));
  EXPECT_EQ(records[0].date_cells, (std::vector<bool>{false, true, false, false, false, false}));

  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[1].fields, (Fields{"R2", "", "0.1", "", "false", ""}));

  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[2].fields,
            (Fields{"R3 \xE2\x82\xAC caff\xC3\xA8", "", "2000000000015", "", "", ""}));
  for (const Record& record : records) {
    EXPECT_FALSE(record.error) << *record.error;
    EXPECT_EQ(record.date_cells.size(), record.fields.size());
  }
}

TEST(XlsxReader, SharedStrings) {
  TempDir dir;
  const std::string path = dir.path("shared.xlsx");
  write_sales_workbook(path, false);
  auto reader = open_xlsx(path, "Vendite");
  ASSERT_TRUE(reader);
  expect_libxlsxwriter_sales(*reader);
  EXPECT_EQ(reader->bytes_read(), reader->bytes_total());
}

TEST(XlsxReader, InlineStringsOfConstantMemoryMode) {
  TempDir dir;
  const std::string path = dir.path("inline.xlsx");
  write_sales_workbook(path, true);
  auto reader = open_xlsx(path, "Vendite");
  ASSERT_TRUE(reader);
  expect_libxlsxwriter_sales(*reader);
}

TEST(XlsxReader, SheetNameIgnoresCase) {
  TempDir dir;
  const std::string path = dir.path("case.xlsx");
  write_sales_workbook(path, false);
  auto reader = open_xlsx(path, "VENDITE");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header().front(), "scontrino");
}

TEST(XlsxReader, FirstSheetByDefault) {
  TempDir dir;
  const std::string path = dir.path("first.xlsx");
  write_sales_workbook(path, false);
  auto reader = open_xlsx(path, "");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"not for import"}));
  EXPECT_TRUE(read_all(*reader).empty());
}

TEST(XlsxReader, MissingSheetListsSheets) {
  TempDir dir;
  const std::string path = dir.path("missing.xlsx");
  write_sales_workbook(path, false);
  ReaderOptions options;
  options.sheet = "Resi";
  auto reader = open_record_reader(path, options);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "sheet_not_found");
  EXPECT_NE(reader.error().message.find("\"Resi\""), std::string::npos);
  EXPECT_NE(reader.error().message.find("\"Note\", \"Vendite\""), std::string::npos)
      << reader.error().message;
}

TEST(XlsxReader, EmptySheetIsEmptyFile) {
  TempDir dir;
  const std::string path = dir.path("empty.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  workbook_add_worksheet(workbook, "Vuoto");
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  auto reader = open_record_reader(path, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "empty_file");
  EXPECT_NE(reader.error().message.find("\"Vuoto\""), std::string::npos);
}

TEST(XlsxReader, HeaderBelowEmptyRowsAndSparseCells) {
  TempDir dir;
  const std::string path = dir.path("sparse.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 2, 1, "codice", nullptr);
  worksheet_write_string(sheet, 2, 3, "prezzo", nullptr);
  worksheet_write_string(sheet, 3, 3, "1,50", nullptr);
  worksheet_write_string(sheet, 5, 1, "  ", nullptr);
  worksheet_write_string(sheet, 6, 1, "A7", nullptr);
  worksheet_write_blank(sheet, 6, 8, workbook_add_format(workbook));
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  auto reader = open_xlsx(path, "");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"", "codice", "", "prezzo"}));
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 4);
  EXPECT_EQ(records[0].fields, (Fields{"", "", "", "1,50"}));
  EXPECT_EQ(records[1].line, 7);
  EXPECT_EQ(records[1].fields, (Fields{"", "A7", "", ""}));
}

TEST(XlsxReader, OpenpyxlInlineStringsAndDates) {
  auto reader = open_xlsx(fixture_path("openpyxl_sales.xlsx"), "Vendite");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->header(), (Fields{"scontrino", "data", "importo", "tessera", "pagato"}));
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields,
            (Fields{"R1", "45356.60416666666", "12.5", "0200000000017", "true"}));
  EXPECT_EQ(records[0].date_cells, (std::vector<bool>{false, true, false, false, false}));
  EXPECT_EQ(records[1].fields, (Fields{"R2", "", "0.1", "", "false"}));
  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[2].fields,
            (Fields{"R3", "45657.99998842592", "-3", "", "", "", "beyond the header"}));
}

TEST(XlsxReader, Openpyxl1904DatesMoveTo1900System) {
  auto reader = open_xlsx(fixture_path("openpyxl_sales_1904.xlsx"), "Vendite");
  ASSERT_TRUE(reader);
  const auto records = read_all(*reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields[1], "45356.60416666666");
  EXPECT_TRUE(records[0].date_cells[1]);
  EXPECT_EQ(records[0].fields[2], "12.5");
  EXPECT_FALSE(records[0].date_cells[2]);
}

TEST(XlsxReader, ZipWithoutWorkbookIsUnknownFormat) {
  TempDir dir;
  const std::string path = dir.path("other.zip");
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, nullptr);
  ASSERT_NE(archive, nullptr);
  const char text[] = "hello";
  zip_source_t* source = zip_source_buffer(archive, text, sizeof text - 1, 0);
  ASSERT_GE(zip_file_add(archive, "readme.txt", source, ZIP_FL_OVERWRITE), 0);
  ASSERT_EQ(zip_close(archive), 0);
  auto reader = open_record_reader(path, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "unknown_format");
  EXPECT_NE(reader.error().message.find("not an XLSX workbook"), std::string::npos);
}

TEST(XlsxReader, TruncatedWorkbookIsUnreadable) {
  TempDir dir;
  const std::string path = dir.path("whole.xlsx");
  write_sales_workbook(path, false);
  const std::string bytes = test_support::read_file(path);
  const std::string cut = dir.write("cut.xlsx", bytes.substr(0, bytes.size() / 2));
  auto reader = open_record_reader(cut, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "unreadable_file");
  EXPECT_NE(reader.error().message.find("cut.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace imagross::ingest
