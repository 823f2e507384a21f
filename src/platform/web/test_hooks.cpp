// ONB_TEST_HOOKS builds: implements Dear ImGui's test-engine item hooks (the ones imgui_test_engine
// uses) to record each item's rectangle, label and window per frame, and installs
// `window.portalTest = {ready, state, items, find, frames}` for Playwright (tests/e2e).
#include "src/platform/test_hooks.hpp"

#include "shared/core/json_codec.hpp"

#include "imgui.h"
#include "imgui_internal.h"

#include <emscripten.h>
#include <boost/describe.hpp>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace onb::portal::test_hooks {

// One widget as tests see it: rectangle in CSS pixels relative to the canvas, from the last frame.
struct TestItem {
  std::string label;  // as passed to ImGui, "##id" suffix included
  std::string window;
  double x = 0, y = 0, w = 0, h = 0;
  int flags = 0;          // ImGuiItemStatusFlags
  bool tab_stop = false;  // Tab reaches it (1.86: text fields only; other items by the arrows)
};
BOOST_DESCRIBE_STRUCT(TestItem, (), (label, window, x, y, w, h, flags, tab_stop))

namespace {

struct Record {
  TestItem item;
  int order = 0;  // submission order: items() lists top to bottom as drawn
};

std::unordered_map<ImGuiID, Record> g_current, g_last;
int g_order = 0;
int g_frames = 0;
std::function<std::string()> g_state_json;
std::function<bool()> g_ready;
std::string g_reply;  // keeps the last string handed to JS alive until the next call
std::vector<double> g_frame_ms;  // the last frame_times_kept frames' CPU times
constexpr std::size_t frame_times_kept = 240;
bool g_drawing = true;

Record& record(ImGuiContext* ctx, ImGuiID id, const ImRect& bb) {
  Record& r = g_current[id];
  r.item.x = bb.Min.x;
  r.item.y = bb.Min.y;
  r.item.w = bb.GetWidth();
  r.item.h = bb.GetHeight();
  r.item.window = ctx->CurrentWindow ? ctx->CurrentWindow->Name : "";
  const ImGuiItemFlags in = ctx->LastItemData.InFlags;
  r.item.tab_stop = (in & ImGuiItemFlags_Inputable) && !(in & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_Disabled));
  r.order = g_order++;
  return r;
}

}  // namespace
}  // namespace onb::portal::test_hooks

// ---- the hooks ImGui calls (declared in imgui_internal.h under IMGUI_ENABLE_TEST_ENGINE)
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  onb::portal::test_hooks::record(ctx, id, bb);
}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  using namespace onb::portal::test_hooks;
  auto it = g_current.find(id);
  if (it == g_current.end()) return;
  it->second.item.label = label ? label : "";
  it->second.item.flags = flags;
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
  using namespace onb::portal::test_hooks;
  auto it = g_last.find(id);
  return it == g_last.end() ? nullptr : it->second.item.label.c_str();
}

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_install_test_api, (), {
  var json = function(f) { return JSON.parse(UTF8ToString(f())); };
  var place = function(i, order) {
    var c = Module['canvas'].getBoundingClientRect();
    return {label: i.label, window: i.window, x: c.left + i.x, y: c.top + i.y, w: i.w, h: i.h,
            cx: c.left + i.x + i.w / 2, cy: c.top + i.y + i.h / 2, tab_stop: i.tab_stop, order: order};
  };
  window.portalTest = {
    ready: function() { return _onb_test_ready() === 1; },
    frames: function() { return _onb_test_frames(); },
    state: function() { return json(_onb_test_state); },
    items: function() { return json(_onb_test_items); },
    frameTimes: function() { return json(_onb_test_frame_times); },
    setDrawing: function(on) { _onb_test_set_drawing(on ? 1 : 0); },

    // The one item whose label, or the part of it before or after "##", is `label`; page CSS pixels.
    find: function(label) {
      var all = this.items();
      var hits = all.filter(function(i) { return i.label === label || i.label.split('##').indexOf(label) >= 0; });
      if (hits.length !== 1) throw new Error('portalTest.find("' + label + '"): ' + hits.length + ' items');
      return place(hits[0], all.indexOf(hits[0]));
    },
    // The item keyboard navigation is on (label '' for a panel one enters with Enter), placed as find()
    // places; `order` is its place in items() (-1: unlabelled), `editing` whether it is being typed in.
    focused: function() {
      var f = json(_onb_test_focused);
      if (!f) return null;
      var order = this.items().findIndex(function(i) { return f.label !== '' && i.label === f.label; });
      var out = place(f, order);
      out.editing = f.editing;
      return out;
    },
  };
});
// clang-format on

