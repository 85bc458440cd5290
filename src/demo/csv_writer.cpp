#include "demo/csv_writer.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "common/csv_field.h"

namespace imagross::demo {
namespace {

constexpr size_t kBufferBytes = 1 << 20;

Error io_error(const std::string& action, const std::filesystem::path& path, int error_number) {
  return Error{"io_error", "cannot " + action + " '" + path.string() +
                               "': " + std::strerror(error_number) +
                               "; check that the directory is writable and the disk has space"};
}

}  // namespace

Result<std::unique_ptr<CsvWriter>> CsvWriter::create(const std::filesystem::path& path) {
  std::filesystem::path partial_path = path;
  partial_path += ".partial";
  std::FILE* file = std::fopen(partial_path.c_str(), "wb");
  if (file == nullptr) {
    return io_error("create", partial_path, errno);
  }
  return std::unique_ptr<CsvWriter>(new CsvWriter(path, std::move(partial_path), file));
}

CsvWriter::CsvWriter(std::filesystem::path path, std::filesystem::path partial_path,
                     std::FILE* file)
    : path_(std::move(path)), partial_path_(std::move(partial_path)), file_(file) {
  buffer_.reserve(kBufferBytes + 4096);
}

CsvWriter::~CsvWriter() {
  if (finished_) {
    return;
  }
  close_file();
  std::error_code ignored;
  std::filesystem::remove(partial_path_, ignored);
}

void CsvWriter::write_row(std::initializer_list<std::string_view> fields) {
  write_row(std::span<const std::string_view>(fields.begin(), fields.size()));
}

void CsvWriter::write_row(std::span<const std::string_view> fields) {
  bool first = true;
  for (const std::string_view field : fields) {
    if (!first) {
      buffer_ += ',';
    }
    first = false;
    append_csv_field(buffer_, field);
  }
  buffer_ += '\n';
  if (buffer_.size() >= kBufferBytes) {
    flush();
  }
}

void CsvWriter::flush() {
  if (!buffer_.empty() && write_errno_ == 0 &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    write_errno_ = errno != 0 ? errno : EIO;
  }
  buffer_.clear();
}

void CsvWriter::close_file() {
  if (file_ != nullptr && std::fclose(file_) != 0 && write_errno_ == 0) {
    write_errno_ = errno != 0 ? errno : EIO;
  }
  file_ = nullptr;
}

Status CsvWriter::finish() {
  flush();
  close_file();
  if (write_errno_ != 0) {
    return io_error("write", partial_path_, write_errno_);
  }
  std::error_code error;
  std::filesystem::rename(partial_path_, path_, error);
  if (error) {
    return io_error("rename to '" + path_.string() + "'", partial_path_, error.value());
  }
  finished_ = true;
  return {};
}

}  // namespace imagross::demo
