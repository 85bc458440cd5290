#pragma once

// The layout of the two card symbols as drawings in module units: quiet zones, bar heights and,
// for the EAN-13, the human-readable digits.

#include <string_view>

#include "cards/barcode_symbols.h"
#include "cards/drawing.h"

namespace imagross::cards {

// EAN-13 geometry in modules (X), after the GS1 General Specifications: quiet zones of 11X on
// the left and 7X on the right, bars 69X high (22.85 mm at the nominal X of 0.33 mm), guard
// bars 5X longer, and the digits under the bars: the first one left of the start guard, then
// two groups of six, each digit centred under its symbol character.
struct Ean13Geometry {
  static constexpr double kLeftQuietZone = 11;
  static constexpr double kRightQuietZone = 7;
  static constexpr double kTopMargin = 2;  // light border above, so the symbol reads on any page
  static constexpr double kBarHeight = 69;
  static constexpr double kGuardExtension = 5;
  static constexpr double kDigitGap = 1;  // between the bars' bottom and the digits' top
  static constexpr double kDigitHeight = 8;
  static constexpr double kBottomMargin = 2;
  static constexpr double kWidth = kLeftQuietZone + Ean13Modules::kCount + kRightQuietZone;
  static constexpr double kHeight =
      kTopMargin + kBarHeight + kDigitGap + kDigitHeight + kBottomMargin;

  // The x of the centre of digit `index` (0-12) of the number.
  static double digit_centre(int index);
};

// QR quiet zone: 4 modules on every side (ISO/IEC 18004).
inline constexpr int kQrQuietZone = 4;

// `number` is the 13 digits that `modules` encode.
Drawing ean13_drawing(const Ean13Modules& modules, std::string_view number);
Drawing qr_drawing(const QrModules& modules, std::string_view text);

}  // namespace imagross::cards
