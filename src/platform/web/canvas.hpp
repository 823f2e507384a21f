// The canvas and HiDPI: the canvas's backing store follows its CSS size × devicePixelRatio, and ImGui
// works in CSS pixels while rendering at device pixels. GLFW's own sizing is not used: in Emscripten
// 3.1.6 glfwSetWindowSize may go fullscreen and knows nothing of devicePixelRatio.
#pragma once

#include "src/app/state.hpp"

namespace onb::portal::web {

struct CanvasSize {
  Viewport css;           // CSS pixels and the pixel ratio
  int framebuffer_w = 0;  // device pixels
  int framebuffer_h = 0;
};

// Resizes the canvas's backing store when its CSS size or the pixel ratio changed. Once per frame,
// before ImGui::NewFrame.
CanvasSize sync_canvas();

// After the backend's NewFrame: display size in CSS pixels, framebuffer scale, mouse in CSS pixels.
void apply_to_imgui(const CanvasSize& size);

// Marks the frame in the page (performance marks "onb-first-frame", "onb-ready") and removes the
// loading note; `ready` = startup finished (font and storage settled).
void mark_frame(bool ready);

}  // namespace onb::portal::web
