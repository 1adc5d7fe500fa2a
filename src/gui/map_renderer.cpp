// GPU buffers and draw calls for the map (see map_renderer.h and shaders/).
#include "map_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "map/feature_colour.h"

namespace giatlas::gui {
namespace {

template <typename T>
std::size_t upload(GLuint buffer, const std::vector<T>& data, GLenum usage = GL_STATIC_DRAW) {
  glBindBuffer(GL_ARRAY_BUFFER, buffer);
  const std::size_t bytes = data.size() * sizeof(T);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data.empty() ? nullptr : data.data(), usage);
  return bytes;
}

// One value per vertex (or segment) from one per feature.
template <typename T>
std::vector<T> per_vertex(const std::vector<T>& per_feature, const std::vector<FeatureRange>& ranges,
                          std::size_t vertices) {
  std::vector<T> out(vertices);
  for (std::size_t f = 0; f < ranges.size() && f < per_feature.size(); ++f)
    for (std::uint32_t k = 0; k < ranges[f].count; ++k) out[ranges[f].first + k] = per_feature[f];
  return out;
}

void set_rgba(GLint loc, const Rgba& c, float alpha) {
  glUniform4f(loc, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f * alpha);
}

}  // namespace

MapRenderer::MapRenderer()
    : fill_(load_program("fill")), line_(load_program("line")), point_(load_program("point")) {
  auto loc = [](const GlProgram& p, const char* n) { return glGetUniformLocation(p.get(), n); };
  uf_.center = loc(fill_, "u_center");
  uf_.to_ndc = loc(fill_, "u_to_ndc");
  uf_.opacity = loc(fill_, "u_opacity");
  uf_.hatch_alpha = loc(fill_, "u_hatch_alpha");
  uf_.m_per_px = loc(fill_, "u_m_per_px");
  uf_.hatch_spacing = loc(fill_, "u_hatch_spacing");
  uf_.hatch_width = loc(fill_, "u_hatch_width");
  ul_.per_feature = loc(line_, "u_per_feature");
  ul_.center = loc(line_, "u_center");
  ul_.m_per_px = loc(line_, "u_m_per_px");
  ul_.viewport_px = loc(line_, "u_viewport_px");
  ul_.half_width = loc(line_, "u_half_width");
  ul_.colour = loc(line_, "u_colour");
  up_.center = loc(point_, "u_center");
  up_.m_per_px = loc(point_, "u_m_per_px");
  up_.viewport_px = loc(point_, "u_viewport_px");
  up_.size_px = loc(point_, "u_size_px");
  up_.symbol = loc(point_, "u_symbol");
  up_.outline = loc(point_, "u_outline");
  up_.opacity = loc(point_, "u_opacity");
  line_corners_ = make_buffer();
  upload(line_corners_.get(), std::vector<float>{0, -1, 0, 1, 1, -1, 1, 1});
  point_corners_ = make_buffer();
  upload(point_corners_.get(), std::vector<float>{-1, -1, 1, -1, -1, 1, 1, 1});
  sel_line_vao_ = make_vertex_array();
  sel_seg_ = make_buffer();
  for (LineSet* set : {&contours_, &index_contours_, &overlay_}) upload_line_set(*set, {});
}

// A VAO drawing one instanced quad per segment of `seg`, coloured per segment from `colours`
// when it is not 0.
static void bind_line_vao(GLuint vao, GLuint corners, GLuint seg, GLuint colours = 0) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, corners);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, seg);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
  glVertexAttribDivisor(1, 1);
  if (colours) {
    glBindBuffer(GL_ARRAY_BUFFER, colours);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
    glVertexAttribDivisor(2, 1);
  }
  glBindVertexArray(0);
}

void MapRenderer::upload_line_set(LineSet& set, const std::vector<float>& segments) {
  if (!set.vao.get()) {
    set.vao = make_vertex_array();
    set.seg = make_buffer();
    bind_line_vao(set.vao.get(), line_corners_.get(), set.seg.get());
  }
  upload(set.seg.get(), segments, GL_DYNAMIC_DRAW);
  set.count = static_cast<GLsizei>(segments.size() / 4);
}

void MapRenderer::set_contours(const ContourMesh& mesh) {
  upload_line_set(contours_, mesh.segments);
  upload_line_set(index_contours_, mesh.index_segments);
}

void MapRenderer::set_overlay(const std::vector<float>& segments) { upload_line_set(overlay_, segments); }

