// The step-by-step application: the steps (with their problem counts), the overall completeness and
// what is still missing, the current step's sections drawn by the generic form, Back / Next, and on the
// last step every problem and the Submit button. Which steps exist is shared/workflow/steps.hpp's decision.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/form_fields.hpp"
#include "src/views/style.hpp"

#include "shared/workflow/steps.hpp"

#include "imgui.h"

#include <algorithm>

namespace onb::portal::views {
namespace {

using workflow::StepCount;
using workflow::StepId;
using workflow::step_counts;
using workflow::steps_for;

const char* name_of(StepId id) { return boost::describe::enum_to_string(id, "step"); }

void step_bar(const AppState& s, const Dispatch& dispatch, const std::vector<StepCount>& counts) {
  const Language lang = s.prefs.language;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const StepCount& c = counts[i];
    std::string label = std::to_string(i + 1) + ". " + step_label(name_of(c.step), lang);
    if (c.errors) label += " (" + std::to_string(c.errors) + ")";
    label += std::string("##step:") + name_of(c.step);
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * em() >
          ImGui::GetWindowContentRegionMax().x)
        ImGui::NewLine();
    }
    const bool current = static_cast<int>(i) == s.step;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label.c_str())) dispatch(StepChosen{static_cast<int>(i)});
    if (current) ImGui::PopStyleColor();
  }
}

void completeness(const AppState& s) {
  const Language lang = s.prefs.language;
  const std::string overlay = std::to_string(s.report.completeness) + " % " + tr("complete", lang);
  ImGui::ProgressBar(static_cast<float>(s.report.completeness) / 100.0f, ImVec2(form_width() * 0.6f, 0),
                     overlay.c_str());
  test_hooks::name_last_item("completeness");
}

template <class M>
void edit_section_member(const FormCtx& c, std::string_view section, const model::Application& app) {
  boost::mp11::mp_for_each<public_members<model::Application>>([&](auto d) {
    if (section.substr(1) == d.name) edit(c, d.name, std::string(section), app.*d.pointer);
  });
}

void section(const FormCtx& c, const std::string& path) {
  const std::string_view member = std::string_view(path).substr(1);
  const int errors = problems_under(c.state.report.problems, path, validation::Severity::error);
  ImGui::Spacing();
  ImGui::Separator();
  std::string heading = field_label(member, c.lang);
  if (errors) heading += "  (" + std::to_string(errors) + " " + tr("errors", c.lang) + ")";
  ImGui::TextUnformatted(heading.c_str());
  test_hooks::name_last_item(("section:" + path).c_str());
  if (path == "/documents") return documents_section(c.state, c.dispatch);
  if (path == "/consents") return consents_section(c.state, c.dispatch);
  if (path == "/entity") {  // a struct, edited member by member without a second heading
    edit_members(c, path, c.state.application.entity);
    return;
  }
  edit_section_member<model::Application>(c, path, c.state.application);
}

// Every problem, in the person's language, each a button that jumps to its step.
void review(const FormCtx& c, const std::vector<StepId>& steps) {
  ImGui::TextUnformatted(tr("review_intro", c.lang));
  if (c.state.report.problems.empty()) ImGui::TextUnformatted(tr("no_problems", c.lang));
  int n = 0;
  for (const auto& p : c.state.report.problems) {
    const Palette& colours = palette(c.state.prefs.theme);
    const bool error = p.severity == validation::Severity::error;
    ImGui::PushStyleColor(ImGuiCol_Text, error ? colours.problem : colours.warning);
    const std::string label = p.path + ": " + validation::message_in(p, c.lang) + "##review:" + std::to_string(n++);
    if (ImGui::Selectable(label.c_str())) {
      for (std::size_t i = 0; i < steps.size(); ++i)
        for (const auto& sec : step_sections(steps[i]))
          if (p.path.compare(0, sec.size(), sec) == 0) c.dispatch(StepChosen{static_cast<int>(i)});
    }
    ImGui::PopStyleColor();
  }
}

void nav_buttons(const AppState& s, const Dispatch& dispatch, std::size_t step_count) {
  const Language lang = s.prefs.language;
  ImGui::BeginDisabled(s.step == 0);
  if (ImGui::Button(tr("back", lang))) dispatch(StepChosen{s.step - 1});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (static_cast<std::size_t>(s.step) + 1 < step_count) {
    if (ImGui::Button(tr("next", lang))) dispatch(StepChosen{s.step + 1});
    ImGui::SameLine();
  }
  const bool submitted = s.enrollment && s.enrollment->stage != workflow::Stage::draft;
  ImGui::BeginDisabled(s.outbox.has_value() || submitted);
  const bool rep = s.session && s.session->account.role == workflow::Role::sales_rep;
  const std::string label = std::string(tr(rep ? "submit_invite" : "submit", lang)) + "##submit";
  if (ImGui::Button(label.c_str())) dispatch(SubmitClicked{});
  ImGui::EndDisabled();
}

}  // namespace

void application_view(const AppState& s, const Dispatch& dispatch) {
  const FormCtx c{s, dispatch, s.prefs.language};
  const auto steps = steps_for(s.application);
  const auto counts = step_counts(s.application, s.report);
  status_view(s, dispatch);
  step_bar(s, dispatch, counts);
  completeness(s);
  missing_list(s, dispatch);

  const float footer = 3.5f * ImGui::GetFrameHeightWithSpacing();
  // Flattened: arrows and Tab move from the last field to the buttons below as on one page.
  ImGui::BeginChild("##step_body", ImVec2(0, -footer), false, ImGuiWindowFlags_NavFlattened);
  const StepId current = steps[static_cast<std::size_t>(std::clamp(s.step, 0, static_cast<int>(steps.size()) - 1))];
  ImGui::PushID(name_of(current));
  if (current == StepId::review) review(c, steps);
  for (const auto& path : visible_sections(current, s.application)) section(c, path);
  ImGui::PopID();
  ImGui::EndChild();

  nav_buttons(s, dispatch, steps.size());
  submission_status(s);
}

}  // namespace onb::portal::views
