#version 330 core
// Polygon fills: triangles in map metres, one colour and one fill pattern per vertex (per feature).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_colour;
layout(location = 2) in float a_pattern;  // 0 plain; 1..4 hatching (see fill.frag)
uniform vec2 u_center;   // map metres at the viewport centre
uniform vec2 u_to_ndc;   // 2 / (viewport size in metres)
uniform float u_m_per_px;
out vec4 v_colour;
flat out float v_pattern;
out vec2 v_px;  // map position in pixels: hatching moves with the map when panning
void main() {
  v_colour = a_colour;
  v_pattern = a_pattern;
  v_px = a_pos / u_m_per_px;
  gl_Position = vec4((a_pos - u_center) * u_to_ndc, 0.0, 1.0);
}
