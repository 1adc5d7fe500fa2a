#version 330 core
in float v_across;
uniform vec4 u_colour;
uniform float u_half_width;
out vec4 o_colour;
void main() {
  float a = clamp(u_half_width + 0.5 - abs(v_across), 0.0, 1.0);
  o_colour = vec4(u_colour.rgb, u_colour.a * a);
}
