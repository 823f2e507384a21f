#include "src/platform/web/text_input.hpp"

#include "src/platform/web/key_latch.hpp"

#include "imgui.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>

static_assert(GLFW_KEY_BACKSPACE == 259 && GLFW_KEY_ENTER == 257, "onb_js_install_text_input taps these codes");

namespace onb::portal::web {
namespace {
void (*g_run_frame)() = nullptr;
}  // namespace
}  // namespace onb::portal::web

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_install_touch_shim, (), {
  var canvas = Module['canvas'];
  function fire(type, t) {
    canvas.dispatchEvent(new MouseEvent(type, {clientX: t.clientX, clientY: t.clientY, screenX: t.screenX,
      screenY: t.screenY, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true}));
  }
  function onTouch(e) {
    var t = e.changedTouches[0];
    e.preventDefault();            // no emulated mouse events, no scrolling or zooming
    e.stopImmediatePropagation();  // GLFW's touch handlers would press at the stale cursor position
    if (e.type === 'touchstart') { fire('mousemove', t); fire('mousedown', t); return; }
    if (e.type === 'touchmove') { fire('mousemove', t); return; }
    fire('mouseup', t);
    _onb_run_frames(3);  // press, release, and the frame that activates a text field
    var el = document.getElementById('onb-text-input');
    if (_onb_want_text_input()) el.focus({preventScroll: true}); else el.blur();
  }
  ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function(n) {
    canvas.addEventListener(n, onTouch, {capture: true, passive: false});
  });
});
// clang-format on

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_install_text_input, (), {
  var B = {sawKeypress: false, ctrlV: -1e9, backspace: -1e9, enter: -1e9, composing: false};
  var el = document.getElementById('onb-text-input');
  if (!el) { el = document.createElement('input'); el.id = 'onb-text-input'; document.body.appendChild(el); }
  ['autocomplete', 'autocorrect', 'autocapitalize'].forEach(function(a) { el.setAttribute(a, 'off'); });
  el.setAttribute('spellcheck', 'false');
  // Focusable yet invisible; 16px keeps iOS from zooming in on focus.
  el.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;border:0;padding:0;' +
                     'font-size:16px;pointer-events:none;z-index:-1;';
  // A click on the canvas would move focus to it and text typed before the next frame would be lost:
  // keep focus on the input (GLFW still receives the event; ImGui decides whether text is wanted).
  Module['canvas'].addEventListener('mousedown', function(e) { if (document.activeElement === el) e.preventDefault(); }, true);
  function send(text) { if (!text) return; var p = allocateUTF8(text); _onb_text_input(p); _free(p); }
  var recent = function(t) { return performance.now() - t < 500; };
  window.addEventListener('keydown', function(e) {
    B.sawKeypress = false;
    if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) B.ctrlV = performance.now();
    if (e.key === 'Backspace') B.backspace = performance.now();
    if (e.key === 'Enter') B.enter = performance.now();
  }, true);
  // A keypress means GLFW's char callback already gave ImGui the character.
  window.addEventListener('keypress', function(e) {
    if (!e.ctrlKey && !e.metaKey && e.charCode >= 32) B.sawKeypress = true;
  }, true);
  el.addEventListener('compositionstart', function() { B.composing = true; });
  el.addEventListener('compositionend', function(e) { B.composing = false; send(e.data); el.value = ""; });
  el.addEventListener('input', function(e) {
    if (e.isComposing || B.composing) return;  // the committed text comes with compositionend
    var type = e.inputType || "";
    if (type === 'insertText' || type === 'insertReplacementText') { if (!B.sawKeypress) send(e.data || el.value); }
    else if (type === 'deleteContentBackward') { if (!recent(B.backspace)) _onb_key_tap(259); }  // GLFW_KEY_BACKSPACE
    else if (type === 'insertLineBreak') { if (!recent(B.enter)) _onb_key_tap(257); }             // GLFW_KEY_ENTER
    B.sawKeypress = false;
    el.value = "";
  });
  // A paste not made with Ctrl+V (context menu, phone) is typed in; Ctrl+V is ImGui's own shortcut.
  document.addEventListener('paste', function(e) {
    if (!recent(B.ctrlV)) send(e.clipboardData ? e.clipboardData.getData('text/plain') : "");
    e.preventDefault();  // the hidden input must never keep pasted text
  }, true);
});
// clang-format on

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_update_text_input, (int want, float x, float y), {
  var el = document.getElementById('onb-text-input');
  if (!el) return;
  var at = Module.onbCaretAt || (Module.onbCaretAt = {x: -1, y: -1});
  if (at.x !== x || at.y !== y) {  // style writes cost a layout: only when the caret moved
    var r = Module['canvas'].getBoundingClientRect();
    el.style.left = (r.left + x) + 'px';
    el.style.top = (r.top + y) + 'px';
    at.x = x; at.y = y;
  }
  if (want) { if (document.activeElement !== el) el.focus({preventScroll: true}); }
  else if (document.activeElement === el) el.blur();
});
// clang-format on

namespace onb::portal::web {

void install_touch_shim(void (*run_frame)()) {
  g_run_frame = run_frame;
  onb_js_install_touch_shim();
}

void install_text_input() { onb_js_install_text_input(); }

void update_text_input(bool want_text, float caret_x, float caret_y) {
  // Every frame while text is wanted: a click on the canvas focuses the canvas, taking focus from the
  // hidden input even when the caret did not move. Otherwise only when something changed.
  static bool last_want = false;
  if (!want_text && !last_want) return;
  last_want = want_text;
  onb_js_update_text_input(want_text, caret_x, caret_y);
}

}  // namespace onb::portal::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void onb_text_input(const char* utf8) { onb::portal::web::type_text(utf8); }
EMSCRIPTEN_KEEPALIVE void onb_key_tap(int glfw_key) { onb::portal::web::tap_key(glfw_key); }
EMSCRIPTEN_KEEPALIVE int onb_want_text_input() { return ImGui::GetIO().WantTextInput ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void onb_run_frames(int n) {
  for (int i = 0; i < n && onb::portal::web::g_run_frame; ++i) onb::portal::web::g_run_frame();
}
}
