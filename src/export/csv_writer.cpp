#include "export/csv_writer.h"

#include <cassert>
#include <cmath>

#include <fmt/format.h>

#include "common/civil_time.h"
#include "common/csv_field.h"
#include "common/decimal.h"

namespace imagross {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool could_run_as_formula(const std::string& text) {
  if (text.empty()) {
    return false;
  }
  const char first = text.front();
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
         first == '\r';
}

std::string format_cell(const Cell& cell) {
  switch (cell.type) {
    case CellType::empty:
      return {};
    case CellType::text:
      return could_run_as_formula(cell.text) ? "'" + cell.text : cell.text;
    case CellType::integer:
      return fmt::format("{}", cell.number);
    case CellType::money:
      return format_milli(cell.number, 2);
    case CellType::quantity:
      return format_milli(cell.number, 3);
    case CellType::ratio:
      return std::isfinite(cell.fraction) ? fmt::format("{:.4f}", cell.fraction) : std::string();
    case CellType::date:
      return format_iso_date(static_cast<int32_t>(cell.number));
  }
  return {};
}

}  // namespace

std::string write_csv(const Table& table) {
  std::string out(kByteOrderMark);
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    append_csv_field(out, table.columns[i].name);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    assert(row.size() == table.columns.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) {
        out += ',';
      }
      append_csv_field(out, format_cell(row[i]));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace imagross
