#include "ingest/source/file_source.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <new>
#include <string>

#include "ingest/record.h"

namespace imagross::ingest {
namespace {

constexpr size_t kGzipInputBytes = 256 * 1024;

// zlib's window size in bits (32 KiB, the maximum) plus 16, which accepts gzip framing only.
constexpr int kGzipWindowBits = 15 + 16;

}  // namespace

FileSource::FileSource(int fd, std::string path, uint64_t size)
    : fd_(fd), path_(std::move(path)), size_(size) {}

FileSource::~FileSource() {
  ::close(fd_);
}

size_t FileSource::read(char* buffer, size_t capacity) {
  for (;;) {
    const ssize_t count = ::read(fd_, buffer, capacity);
    if (count >= 0) {
      bytes_read_ += static_cast<uint64_t>(count);
      return static_cast<size_t>(count);
    }
    if (errno != EINTR) {
      throw ReadError(path_ + ": read failed at byte " + std::to_string(bytes_read_) + ": " +
                      std::strerror(errno));
    }
  }
}

GzipSource::GzipSource(std::unique_ptr<FileSource> file)
    : file_(std::move(file)), input_(kGzipInputBytes) {
  if (inflateInit2(&stream_, kGzipWindowBits) != Z_OK) {
    throw std::bad_alloc();
  }
}

GzipSource::~GzipSource() {
  inflateEnd(&stream_);
}

size_t GzipSource::read(char* buffer, size_t capacity) {
  const auto limit = static_cast<uInt>(std::min<size_t>(capacity, UINT_MAX));
  stream_.next_out = reinterpret_cast<Bytef*>(buffer);
  stream_.avail_out = limit;
  while (stream_.avail_out == limit && !finished_) {
    inflate_some();
  }
  return limit - stream_.avail_out;
}

bool GzipSource::fill_input() {
  const size_t count = file_->read(reinterpret_cast<char*>(input_.data()), input_.size());
  stream_.next_in = input_.data();
  stream_.avail_in = static_cast<uInt>(count);
  return count > 0;
}

void GzipSource::inflate_some() {
  if (stream_.avail_in == 0 && !fill_input()) {
    if (in_member_) {
      throw ReadError(file_->path() + ": the gzip data ends unexpectedly after " +
                      std::to_string(bytes_read()) +
                      " bytes: the file is truncated or was still being copied; copy the "
                      "complete file and import it again");
    }
    finished_ = true;
    return;
  }
  if (!in_member_) {
    // More bytes after the end of a member: gzip allows another member to follow.
    inflateReset(&stream_);
    in_member_ = true;
  }
  const int code = inflate(&stream_, Z_NO_FLUSH);
  if (code == Z_STREAM_END) {
    in_member_ = false;
    ++members_done_;
  } else if (code != Z_OK && code != Z_BUF_ERROR) {
    // Z_BUF_ERROR only means that inflate needs more input, which the next call provides.
    throw_corrupt(code);
  }
}

void GzipSource::throw_corrupt(int code) const {
  const std::string position = std::to_string(bytes_read());
  if (members_done_ > 0 && stream_.total_out == 0) {
    throw ReadError(file_->path() + ": unexpected data after the end of the gzip data, at byte " +
                    position + "; the file is damaged, copy it again");
  }
  const std::string detail = stream_.msg != nullptr ? stream_.msg : zError(code);
  throw ReadError(file_->path() + ": corrupt gzip data near byte " + position + " (" + detail +
                  "); the file is damaged, copy it again");
}

}  // namespace imagross::ingest
