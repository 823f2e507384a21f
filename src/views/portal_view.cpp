// The portal's one window, filling the canvas: a top bar for reading preferences and the session, a
// banner while offline, and the screen the state names. Wording is presentation of state only.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "imgui.h"

namespace onb::portal::views {
namespace {

void top_bar(const AppState& s, const Dispatch& dispatch) {
  const Language lang = s.prefs.language;
  ImGui::TextUnformatted(tr("app_title", lang));
  ImGui::SameLine(0, 2 * em());
  if (ImGui::SmallButton("English##lang:en")) dispatch(LanguageChosen{Language::en});
  ImGui::SameLine();
  if (ImGui::SmallButton("Deutsch##lang:de")) dispatch(LanguageChosen{Language::de});
  ImGui::SameLine(0, em());
  const bool dark = s.prefs.theme == Theme::dark;
  if (ImGui::SmallButton((std::string(tr(dark ? "theme_light" : "theme_dark", lang)) + "##theme").c_str()))
    dispatch(ThemeChosen{dark ? Theme::light : Theme::dark});
  ImGui::SameLine(0, em());
  if (ImGui::SmallButton("A-##font_smaller")) dispatch(FontScaleChanged{-font_scale_step});
  ImGui::SameLine();
  if (ImGui::SmallButton("A+##font_larger")) dispatch(FontScaleChanged{font_scale_step});
  if (s.session) {
    ImGui::SameLine(0, 2 * em());
    ImGui::TextUnformatted(s.session->account.email.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(tr("sign_out", lang)) + "##sign_out").c_str())) dispatch(SignOutClicked{});
    if (s.session->account.role == workflow::Role::sales_rep && s.screen == Screen::application) {
      ImGui::SameLine();
      if (ImGui::SmallButton((std::string(tr("my_customers", lang)) + "##my_customers").c_str())) dispatch(CustomersClicked{});
    }
  }
  if (!s.online) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).warning);
    ImGui::TextWrapped("%s", tr("offline", lang));
    ImGui::PopStyleColor();
    test_hooks::name_last_item("banner:offline");
  }
  if (s.font == FontStatus::failed) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).problem);
    ImGui::TextWrapped("%s", tr("font_failed", lang));
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
}

}  // namespace

void portal_view(const AppState& state, const Dispatch& dispatch) {
  apply_theme(state.printable ? Theme::light : state.prefs.theme);  // paper is white
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(page_padding, page_padding));
  ImGui::Begin(page_window, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  if (state.printable) {  // the confirmation alone: nothing of the app's chrome on paper
    printable_view(state, dispatch);
    ImGui::End();
    return;
  }
  top_bar(state, dispatch);
  switch (state.screen) {
    case Screen::sign_in: sign_in_view(state, dispatch); break;
    case Screen::application:
    case Screen::status: application_view(state, dispatch); break;
    case Screen::queue: queue_view(state, dispatch); break;
    case Screen::review_case: case_view(state, dispatch); break;
    case Screen::customers: customers_view(state, dispatch); break;
  }
  ImGui::End();
}

}  // namespace onb::portal::views
