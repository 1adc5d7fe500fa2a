// Loading the project's GLSL shaders at run time (see gl.h).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "error.h"
#include "gl.h"

namespace giatlas::gui {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error("shader " + p.string() + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

GlShader compile(GLenum kind, const fs::path& path) {
  const std::string src = read_text(path);
  GlShader sh(glCreateShader(kind));
  const char* text = src.c_str();
  glShaderSource(sh.get(), 1, &text, nullptr);
  glCompileShader(sh.get());
  GLint ok = 0;
  glGetShaderiv(sh.get(), GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint len = 0;
    glGetShaderiv(sh.get(), GL_INFO_LOG_LENGTH, &len);
    std::vector<char> log(static_cast<std::size_t>(std::max(len, 1)));
    glGetShaderInfoLog(sh.get(), len, nullptr, log.data());
    throw Error("shader " + path.string() + ": " + log.data());
  }
  return sh;
}

}  // namespace

std::string shader_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("GIATLAS_SHADERS"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path() / "shaders");
#ifdef GIATLAS_SHADER_DIR
  candidates.emplace_back(GIATLAS_SHADER_DIR);
#endif
  for (const fs::path& c : candidates)
    if (fs::exists(c / "fill.vert", ec)) return c.string();
  throw Error("shaders: fill.vert not found (set GIATLAS_SHADERS to the shaders/ folder)");
}

GlProgram load_program(const std::string& name) {
  const fs::path dir = shader_dir();
  GlShader vs = compile(GL_VERTEX_SHADER, dir / (name + ".vert"));
  GlShader fs_ = compile(GL_FRAGMENT_SHADER, dir / (name + ".frag"));
  GlProgram prog(glCreateProgram());
  glAttachShader(prog.get(), vs.get());
  glAttachShader(prog.get(), fs_.get());
  glLinkProgram(prog.get());
  GLint ok = 0;
  glGetProgramiv(prog.get(), GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(prog.get(), sizeof log, nullptr, log);
    throw Error("shader program " + name + ": " + log);
  }
  return prog;
}

}  // namespace giatlas::gui
