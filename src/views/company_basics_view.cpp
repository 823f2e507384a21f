// The company-basics form: three labelled fields, each followed by the problems shared/validation
// found for it (only once the field was touched, as decided in update). Text fields edit a copy of
// the state's value and dispatch the new text; the country combo filters as the applicant types.
#include "src/views/portal_view.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"

#include "shared/reference/countries.hpp"

#include "imgui.h"
#include "imgui_stdlib.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace onb::portal::views {
namespace {

void field_label(const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  ImGui::SameLine(label_column);
}

float field_width() { return std::min(form_width, ImGui::GetContentRegionAvail().x); }

void problems_of(const AppState& state, const char* path) {
  int n = 0;
  for (const validation::Problem* p : visible_problems(state, path)) {
    ImGui::SetCursorPosX(label_column);  // window-relative, like SameLine(label_column)
    ImGui::PushStyleColor(ImGuiCol_Text, problem_colour);
    ImGui::PushTextWrapPos(label_column + form_width);
    ImGui::TextUnformatted(p->message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    const std::string test_label = "problem:" + std::string(path) + (n++ ? "#" + std::to_string(n) : "");
    test_hooks::name_last_item(test_label.c_str());
  }
}

template <class Edited>
void text_field(const char* label, const char* id, const std::string& value, const char* path, const AppState& state,
                const Dispatch& dispatch) {
  field_label(label);
  std::string text = value;  // ImGui edits a copy; the state changes only through the action
  ImGui::SetNextItemWidth(field_width());
  if (ImGui::InputText(id, &text)) dispatch(Edited{std::move(text)});
  problems_of(state, path);
}

// ASCII case-insensitive "contains"; names outside ASCII match by their exact bytes.
bool matches(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != haystack.end();
}

std::string country_label(const reference::Country& c) {
  return std::string(c.name) + " (" + std::string(c.alpha_2) + ")";
}

// The popup's content: a filter that has the keyboard, and the matching countries. Enter picks the
// first match, so a keyboard user types "fra", Enter.
void country_list(const AppState& state, ViewScratch& scratch, const Dispatch& dispatch) {
  if (ImGui::IsWindowAppearing()) {
    scratch.country_filter.clear();
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##country_filter", "Type to filter", &scratch.country_filter,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::BeginChild("##countries", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10));
  bool picked_first = false;
  for (const reference::Country& c : reference::countries()) {
    const std::string label = country_label(c);
    if (!scratch.country_filter.empty() && !matches(label, scratch.country_filter)) continue;
    const bool selected = state.form.country == c.alpha_2;
    if (ImGui::Selectable(label.c_str(), selected) || (enter && !picked_first)) {
      dispatch(CountryChosen{std::string(c.alpha_2)});
      ImGui::CloseCurrentPopup();
    }
    picked_first = true;
    if (selected && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
  }
  ImGui::EndChild();
}

void country_field(const AppState& state, ViewScratch& scratch, const Dispatch& dispatch) {
  field_label("Country");
  const auto chosen = reference::find_country(state.form.country);
  const std::string preview = chosen                       ? country_label(*chosen)
                              : state.form.country.empty() ? "Choose…"
                                                           : state.form.country;
  ImGui::SetNextItemWidth(field_width());
  const ImGuiID id = ImGui::GetID("##Country");  // before BeginCombo: an open combo is inside its popup
  const bool open = ImGui::BeginCombo("##Country", preview.c_str(), ImGuiComboFlags_HeightLargest);
  test_hooks::name_item(id, "##Country");  // 1.86's BeginCombo reports no label
  if (open) {
    country_list(state, scratch, dispatch);
    ImGui::EndCombo();
  }
  problems_of(state, "/country");
}

}  // namespace

void company_basics_form(const AppState& state, ViewScratch& scratch, const Dispatch& dispatch) {
  // Ids repeat the visible label after "##", which is how tests find the fields.
  text_field<LegalNameEdited>("Legal name", "##Legal name", state.form.legal_name, "/legal_name", state, dispatch);
  country_field(state, scratch, dispatch);
  text_field<VatNumberEdited>("VAT number", "##VAT number", state.form.vat_number, "/vat_number", state, dispatch);
}

}  // namespace onb::portal::views
