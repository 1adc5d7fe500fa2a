#version 330 core
// Outlines of constant screen width: each instance is one segment (x0, y0, x1, y1 in map
// metres); the four corners of a unit quad are pushed out to the line's half width in pixels,
// with square caps so that joins between segments have no gaps.
layout(location = 0) in vec2 a_corner;  // x: 0 = start, 1 = end; y: -1 / +1 = side
layout(location = 1) in vec4 a_seg;
layout(location = 2) in vec4 a_colour;  // per segment (its feature's outline), when u_per_feature
uniform vec2 u_center;
uniform float u_m_per_px;
uniform vec2 u_viewport_px;
uniform float u_half_width;  // pixels, without the antialiasing fringe
out float v_across;          // signed distance from the centre line, pixels
out vec4 v_colour;
void main() {
  vec2 p0 = (a_seg.xy - u_center) / u_m_per_px;
  vec2 p1 = (a_seg.zw - u_center) / u_m_per_px;
  vec2 d = p1 - p0;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float w = u_half_width + 1.0;  // one extra pixel for the smooth edge
  vec2 p = mix(p0, p1, a_corner.x) + dir * (a_corner.x * 2.0 - 1.0) * w * 0.5 + nrm * a_corner.y * w;
  v_across = a_corner.y * w;
  v_colour = a_colour;
  gl_Position = vec4(p * 2.0 / u_viewport_px, 0.0, 1.0);
}
