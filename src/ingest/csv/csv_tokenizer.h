#pragma once

// The CSV tokenizer: a state machine that splits buffered bytes into records of fields in one
// pass. It follows RFC 4180 quoting (delimiters, doubled quotes and line ends inside quoted
// fields) and accepts CR, LF and CRLF line ends mixed in one file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/record.h"
#include "ingest/source/input_buffer.h"

namespace imagross::ingest {

class CsvTokenizer {
 public:
  // The bytes one record may hold. Beyond it the record's remaining bytes are skipped and its
  // error reports the cut. This bounds memory when a stray quote would swallow the rest of a
  // file.
  static constexpr size_t kMaxRecordBytes = size_t{16} << 20;

  // `delimiter` must not be '"', '\r' or '\n'.
  CsvTokenizer(InputBuffer& input, char delimiter);

  // Names the fields in error messages; without a header they are numbered.
  void set_header(const std::vector<std::string>* header) { header_ = header; }

  // Reads the next record that is not blank into `record`, reusing its strings. A field is the
  // raw bytes between delimiters, with the enclosing quotes removed and doubled quotes made
  // single; nothing is trimmed. Sets `line` to the physical line where the record starts and
  // `error` when its quoting is malformed. A blank record (no quoted field, and only spaces and
  // tabs in every field) is skipped. Returns false at the end of the input.
  bool next(Record& record);

  // True when the last record read contains only ASCII bytes, so that its fields need no encoding
  // check or conversion. False can also mean that it was not checked.
  bool record_is_ascii() const { return record_is_ascii_; }

 private:
  enum class State : uint8_t { field_start, unquoted, quoted, after_quote };

  bool refill();
  bool skip_line_ends();
  void read_record(Record& record);
  void finish_record(Record& record);
  void end_of_input(State state, Record& record);
  bool is_blank(const Record& record) const;

  // Starts the next field of `record`, reusing its string; inline because it runs per field.
  std::string& start_field(Record& record) {
    // Each delimiter counts as a byte, so a line of delimiters alone cannot grow without bound.
    ++record_bytes_;
    if (field_count_ < record.fields.size() && !too_long_ && record_bytes_ <= kMaxRecordBytes) {
      std::string& field = record.fields[field_count_++];
      field.clear();
      return field;
    }
    return add_field(record);
  }
  std::string& add_field(Record& record);
  void open_quote();
  void end_line();
  void scan_unquoted(std::string& field);
  void scan_quoted(std::string& field);
  void append(std::string& field, const char* from, const char* to);
  std::string field_name(size_t index) const;
  void set_error(Record& record, std::string message);

  InputBuffer& input_;
  const char* pos_;
  const char* end_;
  const char delimiter_;
  const std::vector<std::string>* header_ = nullptr;

  int64_t line_ = 1;       // the line of the next byte
  bool after_cr_ = false;  // the last byte read was a CR, so an LF right after it ends no line

  // State of the record being read.
  size_t field_count_ = 0;
  size_t record_bytes_ = 0;
  int64_t quote_line_ = 0;  // where the last quoted field opened
  bool any_quoted_ = false;
  bool too_long_ = false;
  const char* record_start_ = nullptr;
  bool refilled_in_record_ = false;  // record_start_ is no longer valid
  bool record_is_ascii_ = false;
  std::string overflow_field_;
};

}  // namespace imagross::ingest
