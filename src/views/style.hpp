// Layout and colours the portal's views share. Sizes are in multiples of the font size so that a
// larger font (Preferences::font_scale) grows the layout with it. Visual only.
#pragma once

#include "src/app/state.hpp"

#include "imgui.h"

namespace onb::portal::views {

inline float em() { return ImGui::GetFontSize(); }
inline float label_column() { return 12.5f * em(); }  // fits "Country of incorporation"
inline float form_width() { return 26.0f * em(); }    // fields stop growing here on wide screens
inline constexpr float page_padding = 24.0f;

struct Palette {
  ImVec4 problem;  // errors: readable red on the theme's background
  ImVec4 warning;
  ImVec4 muted;
  ImVec4 ok;
  ImVec4 clear;    // the canvas behind the window
};

const Palette& palette(Theme theme);

// Applies the theme to ImGui's style; cheap, call each frame.
void apply_theme(Theme theme);

}  // namespace onb::portal::views
