// The portal's one window, filling the canvas: heading, the company-basics form, "Save draft" and
// "Submit", and one line each for where the draft and the submission stand. The wording of those lines
// is presentation of state; what the states mean is decided in src/app/update.cpp.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"

#include "imgui.h"

#include <string>

namespace onb::portal::views {
namespace {

std::string draft_line(const AppState& s) {
  switch (s.draft) {
    case DraftStatus::opening_storage:
      return "Opening this browser's draft storage…";
    case DraftStatus::storage_unavailable:
      return "Drafts cannot be kept in this browser: " + s.draft_message;
    case DraftStatus::no_draft:
      return "";
    case DraftStatus::restored:
      return "Restored the draft saved in this browser.";
    case DraftStatus::unreadable:
      return "The draft saved in this browser could not be read: " + s.draft_message;
    case DraftStatus::saving:
      return "Saving the draft…";
    case DraftStatus::saved:
      return "Draft saved in this browser.";
    case DraftStatus::save_failed:
      return "Saving the draft failed: " + s.draft_message;
  }
  return "";
}

std::string submission_line(const Submission& sub) {
  const std::string where = sub.error && !sub.error->path.empty() ? " (at " + sub.error->path + ")" : "";
  switch (sub.status) {
    case SubmitStatus::not_sent:
      return "";
    case SubmitStatus::sending:
      return "Sending…";
    case SubmitStatus::stored:
      return "Stored on the server as draft " + sub.draft_id + "." +
             (sub.problems.empty() ? ""
                                   : " " + std::to_string(sub.problems.size()) + " problem(s) to fix before review.");
    case SubmitStatus::rejected:
      return "The server did not accept the draft: " + sub.error->message + where;
    case SubmitStatus::unreachable:
      return sub.error->message;
  }
  return "";
}

void status_line(const std::string& text, const ImVec4& colour, const char* test_label) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(label_column + form_width);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  test_hooks::name_last_item(test_label);
}

void buttons(const AppState& s, const Dispatch& dispatch) {
  ImGui::SetCursorPosX(label_column);  // window-relative, like SameLine(label_column)
  const bool storage_ready = s.draft != DraftStatus::opening_storage && s.draft != DraftStatus::storage_unavailable;
  ImGui::BeginDisabled(!storage_ready);
  if (ImGui::Button("Save draft")) dispatch(SaveDraftClicked{});
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.submission.status == SubmitStatus::sending);
  if (ImGui::Button("Submit")) dispatch(SubmitClicked{});
  ImGui::EndDisabled();
}

bool failed(const Submission& sub) {
  return sub.status == SubmitStatus::rejected || sub.status == SubmitStatus::unreachable;
}

}  // namespace

void portal_view(const AppState& state, ViewScratch& scratch, const Dispatch& dispatch) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(page_padding, page_padding));
  ImGui::Begin("Onboarding", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();

  ImGui::TextUnformatted("Company basics");
  ImGui::PushStyleColor(ImGuiCol_Text, muted_colour);
  ImGui::TextUnformatted("Who is the company? Names in any script, as in the commercial register.");
  ImGui::PopStyleColor();
  ImGui::Separator();
  ImGui::Spacing();

  company_basics_form(state, scratch, dispatch);
  ImGui::Spacing();
  buttons(state, dispatch);
  ImGui::Spacing();
  status_line(
      draft_line(state),
      state.draft == DraftStatus::save_failed || state.draft == DraftStatus::unreadable ? problem_colour : muted_colour,
      "status:draft");
  status_line(submission_line(state.submission), failed(state.submission) ? problem_colour : muted_colour,
              "status:submission");
  if (state.font == FontStatus::failed)
    status_line("The Unicode font could not be loaded: letters beyond ASCII show as '?'.", problem_colour,
                "status:font");
  ImGui::End();
}

}  // namespace onb::portal::views
