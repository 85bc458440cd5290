#include "ingest/csv/csv_reader.h"

#include "ingest/csv/csv_dialect.h"
#include "ingest/csv/csv_tokenizer.h"
#include "ingest/encoding/text_decoder.h"
#include "ingest/encoding/utf8.h"
#include "ingest/source/record_shape.h"

namespace imagross::ingest {
namespace {

// Bytes at the start of the file that delimiter detection looks at.
constexpr size_t kSniffBytes = 64 * 1024;

class CsvReader final : public RecordReader {
 public:
  CsvReader(std::unique_ptr<InputBuffer> input, std::string path, TextEncoding encoding,
            char delimiter)
      : input_(std::move(input)),
        tokenizer_(*input_, delimiter),
        decoder_(encoding),
        path_(std::move(path)),
        delimiter_(delimiter) {}

  Status read_header(bool skip_separator_line);

  const std::vector<std::string>& header() const override { return header_; }
  bool next(Record& record) override;
  uint64_t bytes_read() const override { return input_->source().bytes_read(); }
  uint64_t bytes_total() const override { return input_->source().bytes_total(); }
  FileFormat format() const override { return FileFormat::csv; }
  char delimiter() const override { return delimiter_; }
  TextEncoding encoding() const override { return decoder_.encoding(); }

 private:
  Error header_error(const Record& record, const std::string& reason) const {
    return {"invalid_header",
            path_ + " line " + std::to_string(record.line) + ": cannot read the header: " + reason};
  }

  std::unique_ptr<InputBuffer> input_;
  CsvTokenizer tokenizer_;
  TextDecoder decoder_;
  std::string path_;
  char delimiter_;
  std::vector<std::string> header_;
};

Status CsvReader::read_header(bool skip_separator_line) {
  Record record;
  if (skip_separator_line) {
    tokenizer_.next(record);
  }
  if (!tokenizer_.next(record)) {
    return Error{"empty_file", path_ +
                                   " is empty: it has no header line; export it again with the "
                                   "column names on the first line"};
  }
  if (record.error) {
    return header_error(record, *record.error);
  }
  for (size_t i = 0; i < record.fields.size(); ++i) {
    std::string& name = record.fields[i];
    const size_t invalid = decoder_.decode(name);
    if (invalid != std::string::npos) {
      return header_error(record, invalid_utf8_message(name, invalid, column_label({}, i)));
    }
    header_.emplace_back(trim_header_name(name));
  }
  drop_trailing_empty_names(header_);
  tokenizer_.set_header(&header_);
  return {};
}

bool CsvReader::next(Record& record) {
  if (!tokenizer_.next(record)) {
    return false;
  }
  record.date_cells.clear();
  drop_trailing_empty_fields(record, header_.size());
  if (tokenizer_.record_is_ascii()) {
    return true;
  }
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const size_t invalid = decoder_.decode(record.fields[i]);
    if (invalid != std::string::npos && !record.error) {
      record.error = invalid_utf8_message(record.fields[i], invalid, column_label(header_, i));
    }
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<RecordReader>> open_csv_reader(std::unique_ptr<InputBuffer> input,
                                                      const std::string& path,
                                                      TextEncoding encoding,
                                                      std::optional<char> delimiter) {
  const std::string_view head = input->peek(kSniffBytes);
  const std::optional<char> declared = parse_separator_line(head);
  char chosen = delimiter.value_or(declared.value_or(','));
  if (!delimiter && !declared) {
    chosen = detect_delimiter(head, head.size() < kSniffBytes);
  }

  auto reader = std::make_unique<CsvReader>(std::move(input), path, encoding, chosen);
  const Status status = reader->read_header(declared.has_value());
  if (!status) {
    return status.error();
  }
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace imagross::ingest
