#version 330 core
// Polygon fills: triangles in map metres, one colour per vertex (per feature).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_colour;
uniform vec2 u_center;   // map metres at the viewport centre
uniform vec2 u_to_ndc;   // 2 / (viewport size in metres)
out vec4 v_colour;
void main() {
  v_colour = a_colour;
  gl_Position = vec4((a_pos - u_center) * u_to_ndc, 0.0, 1.0);
}
