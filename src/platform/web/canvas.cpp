#include "src/platform/web/canvas.hpp"

#include "imgui.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>

namespace onb::portal::web {

CanvasSize sync_canvas() {
  CanvasSize size;
  emscripten_get_element_css_size("#canvas", &size.css.width, &size.css.height);
  size.css.pixel_ratio = emscripten_get_device_pixel_ratio();
  size.framebuffer_w = static_cast<int>(std::lround(size.css.width * size.css.pixel_ratio));
  size.framebuffer_h = static_cast<int>(std::lround(size.css.height * size.css.pixel_ratio));
  int w = 0, h = 0;
  emscripten_get_canvas_element_size("#canvas", &w, &h);
  if (w != size.framebuffer_w || h != size.framebuffer_h)
    emscripten_set_canvas_element_size("#canvas", size.framebuffer_w, size.framebuffer_h);
  return size;
}

void apply_to_imgui(const CanvasSize& size) {
  ImGuiIO& io = ImGui::GetIO();
  const auto ratio = static_cast<float>(size.css.pixel_ratio);
  io.DisplaySize =
      ImVec2(static_cast<float>(size.framebuffer_w) / ratio, static_cast<float>(size.framebuffer_h) / ratio);
  io.DisplayFramebufferScale = ImVec2(ratio, ratio);
  // GLFW reports the cursor in backing-store pixels.
  if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / ratio, io.MousePos.y / ratio);
}

}  // namespace onb::portal::web

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_mark_frame, (int ready), {
  if (!Module.onbFirstFrame) {
    Module.onbFirstFrame = true;
    performance.mark('onb-first-frame');
    var note = document.getElementById('loading');
    if (note) note.remove();
  }
  if (ready && !Module.onbReady) {
    Module.onbReady = true;
    performance.mark('onb-ready');
  }
});
// clang-format on

namespace onb::portal::web {
void mark_frame(bool ready) {
  static bool marked_ready = false;  // JS is called only until the page is ready: two calls in all
  if (marked_ready) return;
  marked_ready = ready;
  onb_js_mark_frame(ready ? 1 : 0);
}
}  // namespace onb::portal::web
