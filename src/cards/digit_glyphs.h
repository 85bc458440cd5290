#pragma once

// A stroke font of the ten digits, for the human-readable line under an EAN-13. Drawing the
// digits from strokes keeps the images free of installed fonts and the same in SVG and PNG.

#include <span>
#include <vector>

#include "cards/drawing.h"

namespace imagross::cards {

// Each glyph's centre lines lie inside a box of kGlyphWidth x kGlyphHeight units, (0, 0) at the
// top left, and are drawn kGlyphStroke units wide, which the box leaves room for.
inline constexpr double kGlyphWidth = 10;
inline constexpr double kGlyphHeight = 16;
inline constexpr double kGlyphStroke = 1.7;

// The polylines of `digit` ('0'-'9').
std::span<const std::vector<Point>> digit_glyph(char digit);

}  // namespace imagross::cards
