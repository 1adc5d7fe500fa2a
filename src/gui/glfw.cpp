// GLFW session and window creation (see glfw.h).
#include "glfw.h"

#include <string>

#include "error.h"

namespace giatlas::gui {
namespace {
// The last GLFW error, for the message of a failed init (GLFW reports through a callback).
std::string& last_glfw_error() {
  thread_local std::string message;
  return message;
}
void on_glfw_error(int code, const char* text) { last_glfw_error() = "GLFW error " + std::to_string(code) + ": " + text; }
}  // namespace

GlfwSession::GlfwSession() {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) throw Error("cannot open a window: " + last_glfw_error() + " (is DISPLAY set? use xvfb-run for headless runs)");
}

GlfwSession::~GlfwSession() { glfwTerminate(); }

GlfwWindow make_gl_window(int width, int height, const char* title, bool visible) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GlfwWindow w(glfwCreateWindow(width, height, title, nullptr, nullptr));
  if (!w) throw Error("cannot create an OpenGL 3.3 core window: " + last_glfw_error());
  glfwMakeContextCurrent(w.get());
  return w;
}

}  // namespace giatlas::gui
