// The UI font: Noto Sans subset (built into site/fonts by CMake) fetched after start-up, so the first
// frame does not wait for it; ImGui's built-in font (ASCII only) draws until it arrives. The atlas is
// rasterised at 16 px × devicePixelRatio and scaled back by 1/ratio, so text is crisp on HiDPI screens.
#pragma once

#include <functional>

namespace onb::portal::web {

// Starts fetching `url`; `done(ok)` once it arrived (or failed, leaving the built-in font).
void load_font(const char* url, std::function<void(bool ok)> done);

// Before ImGui_ImplOpenGL3_NewFrame each frame: rebuilds the atlas when the font arrived or the pixel
// ratio changed (never between NewFrame and Render, where the atlas is in use).
void prepare_fonts(double pixel_ratio);

}  // namespace onb::portal::web
