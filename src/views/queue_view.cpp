// A reviewer's queue: filters (stage, overdue, assigned to me), the progress of a long load, and one
// row per case, drawn with ImGuiListClipper so only the rows on screen cost anything — a queue of a
// thousand cases draws as fast as one of ten. Enter or a click on a row opens the case.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "shared/workflow/people.hpp"

#include "imgui.h"

namespace onb::portal::views {
namespace {

template <class E>
std::string label_of(E value, Language lang) {
  return value_label(boost::describe::enum_to_string(value, ""), lang);
}

void stage_filter(const AppState& s, const Dispatch& dispatch, Language lang) {
  const QueueFilter& f = s.queue.filter;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("stage", lang));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(12 * em());
  const char* id = "##filter:stage";
  const ImGuiID imgui_id = ImGui::GetID(id);
  const std::string current = f.stage ? label_of(*f.stage, lang) : tr("all_stages", lang);
  const bool open = ImGui::BeginCombo(id, current.c_str());
  test_hooks::name_item(imgui_id, id);
  if (!open) return;
  QueueFilter next = f;
  next.stage.reset();
  if (ImGui::Selectable((std::string(tr("all_stages", lang)) + "##filter:stage=all").c_str(), !f.stage)) dispatch(QueueFilterChanged{next});
  for (const auto stage : workflow::review_stages()) {
    const std::string name = boost::describe::enum_to_string(stage, "");
    next.stage = stage;
    if (ImGui::Selectable((label_of(stage, lang) + "##filter:stage=" + name).c_str(), f.stage == stage))
      dispatch(QueueFilterChanged{next});
  }
  ImGui::EndCombo();
}

void filters(const AppState& s, const Dispatch& dispatch, Language lang) {
  stage_filter(s, dispatch, lang);
  QueueFilter f = s.queue.filter;
  ImGui::SameLine(0, em());
  if (ImGui::Checkbox((std::string(tr("overdue_only", lang)) + "##filter:overdue").c_str(), &f.overdue))
    dispatch(QueueFilterChanged{f});
  ImGui::SameLine(0, em());
  f = s.queue.filter;
  if (ImGui::Checkbox((std::string(tr("assigned_to_me", lang)) + "##filter:mine").c_str(), &f.mine))
    dispatch(QueueFilterChanged{f});
  ImGui::SameLine(0, em());
  if (ImGui::Button((std::string(tr("refresh", lang)) + "##refresh_queue").c_str())) dispatch(QueueRefreshClicked{});
}

std::string roles_text(const std::vector<workflow::Role>& roles, Language lang) {
  std::string out;
  for (const auto r : roles) out += (out.empty() ? "" : ", ") + label_of(r, lang);
  return out;
}

void row(const AppState& s, const Dispatch& dispatch, const protocol::EnrollmentSummary& e, Language lang) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const std::string name = e.legal_name.empty() ? tr("no_name", lang) : e.legal_name;
  if (ImGui::Selectable((name + "##open:" + e.id).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
    dispatch(CaseOpened{e.id});
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label_of(e.stage, lang).c_str());
  ImGui::TableNextColumn();
  const bool mine = e.assignee && s.session && *e.assignee == s.session->account.id;
  ImGui::TextUnformatted(mine ? tr("me", lang) : e.assignee ? tr("someone", lang) : "—");
  ImGui::TableNextColumn();
  ImGui::Text("%llu", static_cast<unsigned long long>(e.errors));
  ImGui::TableNextColumn();
  ImGui::Text("%zu", e.pending.size());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(roles_text(e.waiting_on, lang).c_str());
  ImGui::TableNextColumn();  // the date changes daily: last, so screenshots can leave it out
  if (e.overdue) ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).problem);
  ImGui::TextUnformatted(e.due_at ? e.due_at->substr(0, 10).c_str() : "—");
  if (e.overdue) ImGui::PopStyleColor();
}

void progress(const AppState& s, Language lang) {
  const Queue& q = s.queue;
  std::string text;
  if (q.status == LoadStatus::loading)
    text = std::string(tr("queue_loading", lang)) + " " + std::to_string(q.items.size()) + " (" + std::to_string(q.pages) +
           " " + tr("pages", lang) + ")";
  else
    text = std::to_string(q.items.size()) + " " + tr("cases", lang);
  ImGui::TextUnformatted(text.c_str());
  test_hooks::name_last_item("queue:progress");
  if (q.error) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(s.prefs.theme).problem);
    ImGui::TextWrapped("%s", q.error->message.c_str());
    ImGui::PopStyleColor();
    test_hooks::name_last_item("queue:error");
  }
}

}  // namespace

void queue_view(const AppState& s, const Dispatch& dispatch) {
  const Language lang = s.prefs.language;
  ImGui::TextUnformatted(tr("queue_title", lang));
  filters(s, dispatch, lang);
  progress(s, lang);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##queue", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("col_company", lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
  for (const char* key : {"stage", "col_assignee", "col_errors", "col_pending", "col_waiting_on", "col_due"})
    ImGui::TableSetupColumn(tr(key, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.queue.items.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
      row(s, dispatch, s.queue.items[static_cast<std::size_t>(i)], lang);
  ImGui::EndTable();
}

}  // namespace onb::portal::views
