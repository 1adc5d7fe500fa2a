// OpenGL 3.3 core declarations and one RAII type per GL object kind (buffer, vertex array,
// shader program, texture). No loader is needed: Mesa/GLVND export the core entry points.
#pragma once
#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>

#include <string>
#include <utility>

namespace giatlas::gui {

// Owns one GL name; deletes it with `Del` when destroyed. Movable, not copyable.
template <void (*Del)(GLuint)>
class GlName {
 public:
  GlName() = default;
  explicit GlName(GLuint id) : id_(id) {}
  GlName(GlName&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  GlName& operator=(GlName&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
    }
    return *this;
  }
  GlName(const GlName&) = delete;
  GlName& operator=(const GlName&) = delete;
  ~GlName() { reset(); }
  GLuint get() const { return id_; }
  void reset() {
    if (id_) Del(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

inline void gl_delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
inline void gl_delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
inline void gl_delete_program(GLuint id) { glDeleteProgram(id); }
inline void gl_delete_shader(GLuint id) { glDeleteShader(id); }
inline void gl_delete_texture(GLuint id) { glDeleteTextures(1, &id); }

using GlBuffer = GlName<gl_delete_buffer>;
using GlVertexArray = GlName<gl_delete_vertex_array>;
using GlProgram = GlName<gl_delete_program>;
using GlShader = GlName<gl_delete_shader>;
using GlTexture = GlName<gl_delete_texture>;

inline GlBuffer make_buffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return GlBuffer(id);
}
inline GlTexture make_texture() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return GlTexture(id);
}
inline GlVertexArray make_vertex_array() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return GlVertexArray(id);
}

// Compiles and links `<dir>/<name>.vert` + `<dir>/<name>.frag` from the shader directory
// (see shader_dir()). Throws giatlas::Error naming the file and the driver's log.
GlProgram load_program(const std::string& name);

// Where the shaders are: $GIATLAS_SHADERS, else "shaders" next to the executable, else the
// source tree's shaders/ (GIATLAS_SHADER_DIR, set by CMake). The first that holds fill.vert wins.
std::string shader_dir();

}  // namespace giatlas::gui
