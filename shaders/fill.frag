#version 330 core
// A fill's own alpha is a light wash; patterns 1..4 add hatch lines of constant screen spacing
// (45°, 135°, horizontal, vertical), anchored to the map, at u_hatch_alpha, so overlapping zones
// cross-hatch instead of mixing.
in vec4 v_colour;
flat in float v_pattern;
in vec2 v_px;
uniform float u_opacity;
uniform float u_hatch_alpha;    // 0 = no hatching
uniform float u_hatch_spacing;  // pixels between lines
uniform float u_hatch_width;    // line width, pixels
out vec4 o_colour;
void main() {
  float a = v_colour.a;
  int p = int(v_pattern + 0.5);
  if (p > 0 && u_hatch_alpha > 0.0) {
    vec2 f = v_px;
    float t = p == 1 ? (f.x + f.y) * 0.70710678 : p == 2 ? (f.x - f.y) * 0.70710678 : p == 3 ? f.y : f.x;
    float d = abs(fract(t / u_hatch_spacing + 0.5) - 0.5) * u_hatch_spacing;  // to the nearest line
    float cover = clamp(u_hatch_width * 0.5 + 0.5 - d, 0.0, 1.0);
    a = mix(a, max(a, u_hatch_alpha), cover);
  }
  o_colour = vec4(v_colour.rgb, a * u_opacity);
}
