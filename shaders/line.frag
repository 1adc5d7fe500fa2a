#version 330 core
in float v_across;
in vec4 v_colour;
uniform vec4 u_colour;      // the layer's outline; with u_per_feature only its alpha is used
uniform int u_per_feature;  // 1: the segment's own colour (zones: the GI's)
uniform float u_half_width;
out vec4 o_colour;
void main() {
  float a = clamp(u_half_width + 0.5 - abs(v_across), 0.0, 1.0);
  vec4 c = u_per_feature == 1 ? vec4(v_colour.rgb, v_colour.a * u_colour.a) : u_colour;
  o_colour = vec4(c.rgb, c.a * a);
}
