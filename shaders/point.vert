#version 330 core
// Point symbols as instanced sprites: a unit quad per instance, sized in pixels.
layout(location = 0) in vec2 a_corner;  // -1 .. 1
layout(location = 1) in vec2 a_pos;     // map metres
layout(location = 2) in vec4 a_colour;
uniform vec2 u_center;
uniform float u_m_per_px;
uniform vec2 u_viewport_px;
uniform float u_size_px;  // symbol diameter
out vec2 v_local;         // -1 .. 1 inside the sprite, with room for the outline
out vec4 v_colour;
void main() {
  float r = u_size_px * 0.5 + 1.5;
  vec2 p = (a_pos - u_center) / u_m_per_px + a_corner * r;
  v_local = a_corner * r;
  v_colour = a_colour;
  gl_Position = vec4(p * 2.0 / u_viewport_px, 0.0, 1.0);
}
