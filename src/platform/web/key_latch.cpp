#include "src/platform/web/key_latch.hpp"

#include "imgui.h"
#include "imgui_impl_glfw.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace onb::portal::web {
namespace {

struct KeyEvent {
  int key = 0, scancode = 0, action = 0, mods = 0;
  unsigned codepoint = 0;  // non-zero: a character from GLFW instead of a key
  std::string text;        // non-empty: text from the hidden input instead of a key
};

GLFWwindow* g_window = nullptr;
std::vector<int> g_pressed_this_frame;
std::vector<KeyEvent> g_held;  // in arrival order, delivered after the frame
bool g_modifier_held = false;  // a held release is Ctrl/Alt/Super: everything after it waits too

bool is_modifier(int key) {
  return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_ALT ||
         key == GLFW_KEY_RIGHT_ALT || key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

void receive(KeyEvent e) {
  if (g_modifier_held) {
    g_held.push_back(std::move(e));
  } else if (e.codepoint) {
    ImGui_ImplGlfw_CharCallback(g_window, e.codepoint);
  } else if (!e.text.empty()) {
    ImGui::GetIO().AddInputCharactersUTF8(e.text.c_str());
  } else if (e.action == GLFW_RELEASE &&
             std::find(g_pressed_this_frame.begin(), g_pressed_this_frame.end(), e.key) != g_pressed_this_frame.end()) {
    g_modifier_held = is_modifier(e.key);
    g_held.push_back(std::move(e));
  } else {
    if (e.action == GLFW_PRESS) g_pressed_this_frame.push_back(e.key);
    ImGui_ImplGlfw_KeyCallback(g_window, e.key, e.scancode, e.action, e.mods);
  }
}

void on_key(GLFWwindow*, int key, int scancode, int action, int mods) { receive({key, scancode, action, mods}); }
void on_char(GLFWwindow*, unsigned int c) { receive({0, 0, 0, 0, c}); }

}  // namespace

void install_key_latch(GLFWwindow* window) {
  g_window = window;
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
}

void tap_key(int glfw_key) {
  receive({glfw_key, 0, GLFW_PRESS, 0});
  receive({glfw_key, 0, GLFW_RELEASE, 0});  // held until the end of this frame
}

void type_text(const char* utf8) {
  if (utf8 && *utf8) receive({0, 0, 0, 0, 0, utf8});
}

void end_frame_keys() {
  g_pressed_this_frame.clear();
  g_modifier_held = false;
  // Replayed through the same rules: a press and release in the backlog are latched again.
  for (auto& e : std::exchange(g_held, {})) receive(std::move(e));
}

}  // namespace onb::portal::web
