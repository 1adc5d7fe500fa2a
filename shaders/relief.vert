#version 330 core
// The relief base layer: one textured quad covering a DEM level's area (map metres; the local
// projection is equirectangular, so a lon/lat grid is an axis-aligned rectangle).
layout(location = 0) in vec2 a_corner;  // 0 .. 1, y up
uniform vec4 u_area;     // minx, miny, maxx, maxy in map metres
uniform vec2 u_center;   // map metres at the viewport centre
uniform vec2 u_to_ndc;   // 2 / (viewport size in metres)
out vec2 v_uv;           // texture rows run from the north
void main() {
  vec2 p = mix(u_area.xy, u_area.zw, a_corner);
  v_uv = vec2(a_corner.x, 1.0 - a_corner.y);
  gl_Position = vec4((p - u_center) * u_to_ndc, 0.0, 1.0);
}