namespace onb::portal::test_hooks {

void install(std::function<std::string()> state_json, std::function<bool()> ready) {
  g_state_json = std::move(state_json);
  g_ready = std::move(ready);
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  onb_js_install_test_api();
}

void name_item(unsigned imgui_id, const char* label) {
  auto it = g_current.find(imgui_id);
  if (it != g_current.end() && it->second.item.label.empty()) it->second.item.label = label;
}

void name_last_item(const char* label) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.LastItemData.ID != 0) return name_item(g.LastItemData.ID, label);
  // Plain text has no id, so no ItemAdd hook ran: record it under an id made from the label.
  record(&g, ImGui::GetID(label), g.LastItemData.Rect).item.label = label;
}

void frame_time(double ms) {
  if (g_frame_ms.size() == frame_times_kept) g_frame_ms.erase(g_frame_ms.begin());
  g_frame_ms.push_back(ms);
}

bool drawing() { return g_drawing; }

void end_frame() {
  // Title bars are added (id = MoveId) without a label: tests find windows by their name.
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
    auto it = g_current.find(w->MoveId);
    if (w->Active && it != g_current.end() && it->second.item.label.empty()) it->second.item.label = w->Name;
  }
  g_last.swap(g_current);
  g_current.clear();
  g_order = 0;
  ++g_frames;
}

}  // namespace onb::portal::test_hooks

extern "C" {
EMSCRIPTEN_KEEPALIVE int onb_test_ready() {
  using namespace onb::portal::test_hooks;
  return g_frames > 0 && g_ready && g_ready() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE int onb_test_frames() { return onb::portal::test_hooks::g_frames; }
EMSCRIPTEN_KEEPALIVE void onb_test_set_drawing(int on) { onb::portal::test_hooks::g_drawing = on != 0; }
EMSCRIPTEN_KEEPALIVE const char* onb_test_frame_times() {
  using namespace onb::portal::test_hooks;
  g_reply = onb::encode(g_frame_ms).dump();
  return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* onb_test_state() {
  using namespace onb::portal::test_hooks;
  g_reply = g_state_json ? g_state_json() : "null";
  return g_reply.c_str();
}
// The item keyboard navigation is on, as items() lists it, with `editing`; null when none is.
EMSCRIPTEN_KEEPALIVE const char* onb_test_focused() {
  using namespace onb::portal::test_hooks;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  auto it = g.NavId ? g_last.find(g.NavId) : g_last.end();
  if (it == g_last.end()) return "null";
  onb::Json out = onb::encode(it->second.item);
  out["editing"] = g.ActiveId == g.NavId;
  g_reply = out.dump(-1, ' ', false, onb::Json::error_handler_t::replace);
  return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* onb_test_items() {
  using namespace onb::portal::test_hooks;
  std::vector<const Record*> items;
  for (const auto& [id, r] : g_last)
    if (!r.item.label.empty()) items.push_back(&r);
  std::sort(items.begin(), items.end(), [](const Record* a, const Record* b) { return a->order < b->order; });
  std::vector<TestItem> out;
  for (const Record* r : items) out.push_back(r->item);
  g_reply = onb::encode(out).dump(-1, ' ', false, onb::Json::error_handler_t::replace);
  return g_reply.c_str();
}
}
