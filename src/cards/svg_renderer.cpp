#include <cassert>

#include <fmt/format.h>

#include "cards/renderers.h"

namespace imagross::cards {
namespace {

// Escapes the five characters that XML text and attribute values must not carry raw.
std::string escape_xml(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Rectangles as one path of closed subpaths: much smaller than one <rect> element each.
std::string rects_path(const std::vector<Rect>& rects) {
  std::string data;
  for (const Rect& rect : rects) {
    fmt::format_to(std::back_inserter(data), "M{:g} {:g}h{:g}v{:g}h{:g}z", rect.x, rect.y,
                   rect.width, rect.height, -rect.width);
  }
  return data;
}

std::string strokes_path(const StrokeGroup& strokes) {
  std::string data;
  for (const auto& line : strokes.polylines) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      fmt::format_to(std::back_inserter(data), "{}{:g} {:g}", i == 0 ? 'M' : 'L', line[i].x,
                     line[i].y);
    }
  }
  return data;
}

}  // namespace

std::string render_svg(const Drawing& drawing, int pixels_per_module) {
  assert(pixels_per_module >= 1);
  const std::string title = escape_xml(drawing.title);
  std::string svg = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:g}\" height=\"{:g}\" "
      "viewBox=\"0 0 {:g} {:g}\" role=\"img\" aria-label=\"{}\">\n"
      "<title>{}</title>\n"
      "<rect width=\"{:g}\" height=\"{:g}\" fill=\"#fff\"/>\n",
      drawing.width * pixels_per_module, drawing.height * pixels_per_module, drawing.width,
      drawing.height, title, title, drawing.width, drawing.height);
  if (!drawing.rects.empty()) {
    svg += fmt::format("<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"{}\"/>\n",
                       rects_path(drawing.rects));
  }
  if (!drawing.strokes.polylines.empty()) {
    svg += fmt::format(
        "<path fill=\"none\" stroke=\"#000\" stroke-width=\"{:g}\" stroke-linecap=\"round\" "
        "stroke-linejoin=\"round\" d=\"{}\"/>\n",
        drawing.strokes.width, strokes_path(drawing.strokes));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace imagross::cards
