#include "export/xlsx_writer.h"

#include <cmath>
#include <fstream>
#include <iterator>
#include <random>
#include <string_view>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "common/civil_time.h"
#include "common/decimal.h"

namespace imagross {
namespace {

// The cell formats of one workbook.
struct Formats {
  lxw_format* header;
  lxw_format* integer;
  lxw_format* money;
  lxw_format* ratio;
  lxw_format* date;
};

lxw_format* number_format(lxw_workbook* workbook, const char* pattern) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_num_format(format, pattern);
  return format;
}

Formats add_formats(lxw_workbook* workbook) {
  Formats formats{};
  formats.header = workbook_add_format(workbook);
  format_set_bold(formats.header);
  formats.integer = number_format(workbook, "#,##0");
  formats.money = number_format(workbook, "#,##0.00 \"€\"");
  formats.ratio = number_format(workbook, "0.00%");
  formats.date = number_format(workbook, "yyyy-mm-dd");
  return formats;
}

// Excel stores at most 32,767 characters in a cell, and libxlsxwriter rejects a longer string
// with LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, which would fail the whole export.
constexpr std::size_t kMaxCellCharacters = 32'767;

// The first kMaxCellCharacters characters of `text`, cut at a UTF-8 character boundary.
std::string_view clip_to_cell_limit(std::string_view text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U;
    if (starts_character && ++characters > kMaxCellCharacters) {
      return text.substr(0, i);
    }
  }
  return text;
}

lxw_error write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Cell& cell,
                     const Formats& formats) {
  switch (cell.type) {
    case CellType::empty:
      return LXW_NO_ERROR;
    case CellType::text:
      return worksheet_write_string(sheet, row, column,
                                    std::string(clip_to_cell_limit(cell.text)).c_str(), nullptr);
    case CellType::integer:
      return worksheet_write_number(sheet, row, column, static_cast<double>(cell.number),
                                    formats.integer);
    case CellType::money:
      return worksheet_write_number(sheet, row, column, milli_to_rounded_units(cell.number),
                                    formats.money);
    case CellType::quantity:
      return worksheet_write_number(sheet, row, column,
                                    static_cast<double>(cell.number) / kMilliPerUnit, nullptr);
    case CellType::ratio:
      if (!std::isfinite(cell.fraction)) {
        return LXW_NO_ERROR;
      }
      return worksheet_write_number(sheet, row, column, cell.fraction, formats.ratio);
    case CellType::date: {
      const auto date = civil_from_days(static_cast<int32_t>(cell.number));
      lxw_datetime value{date.year, date.month, date.day, 0, 0, 0.0};
      return worksheet_write_datetime(sheet, row, column, &value, formats.date);
    }
  }
  return LXW_NO_ERROR;
}

void check(lxw_error error, const std::filesystem::path& file) {
  if (error != LXW_NO_ERROR) {
    throw ExportError(
        fmt::format("cannot write the XLSX file {}: {}", file.string(), lxw_strerror(error)));
  }
}

void write_sheet(lxw_worksheet* sheet, const Table& table, const Formats& formats,
                 const std::filesystem::path& file) {
  const auto last_column =
      static_cast<lxw_col_t>(table.columns.empty() ? 0 : table.columns.size() - 1);
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    check(worksheet_set_column(sheet, column, column, table.columns[i].width, nullptr), file);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()), last_column),
        file);
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), table.columns[i].name.c_str(),
                                 formats.header),
          file);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      check(write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                       table.rows[r][c], formats),
            file);
    }
  }
}

}  // namespace

void write_xlsx(const Table& table, const std::filesystem::path& file,
                const std::filesystem::path& temp_directory) {
  std::string temp = temp_directory.string();
  lxw_workbook_options options{};
  // Rows go to disk as they are written, so a large table does not sit in memory twice.
  options.constant_memory = LXW_TRUE;
  options.tmpdir = temp.data();
  lxw_workbook* workbook = workbook_new_opt(file.c_str(), &options);
  if (workbook == nullptr) {
    throw ExportError("cannot create the XLSX file " + file.string());
  }
  const Formats formats = add_formats(workbook);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.name.substr(0, 31).c_str());
  try {
    if (sheet == nullptr) {
      throw ExportError("invalid sheet name '" + table.name + "'");
    }
    write_sheet(sheet, table, formats, file);
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), file);
}

std::string xlsx_bytes(const Table& table, const std::filesystem::path& temp_directory) {
  std::error_code error;
  std::filesystem::create_directories(temp_directory, error);
  thread_local std::mt19937_64 generator{std::random_device{}()};
  const auto file = temp_directory / fmt::format("export-{:016x}.xlsx", generator());
  try {
    write_xlsx(table, file, temp_directory);
    std::ifstream input(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(input)), std::istreambuf_iterator<char>());
    std::filesystem::remove(file, error);
    if (bytes.empty()) {
      throw ExportError("cannot read back the XLSX file " + file.string());
    }
    return bytes;
  } catch (...) {
    std::filesystem::remove(file, error);
    throw;
  }
}

}  // namespace imagross
