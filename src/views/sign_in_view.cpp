// Signing in or creating an account: e-mail, password (masked), one button; Enter in the password
// field submits. The server's reason is shown when it refuses.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "imgui.h"
#include "imgui_stdlib.h"

#include <algorithm>

namespace onb::portal::views {

void sign_in_view(const AppState& s, const Dispatch& dispatch) {
  const Language lang = s.prefs.language;
  const bool sign_up = s.auth.mode == AuthMode::sign_up;
  ImGui::TextUnformatted(tr(sign_up ? "sign_up" : "sign_in", lang));
  ImGui::Spacing();
  if (ImGui::RadioButton((std::string(tr("have_account", lang)) + "##mode:sign_in").c_str(), !sign_up))
    dispatch(AuthModeChosen{AuthMode::sign_in});
  ImGui::SameLine();
  if (ImGui::RadioButton((std::string(tr("new_here", lang)) + "##mode:sign_up").c_str(), sign_up))
    dispatch(AuthModeChosen{AuthMode::sign_up});

  auto label = [&](const char* key) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(key, lang));
    ImGui::SameLine(label_column());
    ImGui::SetNextItemWidth(std::min(form_width(), ImGui::GetContentRegionAvail().x));
  };
  std::string email = s.auth.email;
  label("email");
  if (ImGui::InputText("##email", &email)) dispatch(EmailEdited{email});
  std::string password = s.auth.password;
  label("password");
  bool enter = false;
  if (ImGui::InputText("##password", &password, ImGuiInputTextFlags_Password)) dispatch(PasswordEdited{password});
  enter = ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));

  ImGui::SetCursorPosX(label_column());
  ImGui::BeginDisabled(s.auth.status == AuthStatus::sending);
  const std::string button = std::string(tr(sign_up ? "sign_up" : "sign_in", lang)) + "##auth_submit";
  if (ImGui::Button(button.c_str()) || enter) dispatch(AuthSubmitted{});
  ImGui::EndDisabled();
  if (s.auth.status == AuthStatus::sending) {
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("sending", lang));
  }
  if (s.auth.status == AuthStatus::failed && s.auth.error) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).problem);
    ImGui::TextWrapped("%s", s.auth.error->message.c_str());
    ImGui::PopStyleColor();
    test_hooks::name_last_item("status:auth");
  }
}

}  // namespace onb::portal::views
