#pragma once

// Turning the cells of a worksheet's XML into records, one row at a time.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/record.h"
#include "ingest/xlsx/cell_styles.h"
#include "ingest/xlsx/xml_stream.h"

namespace imagross::ingest {

// Fills a record with the cells of each <row> of the sheet's XML and makes the XmlStream pause
// after the row. A cell's place comes from its reference ("C5" is the third field), so
// cells that a sparse row leaves out are empty fields. Values: shared and inline strings as
// text, numbers as their exact text, booleans as "true" and "false", error values such as
// "#N/A" as written, a formula's cached value (empty when none is stored). A number in a date
// style is flagged in Record::date_cells, and a 1904-based workbook's serial is moved to the
// 1900 date system.
class SheetRowHandler final : public XmlHandler {
 public:
  // The maximum number of columns of a worksheet (A to XFD).
  static constexpr size_t kMaxColumns = 16384;

  SheetRowHandler(const std::vector<std::string>& shared_strings, const CellStyles& styles,
                  bool date1904)
      : shared_strings_(shared_strings), styles_(styles), date1904_(date1904) {}

  // The record that the following rows fill, reusing its strings.
  void set_record(Record* record) { record_ = record; }

  void start_element(std::string_view name, const XML_Char** attributes) override;
  bool end_element(std::string_view name) override;
  void character_data(std::string_view text) override;

 private:
  enum class CellType : uint8_t { number, shared_string, inline_string, boolean, other };

  void start_row(const XML_Char** attributes);
  void start_cell(const XML_Char** attributes);
  void end_cell();
  void store_number(std::string& field);
  void store_shared_string(std::string& field);
  std::string& field_at(size_t column);
  std::string cell_name() const;
  void set_error(std::string message);

  const std::vector<std::string>& shared_strings_;
  const CellStyles& styles_;
  const bool date1904_;
  Record* record_ = nullptr;

  int64_t row_ = 0;
  size_t used_ = 0;         // fields of the current row
  size_t next_column_ = 0;  // for a cell without a reference

  size_t column_ = 0;
  CellType type_ = CellType::number;
  size_t style_ = 0;
  std::string value_;        // the text of <v>
  std::string inline_text_;  // the text of <is>
  std::string* capture_ = nullptr;
  bool in_inline_string_ = false;
  bool in_phonetic_ = false;
};

// Returns the 0-based column of a cell reference such as "C5", or std::string::npos when it does
// not start with one to three letters.
size_t column_of_reference(std::string_view reference);

// Returns the letters of a 0-based column: 0 is "A", 26 is "AA".
std::string column_letters(size_t column);

// Adds `days` to the whole part of a non-negative decimal serial written as digits with an
// optional fraction ("35000.25"). Returns false, leaving it unchanged, for any other text.
bool add_days_to_serial(std::string& serial, int64_t days);

}  // namespace imagross::ingest
