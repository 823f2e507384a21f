// A sales rep's customers: each enrollment they started, its stage, whom it waits on and what blocks it
// (an unclaimed invitation, validation errors, documents outstanding, a reviewer's question), and the
// button to start an application for a new customer. All of it is the server's EnrollmentSummary.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "imgui.h"

namespace onb::portal::views {
namespace {

template <class E>
std::string label_of(E value, Language lang) {
  return value_label(boost::describe::enum_to_string(value, ""), lang);
}

// What keeps the case from moving, in words: "Invitation not yet claimed; 2 errors; Missing document (…)".
std::string blockers(const protocol::EnrollmentSummary& e, Language lang) {
  std::string out;
  const auto add = [&](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
  if (e.customer_id.empty()) add(tr("invite_unclaimed", lang));
  if (e.errors) add(std::to_string(e.errors) + " " + tr("errors", lang));
  for (const auto& p : e.pending)
    add(label_of(p.kind, lang) + (p.subject.empty() ? "" : " (" + value_label(p.subject, lang) + ")"));
  return out.empty() ? "—" : out;
}

std::string waiting_on(const protocol::EnrollmentSummary& e, Language lang) {
  std::string out;
  for (const auto r : e.waiting_on) out += (out.empty() ? "" : ", ") + label_of(r, lang);
  return out.empty() ? "—" : out;
}

void row(const protocol::EnrollmentSummary& e, Language lang) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(e.legal_name.empty() ? tr("no_name", lang) : e.legal_name.c_str());
  test_hooks::name_last_item(("customer:" + e.id).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label_of(e.stage, lang).c_str());
  test_hooks::name_last_item(("customer_stage:" + e.id).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(waiting_on(e, lang).c_str());
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%s", blockers(e, lang).c_str());
  test_hooks::name_last_item(("blocks:" + e.id).c_str());
}

}  // namespace

void customers_view(const AppState& s, const Dispatch& dispatch) {
  const Language lang = s.prefs.language;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("customers_title", lang));
  ImGui::SameLine(0, 2 * em());
  if (ImGui::Button((std::string(tr("new_application", lang)) + "##new_application").c_str()))
    dispatch(NewApplicationClicked{});
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("refresh", lang)) + "##refresh_customers").c_str())) dispatch(QueueRefreshClicked{});
  const Queue& q = s.queue;
  if (q.status == LoadStatus::loading) ImGui::TextUnformatted(tr("loading", lang));
  if (q.error) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).problem);
    ImGui::TextWrapped("%s", q.error->message.c_str());
    ImGui::PopStyleColor();
  }
  if (q.status == LoadStatus::loaded && q.items.empty()) ImGui::TextUnformatted(tr("no_customers", lang));
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##customers", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("col_company", lang), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("stage", lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("col_waiting_on", lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("col_blocks", lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableHeadersRow();
  // No clipper: the blockers wrap, so rows differ in height, and one rep's customers are tens, not thousands.
  for (const auto& e : q.items) row(e, lang);
  ImGui::EndTable();
}

}  // namespace onb::portal::views
