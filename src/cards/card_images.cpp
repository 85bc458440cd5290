#include "cards/card_images.h"

#include <cassert>

#include "cards/barcode_symbols.h"
#include "cards/renderers.h"
#include "cards/symbol_drawings.h"

namespace imagross::cards {
namespace {

Result<Drawing> draw(Symbol symbol, std::string_view number) {
  if (symbol == Symbol::ean13) {
    auto modules = encode_ean13(number);
    if (!modules) {
      return modules.error();
    }
    return ean13_drawing(*modules, number);
  }
  auto modules = encode_qr(number);
  if (!modules) {
    return modules.error();
  }
  return qr_drawing(*modules, number);
}

}  // namespace

Result<CardImage> render_card_image(Symbol symbol, ImageFormat format, std::string_view number,
                                    int pixels_per_module) {
  assert(pixels_per_module >= 0 && pixels_per_module <= 40);
  if (pixels_per_module == 0) {
    pixels_per_module = symbol == Symbol::ean13 ? kEan13PixelsPerModule : kQrPixelsPerModule;
  }
  auto drawing = draw(symbol, number);
  if (!drawing) {
    return drawing.error();
  }
  if (format == ImageFormat::svg) {
    return CardImage{"image/svg+xml", render_svg(*drawing, pixels_per_module)};
  }
  return CardImage{"image/png", render_png(*drawing, pixels_per_module)};
}

}  // namespace imagross::cards
