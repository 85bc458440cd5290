#include "ingest/source/input_buffer.h"

#include <cassert>
#include <cstring>

namespace imagross::ingest {

InputBuffer::InputBuffer(std::unique_ptr<ByteSource> source, size_t capacity)
    : source_(std::move(source)), buffer_(capacity) {}

void InputBuffer::consume_to(const char* position) {
  assert(position >= begin());
  assert(position <= end());
  start_ = static_cast<size_t>(position - buffer_.data());
}

void InputBuffer::compact() {
  if (start_ == 0) {
    return;
  }
  std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
  end_ -= start_;
  start_ = 0;
}

bool InputBuffer::refill() {
  compact();
  if (end_ == buffer_.size()) {
    // A caller that keeps a whole buffer of unread bytes needs a larger window.
    buffer_.resize(buffer_.size() * 2);
  }
  const size_t count = source_->read(buffer_.data() + end_, buffer_.size() - end_);
  end_ += count;
  return count > 0;
}

bool InputBuffer::refill(const char*& position, const char*& end) {
  consume_to(position);
  const bool more = refill();
  position = begin();
  end = this->end();
  return more;
}

std::string_view InputBuffer::peek(size_t count) {
  assert(count <= buffer_.size());
  compact();
  while (end_ < count) {
    const size_t read = source_->read(buffer_.data() + end_, buffer_.size() - end_);
    if (read == 0) {
      break;
    }
    end_ += read;
  }
  return {begin(), end_ - start_};
}

}  // namespace imagross::ingest
