#pragma once

// Read-only access to the parts of a ZIP archive (an XLSX workbook) through libzip.

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/result.h"

namespace imagross::ingest {

// One part of the archive, decompressed as it is read.
class ZipEntry {
 public:
  ZipEntry(zip_file_t* file, std::string description, uint64_t size);
  ~ZipEntry();
  ZipEntry(ZipEntry&& other) noexcept;
  ZipEntry& operator=(ZipEntry&&) = delete;
  ZipEntry(const ZipEntry&) = delete;
  ZipEntry& operator=(const ZipEntry&) = delete;

  // Reads up to `capacity` bytes; 0 at the end. Throws ReadError on corrupt data.
  size_t read(char* buffer, size_t capacity);

  const std::string& description() const { return description_; }  // "file.xlsx: xl/...xml"
  uint64_t size() const { return size_; }                          // uncompressed bytes
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  zip_file_t* file_;
  std::string description_;
  uint64_t size_;
  uint64_t bytes_read_ = 0;
};

class ZipArchive {
 public:
  // Errors: "unreadable_file" when the file is not a readable ZIP archive.
  static Result<ZipArchive> open(const std::string& path);

  // Opens the part `name`, compared without regard to case as Excel does; nothing when the
  // archive has no such part. Throws ReadError when the part exists but cannot be opened.
  std::optional<ZipEntry> open_entry(const std::string& name) const;

  const std::string& path() const { return path_; }

 private:
  struct Closer {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };

  ZipArchive(zip_t* archive, std::string path) : archive_(archive), path_(std::move(path)) {}

  std::unique_ptr<zip_t, Closer> archive_;
  std::string path_;
};

}  // namespace imagross::ingest
