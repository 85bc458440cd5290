#include "cards/barcode_symbols.h"

#include <stdexcept>
#include <string>

#include <fmt/format.h>
// ZX_USE_UTF8 is defined for this target (CMakeLists.txt), so that texts are UTF-8 strings.
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include "common/ean13.h"

namespace imagross::cards {
namespace {

// zxing-cpp's error correction setting runs from 0 to 8; 7 and 8 select level H.
constexpr int kQrLevelH = 8;

}  // namespace

Result<Ean13Modules> encode_ean13(std::string_view number) {
  if (!is_valid_ean13(number)) {
    return Error{"invalid_ean13",
                 fmt::format("'{}' is not an EAN-13: expected 13 digits ending in the GS1 check "
                             "digit",
                             number)};
  }
  // Zero width and height ask for the symbol's own size: one pixel per module, one row.
  const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::EAN13)
                                      .setMargin(0)
                                      .encode(std::string(number), 0, 0);
  if (matrix.width() != Ean13Modules::kCount) {
    throw std::logic_error(fmt::format("zxing-cpp encoded an EAN-13 as {} modules, expected {}",
                                       matrix.width(), Ean13Modules::kCount));
  }
  Ean13Modules modules;
  modules.dark.reserve(Ean13Modules::kCount);
  for (int x = 0; x < matrix.width(); ++x) {
    modules.dark.push_back(matrix.get(x, 0));
  }
  return modules;
}

Result<QrModules> encode_qr(std::string_view text) {
  if (text.empty() || text.size() > kMaxQrTextBytes) {
    return Error{"invalid_qr_text", fmt::format("a QR code contains 1 to {} bytes of text, got {}",
                                                kMaxQrTextBytes, text.size())};
  }
  const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                      .setMargin(0)
                                      .setEncoding(ZXing::CharacterSet::UTF8)
                                      .setEccLevel(kQrLevelH)
                                      .encode(std::string(text), 0, 0);
  QrModules modules;
  modules.size = matrix.width();
  modules.dark.reserve(static_cast<std::size_t>(modules.size) *
                       static_cast<std::size_t>(modules.size));
  for (int y = 0; y < matrix.height(); ++y) {
    for (int x = 0; x < matrix.width(); ++x) {
      modules.dark.push_back(matrix.get(x, y));
    }
  }
  return modules;
}

}  // namespace imagross::cards
