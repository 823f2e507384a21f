// The widgets of the generic form: a label column, the field, and the field's problems beneath it in
// the person's language. Every widget edits a copy of the state's value and dispatches the change.
#include "src/views/form_fields.hpp"

#include "src/platform/test_hooks.hpp"
#include "src/views/style.hpp"

#include "imgui_stdlib.h"

#include <algorithm>

namespace onb::portal::views {
namespace {

std::string id_of(const std::string& path) { return "##" + path; }

float field_width() { return std::min(form_width(), ImGui::GetContentRegionAvail().x); }

bool is_date(std::string_view member) {
  return member.size() >= 4 && (member.substr(member.size() - 4) == "date" || member == "date_of_birth" ||
                                member == "fiscal_year_end");
}

}  // namespace

void field_label(const FormCtx& c, std::string_view member) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(field_label(member, c.lang).c_str());
  ImGui::SameLine(label_column());
}

void field_problems(const FormCtx& c, const std::string& path) {
  int n = 0;
  const Palette& colours = palette(c.state.prefs.theme);
  for (const validation::Problem* p : visible_problems(c.state, path)) {
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), label_column()));
    const bool error = p->severity == validation::Severity::error;
    ImGui::PushStyleColor(ImGuiCol_Text, error ? colours.problem : colours.warning);
    ImGui::PushTextWrapPos(label_column() + form_width());
    ImGui::TextUnformatted(validation::message_in(*p, c.lang).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    const std::string label = "problem:" + path + (n++ ? "#" + std::to_string(n) : "");
    test_hooks::name_last_item(label.c_str());
  }
}

void text_field(const FormCtx& c, std::string_view member, const std::string& path, const std::string& value,
                bool optional) {
  field_label(c, member);
  std::string text = value;
  ImGui::SetNextItemWidth(field_width());
  const bool changed = is_date(member) ? ImGui::InputTextWithHint(id_of(path).c_str(), "YYYY-MM-DD", &text)
                                       : ImGui::InputText(id_of(path).c_str(), &text);
  if (changed) c.dispatch(FieldEdited{path, optional && text.empty() ? Json(nullptr) : Json(text)});
  field_problems(c, path);
}

void bool_field(const FormCtx& c, std::string_view member, const std::string& path, bool value) {
  field_label(c, member);
  bool v = value;
  if (ImGui::Checkbox(id_of(path).c_str(), &v)) c.dispatch(FieldEdited{path, Json(v)});
  field_problems(c, path);
}

void integer_field(const FormCtx& c, std::string_view member, const std::string& path, long long value) {
  field_label(c, member);
  long long v = value;
  ImGui::SetNextItemWidth(std::min(10 * em(), field_width()));
  if (ImGui::InputScalar(id_of(path).c_str(), ImGuiDataType_S64, &v)) c.dispatch(FieldEdited{path, Json(v)});
  field_problems(c, path);
}

void number_field(const FormCtx& c, std::string_view member, const std::string& path, double value) {
  field_label(c, member);
  double v = value;
  ImGui::SetNextItemWidth(std::min(10 * em(), field_width()));
  if (ImGui::InputDouble(id_of(path).c_str(), &v, 0, 0, "%.2f")) c.dispatch(FieldEdited{path, Json(v)});
  field_problems(c, path);
}

// A combo of the enumerators; keyboard: Enter opens, arrows move, Enter picks, Escape closes.
void choice_field(const FormCtx& c, std::string_view member, const std::string& path, std::string_view value,
                  const std::vector<const char*>& choices) {
  field_label(c, member);
  ImGui::SetNextItemWidth(field_width());
  const std::string id = id_of(path);
  const ImGuiID imgui_id = ImGui::GetID(id.c_str());  // before BeginCombo: an open combo is inside its popup
  const bool open = ImGui::BeginCombo(id.c_str(), value_label(value, c.lang).c_str());
  test_hooks::name_item(imgui_id, id.c_str());  // 1.86's BeginCombo reports no label
  if (open) {
    for (const char* name : choices) {
      const std::string label = value_label(name, c.lang) + "##" + path + "=" + name;
      if (ImGui::Selectable(label.c_str(), value == name)) c.dispatch(FieldEdited{path, Json(name)});
      if (value == name && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  field_problems(c, path);
}

bool group_heading(const FormCtx& c, const std::string& title, const std::string& path, bool removable) {
  if (!title.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(title.c_str());
  }
  bool removed = false;
  if (removable) {
    ImGui::SameLine();
    const std::string label = std::string(tr("remove", c.lang)) + "##remove:" + path;
    if (ImGui::SmallButton(label.c_str())) {
      removed = true;
      const bool in_list = !path.empty() && path.find_last_not_of("0123456789") == path.rfind('/');
      if (in_list) c.dispatch(ItemRemoved{path});
      else c.dispatch(FieldEdited{path, Json(nullptr)});
    }
  }
  if (!title.empty()) field_problems(c, path);
  return removed;
}

void add_button(const FormCtx& c, const std::string& title, const std::string& path, Json value, bool to_list) {
  if (!to_list) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    ImGui::SameLine(label_column());
  }
  const std::string label = std::string(tr("add", c.lang)) + (to_list ? " " + title : "") + "##add:" + path;
  if (ImGui::Button(label.c_str())) {
    if (to_list) c.dispatch(ItemAdded{path, std::move(value)});
    else c.dispatch(FieldEdited{path, std::move(value)});
  }
  field_problems(c, path);
}

}  // namespace onb::portal::views
