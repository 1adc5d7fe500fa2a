// Draws a MapScene with the project's shaders: GPU buffers are built once per scene (colours
// again only when styles or check results change); a frame is a handful of draw calls.
#pragma once
#include <string>
#include <vector>

#include "gl.h"
#include "map/contour_mesh.h"
#include "map/scene.h"
#include "map/style.h"
#include "ui_state.h"

namespace giatlas::gui {

class MapRenderer {
 public:
  // REQUIRES: a current OpenGL 3.3 core context. Throws Error when a shader fails.
  MapRenderer();

  // Uploads every layer (all levels of detail) and its colours.
  void set_scene(const MapScene& scene, const MapStyles& styles);
  // Rewrites only the colour buffers (a style or the check results changed).
  void update_colours(const MapScene& scene, const MapStyles& styles);
  // Rebuilds the small highlight buffers of the selection.
  void set_selection(const MapScene& scene, const Selection& selection);
  // Replaces the contour lines (an empty mesh removes them). Called when a new set arrives
  // from the background, never per frame.
  void set_contours(const ContourMesh& mesh);
  // A preview outline drawn over everything (the zone tools' band zone); empty = none.
  void set_overlay(const std::vector<float>& segments);

  // Draws in `styles.order` into the current framebuffer of `view.width` × `view.height`.
  // `line_scale` multiplies line widths and symbol sizes (HiDPI content scale). Contours, when
  // `contours` is set, are drawn just above the townships' wash and under everything else.
  void draw(const MapScene& scene, const MapStyles& styles, const Viewport& view, float line_scale,
            bool contours = true) const;
  // (The scene parameter keeps the call symmetric with set_scene; buffers already hold it.)

  // Bytes held in GPU buffers.
  std::size_t buffer_bytes() const { return bytes_; }

 private:
  // A run of consecutive features with its box: the unit of view culling, so that a zoomed-in
  // view sends only nearby geometry through the pipeline.
  struct Chunk {
    GLint tri_first = 0, seg_first = 0;
    GLsizei tri_count = 0, seg_count = 0;
    Box box;
  };
  struct PolyLod {
    GlVertexArray fill_vao, line_vao;
    GlBuffer pos, colour, pattern, seg, seg_colour;
    GLsizei vertices = 0, segments = 0;
    std::vector<Chunk> chunks;
  };
  struct PolyGpu {
    std::string name;
    std::vector<double> tolerances;
    std::vector<PolyLod> lods;
  };
  struct PointGpu {
    std::string name;
    GlVertexArray vao;
    GlBuffer pos, colour;
    GLsizei count = 0;
  };
  struct Uniforms {
    GLint center = -1, to_ndc = -1, m_per_px = -1, viewport_px = -1, half_width = -1, colour = -1, opacity = -1,
          size_px = -1, symbol = -1, outline = -1, per_feature = -1, hatch_alpha = -1, hatch_spacing = -1,
          hatch_width = -1;
  };
  // A set of line segments with its own VAO (contours, the preview overlay).
  struct LineSet {
    GlVertexArray vao;
    GlBuffer seg;
    GLsizei count = 0;
  };
  void upload_line_set(LineSet& set, const std::vector<float>& segments);

  // Sets the line program's uniforms; then draw_segments() draws ranges of a segment buffer.
  bool begin_lines(const Rgba& colour, float alpha, float width_px, const Viewport& view) const;
  // `colour_buffer` (0 = none): per-segment colours, repointed like the segments.
  void draw_segments(GLuint vao, GLuint seg_buffer, GLint first, GLsizei count, GLuint colour_buffer = 0) const;
  void draw_contours(const Viewport& view, float line_scale) const;
  void draw_points(const PointGpu& p, const LayerStyle& style, float size_px, const Viewport& view,
                   const Rgba* override_colour) const;
  void make_point_gpu(PointGpu& gpu, const std::vector<float>& xy, const std::vector<Rgba>& colours);

  GlProgram fill_, line_, point_;
  Uniforms uf_, ul_, up_;
  GlBuffer line_corners_, point_corners_;
  std::vector<PolyGpu> polys_;
  std::vector<PointGpu> points_;
  GlVertexArray sel_line_vao_;
  GlBuffer sel_seg_;
  GLsizei sel_segments_ = 0;
  LineSet contours_, index_contours_, overlay_;
  PointGpu sel_points_;
  std::string sel_layer_;
  std::size_t bytes_ = 0;
};

}  // namespace giatlas::gui
