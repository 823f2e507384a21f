// Layout and colour constants the portal's views share, in CSS pixels. Visual only.
#pragma once

#include "imgui.h"

namespace onb::portal::views {

inline constexpr float label_column = 120.0f;  // fits "VAT number" and "Legal name" at 16 px
inline constexpr float form_width = 600.0f;    // fields stop growing here on wide screens
inline constexpr float page_padding = 24.0f;
inline const ImVec4 problem_colour{1.0f, 0.42f, 0.42f, 1.0f};  // readable red on the dark theme
inline const ImVec4 muted_colour{0.70f, 0.72f, 0.78f, 1.0f};

}  // namespace onb::portal::views
