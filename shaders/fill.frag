#version 330 core
in vec4 v_colour;
uniform float u_opacity;
out vec4 o_colour;
void main() {
  o_colour = vec4(v_colour.rgb, v_colour.a * u_opacity);
}