void MapRenderer::make_point_gpu(PointGpu& gpu, const std::vector<float>& xy, const std::vector<Rgba>& colours) {
  if (!gpu.vao.get()) {
    gpu.vao = make_vertex_array();
    gpu.pos = make_buffer();
    gpu.colour = make_buffer();
  }
  gpu.count = static_cast<GLsizei>(xy.size() / 2);
  bytes_ += upload(gpu.pos.get(), xy);
  bytes_ += upload(gpu.colour.get(), colours, GL_DYNAMIC_DRAW);
  glBindVertexArray(gpu.vao.get());
  glBindBuffer(GL_ARRAY_BUFFER, point_corners_.get());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, gpu.pos.get());
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glVertexAttribDivisor(1, 1);
  glBindBuffer(GL_ARRAY_BUFFER, gpu.colour.get());
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
  glVertexAttribDivisor(2, 1);
  glBindVertexArray(0);
}

void MapRenderer::set_scene(const MapScene& scene, const MapStyles& styles) {
  polys_.clear();
  points_.clear();
  bytes_ = 0;
  for (const PolygonLayer& layer : scene.polygons) {
    PolyGpu g;
    g.name = layer.name;
    for (const LodMesh& m : layer.lods) {
      PolyLod lod;
      lod.fill_vao = make_vertex_array();
      lod.line_vao = make_vertex_array();
      lod.pos = make_buffer();
      lod.colour = make_buffer();
      lod.pattern = make_buffer();
      lod.seg = make_buffer();
      lod.seg_colour = make_buffer();
      lod.vertices = static_cast<GLsizei>(m.triangles.size() / 2);
      lod.segments = static_cast<GLsizei>(m.segments.size() / 4);
      bytes_ += upload(lod.pos.get(), m.triangles);
      bytes_ += upload(lod.seg.get(), m.segments);
      glBindVertexArray(lod.fill_vao.get());
      glBindBuffer(GL_ARRAY_BUFFER, lod.pos.get());
      glEnableVertexAttribArray(0);
      glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
      glBindBuffer(GL_ARRAY_BUFFER, lod.colour.get());
      glEnableVertexAttribArray(1);
      glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
      glBindBuffer(GL_ARRAY_BUFFER, lod.pattern.get());
      glEnableVertexAttribArray(2);
      glVertexAttribPointer(2, 1, GL_UNSIGNED_BYTE, GL_FALSE, 0, nullptr);
      glBindVertexArray(0);
      bind_line_vao(lod.line_vao.get(), line_corners_.get(), lod.seg.get(), lod.seg_colour.get());
      constexpr std::uint32_t kChunkVertices = 16384;
      Chunk c;
      for (std::size_t f = 0; f < m.tri_ranges.size(); ++f) {
        if (c.tri_count == 0 && c.seg_count == 0) {
          c.tri_first = static_cast<GLint>(m.tri_ranges[f].first);
          c.seg_first = static_cast<GLint>(m.seg_ranges[f].first);
        }
        c.tri_count += static_cast<GLsizei>(m.tri_ranges[f].count);
        c.seg_count += static_cast<GLsizei>(m.seg_ranges[f].count);
        if (f < layer.boxes.size()) c.box.expand(layer.boxes[f]);
        if (static_cast<std::uint32_t>(c.tri_count + c.seg_count) >= kChunkVertices || f + 1 == m.tri_ranges.size()) {
          lod.chunks.push_back(c);
          c = Chunk{};
        }
      }
      g.tolerances.push_back(m.tolerance);
      g.lods.push_back(std::move(lod));
    }
    polys_.push_back(std::move(g));
  }
  for (const PointLayer& layer : scene.points) {
    PointGpu g;
    g.name = layer.name;
    std::vector<float> xy;
    for (const auto& p : layer.pos)
      if (p) xy.push_back(static_cast<float>(p->x)), xy.push_back(static_cast<float>(p->y));
    make_point_gpu(g, xy, {});
    points_.push_back(std::move(g));
  }
  update_colours(scene, styles);
  bind_line_vao(sel_line_vao_.get(), line_corners_.get(), sel_seg_.get());
}

void MapRenderer::update_colours(const MapScene& scene, const MapStyles& styles) {
  for (std::size_t i = 0; i < polys_.size() && i < scene.polygons.size(); ++i) {
    const PolygonLayer& layer = scene.polygons[i];
    const std::vector<Rgba> fills = polygon_fills(styles, layer);
    const std::vector<Rgba> outlines = polygon_outlines(styles, layer);
    const std::vector<std::uint8_t> patterns = polygon_patterns(layer);
    for (std::size_t l = 0; l < polys_[i].lods.size(); ++l) {
      const PolyLod& lod = polys_[i].lods[l];
      const auto vertices = static_cast<std::size_t>(lod.vertices);
      upload(lod.colour.get(), per_vertex(fills, layer.lods[l].tri_ranges, vertices), GL_DYNAMIC_DRAW);
      upload(lod.pattern.get(), per_vertex(patterns, layer.lods[l].tri_ranges, vertices), GL_DYNAMIC_DRAW);
      upload(lod.seg_colour.get(),
             per_vertex(outlines, layer.lods[l].seg_ranges, static_cast<std::size_t>(lod.segments)), GL_DYNAMIC_DRAW);
    }
  }
  for (std::size_t i = 0; i < points_.size() && i < scene.points.size(); ++i) {
    const PointLayer& layer = scene.points[i];
    const std::vector<Rgba> all = point_colours(styles, layer);
    std::vector<Rgba> drawn;
    for (std::size_t k = 0; k < layer.size(); ++k)
      if (layer.pos[k]) drawn.push_back(all[k]);
    upload(points_[i].colour.get(), drawn, GL_DYNAMIC_DRAW);
  }
}

