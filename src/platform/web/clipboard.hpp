// Copy and paste for ImGui in the browser. GLFW's clipboard functions are empty in Emscripten 3.1.6,
// so ImGui gets its own: copies go to navigator.clipboard, pastes come from the page's `paste` event
// (which needs no clipboard-read permission). Install after the GLFW backend, which sets its own.
#pragma once

namespace onb::portal::web {

void install_clipboard();

}  // namespace onb::portal::web
