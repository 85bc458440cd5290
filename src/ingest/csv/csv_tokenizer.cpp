#include "ingest/csv/csv_tokenizer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cassert>

#include "ingest/encoding/utf8.h"
#include "ingest/source/record_shape.h"

namespace imagross::ingest {
namespace {

// Returns the first byte of [p, end) that equals a, b or c, or end. With SSE2 (always present
// on x86-64) it compares 16 bytes per step, which matters because every field is scanned.
const char* find_any_of(const char* p, const char* end, char a, char b, char c) {
#if defined(__SSE2__)
  const __m128i first = _mm_set1_epi8(a);
  const __m128i second = _mm_set1_epi8(b);
  const __m128i third = _mm_set1_epi8(c);
  for (; end - p >= 16; p += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, first), _mm_cmpeq_epi8(block, second)),
                     _mm_cmpeq_epi8(block, third));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    if (mask != 0) {
      return p + __builtin_ctz(mask);
    }
  }
#endif
  while (p != end && *p != a && *p != b && *p != c) {
    ++p;
  }
  return p;
}

}  // namespace

CsvTokenizer::CsvTokenizer(InputBuffer& input, char delimiter)
    : input_(input), pos_(input.begin()), end_(input.end()), delimiter_(delimiter) {
  assert(delimiter != '"');
  assert(delimiter != '\r');
  assert(delimiter != '\n');
}

bool CsvTokenizer::next(Record& record) {
  while (skip_line_ends()) {
    field_count_ = 0;
    record_bytes_ = 0;
    any_quoted_ = false;
    too_long_ = false;
    refilled_in_record_ = false;
    record_start_ = pos_;
    record.line = line_;
    record.error.reset();

    read_record(record);
    finish_record(record);
    if (!is_blank(record)) {
      return true;
    }
  }
  return false;
}

bool CsvTokenizer::refill() {
  refilled_in_record_ = true;
  return input_.refill(pos_, end_);
}

// Skips the line ends before a record, counting lines. Returns false at the end of the input.
bool CsvTokenizer::skip_line_ends() {
  for (;;) {
    if (pos_ == end_ && !refill()) {
      return false;
    }
    const char c = *pos_;
    if (c == '\n') {
      line_ += after_cr_ ? 0 : 1;
      after_cr_ = false;
    } else if (c == '\r') {
      ++line_;
      after_cr_ = true;
    } else {
      after_cr_ = false;
      return true;
    }
    ++pos_;
  }
}

void CsvTokenizer::read_record(Record& record) {
  std::string* field = &start_field(record);
  State state = State::field_start;
  for (;;) {
    if (pos_ == end_ && !refill()) {
      end_of_input(state, record);
      return;
    }
    switch (state) {
      case State::field_start:
        if (*pos_ == '"') {
          open_quote();
          state = State::quoted;
          break;
        }
        state = State::unquoted;
        [[fallthrough]];
      case State::unquoted:
        scan_unquoted(*field);
        if (pos_ == end_) {
          break;
        }
        if (*pos_ == delimiter_) {
          ++pos_;
          field = &start_field(record);
          state = State::field_start;
          break;
        }
        end_line();
        return;
      case State::quoted:
        scan_quoted(*field);
        if (pos_ != end_) {
          ++pos_;  // the quote that closes the field, or the first of a doubled quote
          after_cr_ = false;
          state = State::after_quote;
        }
        break;
      case State::after_quote:
        if (*pos_ == '"') {
          append(*field, pos_, pos_ + 1);
          ++pos_;
          state = State::quoted;
        } else if (*pos_ == delimiter_) {
          ++pos_;
          field = &start_field(record);
          state = State::field_start;
        } else if (*pos_ == '\r' || *pos_ == '\n') {
          end_line();
          return;
        } else {
          set_error(record, "text after the closing quote of " + field_name(field_count_ - 1) +
                                "; a quoted field must end at a delimiter, so double each quote "
                                "character inside the field");
          state = State::unquoted;
        }
        break;
    }
  }
}

void CsvTokenizer::finish_record(Record& record) {
  record.fields.resize(field_count_);
  // One check of the record's bytes in place is much cheaper than one check per field.
  record_is_ascii_ =
      !refilled_in_record_ && is_ascii({record_start_, static_cast<size_t>(pos_ - record_start_)});
  if (too_long_) {
    std::string message =
        "the record is longer than 16 MiB, the limit for one record, so it was cut; a quote "
        "that is never closed usually causes this, so check the quotes from line " +
        std::to_string(record.line);
    if (record.error) {
      message += "; " + *record.error;
    }
    record.error = std::move(message);
  }
}

void CsvTokenizer::end_of_input(State state, Record& record) {
  if (state == State::quoted) {
    set_error(record, "unterminated quoted field: the quote opened on line " +
                          std::to_string(quote_line_) +
                          " is never closed; close it, and double each quote character inside "
                          "the field");
  }
}

bool CsvTokenizer::is_blank(const Record& record) const {
  return !any_quoted_ && has_only_blank_fields(record);
}

std::string& CsvTokenizer::add_field(Record& record) {
  if (too_long_ || record_bytes_ > kMaxRecordBytes) {
    too_long_ = true;
    overflow_field_.clear();
    return overflow_field_;
  }
  record.fields.emplace_back();
  ++field_count_;
  return record.fields.back();
}

void CsvTokenizer::open_quote() {
  ++pos_;
  quote_line_ = line_;
  after_cr_ = false;
  any_quoted_ = true;
}

void CsvTokenizer::end_line() {
  after_cr_ = *pos_ == '\r';
  ++pos_;
  ++line_;
}

void CsvTokenizer::scan_unquoted(std::string& field) {
  const char* run = pos_;
  pos_ = find_any_of(pos_, end_, delimiter_, '\r', '\n');
  append(field, run, pos_);
}

// Appends quoted text up to the next quote or the end of the buffer. Line ends inside the field
// are kept as written and counted, a CRLF pair as one line.
void CsvTokenizer::scan_quoted(std::string& field) {
  const char* run = pos_;
  for (;;) {
    const char* text = pos_;
    pos_ = find_any_of(pos_, end_, '"', '\r', '\n');
    if (pos_ != text) {
      after_cr_ = false;
    }
    if (pos_ == end_ || *pos_ == '"') {
      break;
    }
    if (*pos_ == '\r') {
      ++line_;
      after_cr_ = true;
    } else {
      line_ += after_cr_ ? 0 : 1;
      after_cr_ = false;
    }
    ++pos_;
  }
  append(field, run, pos_);
}

void CsvTokenizer::append(std::string& field, const char* from, const char* to) {
  const auto count = static_cast<size_t>(to - from);
  record_bytes_ += count;
  if (record_bytes_ > kMaxRecordBytes) {
    too_long_ = true;
    return;
  }
  field.append(from, count);
}

std::string CsvTokenizer::field_name(size_t index) const {
  static const std::vector<std::string> kNoHeader;
  return column_label(header_ != nullptr ? *header_ : kNoHeader, index);
}

void CsvTokenizer::set_error(Record& record, std::string message) {
  if (!record.error) {
    record.error = std::move(message);
  }
}

}  // namespace imagross::ingest
