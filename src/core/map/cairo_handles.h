// RAII over the cairo and pango handles the printed map uses: surfaces, drawing contexts, paths,
// pango contexts and layouts (GObjects) and font descriptions.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace giatlas {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const {
    if (s) cairo_surface_destroy(s);
  }
};
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;

struct CairoContextDeleter {
  void operator()(cairo_t* c) const {
    if (c) cairo_destroy(c);
  }
};
using CairoContext = std::unique_ptr<cairo_t, CairoContextDeleter>;

// A path copied out of a context (cairo_copy_path), to be appended again after operations that
// consume the current path.
struct CairoPathDeleter {
  void operator()(cairo_path_t* p) const {
    if (p) cairo_path_destroy(p);
  }
};
using CairoPath = std::unique_ptr<cairo_path_t, CairoPathDeleter>;

// PangoContext and PangoLayout are GObjects: released with g_object_unref.
struct GObjectUnref {
  void operator()(void* o) const {
    if (o) g_object_unref(o);
  }
};
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

struct PangoFontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const {
    if (d) pango_font_description_free(d);
  }
};
using PangoFontDesc = std::unique_ptr<PangoFontDescription, PangoFontDescriptionDeleter>;

}  // namespace giatlas
