// JSON Schema (draft 2020-12) generated from the same Boost.Describe descriptions the codec uses, so
// the schema cannot drift from what decode() accepts: required = members that may not be absent,
// additionalProperties = false, enums list their enumerator names, optionals also accept null.
// Hand-written schema fragments do not belong here; describe the type instead.
#pragma once

#include "shared/core/describe_traits.hpp"
#include "shared/core/json_codec.hpp"

namespace onb {

namespace detail {

template <class T>
Json schema_of() {
  constexpr JsonKind kind = json_kind<T>;
  if constexpr (kind == JsonKind::boolean) {
    return {{"type", "boolean"}};
  } else if constexpr (kind == JsonKind::integer) {
    Json s = {{"type", "integer"}};
    if constexpr (std::is_unsigned_v<T>) s["minimum"] = 0;
    return s;
  } else if constexpr (kind == JsonKind::floating) {
    return {{"type", "number"}};
  } else if constexpr (kind == JsonKind::string) {
    return {{"type", "string"}};
  } else if constexpr (kind == JsonKind::enumeration) {
    Json names = Json::array();
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto d) { names.push_back(d.name); });
    return {{"type", "string"}, {"enum", names}};
  } else if constexpr (kind == JsonKind::optional) {
    return {{"anyOf", Json::array({schema_of<typename T::value_type>(), Json{{"type", "null"}}})}};
  } else if constexpr (kind == JsonKind::list) {
    return {{"type", "array"}, {"items", schema_of<typename T::value_type>()}};
  } else if constexpr (kind == JsonKind::string_map) {
    return {{"type", "object"}, {"additionalProperties", schema_of<typename T::mapped_type>()}};
  } else if constexpr (kind == JsonKind::record) {
    Json props = Json::object();
    Json required = Json::array();
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      using M = std::decay_t<decltype(std::declval<T&>().*d.pointer)>;
      props[d.name] = schema_of<M>();
      if constexpr (!may_be_absent<M>) required.push_back(d.name);
    });
    return {{"type", "object"}, {"properties", props}, {"required", required}, {"additionalProperties", false}};
  } else {
    static_assert(no_branch_for<kind>, "onb::json_schema: type is not described");
  }
}

}  // namespace detail

// A complete schema document for T with the 2020-12 dialect and the given $id and title.
template <class T>
Json json_schema(std::string_view id, std::string_view title) {
  Json s = detail::schema_of<T>();
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["$id"] = std::string(id);
  s["title"] = std::string(title);
  return s;
}

}  // namespace onb
