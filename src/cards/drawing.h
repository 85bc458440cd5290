#pragma once

// A vector drawing of a barcode, in module units with y pointing down: dark rectangles (bars,
// QR modules) and stroked polylines (the digits under an EAN-13). Both the SVG and the PNG
// renderer draw from it, so that the two images of a card always match.

#include <string>
#include <vector>

namespace imagross::cards {

struct Point {
  double x = 0;
  double y = 0;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// Polylines drawn with round caps and joins, all with the same stroke width.
struct StrokeGroup {
  double width = 0;
  std::vector<std::vector<Point>> polylines;
};

struct Drawing {
  double width = 0;  // the whole image, quiet zones included
  double height = 0;
  std::vector<Rect> rects;
  StrokeGroup strokes;
  std::string title;  // what the image shows, in words: the SVG's <title>
};

}  // namespace imagross::cards
