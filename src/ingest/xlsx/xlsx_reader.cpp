#include "ingest/xlsx/xlsx_reader.h"

#include <sys/stat.h>

#include "ingest/source/record_shape.h"
#include "ingest/xlsx/cell_styles.h"
#include "ingest/xlsx/shared_strings.h"
#include "ingest/xlsx/sheet_rows.h"
#include "ingest/xlsx/workbook.h"
#include "ingest/xlsx/xml_stream.h"
#include "ingest/xlsx/zip_archive.h"

namespace imagross::ingest {
namespace {

uint64_t file_size(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? static_cast<uint64_t>(info.st_size) : 0;
}

class XlsxReader final : public RecordReader {
 public:
  XlsxReader(ZipArchive archive, WorkbookParts parts, std::vector<std::string> shared_strings,
             CellStyles styles, ZipEntry sheet)
      : archive_(std::move(archive)),
        parts_(std::move(parts)),
        shared_strings_(std::move(shared_strings)),
        styles_(std::move(styles)),
        rows_(shared_strings_, styles_, parts_.date1904),
        stream_(std::move(sheet), rows_),
        file_size_(file_size(archive_.path())) {}

  Status read_header();

  const std::vector<std::string>& header() const override { return header_; }
  bool next(Record& record) override;
  uint64_t bytes_read() const override;
  uint64_t bytes_total() const override { return file_size_; }
  FileFormat format() const override { return FileFormat::xlsx; }

 private:
  bool read_row(Record& record);

  // Declared in this order because each member refers to those above it.
  ZipArchive archive_;
  WorkbookParts parts_;
  std::vector<std::string> shared_strings_;
  CellStyles styles_;
  SheetRowHandler rows_;
  XmlStream stream_;
  uint64_t file_size_;
  std::vector<std::string> header_;
};

Status XlsxReader::read_header() {
  Record record;
  if (!read_row(record)) {
    return Error{"empty_file", archive_.path() + ": the sheet \"" + parts_.sheet_name +
                                   "\" is empty; put the column names in its first row"};
  }
  if (record.error) {
    return Error{"invalid_header", archive_.path() + " row " + std::to_string(record.line) +
                                       ": cannot read the header: " + *record.error};
  }
  for (const std::string& name : record.fields) {
    header_.emplace_back(trim_header_name(name));
  }
  drop_trailing_empty_names(header_);
  return {};
}

bool XlsxReader::next(Record& record) {
  if (!read_row(record)) {
    return false;
  }
  drop_trailing_empty_fields(record, header_.size());
  // A sheet leaves empty cells out, so a row is never short of the header: missing cells are
  // empty fields.
  if (record.fields.size() < header_.size()) {
    record.fields.resize(header_.size());
    record.date_cells.resize(header_.size());
  }
  return true;
}

// Reads the next row that has a cell with text, or an error.
bool XlsxReader::read_row(Record& record) {
  rows_.set_record(&record);
  while (stream_.parse()) {
    if (record.error || !has_only_blank_fields(record)) {
      return true;
    }
  }
  return false;
}

// An estimate: the share of the sheet's XML decompressed so far, applied to the file's size,
// because libzip does not report how many compressed bytes it has consumed.
uint64_t XlsxReader::bytes_read() const {
  const ZipEntry& sheet = stream_.entry();
  if (sheet.size() == 0) {
    return 0;
  }
  const double share = static_cast<double>(sheet.bytes_read()) / static_cast<double>(sheet.size());
  return static_cast<uint64_t>(share * static_cast<double>(file_size_));
}

}  // namespace

Result<std::unique_ptr<RecordReader>> open_xlsx_reader(const std::string& path,
                                                       const std::string& sheet) {
  auto archive = ZipArchive::open(path);
  if (!archive) {
    return archive.error();
  }
  auto parts = find_workbook_parts(*archive, sheet);
  if (!parts) {
    return parts.error();
  }
  auto shared_strings = read_shared_strings(*archive, parts->shared_strings_part);
  auto styles = read_cell_styles(*archive, parts->styles_part);
  auto sheet_entry = archive->open_entry(parts->sheet_part);
  if (!sheet_entry) {
    return Error{"unreadable_file", path + ": the sheet \"" + parts->sheet_name +
                                        "\" refers to the part " + parts->sheet_part +
                                        ", which is missing; save the workbook again from Excel"};
  }

  auto reader = std::make_unique<XlsxReader>(std::move(*archive), std::move(*parts),
                                             std::move(shared_strings), std::move(styles),
                                             std::move(*sheet_entry));
  const Status status = reader->read_header();
  if (!status) {
    return status.error();
  }
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace imagross::ingest
