#pragma once

// A window of buffered bytes that the tokenizers scan in place, refilled from a ByteSource.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "ingest/source/byte_source.h"

namespace imagross::ingest {

class InputBuffer {
 public:
  static constexpr size_t kDefaultCapacity = 1 << 20;

  explicit InputBuffer(std::unique_ptr<ByteSource> source, size_t capacity = kDefaultCapacity);

  // The unread bytes are [begin(), end()). Pointers stay valid until the next refill() or peek().
  const char* begin() const { return buffer_.data() + start_; }
  const char* end() const { return buffer_.data() + end_; }

  // Marks the bytes before `position` (a pointer into the unread bytes) as read.
  void consume_to(const char* position);

  // Keeps the unread bytes and reads more after them. Returns false when the source is at its
  // end and nothing was added. Throws ReadError like ByteSource::read().
  bool refill();

  // For a scanner that keeps its own cursor: marks the bytes before `position` as read, refills,
  // and points `position` and `end` at the unread bytes. Returns what refill() returns.
  bool refill(const char*& position, const char*& end);

  // Reads until at least `count` unread bytes are buffered or the source ends, and returns the
  // unread bytes. `count` is at most the capacity.
  std::string_view peek(size_t count);

  const ByteSource& source() const { return *source_; }

 private:
  void compact();

  std::unique_ptr<ByteSource> source_;
  std::vector<char> buffer_;
  size_t start_ = 0;
  size_t end_ = 0;
};

}  // namespace imagross::ingest
