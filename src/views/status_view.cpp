// What the customer sees once the application left the draft: the stage, the stages entered with their
// dates, what is still pending (documents, reviewers' questions with a box to answer) and the messages
// reviewers made visible. All of it is shared/workflow's customer_status(), as the server sent it.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "imgui.h"
#include "imgui_stdlib.h"

namespace onb::portal::views {
namespace {

template <class E>
std::string label_of(E value, Language lang) {
  return value_label(boost::describe::enum_to_string(value, ""), lang);
}

void timeline(const workflow::CustomerStatus& st, Language lang) {
  if (!ImGui::BeginTable("##timeline", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
  for (const auto& m : st.timeline) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label_of(m.stage, lang).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(m.at.substr(0, 10).c_str());  // the date; the time of day is noise here
  }
  ImGui::EndTable();
}

void pending(const AppState& s, const Dispatch& dispatch, Language lang) {
  const auto& st = *s.status;
  bool question = false;
  for (const auto& p : st.pending) {
    ImGui::Bullet();
    ImGui::SameLine();
    const std::string what = label_of(p.kind, lang) + (p.subject.empty() ? "" : " (" + value_label(p.subject, lang) + ")");
    ImGui::TextWrapped("%s: %s", what.c_str(), p.text.c_str());
    if (p.kind == workflow::PendingKind::rejected_document) replace_rejected(s, p.subject, dispatch);
    question = question || p.kind == workflow::PendingKind::question;
  }
  if (!question) return;
  std::string answer = s.answer;
  if (ImGui::InputTextMultiline("##answer", &answer, ImVec2(form_width(), 4 * ImGui::GetTextLineHeightWithSpacing())))
    dispatch(AnswerEdited{answer});
  ImGui::BeginDisabled(s.answer.empty() || !s.online);
  if (ImGui::Button((std::string(tr("send_answer", lang)) + "##send_answer").c_str())) dispatch(AnswerSent{});
  ImGui::EndDisabled();
}

}  // namespace

void status_view(const AppState& s, const Dispatch& dispatch) {
  if (!s.status) return;
  const Language lang = s.prefs.language;
  const auto& st = *s.status;
  ImGui::Separator();
  ImGui::Text("%s: %s", tr("stage", lang), label_of(st.stage, lang).c_str());
  test_hooks::name_last_item("status:stage");
  ImGui::SameLine();
  if (ImGui::SmallButton((std::string(tr("refresh", lang)) + "##refresh_status").c_str())) dispatch(StatusRefreshClicked{});
  confirmation_section(s, dispatch);
  timeline(st, lang);
  pending(s, dispatch, lang);
  for (const auto& m : st.messages) ImGui::TextWrapped("%s  %s", m.at.substr(0, 10).c_str(), m.text.c_str());
  if (s.status_error) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).problem);
    ImGui::TextWrapped("%s", s.status_error->message.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
}

}  // namespace onb::portal::views
