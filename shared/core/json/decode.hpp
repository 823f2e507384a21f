// Strict decoding of a Json tree: wrong type, unknown field, missing required field and
// out-of-range number are errors, and the first one is reported with the JSON pointer of the field.
// Never throws. This path names every problem; decode_text (fast_read.hpp) falls back to it.
#pragma once

#include "shared/core/json/kind.hpp"
#include "shared/core/json/parse.hpp"
#include "shared/core/json_pointer.hpp"
#include "shared/core/result.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace onb {

namespace detail {

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
  return make_error(ErrorCategory::malformed, "json.type", path,
                    "expected " + std::string(expected) + ", got " + json_type_name(got));
}

// Where a value sits, turned into a JSON pointer only when an error names it, so that a decode
// that succeeds builds no path strings.
struct PathLink {
  enum class Kind { root, key, index };
  Kind kind = Kind::root;
  const PathLink* parent = nullptr;
  std::string_view text;  // root: the caller's prefix; key: the member name or map key
  std::size_t index = 0;

  PathLink child(std::string_view key) const { return PathLink{Kind::key, this, key, 0}; }
  PathLink child(std::size_t i) const { return PathLink{Kind::index, this, {}, i}; }
  std::string str() const {
    if (kind == Kind::root) return std::string(text);
    return kind == Kind::key ? pointer_append(parent->str(), text) : pointer_append(parent->str(), index);
  }
};

template <class T>
std::optional<Error> decode_into(const Json& j, T& out, const PathLink& path);

template <class T>
std::optional<Error> decode_integer(const Json& j, T& out, const PathLink& path) {
  if (j.is_number_unsigned()) {
    const auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
      return make_error(ErrorCategory::malformed, "json.range", path.str(), "number " + std::to_string(u) + " is too large");
    out = static_cast<T>(u);
    return std::nullopt;
  }
  if (j.is_number_integer()) {
    const auto s = j.get<std::int64_t>();
    if (s < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        (s > 0 && static_cast<std::uint64_t>(s) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
      return make_error(ErrorCategory::malformed, "json.range", path.str(), "number " + std::to_string(s) + " is out of range");
    out = static_cast<T>(s);
    return std::nullopt;
  }
  return type_error(path.str(), "integer", j);
}

template <class T>
std::optional<Error> decode_enum(const Json& j, T& out, const PathLink& path) {
  if (!j.is_string()) return type_error(path.str(), "string", j);
  const auto& s = j.get_ref<const std::string&>();
  if (boost::describe::enum_from_string(s.c_str(), out)) return std::nullopt;
  std::string allowed;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto d) {
    allowed += allowed.empty() ? "" : ", ";
    allowed += d.name;
  });
  return make_error(ErrorCategory::malformed, "json.enum", path.str(), "'" + s + "' is not one of: " + allowed);
}

template <class T>
std::optional<Error> decode_struct(const Json& j, T& out, const PathLink& path) {
  if (!j.is_object()) return type_error(path.str(), "object", j);
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();  // not a structured binding: clang 14 cannot capture those
    bool known = false;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) { known = known || key == d.name; });
    if (!known) return make_error(ErrorCategory::malformed, "json.unknown_field", path.child(key).str(), "unknown field '" + key + "'");
  }
  std::optional<Error> err;
  boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
    if (err) return;
    using M = std::decay_t<decltype(out.*d.pointer)>;
    const auto member_path = path.child(d.name);
    const auto it = j.find(d.name);
    if (it == j.end()) {
      if constexpr (!may_be_absent<M>)
        err = make_error(ErrorCategory::malformed, "json.missing_field", member_path.str(),
                         std::string("missing required field '") + d.name + "'");
      return;
    }
    err = decode_into(*it, out.*d.pointer, member_path);
  });
  return err;
}

template <class T>
std::optional<Error> decode_into(const Json& j, T& out, const PathLink& path) {
  constexpr JsonKind kind = json_kind<T>;
  if constexpr (kind == JsonKind::boolean) {
    if (!j.is_boolean()) return type_error(path.str(), "boolean", j);
    out = j.get<bool>();
  } else if constexpr (kind == JsonKind::integer) {
    return decode_integer(j, out, path);
  } else if constexpr (kind == JsonKind::floating) {
    if (!j.is_number()) return type_error(path.str(), "number", j);
    out = j.get<T>();
    if (!std::isfinite(out)) return make_error(ErrorCategory::malformed, "json.range", path.str(), "number is not finite");
  } else if constexpr (kind == JsonKind::string) {
    if (!j.is_string()) return type_error(path.str(), "string", j);
    out = j.get_ref<const std::string&>();
  } else if constexpr (kind == JsonKind::enumeration) {
    return decode_enum(j, out, path);
  } else if constexpr (kind == JsonKind::optional) {
    if (j.is_null()) {
      out.reset();
      return std::nullopt;
    }
    typename T::value_type inner{};
    if (auto e = decode_into(j, inner, path)) return e;
    out = std::move(inner);
  } else if constexpr (kind == JsonKind::list) {
    if (!j.is_array()) return type_error(path.str(), "array", j);
    out.clear();
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      if (auto e = decode_into(j[i], out[i], path.child(i))) return e;
  } else if constexpr (kind == JsonKind::string_map) {
    if (!j.is_object()) return type_error(path.str(), "object", j);
    out.clear();
    for (auto it = j.begin(); it != j.end(); ++it)
      if (auto e = decode_into(it.value(), out[it.key()], path.child(it.key()))) return e;
  } else if constexpr (kind == JsonKind::record) {
    return decode_struct(j, out, path);
  } else {
    static_assert(no_branch_for<kind>, "onb::decode: type is not described and not a supported JSON value type");
  }
  return std::nullopt;
}

}  // namespace detail

// Strict decode of an already parsed document. `path` prefixes every error path (for embedded parts).
template <class T>
[[nodiscard]] Result<T> decode(const Json& j, const std::string& path = "") {
  T out{};
  // in_place_* tags: for T = Error (decoding an error reply) plain returns would be ambiguous.
  if (auto e = detail::decode_into(j, out, detail::PathLink{detail::PathLink::Kind::root, nullptr, path, 0}))
    return Result<T>(boost::system::in_place_error, std::move(*e));
  return Result<T>(boost::system::in_place_value, std::move(out));
}

// parse_json + decode, always through the tree (decode_text is the same result, usually faster;
// tests compare the two).
template <class T>
[[nodiscard]] Result<T> decode_text_tree(std::string_view text) {
  auto j = parse_json(text);
  if (!j) return Result<T>(boost::system::in_place_error, j.error());
  return decode<T>(*j);
}

}  // namespace onb
