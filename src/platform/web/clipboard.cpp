#include "src/platform/web/clipboard.hpp"

#include "imgui.h"

#include <emscripten.h>

#include <string>

namespace onb::portal::web {
namespace {
// What Ctrl+V pastes: the last text copied in the app or pasted into the page. The browser fires
// `paste` after the Ctrl+V keydown and before ImGui's next frame reads the key, so the cache is current.
std::string g_clipboard;
}  // namespace
}  // namespace onb::portal::web

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_clipboard_write, (const char* text), {
  var t = UTF8ToString(text);
  // Needs a secure context (https or localhost) and focus; failing leaves the in-app clipboard working.
  if (navigator.clipboard && navigator.clipboard.writeText)
    navigator.clipboard.writeText(t).catch(function(e) { console.warn('clipboard write failed:', e); });
});
// clang-format on

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_clipboard_listen, (), {
  document.addEventListener('paste', function(e) {
    var t = e.clipboardData ? e.clipboardData.getData('text/plain') : "";
    var p = allocateUTF8(t); _onb_clipboard_pasted(p); _free(p);
  }, true);
});
// clang-format on

namespace onb::portal::web {

void install_clipboard() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_clipboard = text ? text : "";
    onb_js_clipboard_write(g_clipboard.c_str());
  };
  io.GetClipboardTextFn = [](void*) -> const char* { return g_clipboard.c_str(); };
  onb_js_clipboard_listen();
}

}  // namespace onb::portal::web

extern "C" EMSCRIPTEN_KEEPALIVE void onb_clipboard_pasted(const char* text) { onb::portal::web::g_clipboard = text; }
