// Text entry beyond a desktop keyboard: a hidden <input> that holds focus while ImGui wants text, so
// phones open their keyboard and IMEs compose (their text goes to ImGui only when no keypress already
// delivered it), and a touch → mouse shim, since Emscripten's GLFW never moves the cursor on touch.
#pragma once

namespace onb::portal::web {

// Before glfwInit(): its capture listeners must run before GLFW's own. `run_frame` draws one frame;
// a tap runs a few inside the touch gesture, because iOS opens the keyboard only for a focus() there.
void install_touch_shim(void (*run_frame)());

// The hidden input bridge (id "onb-text-input", created if the page has none).
void install_text_input();

// Once per frame after rendering: focus or blur the hidden input and keep it at the caret (CSS px),
// where IME candidate windows appear.
void update_text_input(bool want_text, float caret_x, float caret_y);

}  // namespace onb::portal::web
