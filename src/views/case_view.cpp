// A reviewer's case: on the left what the customer sent (application data read-only, documents, the
// server's validation problems), on the right the actions of the workflow — allowed ones open a form,
// refused ones show the rule that refuses them — then the event log. Escape closes the form, then the case.
// Index: [SECTION] application data · [SECTION] actions and their forms · [SECTION] timeline · [SECTION] the screen
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/form_fields.hpp"
#include "src/views/style.hpp"
#include "src/views/texts.hpp"

#include "shared/validation/messages_refusals.hpp"

#include "imgui.h"

#include <algorithm>

namespace onb::portal::views {
namespace {

template <class E>
std::string label_of(E value, Language lang) {
  return value_label(boost::describe::enum_to_string(value, ""), lang);
}

void coloured(const ImVec4& colour, const std::string& text, const char* test_label) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  if (test_label) test_hooks::name_last_item(test_label);
}

void heading(const char* key, Language lang, const char* test_label) {
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(key, lang));
  test_hooks::name_last_item(test_label);
  ImGui::Separator();
}

// --------------------------------------------------------------------------- [SECTION] application data

bool is_index(const std::string& key) { return !key.empty() && key.find_first_not_of("0123456789") == std::string::npos; }

// The application as the server stored it, walked as JSON: one generic read-only tree for every member.
void json_tree(const std::string& key, const std::string& path, const Json& j, Language lang) {
  const std::string name = is_index(key) ? std::to_string(std::stoul(key) + 1) : field_label(key, lang);
  if (j.is_object() || j.is_array()) {
    if (j.empty()) return;
    const ImGuiTreeNodeFlags open = path == "/entity" ? ImGuiTreeNodeFlags_DefaultOpen : 0;
    if (!ImGui::TreeNodeEx((name + "##tree:" + path).c_str(), open)) return;
    if (j.is_object())
      for (auto it = j.begin(); it != j.end(); ++it) json_tree(it.key(), path + "/" + it.key(), it.value(), lang);
    else
      for (std::size_t i = 0; i < j.size(); ++i) json_tree(std::to_string(i), path + "/" + std::to_string(i), j[i], lang);
    ImGui::TreePop();
    return;
  }
  const std::string value = j.is_string() ? j.get<std::string>() : j.dump();
  ImGui::TextWrapped("%s: %s", name.c_str(), value.c_str());
}

