#include "src/platform/web/wheel.hpp"

#include "imgui_impl_glfw.h"

#include <GLFW/glfw3.h>

#include <cmath>

namespace onb::portal::web {
namespace {

constexpr double pixels_per_notch = 100;  // Chromium's and Safari's deltaY for one notch
constexpr double lines_per_notch = 3;     // Firefox's deltaY in lines
constexpr double smallest_pixel_delta = 10;

void on_scroll(GLFWwindow* window, double dx, double dy) {
  ImGui_ImplGlfw_ScrollCallback(window, wheel_notches(dx), wheel_notches(dy));
}

}  // namespace

double wheel_notches(double dom_delta) {
  const double per_notch = std::fabs(dom_delta) >= smallest_pixel_delta ? pixels_per_notch : lines_per_notch;
  return -dom_delta / per_notch;
}

void install_wheel(GLFWwindow* window) { glfwSetScrollCallback(window, on_scroll); }

}  // namespace onb::portal::web
