// The relief base layer on the GPU: each level of detail of a DEM's hillshade (and its
// altitudes, for the hypsometric tint) uploaded once as textures with mipmaps, drawn as one
// textured quad in map metres under the vector layers (shaders/relief.*).
#pragma once
#include <vector>

#include "gl.h"
#include "map/viewport.h"
#include "terrain/relief_levels.h"

namespace giatlas::gui {

class ReliefRenderer {
 public:
  // REQUIRES: a current OpenGL 3.3 core context. Throws Error when the shader fails.
  ReliefRenderer();

  // Uploads `levels` (replacing what was there), placed with `proj`. Main thread, once per DEM.
  void set_levels(const std::vector<ReliefLevel>& levels, const LocalProjection& proj);
  void clear();
  bool empty() const { return levels_.empty(); }

  // Draws the level that suits the view (pick_relief_level), `tint` on or off, at `opacity`.
  void draw(const Viewport& view, bool tint, float opacity) const;

  // The level drawn for `m_per_px` (for tests and the benchmark); -1 when empty.
  int level_for(double m_per_px) const;
  std::size_t level_count() const { return levels_.size(); }
  std::size_t texture_bytes() const { return bytes_; }

 private:
  struct Level {
    GlTexture shade, altitude;
    Box area;  // map metres
  };
  GlProgram program_;
  GlVertexArray vao_;
  GlBuffer corners_;
  GlTexture ramp_;
  std::vector<Level> levels_;
  std::vector<ReliefLevel> picking_;  // the levels' sizes only (no pixels), for pick_relief_level
  GLint u_area_ = -1, u_center_ = -1, u_to_ndc_ = -1, u_shade_ = -1, u_altitude_ = -1, u_ramp_ = -1,
        u_ramp_max_ = -1, u_tint_ = -1, u_opacity_ = -1;
  std::size_t bytes_ = 0;
};

}  // namespace giatlas::gui
