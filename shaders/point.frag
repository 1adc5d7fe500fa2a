#version 330 core
// Symbol shapes by signed distance (pixels): circle, square, triangle, diamond, with a dark
// 1-pixel outline and a smooth edge.
in vec2 v_local;
in vec4 v_colour;
uniform int u_symbol;     // 0 circle, 1 square, 2 triangle, 3 diamond
uniform float u_size_px;
uniform vec4 u_outline;
uniform float u_opacity;
out vec4 o_colour;
float sd_shape(vec2 p, float r) {
  if (u_symbol == 1) { vec2 q = abs(p) - vec2(r * 0.85); return max(q.x, q.y); }
  if (u_symbol == 2) {
    // Apex-up equilateral triangle as the largest distance to its three edge lines
    // (v_local has y up); the inradius is half the circumradius, grown by 20% to match areas.
    float rr = r * 1.2;
    float d = max(-p.y, max(dot(p, vec2(0.866, 0.5)), dot(p, vec2(-0.866, 0.5))));
    return d - rr * 0.5;
  }
  if (u_symbol == 3) { vec2 q = abs(p); return (q.x + q.y - r) * 0.7071; }
  return length(p) - r;
}
void main() {
  float r = u_size_px * 0.5;
  float d = sd_shape(v_local, r);
  float inside = clamp(0.5 - d, 0.0, 1.0);
  if (inside <= 0.0) discard;
  float edge = clamp(d + 1.5, 0.0, 1.0);  // the outer 1 px band is the outline
  vec4 c = mix(v_colour, u_outline, edge);
  o_colour = vec4(c.rgb, c.a * inside * u_opacity);
}
