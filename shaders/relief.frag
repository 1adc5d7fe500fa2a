#version 330 core
// Hillshade, optionally multiplied by the hypsometric tint of the altitude. Both textures are
// premultiplied by the valid-cell mask (voids are 0), so filtering never blends a void in as 0 m.
in vec2 v_uv;
uniform sampler2D u_shade;     // r: shade × mask, g: mask
uniform sampler2D u_altitude;  // r: metres × mask
uniform sampler2D u_ramp;      // the tint from 0 to u_ramp_max metres
uniform float u_ramp_max;
uniform int u_tint;
uniform float u_opacity;
out vec4 o_colour;
void main() {
  vec2 sm = texture(u_shade, v_uv).rg;
  if (sm.g < 0.02) discard;
  float shade = sm.r / sm.g;
  vec3 c = vec3(shade);
  if (u_tint == 1) {
    float alt = texture(u_altitude, v_uv).r / sm.g;
    c *= texture(u_ramp, vec2(clamp(alt / u_ramp_max, 0.0, 1.0), 0.5)).rgb;
  }
  o_colour = vec4(c, clamp(sm.g * 1.5, 0.0, 1.0) * u_opacity);
}
