// Text on the printed map through pango: one named CJK family (so output does not depend on
// the locale's fallback) at true point sizes (resolution 72, not pango's default 96).
#pragma once
#include <string>

#include "map/cairo_handles.h"
#include "map/print_layout.h"

namespace giatlas {

struct TextStyle {
  double size_pt = 9;
  bool bold = false;
  double r = 0.1, g = 0.1, b = 0.1;
  bool halo = false;  // a white outline so labels stay readable over fills and lines
};

class PrintText {
 public:
  // DEFAULT family: "Noto Sans CJK SC" (fonts-noto-cjk). REQUIRES: cr outlives this object.
  PrintText(cairo_t* cr, std::string family);

  // Size of the text's ink box in points.
  Point measure(const std::string& text, const TextStyle& style) const;
  // Draws `text` so that the point (x, y) sits at the fractions (ax, ay) of its box:
  // (0, 0) top-left, (0.5, 0.5) centre, (1, 1) bottom-right. Returns the box drawn.
  PageRect draw(const std::string& text, const TextStyle& style, double x, double y, double ax = 0,
                double ay = 0) const;

 private:
  PangoLayoutPtr layout(const std::string& text, const TextStyle& style) const;
  cairo_t* cr_;
  std::string family_;
  PangoContextPtr ctx_;
};

}  // namespace giatlas
