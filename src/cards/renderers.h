#pragma once

// Turns a drawing into an image file: dark shapes on a white background.

#include <string>

#include "cards/drawing.h"

namespace imagross::cards {

// An SVG document whose user units are modules, displayed at `pixels_per_module` CSS pixels per
// module. Bars keep crisp edges; the title names what the image shows, for screen readers.
std::string render_svg(const Drawing& drawing, int pixels_per_module);

// An 8-bit greyscale PNG with `pixels_per_module` pixels per module (at least 1). Rectangle
// edges are rounded to whole pixels, so bars stay sharp for scanners; strokes are anti-aliased.
// Throws std::runtime_error when libpng fails, which happens only when memory runs out.
std::string render_png(const Drawing& drawing, int pixels_per_module);

}  // namespace imagross::cards
