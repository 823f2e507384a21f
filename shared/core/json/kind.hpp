// The one classification of C++ types the JSON layer dispatches on. Encoding to a tree, encoding to
// text, decoding from a tree, decoding from text and the JSON Schema each have one branch per kind
// and nothing else that looks at the type, so a new supported type is one line here plus one branch
// in each of them; a kind a direction does not handle fails to compile there.
#pragma once

#include "shared/core/describe_traits.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <type_traits>

namespace onb {

using Json = nlohmann::json;

enum class JsonKind {
  boolean,      // bool ↔ true / false
  integer,      // any integral type but bool ↔ a JSON integer, range checked
  floating,     // float, double ↔ a finite JSON number
  string,       // std::string ↔ a JSON string (UTF-8)
  enumeration,  // a described enum ↔ the enumerator's name
  optional,     // std::optional<T> ↔ T or null; an absent member
  list,         // std::vector<T> ↔ an array
  string_map,   // std::map<std::string, T> ↔ an object with any keys
  record,       // a described struct ↔ an object with exactly its public members
  unsupported,  // anything else: a compile error in every direction
};

template <class T>
consteval JsonKind classify_json() {
  if constexpr (std::is_same_v<T, bool>) return JsonKind::boolean;
  else if constexpr (Integer<T>) return JsonKind::integer;
  else if constexpr (std::is_floating_point_v<T>) return JsonKind::floating;
  else if constexpr (std::is_same_v<T, std::string>) return JsonKind::string;
  else if constexpr (DescribedEnum<T>) return JsonKind::enumeration;
  else if constexpr (is_optional<T>::value) return JsonKind::optional;
  else if constexpr (is_vector<T>::value) return JsonKind::list;
  else if constexpr (is_string_map<T>::value) return JsonKind::string_map;
  else if constexpr (DescribedStruct<T>) return JsonKind::record;
  else return JsonKind::unsupported;
}

template <class T>
inline constexpr JsonKind json_kind = classify_json<std::remove_cv_t<T>>();

// For the last `else` of a dispatch: static_assert(no_branch_for<kind>, "...") fires only when a
// kind reaches a direction that has no branch for it.
template <JsonKind>
inline constexpr bool no_branch_for = false;

}  // namespace onb
