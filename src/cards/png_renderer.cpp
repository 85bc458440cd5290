#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <png.h>

#include "cards/renderers.h"

namespace imagross::cards {
namespace {

constexpr uint8_t kWhite = 255;

// 8-bit greyscale pixels, row by row, white to begin with.
class GrayCanvas {
 public:
  GrayCanvas(int width, int height)
      : width_(width),
        height_(height),
        pixels_(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), kWhite) {}

  int width() const { return width_; }
  int height() const { return height_; }
  const uint8_t* data() const { return pixels_.data(); }

  // Darkens the pixel to `coverage` (0 leaves it, 1 makes it black) unless it is darker already,
  // so that overlapping strokes do not add up into darker blots.
  void cover(int x, int y, double coverage) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_ || coverage <= 0) {
      return;
    }
    const auto value = static_cast<uint8_t>(std::lround(kWhite * (1 - std::min(coverage, 1.0))));
    uint8_t& pixel = pixels_[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
                             static_cast<std::size_t>(x)];
    pixel = std::min(pixel, value);
  }

 private:
  int width_;
  int height_;
  std::vector<uint8_t> pixels_;
};

void fill_rect(GrayCanvas& canvas, const Rect& rect, double scale) {
  const auto left = static_cast<int>(std::lround(rect.x * scale));
  const auto top = static_cast<int>(std::lround(rect.y * scale));
  const auto right = static_cast<int>(std::lround((rect.x + rect.width) * scale));
  const auto bottom = static_cast<int>(std::lround((rect.y + rect.height) * scale));
  for (int y = top; y < bottom; ++y) {
    for (int x = left; x < right; ++x) {
      canvas.cover(x, y, 1);
    }
  }
}

double distance_to_segment(Point p, Point a, Point b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double length_squared = dx * dx + dy * dy;
  double t = 0;
  if (length_squared > 0) {
    t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length_squared, 0.0, 1.0);
  }
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// A segment of half-width `radius` pixels with round ends: a pixel is covered by the part of it
// within the radius, estimated from the distance of its centre (a one-pixel ramp at the edge).
void stroke_segment(GrayCanvas& canvas, Point a, Point b, double radius) {
  const auto left = static_cast<int>(std::floor(std::min(a.x, b.x) - radius - 1));
  const auto right = static_cast<int>(std::ceil(std::max(a.x, b.x) + radius + 1));
  const auto top = static_cast<int>(std::floor(std::min(a.y, b.y) - radius - 1));
  const auto bottom = static_cast<int>(std::ceil(std::max(a.y, b.y) + radius + 1));
  for (int y = top; y <= bottom; ++y) {
    for (int x = left; x <= right; ++x) {
      const Point centre{x + 0.5, y + 0.5};
      canvas.cover(x, y, radius + 0.5 - distance_to_segment(centre, a, b));
    }
  }
}

void stroke_polylines(GrayCanvas& canvas, const StrokeGroup& strokes, double scale) {
  const double radius = strokes.width * scale / 2;
  for (const auto& line : strokes.polylines) {
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const Point a{line[i].x * scale, line[i].y * scale};
      const Point b{line[i + 1].x * scale, line[i + 1].y * scale};
      stroke_segment(canvas, a, b, radius);
    }
  }
}

std::string encode_png(const GrayCanvas& canvas) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(canvas.width());
  image.height = static_cast<png_uint_32>(canvas.height());
  image.format = PNG_FORMAT_GRAY;

  // The first call computes the size, the second writes.
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, canvas.data(), 0, nullptr) == 0) {
    throw std::runtime_error(std::string("libpng could not size the image: ") + image.message);
  }
  std::string bytes(size, '\0');
  if (png_image_write_to_memory(&image, bytes.data(), &size, 0, canvas.data(), 0, nullptr) == 0) {
    throw std::runtime_error(std::string("libpng could not write the image: ") + image.message);
  }
  bytes.resize(size);
  return bytes;
}

}  // namespace

std::string render_png(const Drawing& drawing, int pixels_per_module) {
  assert(pixels_per_module >= 1);
  const double scale = pixels_per_module;
  GrayCanvas canvas(static_cast<int>(std::lround(drawing.width * scale)),
                    static_cast<int>(std::lround(drawing.height * scale)));
  for (const Rect& rect : drawing.rects) {
    fill_rect(canvas, rect, scale);
  }
  stroke_polylines(canvas, drawing.strokes, scale);
  return encode_png(canvas);
}

}  // namespace imagross::cards
