// Keys for ImGui 1.86, which samples io.KeysDown[] once per frame (no input queue before 1.87): a key
// pressed and released between two frames — automation, fast typing, soft keyboards — would be lost.
// Releases of keys pressed during the current frame are held until the frame has seen them. While a
// modifier's release is held, later keys and text wait too: 1.86 drops text typed with Ctrl down, so
// "Ctrl+A, then type" within one frame would otherwise lose the typing.
#pragma once

struct GLFWwindow;

namespace onb::portal::web {

// Replaces the key and char callbacks the ImGui GLFW backend installed (call after its init).
void install_key_latch(GLFWwindow* window);

// A press that happens without a real key event (backspace or enter from a soft keyboard), released
// after one frame. `glfw_key` is a GLFW_KEY_* code.
void tap_key(int glfw_key);

// Text from outside GLFW (the hidden input: IMEs, soft keyboards), in order with the keys.
void type_text(const char* utf8);

// After ImGui::Render: delivers what was held, so the next frame sees it.
void end_frame_keys();

}  // namespace onb::portal::web
