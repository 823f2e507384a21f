// The mouse wheel for ImGui in the browser. Emscripten 3.1.6's GLFW 3 hands the DOM wheel event's
// deltaY to the scroll callback unchanged: pixels (≈100 per notch in Chromium), and with the browser's
// sign (positive = down) where GLFW and ImGui mean up. Unfixed, one notch down scrolls ~100 notches up.
#pragma once

struct GLFWwindow;

namespace onb::portal::web {

// Replaces the scroll callback the ImGui GLFW backend installed (call after its init).
void install_wheel(GLFWwindow* window);

// DOM wheel deltas -> ImGui notches, positive up. Values of 10 and more are pixels (deltaMode 0, 100 per
// notch); smaller ones are lines (deltaMode 1, Firefox: 3 per notch).
double wheel_notches(double dom_delta);

}  // namespace onb::portal::web
