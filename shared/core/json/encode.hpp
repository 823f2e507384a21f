// Encoding a value to a Json tree, for callers that compose or inspect documents. Text for the wire
// comes from encode_text (fast_write.hpp), which writes the same bytes as this tree's dump.
#pragma once

#include "shared/core/json/kind.hpp"

#include <type_traits>

namespace onb {

namespace detail {

template <class T>
void encode_into(Json& out, const T& v) {
  constexpr JsonKind kind = json_kind<T>;
  if constexpr (kind == JsonKind::boolean || kind == JsonKind::integer || kind == JsonKind::floating ||
                kind == JsonKind::string) {
    out = v;
  } else if constexpr (kind == JsonKind::enumeration) {
    const char* name = boost::describe::enum_to_string(v, nullptr);
    out = name ? Json(name) : Json(nullptr);  // an undescribed value cannot be named; null is decoded as an error
  } else if constexpr (kind == JsonKind::optional) {
    if (v) encode_into(out, *v);
    else out = nullptr;
  } else if constexpr (kind == JsonKind::list) {
    out = Json::array();
    for (const auto& e : v) encode_into(out.emplace_back(), e);
  } else if constexpr (kind == JsonKind::string_map) {
    out = Json::object();
    for (const auto& [k, e] : v) encode_into(out[k], e);
  } else if constexpr (kind == JsonKind::record) {
    out = Json::object();
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      const auto& member = v.*d.pointer;
      if constexpr (json_kind<std::decay_t<decltype(member)>> == JsonKind::optional) {
        if (!member) return;  // absent optionals are omitted rather than written as null
      }
      encode_into(out[d.name], member);
    });
  } else {
    static_assert(no_branch_for<kind>, "onb::encode: type is not described and not a supported JSON value type");
  }
}

}  // namespace detail

template <class T>
Json encode(const T& value) {
  Json out;
  detail::encode_into(out, value);
  return out;
}

}  // namespace onb
