// RAII over GLFW: the library session (glfwInit / glfwTerminate) and a window.
#pragma once
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <memory>

namespace giatlas::gui {

// Initialises GLFW for its lifetime. Throws giatlas::Error when there is no display.
class GlfwSession {
 public:
  GlfwSession();
  ~GlfwSession();
  GlfwSession(const GlfwSession&) = delete;
  GlfwSession& operator=(const GlfwSession&) = delete;
};

struct GlfwWindowDeleter {
  void operator()(GLFWwindow* w) const {
    if (w) glfwDestroyWindow(w);
  }
};
using GlfwWindow = std::unique_ptr<GLFWwindow, GlfwWindowDeleter>;

// An OpenGL 3.3 core window (hidden when `visible` is false, for screenshots and benchmarks).
GlfwWindow make_gl_window(int width, int height, const char* title, bool visible);

}  // namespace giatlas::gui