void documents(const model::Application& app, Language lang) {
  if (app.documents.empty()) ImGui::TextUnformatted(tr("case_no_documents", lang));
  if (!ImGui::BeginTable("##case_documents", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
  for (const auto& d : app.documents) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label_of(d.type, lang).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.file_name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%llu KB", static_cast<unsigned long long>((d.size_bytes + 1023) / 1024));
  }
  ImGui::EndTable();
}

void problems(const AppState& s, const protocol::EnrollmentView& v, Language lang) {
  if (v.problems.empty()) ImGui::TextUnformatted(tr("no_problems", lang));
  const Palette& colours = palette(s.prefs.theme);
  for (const auto& p : v.problems) {
    const bool error = p.severity == validation::Severity::error;
    coloured(error ? colours.problem : colours.warning, p.path + ": " + validation::message_in(p, lang),
             ("case_problem:" + p.path).c_str());
  }
}

void application_column(const AppState& s, const protocol::EnrollmentView& v, Language lang) {
  heading("case_application", lang, "section:case_application");
  const Json app = encode(v.application);
  for (auto it = app.begin(); it != app.end(); ++it) json_tree(it.key(), "/" + it.key(), it.value(), lang);
  heading("case_documents", lang, "section:case_documents");
  documents(v.application, lang);
  heading("case_problems", lang, "section:case_problems");
  problems(s, v, lang);
}

// --------------------------------------------------------------------- [SECTION] actions and their forms

// The generic form edits the application; here it edits the action being prepared, so its edits are
// re-addressed to the action's form (same JSON pointers, into protocol::ActionRequest).
Dispatch to_action_form(const Dispatch& dispatch) {
  return [&dispatch](Action a) {
    if (const auto* f = std::get_if<FieldEdited>(&a)) return dispatch(ActionFieldEdited{f->path, f->value});
    if (const auto* i = std::get_if<ItemAdded>(&a)) return dispatch(ActionItemAdded{i->path, i->value});
    if (const auto* r = std::get_if<ItemRemoved>(&a)) return dispatch(ActionItemRemoved{r->path});
    dispatch(std::move(a));
  };
}

// A document decision is about one of the case's document types: a choice, not a free text.
void document_type_choice(const FormCtx& c, const std::string& value) {
  field_label(c, "document_type");
  ImGui::SetNextItemWidth(std::min(form_width(), ImGui::GetContentRegionAvail().x));
  const std::string id = "##/document_decided/document_type";
  const ImGuiID imgui_id = ImGui::GetID(id.c_str());
  const bool open = ImGui::BeginCombo(id.c_str(), value_label(value, c.lang).c_str());
  test_hooks::name_item(imgui_id, id.c_str());
  if (!open) return;
  for (const auto& type : c.state.review.document_types) {
    const std::string label = value_label(type, c.lang) + id + "=" + type;
    if (ImGui::Selectable(label.c_str(), value == type)) c.dispatch(FieldEdited{"/document_decided/document_type", Json(type)});
  }
  ImGui::EndCombo();
}

void payload_fields(const FormCtx& c, const protocol::ActionRequest& r, workflow::EventKind kind) {
  const std::string name = boost::describe::enum_to_string(kind, "");
  if (r.document_decided) {
    document_type_choice(c, r.document_decided->document_type);
    edit(c, "decision", "/document_decided/decision", r.document_decided->decision);
    edit(c, "deferred_until", "/document_decided/deferred_until", r.document_decided->deferred_until);
    return;
  }
  boost::mp11::mp_for_each<public_members<protocol::ActionRequest>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(r.*d.pointer)>;
    if constexpr (is_optional<M>::value) {
      if constexpr (DescribedStruct<typename M::value_type>)
        if (name == d.name && r.*d.pointer) edit_members(c, std::string("/") + d.name, *(r.*d.pointer));
    }
  });
}

void action_form(const AppState& s, const Dispatch& dispatch, Language lang) {
  const ReviewCase& rc = s.review;
  const Dispatch form_dispatch = to_action_form(dispatch);
  const FormCtx c{s, form_dispatch, lang};
  ImGui::Spacing();
  ImGui::TextUnformatted((label_of(*rc.chosen, lang)).c_str());
  test_hooks::name_last_item("action_form");
  ImGui::Indent();
  payload_fields(c, rc.draft, *rc.chosen);
  text_field(c, "reason", "/reason", rc.draft.reason.value_or(""), true);
  ImGui::Unindent();
  ImGui::SetCursorPosX(label_column());
  ImGui::BeginDisabled(rc.sending || !s.online);
  if (ImGui::Button((std::string(tr("send_action", lang)) + "##send_action").c_str())) dispatch(ActionSent{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("cancel", lang)) + "##cancel_action").c_str())) dispatch(ActionCancelled{});
  if (rc.sending) {
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("sending", lang));
  }
}

