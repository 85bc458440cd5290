// open_record_reader(): detecting a file's format and encoding, then opening its reader.

#include <string_view>

#include "ingest/csv/csv_reader.h"
#include "ingest/encoding/utf8.h"
#include "ingest/json/json_reader.h"
#include "ingest/record.h"
#include "ingest/source/byte_source.h"
#include "ingest/source/input_buffer.h"
#include "ingest/xlsx/xlsx_reader.h"

namespace imagross {
namespace {

using ingest::InputBuffer;

// Bytes at the start of the file that format detection looks at.
constexpr size_t kSniffBytes = 64 * 1024;

constexpr std::string_view kZipMagic = "PK\x03\x04";
// The OLE2 compound file of legacy .xls workbooks, and of password-protected .xlsx files.
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kUtf16LittleEndianBom = "\xFF\xFE";
constexpr std::string_view kUtf16BigEndianBom = "\xFE\xFF";

// Returns the lower-case extension of `path`, looking through a final ".gz".
std::string extension_of(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string lower(name);
  for (char& c : lower) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (lower.size() > 3 && lower.ends_with(".gz")) {
    lower.resize(lower.size() - 3);
  }
  const size_t dot = lower.rfind('.');
  return dot == std::string::npos ? "" : lower.substr(dot + 1);
}

std::optional<Error> check_binary_signatures(const std::string& path, std::string_view head) {
  if (head.empty()) {
    return Error{"empty_file", path + " is empty (0 bytes)"};
  }
  if (head.starts_with(kOleMagic)) {
    return Error{"unknown_format", path +
                                       " is a legacy Excel .xls file or a password-protected "
                                       "workbook; save it as .xlsx without a password, or as CSV"};
  }
  if (head.starts_with(kUtf16LittleEndianBom) || head.starts_with(kUtf16BigEndianBom)) {
    return Error{"unknown_format",
                 path +
                     " is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" "
                     "and import that file"};
  }
  return std::nullopt;
}

Result<FileFormat> format_of_zip(const std::string& path, bool compressed,
                                 const ReaderOptions& options) {
  if (compressed) {
    return Error{"unknown_format", path +
                                       " is a gzip-compressed ZIP archive; decompress it with "
                                       "gunzip and import the .xlsx file"};
  }
  if (options.format && *options.format != FileFormat::xlsx) {
    return Error{"unknown_format",
                 path + " is a ZIP archive (an XLSX workbook), not the CSV or JSON requested"};
  }
  return FileFormat::xlsx;
}

Result<FileFormat> format_of_text(const std::string& path, std::string_view head,
                                  const ReaderOptions& options) {
  const std::string extension = extension_of(path);
  if (options.format == FileFormat::xlsx || extension == "xlsx" || extension == "xlsm") {
    return Error{"unknown_format", path +
                                       " is not an XLSX workbook: it lacks the ZIP signature of "
                                       "one; save it again from Excel as .xlsx"};
  }
  if (options.format) {
    return *options.format;
  }
  if (extension == "json" || extension == "jsonl" || extension == "ndjson") {
    return FileFormat::json;
  }
  if (extension == "csv" || extension == "tsv" || extension == "txt" || extension == "tab") {
    return FileFormat::csv;
  }
  if (head.starts_with(ingest::kUtf8Bom)) {
    head.remove_prefix(ingest::kUtf8Bom.size());
  }
  const size_t first = head.find_first_not_of(" \t\r\n");
  const bool json = first != std::string_view::npos && (head[first] == '[' || head[first] == '{');
  return json ? FileFormat::json : FileFormat::csv;
}

// Decides the format from the content first (binary signatures cannot lie), then from the
// options and the name, and last from the first byte of text: '[' or '{' is JSON.
Result<FileFormat> detect_format(const std::string& path, std::string_view head, bool compressed,
                                 const ReaderOptions& options) {
  if (auto error = check_binary_signatures(path, head)) {
    return *error;
  }
  if (head.starts_with(kZipMagic)) {
    return format_of_zip(path, compressed, options);
  }
  return format_of_text(path, head, options);
}

// Skips a UTF-8 byte order mark. A file that starts with one is UTF-8 whatever encoding was
// declared: Windows-1252 text essentially never starts with the bytes "ï»¿".
bool skip_byte_order_mark(InputBuffer& input) {
  if (!input.peek(ingest::kUtf8Bom.size()).starts_with(ingest::kUtf8Bom)) {
    return false;
  }
  input.consume_to(input.begin() + ingest::kUtf8Bom.size());
  return true;
}

bool is_usable_delimiter(char delimiter) {
  return delimiter != '"' && delimiter != '\r' && delimiter != '\n' && delimiter != '\0';
}

Result<std::unique_ptr<RecordReader>> open_reader(const std::string& path,
                                                  std::unique_ptr<InputBuffer> input,
                                                  bool compressed, const ReaderOptions& options) {
  const Result<FileFormat> format =
      detect_format(path, input->peek(kSniffBytes), compressed, options);
  if (!format) {
    return format.error();
  }
  if (*format == FileFormat::xlsx) {
    return ingest::open_xlsx_reader(path, options.sheet);
  }
  const TextEncoding encoding = skip_byte_order_mark(*input)
                                    ? TextEncoding::utf8
                                    : options.encoding.value_or(TextEncoding::utf8);
  if (*format == FileFormat::json) {
    return ingest::open_json_reader(std::move(input), path, encoding);
  }
  return ingest::open_csv_reader(std::move(input), path, encoding, options.delimiter);
}

}  // namespace

Result<std::unique_ptr<RecordReader>> open_record_reader(const std::string& path,
                                                         const ReaderOptions& options) {
  if (options.delimiter && !is_usable_delimiter(*options.delimiter)) {
    return Error{"invalid_option",
                 "the delimiter cannot be a quote, a line end or a NUL byte; use one of , ; | or "
                 "a tab"};
  }
  auto source = ingest::open_byte_source(path);
  if (!source) {
    return source.error();
  }
  try {
    const bool compressed = (*source)->is_compressed();
    return open_reader(path, std::make_unique<InputBuffer>(std::move(*source)), compressed,
                       options);
  } catch (const ReadError& error) {
    return Error{"unreadable_file", error.what()};
  }
}

}  // namespace imagross
