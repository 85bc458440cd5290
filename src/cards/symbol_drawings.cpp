#include "cards/symbol_drawings.h"

#include <cassert>
#include <string>

#include "cards/digit_glyphs.h"

namespace imagross::cards {
namespace {

// The guard patterns of an EAN-13: start (modules 0-2), centre (45-49) and end (92-94).
bool is_guard_module(int module) {
  return module < 3 || (module >= 45 && module < 50) || module >= 92;
}

// One rectangle per run of dark modules; guard bars reach kGuardExtension lower.
void add_bars(Drawing& drawing, const Ean13Modules& modules) {
  using G = Ean13Geometry;
  int module = 0;
  while (module < Ean13Modules::kCount) {
    if (!modules.dark[static_cast<std::size_t>(module)]) {
      ++module;
      continue;
    }
    const int start = module;
    while (module < Ean13Modules::kCount && modules.dark[static_cast<std::size_t>(module)]) {
      ++module;
    }
    const double height = G::kBarHeight + (is_guard_module(start) ? G::kGuardExtension : 0);
    drawing.rects.push_back(Rect{G::kLeftQuietZone + start, G::kTopMargin,
                                 static_cast<double>(module - start), height});
  }
}

void add_digit(StrokeGroup& strokes, char digit, double centre_x, double top) {
  using G = Ean13Geometry;
  const double scale = G::kDigitHeight / kGlyphHeight;
  const double left = centre_x - kGlyphWidth * scale / 2;
  for (const auto& line : digit_glyph(digit)) {
    std::vector<Point> placed;
    placed.reserve(line.size());
    for (const Point& point : line) {
      placed.push_back(Point{left + point.x * scale, top + point.y * scale});
    }
    strokes.polylines.push_back(std::move(placed));
  }
}

}  // namespace

double Ean13Geometry::digit_centre(int index) {
  assert(index >= 0);
  assert(index <= 12);
  if (index == 0) {
    // Right of the middle of the quiet zone, clear of the start guard.
    return kLeftQuietZone - 3.5;
  }
  // Symbol characters are 7 modules wide: six after the start guard (3 modules), six after the
  // centre guard (ending at module 50).
  const int character = index <= 6 ? index - 1 : index - 7;
  const double first = index <= 6 ? 3 : 50;
  return kLeftQuietZone + first + 7.0 * character + 3.5;
}

Drawing ean13_drawing(const Ean13Modules& modules, std::string_view number) {
  using G = Ean13Geometry;
  assert(modules.dark.size() == Ean13Modules::kCount);
  assert(number.size() == 13);
  Drawing drawing;
  drawing.width = G::kWidth;
  drawing.height = G::kHeight;
  drawing.title = "EAN-13 " + std::string(number);
  add_bars(drawing, modules);

  drawing.strokes.width = kGlyphStroke * G::kDigitHeight / kGlyphHeight;
  const double top = G::kTopMargin + G::kBarHeight + G::kDigitGap;
  for (int index = 0; index < 13; ++index) {
    add_digit(drawing.strokes, number[static_cast<std::size_t>(index)], G::digit_centre(index),
              top);
  }
  return drawing;
}

Drawing qr_drawing(const QrModules& modules, std::string_view text) {
  Drawing drawing;
  drawing.width = modules.size + 2 * kQrQuietZone;
  drawing.height = drawing.width;
  drawing.title = "QR " + std::string(text);
  // One rectangle per horizontal run of dark modules keeps the SVG small.
  for (int y = 0; y < modules.size; ++y) {
    int x = 0;
    while (x < modules.size) {
      if (!modules.is_dark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < modules.size && modules.is_dark(x, y)) {
        ++x;
      }
      drawing.rects.push_back(Rect{static_cast<double>(kQrQuietZone + start),
                                   static_cast<double>(kQrQuietZone + y),
                                   static_cast<double>(x - start), 1});
    }
  }
  return drawing;
}

}  // namespace imagross::cards
