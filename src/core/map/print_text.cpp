// Pango text for the printed map.
#include "map/print_text.h"

namespace giatlas {

PrintText::PrintText(cairo_t* cr, std::string family)
    : cr_(cr), family_(std::move(family)), ctx_(pango_cairo_create_context(cr)) {
  // Pango assumes 96 dpi; the page is in points, so 72 gives true point sizes.
  pango_cairo_context_set_resolution(ctx_.get(), 72);
}

PangoLayoutPtr PrintText::layout(const std::string& text, const TextStyle& style) const {
  pango_cairo_update_context(cr_, ctx_.get());
  PangoLayoutPtr l(pango_layout_new(ctx_.get()));
  PangoFontDesc desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), family_.c_str());
  pango_font_description_set_weight(desc.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(desc.get(), style.size_pt * PANGO_SCALE);
  pango_layout_set_font_description(l.get(), desc.get());
  pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
  return l;
}

Point PrintText::measure(const std::string& text, const TextStyle& style) const {
  PangoLayoutPtr l = layout(text, style);
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

PageRect PrintText::draw(const std::string& text, const TextStyle& style, double x, double y, double ax,
                         double ay) const {
  PangoLayoutPtr l = layout(text, style);
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  const double tw = static_cast<double>(w) / PANGO_SCALE, th = static_cast<double>(h) / PANGO_SCALE;
  const double left = x - ax * tw, top = y - ay * th;
  cairo_save(cr_);
  cairo_move_to(cr_, left, top);
  if (style.halo) {
    pango_cairo_layout_path(cr_, l.get());
    cairo_set_source_rgba(cr_, 1, 1, 1, 0.9);
    cairo_set_line_width(cr_, style.size_pt * 0.25);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr_);
    cairo_move_to(cr_, left, top);
  }
  cairo_set_source_rgb(cr_, style.r, style.g, style.b);
  pango_cairo_show_layout(cr_, l.get());
  cairo_restore(cr_);
  return {left, top, tw, th};
}

}  // namespace giatlas
