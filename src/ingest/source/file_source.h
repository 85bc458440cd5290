#pragma once

// A plain file read with POSIX read(2), and gzip decompression of another source through zlib.

#include <zlib.h>

#include <memory>
#include <string>
#include <vector>

#include "ingest/source/byte_source.h"

namespace imagross::ingest {

class FileSource final : public ByteSource {
 public:
  // Takes ownership of the open descriptor `fd` of the file at `path`; `size` is 0 when unknown.
  FileSource(int fd, std::string path, uint64_t size);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  size_t read(char* buffer, size_t capacity) override;
  uint64_t bytes_read() const override { return bytes_read_; }
  uint64_t bytes_total() const override { return size_; }
  const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
  uint64_t size_;
  uint64_t bytes_read_ = 0;
};

// Decompresses a gzip file, including files of several concatenated gzip members (as written by
// `cat a.gz b.gz` or pigz).
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<FileSource> file);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t read(char* buffer, size_t capacity) override;
  uint64_t bytes_read() const override { return file_->bytes_read() - stream_.avail_in; }
  uint64_t bytes_total() const override { return file_->bytes_total(); }
  bool is_compressed() const override { return true; }

 private:
  bool fill_input();
  void inflate_some();
  [[noreturn]] void throw_corrupt(int code) const;

  std::unique_ptr<FileSource> file_;
  std::vector<unsigned char> input_;
  z_stream stream_{};
  bool in_member_ = true;  // inside a gzip member whose end has not been read yet
  bool finished_ = false;
  int members_done_ = 0;
};

}  // namespace imagross::ingest
