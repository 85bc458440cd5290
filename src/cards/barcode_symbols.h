#pragma once

// The module patterns of the two symbols a loyalty card is shown as, computed by zxing-cpp's
// encoders. Drawing them (bar heights, quiet zones, digits) is left to the renderers.

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace imagross::cards {

// The 95 modules of an EAN-13 symbol from the start guard through the end guard, dark = true.
struct Ean13Modules {
  static constexpr int kCount = 95;
  std::vector<bool> dark;  // kCount entries, left to right
};

// A QR code without its quiet zone: `size` x `size` modules, dark = true.
struct QrModules {
  int size = 0;
  std::vector<bool> dark;  // row by row, top row first

  bool is_dark(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                static_cast<std::size_t>(x)];
  }
};

// The modules of EAN-13 `number`: 13 ASCII digits whose last one is the GS1 check digit.
// Error code "invalid_ean13" otherwise.
Result<Ean13Modules> encode_ean13(std::string_view number);

// The modules of a QR code of `text` (UTF-8, 1 to kMaxQrTextBytes bytes) at error correction
// level H, which restores up to about 30% of damaged modules (a scratched or cracked phone
// screen). Error code "invalid_qr_text" when `text` is empty or too long.
inline constexpr std::size_t kMaxQrTextBytes = 1024;
Result<QrModules> encode_qr(std::string_view text);

}  // namespace imagross::cards
