#pragma once

#include <string>

#include "export/table.h"

namespace imagross {

// Writes `table` as CSV (RFC 4180): a header row, comma-separated fields, CRLF line ends,
// fields quoted when they contain a comma, a quote or a line break. The text starts with a
// UTF-8 byte order mark so that Excel reads accented names right. Money is written in euros
// with two decimals and a '.' separator, dates as YYYY-MM-DD, ratios with four decimals.
//
// A text cell that starts with '=', '+', '-', '@', a tab or a carriage return gets a leading
// apostrophe, so that a spreadsheet never runs a product name as a formula (CSV injection).
std::string write_csv(const Table& table);

}  // namespace imagross
