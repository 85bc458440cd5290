#pragma once

// A table ready for export: named columns and typed cells, independent of the file format.
// Money and quantities stay exact thousandths until a writer formats them.

#include <cstdint>
#include <string>
#include <vector>

namespace imagross {

enum class CellType : uint8_t {
  empty,  // not available: an empty CSV field, a blank XLSX cell
  text,
  integer,   // a count
  money,     // thousandths of a euro, written in euros rounded to cents
  quantity,  // thousandths of a piece or kilogram, written with up to three decimals
  ratio,     // a fraction such as 0.712, shown as a percentage in XLSX
  date,      // a day number (common/civil_time.h)
};

struct Cell {
  CellType type = CellType::empty;
  std::string text;
  int64_t number = 0;   // integer, money, quantity and date cells
  double fraction = 0;  // ratio cells

  static Cell empty() { return {}; }
  static Cell of_text(std::string value) { return {CellType::text, std::move(value), 0, 0}; }
  static Cell integer(int64_t value) { return {CellType::integer, {}, value, 0}; }
  static Cell money(int64_t milli) { return {CellType::money, {}, milli, 0}; }
  static Cell quantity(int64_t milli) { return {CellType::quantity, {}, milli, 0}; }
  static Cell ratio(double value) { return {CellType::ratio, {}, 0, value}; }
  static Cell date(int32_t day) { return {CellType::date, {}, day, 0}; }
};

struct Column {
  std::string name;
  double width = 12;  // XLSX column width in characters
};

struct Table {
  std::string name;  // e.g. "top_products": the XLSX sheet name and part of the file name
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each row has one cell per column
};

}  // namespace imagross
