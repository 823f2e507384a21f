#include "src/platform/web/fonts.hpp"

#include "src/platform/web/http.hpp"

#include "imgui.h"
#include "imgui_impl_opengl3.h"

#include <cmath>
#include <vector>

namespace onb::portal::web {
namespace {

constexpr float ui_font_px = 16.0f;        // CSS pixels
constexpr float fallback_font_px = 13.0f;  // ImGui's built-in font is drawn for 13 px

std::vector<unsigned char> g_ttf;  // owned here: the atlas keeps pointers into it
double g_atlas_ratio = 0;          // pixel ratio the atlas was built for; 0 = needs building
bool g_device_ready = false;       // the GL backend made its first texture (after the first NewFrame)

// The scripts onboard's applicants write in. Must stay inside what the subset keeps
// (ONB_FONT_UNICODES in src/platform/web/site.cmake), or glyphs render as boxes.
const ImWchar glyph_ranges[] = {0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
                                0x0100, 0x024F,  // Latin Extended-A and -B (ő, ł, ș, ...)
                                0x0370, 0x03FF,  // Greek
                                0x0400, 0x052F,  // Cyrillic and its supplement
                                0x2000, 0x206F,  // General Punctuation (– — „ “ …)
                                0x20A0, 0x20CF,  // Currency Symbols (€)
                                0xFFFD, 0xFFFD,  // the replacement character
                                0};

void build_atlas(double ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const auto r = static_cast<float>(ratio);
  ImFontConfig cfg;
  if (!g_ttf.empty()) {
    cfg.FontDataOwnedByAtlas = false;
    io.Fonts->AddFontFromMemoryTTF(g_ttf.data(), static_cast<int>(g_ttf.size()), ui_font_px * r, &cfg, glyph_ranges);
  } else {
    cfg.SizePixels = std::floor(fallback_font_px * r);
    io.Fonts->AddFontDefault(&cfg);
  }
  io.FontGlobalScale = 1.0f / r;
  if (g_device_ready) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  g_atlas_ratio = ratio;
}

}  // namespace

void load_font(const char* url, std::function<void(bool)> done) {
  http_send("GET", url, "", {}, [done = std::move(done)](HttpReply reply) {
    const bool ok = reply.status == 200 && !reply.body.empty();
    if (ok) {
      g_ttf.assign(reply.body.begin(), reply.body.end());
      g_atlas_ratio = 0;
    }
    done(ok);
  });
}

void prepare_fonts(double pixel_ratio) {
  if (pixel_ratio != g_atlas_ratio) build_atlas(pixel_ratio);
  // The backend creates its font texture in the first NewFrame; from then on a rebuild replaces it.
  g_device_ready = true;
}

}  // namespace onb::portal::web
