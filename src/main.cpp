// The portal's entry point in the browser: wires GLFW (WebGL2), Dear ImGui, the browser edge and the
// Store, then runs one frame per animation frame. Each frame: apply what happened since the last one,
// size the canvas, draw the views from the state, render, apply what the views dispatched.
#include "src/app/store.hpp"
#include "src/app/update.hpp"
#include "src/platform/test_hooks.hpp"
#include "src/platform/web/browser.hpp"
#include "src/platform/web/canvas.hpp"
#include "src/platform/web/clipboard.hpp"
#include "src/platform/web/effects.hpp"
#include "src/platform/web/fonts.hpp"
#include "src/platform/web/key_latch.hpp"
#include "src/platform/web/storage.hpp"
#include "src/platform/web/text_input.hpp"
#include "src/platform/web/wheel.hpp"
#include "src/views/portal_view.hpp"
#include "src/views/style.hpp"

#include "shared/core/json_codec.hpp"

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // PlatformImePos (the caret, for the hidden input); navigation restart

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cfloat>
#include <utility>

namespace {

using namespace onb::portal;

Store g_store(web::run_effect, initial_state());

bool started() {  // font and storage settled, whichever way: what tests and measurements wait for
  const AppState& s = g_store.state();
  return s.font != FontStatus::loading && s.draft != DraftStatus::opening_storage;
}

bool same(const Viewport& a, const Viewport& b) {
  return a.width == b.width && a.height == b.height && a.pixel_ratio == b.pixel_ratio;
}

// Enter presses the focused button, checkbox, list row or combo, as Space does: 1.86's keyboard navigation
// maps Enter only to "edit this text field", and people expect Enter to press what is focused. A text
// field being typed in is active, so navigation does not activate anything then: Enter ends its edit.
void press_with_enter() {
  ImGuiIO& io = ImGui::GetIO();
  const auto down = [&io](ImGuiKey_ key) { return io.KeyMap[key] >= 0 && io.KeysDown[io.KeyMap[key]]; };
  if (down(ImGuiKey_Enter) || down(ImGuiKey_KeyPadEnter)) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
}

// Keyboard navigation starts afresh at the page's first control when what it was on is gone: a new screen
// (or the printable view), or a control the last frame no longer drew (the form an action closed). 1.86
// would leave the arrows nothing to move from. `focus_lost` is judged after the views, used a frame later.
bool g_focus_lost = false;

void restart_lost_navigation() {
  static std::pair<Screen, bool> shown{Screen::sign_in, false};
  const std::pair<Screen, bool> now{g_store.state().screen, g_store.state().printable};
  const bool lost = std::exchange(g_focus_lost, false);  // taken every frame: one restart per loss
  if (now == shown && !lost) return;
  shown = now;
  if (ImGuiWindow* page = ImGui::FindWindowByName(views::page_window)) {
    ImGui::FocusWindow(page);
    ImGui::NavInitWindow(page, true);
  }
}

void judge_focus() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  g_focus_lost = g.NavId != 0 && !g.NavIdIsAlive && !g.NavInitRequest && g.ActiveId == 0 &&
                 !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
}

void frame() {
  g_store.process();  // replies and input that arrived since the last frame
  const web::CanvasSize canvas = web::sync_canvas();
  if (!same(canvas.css, g_store.state().viewport)) g_store.dispatch(ViewportChanged{canvas.css});
  // The atlas is rasterised at the size shown (font scale × device pixels) so a larger font stays crisp.
  const double font_scale = g_store.state().prefs.font_scale;
  web::prepare_fonts(canvas.css.pixel_ratio * font_scale);
  ImGui::GetIO().FontGlobalScale = static_cast<float>(1.0 / canvas.css.pixel_ratio);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  web::apply_to_imgui(canvas);
  press_with_enter();
  const double t0 = emscripten_get_now();
  ImGui::NewFrame();
  restart_lost_navigation();
  views::portal_view(g_store.state(), g_store.dispatcher());
  judge_focus();
  ImGui::Render();
  // Our CPU cost: views, layout and vertex generation. The GL submission after it is excluded because in
  // headless tests it runs on SwiftShader (a CPU rasteriser) and says nothing about the portal.
  test_hooks::frame_time(emscripten_get_now() - t0);

  if (test_hooks::drawing()) {
    glViewport(0, 0, canvas.framebuffer_w, canvas.framebuffer_h);
    const ImVec4 clear = views::palette(g_store.state().prefs.theme).clear;
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }

  test_hooks::end_frame();
  web::end_frame_keys();
  const ImVec2 caret = ImGui::GetCurrentContext()->PlatformImePos;
  web::update_text_input(ImGui::GetIO().WantTextInput, caret.x == FLT_MAX ? 0.f : caret.x,
                         caret.y == FLT_MAX ? 0.f : caret.y);
  g_store.process();  // what the views dispatched: the next frame already shows it
  web::mark_frame(started());
}

GLFWwindow* create_window() {
  if (!glfwInit()) return nullptr;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);                                 // WebGL2
  GLFWwindow* window = glfwCreateWindow(800, 600, "onboard", nullptr, nullptr);  // sized per frame later
  if (window) glfwMakeContextCurrent(window);
  return window;
}

void init_imgui(GLFWwindow* window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is code; nothing to persist
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab, arrows, Enter, Escape everywhere
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  web::install_key_latch(window);  // after the backend, replacing its key callback
  web::install_wheel(window);      // after the backend, replacing its scroll callback (direction, scale)
  web::install_clipboard();        // after the backend, replacing its empty GLFW clipboard
  web::install_text_input();
  test_hooks::install(
      [] { return onb::encode(g_store.state()).dump(-1, ' ', false, onb::Json::error_handler_t::replace); }, started);
}

}  // namespace

int main() {
  web::install_touch_shim(frame);  // before glfwInit: its listeners must see touches first
  GLFWwindow* window = create_window();
  if (!window) {
    emscripten_log(EM_LOG_ERROR, "onboard: no WebGL2 context; the portal needs a browser with WebGL2");
    return 1;
  }
  init_imgui(window);
  g_store.dispatch(Booted{web::local_date(), web::utc_now(), web::random_hex(8), web::is_online(),
                          web::url_param("invite"), web::origin()});
  web::on_network_change([](bool online) { g_store.dispatch(NetworkChanged{online}); });
  web::load_font(ONB_FONT_URL, [](bool ok) { g_store.dispatch(FontLoaded{ok}); });
  web::storage_open([](bool ok, std::string message) { g_store.dispatch(StorageOpened{ok, std::move(message)}); });
  emscripten_set_main_loop(frame, 0, false);  // returns at once; frames run on requestAnimationFrame
  return 0;
}
