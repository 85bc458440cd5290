#include "ingest/xlsx/zip_archive.h"

#include "ingest/record.h"

namespace imagross::ingest {

ZipEntry::ZipEntry(zip_file_t* file, std::string description, uint64_t size)
    : file_(file), description_(std::move(description)), size_(size) {}

ZipEntry::~ZipEntry() {
  if (file_ != nullptr) {
    zip_fclose(file_);
  }
}

ZipEntry::ZipEntry(ZipEntry&& other) noexcept
    : file_(other.file_),
      description_(std::move(other.description_)),
      size_(other.size_),
      bytes_read_(other.bytes_read_) {
  other.file_ = nullptr;
}

size_t ZipEntry::read(char* buffer, size_t capacity) {
  const zip_int64_t count = zip_fread(file_, buffer, capacity);
  if (count < 0) {
    throw ReadError(description_ + ": cannot decompress the data after byte " +
                    std::to_string(bytes_read_) + " (" + zip_file_strerror(file_) +
                    "); the workbook is damaged, save it again from Excel");
  }
  bytes_read_ += static_cast<uint64_t>(count);
  return static_cast<size_t>(count);
}

Result<ZipArchive> ZipArchive::open(const std::string& path) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = path + " is not a readable XLSX workbook: " + zip_error_strerror(&error) +
                          "; save it again as .xlsx from Excel";
    zip_error_fini(&error);
    return Error{"unreadable_file", std::move(message)};
  }
  return ZipArchive(archive, path);
}

std::optional<ZipEntry> ZipArchive::open_entry(const std::string& name) const {
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    return std::nullopt;
  }
  const auto position = static_cast<zip_uint64_t>(index);
  zip_stat_t stat;
  zip_stat_init(&stat);
  zip_file_t* file = zip_fopen_index(archive_.get(), position, 0);
  if (file == nullptr || zip_stat_index(archive_.get(), position, 0, &stat) != 0) {
    const std::string reason = zip_strerror(archive_.get());
    if (file != nullptr) {
      zip_fclose(file);
    }
    throw ReadError(path_ + ": cannot open the part " + name + " (" + reason +
                    "); the workbook is damaged or encrypted, save it again from Excel");
  }
  const uint64_t size = (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
  return ZipEntry(file, path_ + ": " + name, size);
}

}  // namespace imagross::ingest
