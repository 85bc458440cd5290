#include "cards/digit_glyphs.h"

#include <array>
#include <cassert>

namespace imagross::cards {
namespace {

using Glyph = std::vector<std::vector<Point>>;

// Centre lines on the 10 x 16 grid, kept one unit inside it for the stroke. Curves are
// polylines dense enough to look round at the sizes a card is shown.
const std::array<Glyph, 10>& glyphs() {
  static const std::array<Glyph, 10> table = {{
      // 0
      {{{5, 1},
        {7.5, 1.8},
        {8.7, 4},
        {9, 8},
        {8.7, 12},
        {7.5, 14.2},
        {5, 15},
        {2.5, 14.2},
        {1.3, 12},
        {1, 8},
        {1.3, 4},
        {2.5, 1.8},
        {5, 1}}},
      // 1
      {{{2, 4}, {5.5, 1}, {5.5, 15}}},
      // 2
      {{{1.3, 4}, {2.5, 1.8}, {5, 1}, {7.5, 1.8}, {8.7, 4}, {8.5, 6}, {7, 8.2}, {1, 15}, {9, 15}}},
      // 3
      {{{1.5, 1},
        {8.5, 1},
        {4.5, 6.5},
        {6.5, 6.7},
        {8.3, 8},
        {9, 10.5},
        {8.5, 13},
        {7, 14.5},
        {5, 15},
        {3, 14.7},
        {1.2, 13.5}}},
      // 4
      {{{6.5, 15}, {6.5, 1}, {1, 11}, {9.2, 11}}},
      // 5
      {{{8.5, 1},
        {2, 1},
        {1.5, 7},
        {3.5, 6},
        {5.5, 5.8},
        {7.8, 6.6},
        {9, 9},
        {9, 11.5},
        {8, 14},
        {5.5, 15},
        {3, 14.7},
        {1.2, 13.3}}},
      // 6
      {{{7.5, 1},
        {4.5, 3.5},
        {2.2, 6.5},
        {1.2, 9.5},
        {1.2, 11.5},
        {2.3, 14.2},
        {5, 15},
        {7.7, 14.2},
        {8.8, 11.5},
        {8.5, 9},
        {7, 7.5},
        {5, 7},
        {3, 7.6},
        {1.4, 9.5}}},
      // 7
      {{{1, 1}, {9, 1}, {3.5, 15}}},
      // 8: two loops that meet at the waist
      {{{5, 1},
        {7.3, 1.6},
        {8.2, 3.5},
        {7.3, 5.6},
        {5, 6.6},
        {2.7, 5.6},
        {1.8, 3.5},
        {2.7, 1.6},
        {5, 1}},
       {{5, 6.6},
        {7.8, 7.6},
        {9, 10.5},
        {8, 14.1},
        {5, 15},
        {2, 14.1},
        {1, 10.5},
        {2.2, 7.6},
        {5, 6.6}}},
      // 9: the 6 turned half a circle
      {{{2.5, 15},
        {5.5, 12.5},
        {7.8, 9.5},
        {8.8, 6.5},
        {8.8, 4.5},
        {7.7, 1.8},
        {5, 1},
        {2.3, 1.8},
        {1.2, 4.5},
        {1.5, 7},
        {3, 8.5},
        {5, 9},
        {7, 8.4},
        {8.6, 6.5}}},
  }};
  return table;
}

}  // namespace

std::span<const std::vector<Point>> digit_glyph(char digit) {
  assert(digit >= '0');
  assert(digit <= '9');
  return glyphs()[static_cast<std::size_t>(digit - '0')];
}

}  // namespace imagross::cards