// Each action of the stage: allowed ones as buttons, refused ones with the rule that refuses them.
void action_list(const AppState& s, const Dispatch& dispatch, const protocol::EnrollmentView& v, Language lang) {
  const Palette& colours = palette(s.prefs.theme);
  bool any = false;
  for (const auto& o : v.actions) {
    // A role that may never take an action here has nothing to learn from its refusal; every other
    // refusal (segregation of duties, tiers, preconditions) is shown with its rule.
    if (workflow::refused_for_role(o)) continue;
    any = true;
    const std::string kind = boost::describe::enum_to_string(o.kind, "");
    const std::string to = " » " + label_of(o.leads_to, lang);  // the font has Latin-1, not the arrows block
    if (o.allowed) {
      const bool open = s.review.chosen == o.kind;
      if (open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
      if (ImGui::Button((label_of(o.kind, lang) + to + "##action:" + kind).c_str())) dispatch(ActionChosen{o.kind});
      if (open) ImGui::PopStyleColor();
      continue;
    }
    const std::string why = label_of(o.kind, lang) + to + " — " + tr("refused_by", lang) + " " + o.code + ": " +
                            validation::message_in(o.code, o.reason, lang);
    coloured(colours.muted, why, ("denied:" + kind).c_str());
  }
  if (!any) ImGui::TextUnformatted(tr("case_no_actions", lang));
}

void outcome(const AppState& s, Language lang) {
  const ReviewCase& rc = s.review;
  const Palette& colours = palette(s.prefs.theme);
  if (rc.reloaded_stale) coloured(colours.warning, tr("case_stale", lang), "case:stale");
  if (rc.refusal)
    coloured(colours.problem, std::string(tr("refused", lang)) + " " + rc.refusal->code + ": " +
                                  validation::message_in(rc.refusal->code, rc.refusal->message, lang),
             "refusal");
  if (rc.done)
    coloured(colours.ok, std::string(tr("case_done", lang)) + " " + label_of(*rc.done, lang) + ".", "case:done");
}

// ---------------------------------------------------------------------------------- [SECTION] timeline

void timeline(const ReviewCase& rc, Language lang) {
  if (!ImGui::BeginTable("##case_timeline", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
  for (auto it = rc.events.rbegin(); it != rc.events.rend(); ++it) {  // newest first
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(it->at.substr(0, 16).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label_of(it->actor.role, lang).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label_of(it->kind, lang).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", it->reason.value_or("").c_str());
  }
  ImGui::EndTable();
}

void workflow_column(const AppState& s, const Dispatch& dispatch, const protocol::EnrollmentView& v, Language lang) {
  heading("case_actions", lang, "section:case_actions");
  action_list(s, dispatch, v, lang);
  outcome(s, lang);
  if (s.review.chosen) action_form(s, dispatch, lang);
  heading("case_timeline", lang, "section:case_timeline");
  timeline(s.review, lang);
}

// ------------------------------------------------------------------------------- [SECTION] the screen

void header(const AppState& s, const Dispatch& dispatch, Language lang) {
  if (ImGui::Button((std::string(tr("back_to_queue", lang)) + "##close_case").c_str())) dispatch(CaseClosed{});
  const ReviewCase& rc = s.review;
  if (!rc.view) return;
  ImGui::SameLine(0, em());
  const std::string name = rc.view->application.entity.legal_name.empty() ? tr("no_name", lang)
                                                                          : rc.view->application.entity.legal_name;
  ImGui::Text("%s — %s: %s", name.c_str(), tr("stage", lang), label_of(rc.view->stage, lang).c_str());
  test_hooks::name_last_item("case:title");
}

// Escape closes what is innermost: the action's form, else the case. Not while typing or in a combo.
void escape(const AppState& s, const Dispatch& dispatch) {
  if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || ImGui::IsAnyItemActive() ||
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    return;
  if (s.review.chosen) dispatch(ActionCancelled{});
  else dispatch(CaseClosed{});
}

}  // namespace

void case_view(const AppState& s, const Dispatch& dispatch) {
  const Language lang = s.prefs.language;
  const ReviewCase& rc = s.review;
  escape(s, dispatch);
  header(s, dispatch, lang);
  if (rc.error) coloured(palette(s.prefs.theme).problem, rc.error->message, "case:error");
  if (!rc.view) {
    if (rc.status == LoadStatus::loading) ImGui::TextUnformatted(tr("loading", lang));
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float half = std::max(10 * em(), (width - ImGui::GetStyle().ItemSpacing.x) / 2);
  // Flattened: the keyboard crosses between the columns with the arrows, as the eye does.
  ImGui::BeginChild("##case_left", ImVec2(half, 0), false, ImGuiWindowFlags_NavFlattened);
  application_column(s, *rc.view, lang);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##case_right", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
  workflow_column(s, dispatch, *rc.view, lang);
  ImGui::EndChild();
}

}  // namespace onb::portal::views