void MapRenderer::set_selection(const MapScene& scene, const Selection& sel) {
  std::vector<float> seg, xy;
  sel_layer_ = sel.layer;
  if (const PolygonLayer* p = scene.polygon_layer(sel.layer)) {
    const LodMesh& m = p->lods.front();
    for (std::size_t r : sel.rows) {
      if (r >= m.seg_ranges.size()) continue;
      const FeatureRange fr = m.seg_ranges[r];
      seg.insert(seg.end(), m.segments.begin() + fr.first * 4, m.segments.begin() + (fr.first + fr.count) * 4);
    }
  } else if (const PointLayer* q = scene.point_layer(sel.layer)) {
    for (std::size_t r : sel.rows)
      if (r < q->size() && q->pos[r]) xy.push_back(static_cast<float>(q->pos[r]->x)), xy.push_back(static_cast<float>(q->pos[r]->y));
  }
  upload(sel_seg_.get(), seg, GL_DYNAMIC_DRAW);
  sel_segments_ = static_cast<GLsizei>(seg.size() / 4);
  make_point_gpu(sel_points_, xy, std::vector<Rgba>(xy.size() / 2, Rgba{255, 230, 0, 255}));
}

bool MapRenderer::begin_lines(const Rgba& colour, float alpha, float width_px, const Viewport& view) const {
  if (alpha <= 0 || width_px <= 0) return false;
  glUseProgram(line_.get());
  glUniform2f(ul_.center, static_cast<float>(view.center.x), static_cast<float>(view.center.y));
  glUniform1f(ul_.m_per_px, static_cast<float>(view.m_per_px));
  glUniform2f(ul_.viewport_px, static_cast<float>(view.width), static_cast<float>(view.height));
  glUniform1f(ul_.half_width, width_px / 2);
  set_rgba(ul_.colour, colour, alpha);
  glUniform1i(ul_.per_feature, 0);
  return true;
}

void MapRenderer::draw_segments(GLuint vao, GLuint seg_buffer, GLint first, GLsizei count,
                                GLuint colour_buffer) const {
  if (count <= 0) return;
  glBindVertexArray(vao);
  // GL 3.3 has no base instance: point the per-instance attributes at the first segment instead.
  glBindBuffer(GL_ARRAY_BUFFER, seg_buffer);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0,
                        reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * 4 * sizeof(float)));
  if (colour_buffer) {
    glBindBuffer(GL_ARRAY_BUFFER, colour_buffer);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0,
                          reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * 4));
  }
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
}

void MapRenderer::draw_points(const PointGpu& p, const LayerStyle& style, float size_px, const Viewport& view,
                              const Rgba* override_colour) const {
  if (p.count == 0) return;
  glUseProgram(point_.get());
  glUniform2f(up_.center, static_cast<float>(view.center.x), static_cast<float>(view.center.y));
  glUniform1f(up_.m_per_px, static_cast<float>(view.m_per_px));
  glUniform2f(up_.viewport_px, static_cast<float>(view.width), static_cast<float>(view.height));
  glUniform1f(up_.size_px, size_px);
  glUniform1i(up_.symbol, static_cast<int>(style.symbol));
  set_rgba(up_.outline, override_colour ? *override_colour : style.outline, 1.0f);
  glUniform1f(up_.opacity, style.opacity);
  glBindVertexArray(p.vao.get());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, p.count);
}

void MapRenderer::draw_contours(const Viewport& view, float line_scale) const {
  const Rgba brown{150, 100, 55, 255};
  if (begin_lines(brown, 0.45f, 0.8f * line_scale, view)) draw_segments(contours_.vao.get(), contours_.seg.get(), 0, contours_.count);
  if (begin_lines(brown, 0.75f, 1.4f * line_scale, view))
    draw_segments(index_contours_.vao.get(), index_contours_.seg.get(), 0, index_contours_.count);
}

