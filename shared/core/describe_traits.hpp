// Type traits the generic layers (JSON codec, schema, printer, portal forms) dispatch on.
// Only classification lives here; what to do with each kind belongs to the layer that uses it.
#pragma once

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace onb {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_string_map : std::false_type {};
template <class V>
struct is_string_map<std::map<std::string, V>> : std::true_type {};

template <class T>
concept DescribedStruct = boost::describe::has_describe_members<T>::value && std::is_class_v<T> && !std::is_union_v<T>;

template <class T>
concept DescribedEnum = boost::describe::has_describe_enumerators<T>::value && std::is_enum_v<T>;

template <class T>
concept Integer = std::is_integral_v<T> && !std::is_same_v<T, bool>;

template <class T>
using public_members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

// A member may be absent from JSON only when an empty value is meaningful without it: optionals
// (absent = not given) and lists (absent = none). Everything else must be present so that a typo
// in a field name is an error instead of a silently defaulted value.
template <class T>
inline constexpr bool may_be_absent = is_optional<T>::value || is_vector<T>::value || is_string_map<T>::value;

}  // namespace onb
