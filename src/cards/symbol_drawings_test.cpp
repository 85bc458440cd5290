#include "cards/symbol_drawings.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace imagross::cards {
namespace {

using G = Ean13Geometry;

Drawing ean13_of(std::string_view number) {
  const auto modules = encode_ean13(number);
  EXPECT_TRUE(modules.ok());
  return ean13_drawing(*modules, number);
}

// The horizontal extent of every point of the polylines from `first` (inclusive) to `last`.
std::pair<double, double> x_extent(const Drawing& drawing, std::size_t first, std::size_t last) {
  double low = drawing.width;
  double high = 0;
  for (std::size_t i = first; i < last; ++i) {
    for (const Point& point : drawing.strokes.polylines[i]) {
      low = std::min(low, point.x);
      high = std::max(high, point.x);
    }
  }
  return {low, high};
}

TEST(Ean13Drawing, HasQuietZonesAndSize) {
  const Drawing drawing = ean13_of("2991000000016");
  EXPECT_EQ(drawing.width, 113);
  EXPECT_EQ(drawing.height, 82);
  for (const Rect& bar : drawing.rects) {
    EXPECT_GE(bar.x, G::kLeftQuietZone);
    EXPECT_LE(bar.x + bar.width, drawing.width - G::kRightQuietZone);
  }
  EXPECT_EQ(drawing.title, "EAN-13 2991000000016");
}

TEST(Ean13Drawing, HasThirtyBarsWithLongerGuards) {
  const Drawing drawing = ean13_of("2991000000016");
  ASSERT_EQ(drawing.rects.size(), 30u);  // 2 bars per digit, 2 per guard pattern
  const std::vector<std::size_t> guards = {0, 1, 14, 15, 28, 29};
  for (std::size_t i = 0; i < drawing.rects.size(); ++i) {
    const bool guard = std::find(guards.begin(), guards.end(), i) != guards.end();
    EXPECT_EQ(drawing.rects[i].y, G::kTopMargin) << "bar " << i;
    EXPECT_EQ(drawing.rects[i].height, G::kBarHeight + (guard ? G::kGuardExtension : 0))
        << "bar " << i;
  }
}

TEST(Ean13Drawing, PlacesDigitsInThreeGroups) {
  // 2, 9, 9, 1 and 0 are one polyline each, 8 is two: "2991000000016" has 13 polylines.
  const Drawing drawing = ean13_of("2991000000016");
  ASSERT_EQ(drawing.strokes.polylines.size(), 13u);
  const double start_guard = G::kLeftQuietZone;
  const double centre_guard = G::kLeftQuietZone + 45;
  const double end_guard = G::kLeftQuietZone + 92;

  const auto [first_low, first_high] = x_extent(drawing, 0, 1);
  EXPECT_GT(first_low, 0);
  EXPECT_LT(first_high, start_guard);
  const auto [left_low, left_high] = x_extent(drawing, 1, 7);
  EXPECT_GT(left_low, start_guard + 3);
  EXPECT_LT(left_high, centre_guard);
  const auto [right_low, right_high] = x_extent(drawing, 7, 13);
  EXPECT_GT(right_low, centre_guard + 5);
  EXPECT_LT(right_high, end_guard);

  for (const auto& line : drawing.strokes.polylines) {
    for (const Point& point : line) {
      EXPECT_GT(point.y, G::kTopMargin + G::kBarHeight);
      EXPECT_LT(point.y, drawing.height - G::kBottomMargin);
    }
  }
}

TEST(Ean13Drawing, CentresDigitsUnderTheirCharacters) {
  EXPECT_EQ(G::digit_centre(1), 11 + 3 + 3.5);
  EXPECT_EQ(G::digit_centre(6), 11 + 3 + 35 + 3.5);
  EXPECT_EQ(G::digit_centre(7), 11 + 50 + 3.5);
  EXPECT_EQ(G::digit_centre(12), 11 + 50 + 35 + 3.5);
}

TEST(QrDrawing, AddsFourModuleQuietZone) {
  const auto modules = encode_qr("2991000000016");
  ASSERT_TRUE(modules.ok());
  const Drawing drawing = qr_drawing(*modules, "2991000000016");
  EXPECT_EQ(drawing.width, 29);
  EXPECT_EQ(drawing.height, 29);
  int dark = 0;
  for (const Rect& rect : drawing.rects) {
    EXPECT_GE(rect.x, kQrQuietZone);
    EXPECT_GE(rect.y, kQrQuietZone);
    EXPECT_LE(rect.x + rect.width, 29 - kQrQuietZone);
    EXPECT_LE(rect.y + rect.height, 29 - kQrQuietZone);
    dark += static_cast<int>(rect.width);
  }
  EXPECT_EQ(dark, std::count(modules->dark.begin(), modules->dark.end(), true));
  EXPECT_TRUE(drawing.strokes.polylines.empty());
}

}  // namespace
}  // namespace imagross::cards
