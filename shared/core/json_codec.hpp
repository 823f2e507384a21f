// The one JSON codec: any type made of described structs, described enums (as strings), optionals,
// vectors, string-keyed maps, strings, integers, doubles and booleans encodes and decodes here.
// Decoding is strict — wrong type, unknown field, missing required field, out-of-range number — and
// reports the first problem as an Error with the JSON pointer of the field. It never throws.
// Per-type JSON code does not belong anywhere in the project: describe the type instead.
#pragma once

#include "shared/core/describe_traits.hpp"
#include "shared/core/json_pointer.hpp"
#include "shared/core/result.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace onb {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------- encode

template <class T>
Json encode(const T& value);

namespace detail {

template <class T>
void encode_into(Json& out, const T& v) {
  if constexpr (std::is_same_v<T, bool> || Integer<T> || std::is_floating_point_v<T> ||
                std::is_same_v<T, std::string>) {
    out = v;
  } else if constexpr (DescribedEnum<T>) {
    const char* name = boost::describe::enum_to_string(v, nullptr);
    out = name ? Json(name) : Json(nullptr);  // an undescribed value cannot be named; null is decoded as an error
  } else if constexpr (is_optional<T>::value) {
    if (v) encode_into(out, *v);
    else out = nullptr;
  } else if constexpr (is_vector<T>::value) {
    out = Json::array();
    for (const auto& e : v) encode_into(out.emplace_back(), e);
  } else if constexpr (is_string_map<T>::value) {
    out = Json::object();
    for (const auto& [k, e] : v) encode_into(out[k], e);
  } else if constexpr (DescribedStruct<T>) {
    out = Json::object();
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      const auto& member = v.*d.pointer;
      if constexpr (is_optional<std::decay_t<decltype(member)>>::value) {
        if (!member) return;  // absent optionals are omitted rather than written as null
      }
      encode_into(out[d.name], member);
    });
  } else {
    static_assert(sizeof(T) == 0, "onb::encode: type is not described and not a supported JSON value type");
  }
}

inline const char* json_type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "object";
    case Json::value_t::array: return "array";
    case Json::value_t::string: return "string";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    default: return "invalid value";
  }
}

inline Error type_error(const std::string& path, std::string_view expected, const Json& got) {
  return make_error("json.type", path,
                    "expected " + std::string(expected) + ", got " + json_type_name(got));
}

// ---------------------------------------------------------------------------------------------- decode

template <class T>
std::optional<Error> decode_into(const Json& j, T& out, const std::string& path);

template <class T>
std::optional<Error> decode_integer(const Json& j, T& out, const std::string& path) {
  if (j.is_number_unsigned()) {
    const auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
      return make_error("json.range", path, "number " + std::to_string(u) + " is too large");
    out = static_cast<T>(u);
    return std::nullopt;
  }
  if (j.is_number_integer()) {
    const auto s = j.get<std::int64_t>();
    if (s < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        (s > 0 && static_cast<std::uint64_t>(s) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
      return make_error("json.range", path, "number " + std::to_string(s) + " is out of range");
    out = static_cast<T>(s);
    return std::nullopt;
  }
  return type_error(path, "integer", j);
}

template <class T>
std::optional<Error> decode_enum(const Json& j, T& out, const std::string& path) {
  if (!j.is_string()) return type_error(path, "string", j);
  const auto& s = j.get_ref<const std::string&>();
  if (boost::describe::enum_from_string(s.c_str(), out)) return std::nullopt;
  std::string allowed;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto d) {
    allowed += allowed.empty() ? "" : ", ";
    allowed += d.name;
  });
  return make_error("json.enum", path, "'" + s + "' is not one of: " + allowed);
}

template <class T>
std::optional<Error> decode_struct(const Json& j, T& out, const std::string& path) {
  if (!j.is_object()) return type_error(path, "object", j);
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();  // not a structured binding: clang 14 cannot capture those
    bool known = false;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) { known = known || key == d.name; });
    if (!known) return make_error("json.unknown_field", pointer_append(path, key), "unknown field '" + key + "'");
  }
  std::optional<Error> err;
  boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
    if (err) return;
    using M = std::decay_t<decltype(out.*d.pointer)>;
    const std::string member_path = pointer_append(path, d.name);
    const auto it = j.find(d.name);
    if (it == j.end()) {
      if constexpr (!may_be_absent<M>)
        err = make_error("json.missing_field", member_path, std::string("missing required field '") + d.name + "'");
      return;
    }
    err = decode_into(*it, out.*d.pointer, member_path);
  });
  return err;
}

template <class T>
std::optional<Error> decode_into(const Json& j, T& out, const std::string& path) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) return type_error(path, "boolean", j);
    out = j.get<bool>();
  } else if constexpr (Integer<T>) {
    return decode_integer(j, out, path);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!j.is_number()) return type_error(path, "number", j);
    out = j.get<T>();
    if (!std::isfinite(out)) return make_error("json.range", path, "number is not finite");
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) return type_error(path, "string", j);
    out = j.get_ref<const std::string&>();
  } else if constexpr (DescribedEnum<T>) {
    return decode_enum(j, out, path);
  } else if constexpr (is_optional<T>::value) {
    if (j.is_null()) {
      out.reset();
      return std::nullopt;
    }
    typename T::value_type inner{};
    if (auto e = decode_into(j, inner, path)) return e;
    out = std::move(inner);
  } else if constexpr (is_vector<T>::value) {
    if (!j.is_array()) return type_error(path, "array", j);
    out.clear();
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      if (auto e = decode_into(j[i], out[i], pointer_append(path, i))) return e;
  } else if constexpr (is_string_map<T>::value) {
    if (!j.is_object()) return type_error(path, "object", j);
    out.clear();
    for (const auto& [key, value] : j.items())
      if (auto e = decode_into(value, out[key], pointer_append(path, key))) return e;
  } else if constexpr (DescribedStruct<T>) {
    return decode_struct(j, out, path);
  } else {
    static_assert(sizeof(T) == 0, "onb::decode: type is not described and not a supported JSON value type");
  }
  return std::nullopt;
}

}  // namespace detail

template <class T>
Json encode(const T& value) {
  Json out;
  detail::encode_into(out, value);
  return out;
}

// Strict decode of an already parsed document. `path` prefixes every error path (for embedded parts).
template <class T>
[[nodiscard]] Result<T> decode(const Json& j, const std::string& path = "") {
  T out{};
  // in_place_* tags: for T = Error (decoding an error reply) plain returns would be ambiguous.
  if (auto e = detail::decode_into(j, out, path)) return Result<T>(boost::system::in_place_error, std::move(*e));
  return Result<T>(boost::system::in_place_value, std::move(out));
}

// Limits applied while parsing untrusted text; the server's body limit bounds the rest.
inline constexpr std::size_t max_json_depth = 64;  // our model nests < 8 deep; deeper input is hostile

// Parses JSON text without exceptions. Syntax errors, invalid UTF-8 and nesting deeper than
// max_json_depth become Error{"json.syntax" | "json.too_deep", "", message with byte offset}.
[[nodiscard]] Result<Json> parse_json(std::string_view text);

// parse_json + decode.
template <class T>
[[nodiscard]] Result<T> decode_text(std::string_view text) {
  auto j = parse_json(text);
  if (!j) return Result<T>(boost::system::in_place_error, j.error());
  return decode<T>(*j);
}

}  // namespace onb
