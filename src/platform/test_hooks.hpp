// What the portal offers end-to-end tests: every widget's rectangle and label each frame (through
// ImGui's test-engine item hooks) and the app state as JSON, as `window.portalTest` in the page.
// Built from web/test_hooks.cpp with ONB_TEST_HOOKS, from web/test_hooks_off.cpp (does nothing) without.
#pragma once

#include <functional>
#include <string>

namespace onb::portal::test_hooks {

// After ImGui::CreateContext. `state_json` serialises the current AppState; `ready` says start-up is over.
void install(std::function<std::string()> state_json, std::function<bool()> ready);

// Names an item for tests. name_item: a widget 1.86 reports no label for (BeginCombo), by the id taken
// with ImGui::GetID before it was submitted. name_last_item: plain text, which has no id (problem
// messages, status lines). Neither changes what is drawn.
void name_item(unsigned imgui_id, const char* label);
void name_last_item(const char* label);

// After ImGui::Render: publishes this frame's items.
void end_frame();

// The CPU time of the last frame's views, layout and vertex generation, in ms (portalTest.frameTimes()).
void frame_time(double ms);

// Whether the frame's draw data goes to GL. A measurement may pause it (portalTest.setDrawing(false)):
// headless Chromium rasterises WebGL on the CPU (SwiftShader), which then competes with the frame being
// timed for the same cores. Always true without test hooks.
bool drawing();

}  // namespace onb::portal::test_hooks