void MapRenderer::draw(const MapScene&, const MapStyles& styles, const Viewport& view, float line_scale,
                       bool contours) const {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  Box visible = view.visible();
  // Outlines reach a few pixels beyond their geometry.
  visible.expand(Point{visible.minx - 10 * view.m_per_px, visible.miny - 10 * view.m_per_px});
  visible.expand(Point{visible.maxx + 10 * view.m_per_px, visible.maxy + 10 * view.m_per_px});
  const bool has_towns = std::find(styles.order.begin(), styles.order.end(), "townships") != styles.order.end();
  if (contours && !has_towns) draw_contours(view, line_scale);
  for (const std::string& name : styles.order) {
    const LayerStyle style = layer_style(styles, name);
    if (contours && name == "townships" && !style.visible) draw_contours(view, line_scale);
    if (!style.visible) continue;
    for (const PolyGpu& g : polys_) {
      if (g.name != name || g.lods.empty()) continue;
      const PolyLod& lod = g.lods[static_cast<std::size_t>(pick_lod(g.tolerances, view.m_per_px))];
      // Merge the visible chunks into as few draw calls as possible.
      std::vector<const Chunk*> vis;
      for (const Chunk& c : lod.chunks)
        if (c.box.intersects(visible)) vis.push_back(&c);
      if (style.fill.a > 0 && lod.vertices > 0) {
        glUseProgram(fill_.get());
        glUniform2f(uf_.center, static_cast<float>(view.center.x), static_cast<float>(view.center.y));
        glUniform2f(uf_.to_ndc, static_cast<float>(2.0 / (view.width * view.m_per_px)),
                    static_cast<float>(2.0 / (view.height * view.m_per_px)));
        glUniform1f(uf_.opacity, style.opacity);
        glUniform1f(uf_.m_per_px, static_cast<float>(view.m_per_px));
        // Zones are hatched in their colour (each GI its own direction); other layers are plain.
        glUniform1f(uf_.hatch_alpha, name == "zones" ? 0.5f : 0.0f);
        glUniform1f(uf_.hatch_spacing, 10.0f * line_scale);
        glUniform1f(uf_.hatch_width, 1.2f * line_scale);
        glBindVertexArray(lod.fill_vao.get());
        for (std::size_t i = 0; i < vis.size();) {
          std::size_t j = i;
          while (j + 1 < vis.size() && vis[j + 1] == vis[j] + 1) ++j;
          glDrawArrays(GL_TRIANGLES, vis[i]->tri_first, vis[j]->tri_first + vis[j]->tri_count - vis[i]->tri_first);
          i = j + 1;
        }
      }
      // Zone edges stay crisp even when the fill is faint; each takes its feature's colour.
      const float line_alpha = name == "zones" ? std::max(style.opacity, 0.85f) : style.opacity;
      if (begin_lines(style.outline, line_alpha, style.outline_width_px * line_scale, view)) {
        glUniform1i(ul_.per_feature, 1);
        for (std::size_t i = 0; i < vis.size();) {
          std::size_t j = i;
          while (j + 1 < vis.size() && vis[j + 1] == vis[j] + 1) ++j;
          draw_segments(lod.line_vao.get(), lod.seg.get(), vis[i]->seg_first,
                        vis[j]->seg_first + vis[j]->seg_count - vis[i]->seg_first, lod.seg_colour.get());
          i = j + 1;
        }
      }
    }
    if (contours && name == "townships") draw_contours(view, line_scale);
    for (const PointGpu& p : points_)
      if (p.name == name) draw_points(p, style, style.point_size_px * line_scale, view, nullptr);
  }
  // The zone tools' preview, then the selection on top: a bright outline for polygons, a larger
  // yellow symbol for points.
  if (overlay_.count > 0) {
    if (begin_lines(Rgba{255, 255, 255, 255}, 0.9f, 5.0f * line_scale, view))
      draw_segments(overlay_.vao.get(), overlay_.seg.get(), 0, overlay_.count);
    if (begin_lines(Rgba{200, 0, 160, 255}, 1.0f, 2.5f * line_scale, view))
      draw_segments(overlay_.vao.get(), overlay_.seg.get(), 0, overlay_.count);
  }
  if (sel_segments_ > 0 && begin_lines(Rgba{0, 220, 255, 255}, 1.0f, 3.0f * line_scale, view))
    draw_segments(sel_line_vao_.get(), sel_seg_.get(), 0, sel_segments_);
  if (sel_points_.count > 0) {
    LayerStyle hl = layer_style(styles, sel_layer_);
    const Rgba dark{20, 20, 20, 255};
    draw_points(sel_points_, hl, (hl.point_size_px + 5) * line_scale, view, &dark);
  }
  glBindVertexArray(0);
  glUseProgram(0);
}

}  // namespace giatlas::gui
