#pragma once

// The images of a loyalty card number that a customer shows at the till: an EAN-13 barcode with
// the digits under the bars, and a QR code of the same 13 digits, each as SVG or PNG.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace imagross::cards {

enum class Symbol : uint8_t { ean13, qr };
enum class ImageFormat : uint8_t { svg, png };

struct CardImage {
  std::string content_type;  // "image/svg+xml" or "image/png"
  std::string bytes;
};

// Sizes that scan well from a phone screen. An EAN-13 is 452 x 328 pixels (113 x 82 modules
// with the quiet zones and digits). The QR code of a card number is 232 x 232 pixels (21 x 21
// modules plus a quiet zone of 4 on each side).
inline constexpr int kEan13PixelsPerModule = 4;
inline constexpr int kQrPixelsPerModule = 8;

// Renders `number` as `symbol` in `format`. `pixels_per_module` scales the image (1-40); 0
// picks the default of the symbol above. An EAN-13 needs 13 digits ending in the GS1 check
// digit (error code "invalid_ean13"); a QR code takes any text of 1 to 1024 bytes (error code
// "invalid_qr_text").
Result<CardImage> render_card_image(Symbol symbol, ImageFormat format, std::string_view number,
                                    int pixels_per_module = 0);

}  // namespace imagross::cards
