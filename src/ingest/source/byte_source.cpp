#include "ingest/source/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/source/file_source.h"

namespace imagross::ingest {
namespace {

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}

  size_t read(char* buffer, size_t capacity) override {
    const size_t count = std::min(capacity, bytes_.size() - position_);
    std::memcpy(buffer, bytes_.data() + position_, count);
    position_ += count;
    return count;
  }
  uint64_t bytes_read() const override { return position_; }
  uint64_t bytes_total() const override { return bytes_.size(); }

 private:
  std::string bytes_;
  size_t position_ = 0;
};

Error open_error(const std::string& path, int error_number) {
  if (error_number == ENOENT || error_number == ENOTDIR) {
    return {"file_not_found", "file not found: " + path + "; check the path"};
  }
  return {"unreadable_file", "cannot open " + path + ": " + std::strerror(error_number)};
}

// Reads the first two bytes without moving the descriptor's offset. Pipes cannot do that, so
// they are read as plain bytes.
bool has_gzip_magic(int fd) {
  unsigned char magic[2] = {0, 0};
  return ::pread(fd, magic, sizeof magic, 0) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
}

}  // namespace

Result<std::unique_ptr<ByteSource>> open_byte_source(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return open_error(path, errno);
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error_number = errno;
    ::close(fd);
    return open_error(path, error_number);
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Error{"unreadable_file", path + " is a directory; give the path of a file"};
  }

  const bool regular = S_ISREG(info.st_mode);
  const uint64_t size = regular ? static_cast<uint64_t>(info.st_size) : 0;
  if (regular) {
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  const bool gzip = has_gzip_magic(fd);
  auto file = std::make_unique<FileSource>(fd, path, size);
  if (gzip) {
    return std::unique_ptr<ByteSource>(std::make_unique<GzipSource>(std::move(file)));
  }
  return std::unique_ptr<ByteSource>(std::move(file));
}

std::unique_ptr<ByteSource> make_memory_source(std::string_view bytes) {
  return std::make_unique<MemorySource>(bytes);
}

}  // namespace imagross::ingest
