// The generic form: draws an editor for any described part of model::Application by walking its
// Boost.Describe members (the same description the codec and the schema use), so every field of the
// model is editable without a hand-written widget per field. Each edit dispatches FieldEdited /
// ItemAdded / ItemRemoved with the field's JSON pointer; the problems shared/validation found for a
// field are drawn under it. Widget ids are "##<pointer>", which is how tests find them.
#pragma once

#include "src/app/actions.hpp"
#include "src/views/texts.hpp"

#include "shared/core/describe_traits.hpp"
#include "shared/core/json_codec.hpp"

#include "imgui.h"

#include <string>
#include <string_view>
#include <vector>

namespace onb::portal::views {

struct FormCtx {
  const AppState& state;
  const Dispatch& dispatch;
  Language lang = Language::en;
};

// [form_fields.cpp] the non-template parts
void field_label(const FormCtx& c, std::string_view member);
void field_problems(const FormCtx& c, const std::string& path);
void text_field(const FormCtx& c, std::string_view member, const std::string& path, const std::string& value,
                bool optional);
void bool_field(const FormCtx& c, std::string_view member, const std::string& path, bool value);
void integer_field(const FormCtx& c, std::string_view member, const std::string& path, long long value);
void number_field(const FormCtx& c, std::string_view member, const std::string& path, double value);
void choice_field(const FormCtx& c, std::string_view member, const std::string& path, std::string_view value,
                  const std::vector<const char*>& choices);
// A heading for a group (nested struct, list element) with an optional Remove button; true = removed.
bool group_heading(const FormCtx& c, const std::string& title, const std::string& path, bool removable);
void add_button(const FormCtx& c, const std::string& title, const std::string& path, Json value, bool to_list);

template <class E>
const std::vector<const char*>& enumerators() {
  static const std::vector<const char*> names = [] {
    std::vector<const char*> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { out.push_back(d.name); });
    return out;
  }();
  return names;
}

template <class T>
void edit(const FormCtx& c, std::string_view member, const std::string& path, const T& v);

template <class T>
void edit_members(const FormCtx& c, const std::string& path, const T& v) {
  boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
    edit(c, d.name, pointer_append(path, d.name), v.*d.pointer);
  });
}

template <class T>
void edit(const FormCtx& c, std::string_view member, const std::string& path, const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    text_field(c, member, path, v, false);
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    text_field(c, member, path, v.value_or(""), true);  // empty = not given
  } else if constexpr (std::is_same_v<T, bool>) {
    bool_field(c, member, path, v);
  } else if constexpr (Integer<T>) {
    integer_field(c, member, path, static_cast<long long>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    number_field(c, member, path, static_cast<double>(v));
  } else if constexpr (DescribedEnum<T>) {
    const char* name = boost::describe::enum_to_string(v, "");
    choice_field(c, member, path, name, enumerators<T>());
  } else if constexpr (is_optional<T>::value) {
    using Inner = typename T::value_type;
    const std::string title = field_label(member, c.lang);
    if (!v) return add_button(c, title, path, encode(Inner{}), false);
    if constexpr (DescribedStruct<Inner>) {
      if (group_heading(c, title, path, true)) return;
      ImGui::Indent();
      edit_members(c, path, *v);
      ImGui::Unindent();
    } else {
      edit(c, member, path, *v);
      if (group_heading(c, "", path, true)) return;
    }
  } else if constexpr (is_vector<T>::value) {
    using Inner = typename T::value_type;
    const std::string title = item_label(member, c.lang);
    field_problems(c, path);
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string at = pointer_append(path, i);
      if constexpr (DescribedStruct<Inner>) {
        if (group_heading(c, title + " " + std::to_string(i + 1), at, true)) return;
        ImGui::Indent();
        edit_members(c, at, v[i]);
        ImGui::Unindent();
      } else {
        edit(c, member, at, v[i]);
        if (group_heading(c, "", at, true)) return;
      }
    }
    add_button(c, title, path, encode(Inner{}), true);
  } else if constexpr (DescribedStruct<T>) {
    group_heading(c, field_label(member, c.lang), path, false);
    ImGui::Indent();
    edit_members(c, path, v);
    ImGui::Unindent();
  } else {
    static_assert(sizeof(T) == 0, "views::edit: add a widget for this kind of member");
  }
}

}  // namespace onb::portal::views
