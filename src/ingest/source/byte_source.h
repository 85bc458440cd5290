#pragma once

// Raw bytes for the record readers: a plain file, a gzip-compressed file read through zlib, or a
// block of memory. Every source reads sequentially in chunks, so memory does not grow with the
// file.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer` and returns how many were read: 0 only at the end
  // of the data. Throws ReadError, with the path and the byte position in its message, when the
  // data cannot be read (an I/O error, corrupt or truncated gzip data).
  virtual size_t read(char* buffer, size_t capacity) = 0;

  // Progress in bytes of the file on disk: compressed bytes for gzip. bytes_total() is 0 when the
  // size is unknown (a pipe).
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;

  // True when read() returns decompressed bytes of a gzip file.
  virtual bool is_compressed() const { return false; }
};

// Opens `path`, decompressing it when its first bytes are the gzip magic number 1F 8B whatever
// its name. Errors: "file_not_found", "unreadable_file" (a directory, no permission, I/O error).
Result<std::unique_ptr<ByteSource>> open_byte_source(const std::string& path);

// A source over a copy of `bytes`, for sniffing a sample of a file and for tests.
std::unique_ptr<ByteSource> make_memory_source(std::string_view bytes);

}  // namespace imagross::ingest
