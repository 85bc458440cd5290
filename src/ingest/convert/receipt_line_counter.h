#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace imagross::ingest {

// Numbers the lines of each receipt by their order in the file: the n-th row of a receipt is
// line n, so importing the same file again gives every line the same key.
//
// The codes are kept one after another in one string, and an open-addressing table finds them,
// so a receipt costs no allocation of its own.
// NOTE: memory grows with the distinct receipts of the file, not with its lines. A receipt with
// an 18-character code takes 70 to 130 bytes, because the tables double as they grow, so a file
// of 10 million receipts needs up to about 1.3 GB here.
class ReceiptLineCounter {
 public:
  // Returns the line number of the next row of `receipt_code`, counting from 1.
  int32_t next(std::string_view receipt_code);

 private:
  struct Receipt {
    std::size_t code_offset = 0;  // in codes_
    uint32_t code_size = 0;
    int32_t lines = 0;
  };
  struct Slot {
    uint64_t hash = 0;
    uint32_t receipt_plus_one = 0;  // 0 marks an empty slot
  };

  std::string_view code(const Receipt& receipt) const {
    return std::string_view(codes_).substr(receipt.code_offset, receipt.code_size);
  }
  std::size_t find_or_add(std::string_view receipt_code);
  void grow();

  std::string codes_;
  std::vector<Receipt> receipts_;
  std::vector<Slot> slots_;
  // Rows of a receipt usually follow each other, so the last receipt is checked first.
  std::size_t last_ = 0;
};

}  // namespace imagross::ingest
