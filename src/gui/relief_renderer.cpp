// Relief textures and their draw call (see relief_renderer.h and shaders/relief.*).
#include "relief_renderer.h"

#include <cmath>

namespace giatlas::gui {
namespace {

constexpr int kRampSize = 256;
constexpr double kRampMaxM = 2500.0;  // above Wulong's highest peaks (about 2,030 m)

void texture_params(bool mipmaps) {
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, mipmaps ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

}  // namespace

ReliefRenderer::ReliefRenderer() : program_(load_program("relief")) {
  auto loc = [&](const char* n) { return glGetUniformLocation(program_.get(), n); };
  u_area_ = loc("u_area");
  u_center_ = loc("u_center");
  u_to_ndc_ = loc("u_to_ndc");
  u_shade_ = loc("u_shade");
  u_altitude_ = loc("u_altitude");
  u_ramp_ = loc("u_ramp");
  u_ramp_max_ = loc("u_ramp_max");
  u_tint_ = loc("u_tint");
  u_opacity_ = loc("u_opacity");
  vao_ = make_vertex_array();
  corners_ = make_buffer();
  const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
  glBindVertexArray(vao_.get());
  glBindBuffer(GL_ARRAY_BUFFER, corners_.get());
  glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
  ramp_ = make_texture();
  const std::vector<std::uint8_t> ramp = hypsometric_ramp(kRampSize, kRampMaxM);
  glBindTexture(GL_TEXTURE_2D, ramp_.get());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kRampSize, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, ramp.data());
  texture_params(false);
  glBindTexture(GL_TEXTURE_2D, 0);
}

void ReliefRenderer::clear() {
  levels_.clear();
  picking_.clear();
  bytes_ = 0;
}

void ReliefRenderer::set_levels(const std::vector<ReliefLevel>& levels, const LocalProjection& proj) {
  clear();
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  for (const ReliefLevel& in : levels) {
    const int w = in.shade.width, h = in.shade.height;
    if (w <= 0 || h <= 0) continue;
    // Shade and altitude premultiplied by the valid-cell mask (see relief.frag).
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    std::vector<std::uint8_t> shade(n * 2);
    std::vector<float> altitude(n);
    for (std::size_t i = 0; i < n; ++i) {
      const bool valid = in.shade.rgba[i * 4 + 3] > 0 && !std::isnan(in.altitude[i]);
      shade[i * 2] = valid ? in.shade.rgba[i * 4] : 0;
      shade[i * 2 + 1] = valid ? 255 : 0;
      altitude[i] = valid ? in.altitude[i] : 0.0f;
    }
    Level out;
    out.area = proj.to_map_box(in.shade.area);
    out.shade = make_texture();
    glBindTexture(GL_TEXTURE_2D, out.shade.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG8, w, h, 0, GL_RG, GL_UNSIGNED_BYTE, shade.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    texture_params(true);
    out.altitude = make_texture();
    glBindTexture(GL_TEXTURE_2D, out.altitude.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, altitude.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    texture_params(true);
    bytes_ += n * 6 * 4 / 3;  // with mipmaps
    levels_.push_back(std::move(out));
    ReliefLevel size_only;
    size_only.step = in.step;
    size_only.cell_m = in.cell_m;
    picking_.push_back(std::move(size_only));
  }
  glBindTexture(GL_TEXTURE_2D, 0);
}

int ReliefRenderer::level_for(double m_per_px) const {
  if (picking_.empty()) return -1;
  return static_cast<int>(pick_relief_level(picking_, m_per_px));
}

void ReliefRenderer::draw(const Viewport& view, bool tint, float opacity) const {
  const int li = level_for(view.m_per_px);
  if (li < 0 || opacity <= 0) return;
  const Level& level = levels_[static_cast<std::size_t>(li)];
  if (!level.area.intersects(view.visible())) return;
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_.get());
  glUniform4f(u_area_, static_cast<float>(level.area.minx), static_cast<float>(level.area.miny),
              static_cast<float>(level.area.maxx), static_cast<float>(level.area.maxy));
  glUniform2f(u_center_, static_cast<float>(view.center.x), static_cast<float>(view.center.y));
  glUniform2f(u_to_ndc_, static_cast<float>(2.0 / (view.width * view.m_per_px)),
              static_cast<float>(2.0 / (view.height * view.m_per_px)));
  glUniform1f(u_ramp_max_, static_cast<float>(kRampMaxM));
  glUniform1i(u_tint_, tint ? 1 : 0);
  glUniform1f(u_opacity_, opacity);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, level.shade.get());
  glUniform1i(u_shade_, 0);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, level.altitude.get());
  glUniform1i(u_altitude_, 1);
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, ramp_.get());
  glUniform1i(u_ramp_, 2);
  glBindVertexArray(vao_.get());
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindVertexArray(0);
  for (GLenum unit : {GL_TEXTURE2, GL_TEXTURE1, GL_TEXTURE0}) {
    glActiveTexture(unit);
    glBindTexture(GL_TEXTURE_2D, 0);
  }
  glUseProgram(0);
}

}  // namespace giatlas::gui
