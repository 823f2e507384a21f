// The two themes: ImGui's dark and light styles with our rounding, and text colours chosen for
// contrast on each (problem red ≥ 4.5:1 against the window background).
#include "src/views/style.hpp"

namespace onb::portal::views {

const Palette& palette(Theme theme) {
  static const Palette dark{{1.0f, 0.42f, 0.42f, 1.0f}, {0.95f, 0.75f, 0.30f, 1.0f}, {0.70f, 0.72f, 0.78f, 1.0f},
                            {0.45f, 0.85f, 0.55f, 1.0f}, {0.10f, 0.11f, 0.13f, 1.0f}};
  static const Palette light{{0.72f, 0.05f, 0.05f, 1.0f}, {0.55f, 0.35f, 0.0f, 1.0f}, {0.33f, 0.35f, 0.40f, 1.0f},
                             {0.05f, 0.45f, 0.15f, 1.0f}, {0.94f, 0.94f, 0.95f, 1.0f}};
  return theme == Theme::light ? light : dark;
}

void apply_theme(Theme theme) {
  static int applied = -1;
  if (applied == static_cast<int>(theme)) return;
  applied = static_cast<int>(theme);
  if (theme == Theme::light) ImGui::StyleColorsLight();
  else ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.FrameRounding = 3.0f;
  style.FrameBorderSize = theme == Theme::light ? 1.0f : 0.0f;  // light fields need an edge to be seen
}

}  // namespace onb::portal::views
