// Generic printing of described values as their JSON, so a failing test or a log line shows the
// whole value. Formatting for people belongs in the views, not here.
#pragma once

#include "shared/core/json_codec.hpp"

#include <ostream>
#include <string>

namespace onb {

// Invalid UTF-8 in a value (a hostile input quoted in an error) prints as U+FFFD instead of throwing.
inline std::string display_dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

template <class T>
std::string to_display_string(const T& value) {
  if constexpr (std::is_same_v<T, Json>) return display_dump(value);
  else if constexpr (DescribedStruct<T> || DescribedEnum<T> || std::is_arithmetic_v<T> ||
                     std::is_same_v<T, std::string> || is_vector<T>::value || is_optional<T>::value)
    return display_dump(encode(value));
  else return "<unprintable>";
}

template <class T>
std::string to_display_string(const Result<T>& r) {
  if (!r) return "error " + display_dump(encode(r.error()));
  if constexpr (std::is_void_v<T>) return "ok";
  else return "ok " + to_display_string(*r);
}

// Found by ADL for types declared directly in namespace onb; tests reach all described types
// through doctest::StringMaker (tests/shared/support.hpp).
template <class T>
  requires DescribedStruct<T> || DescribedEnum<T>
std::ostream& operator<<(std::ostream& os, const T& value) {
  return os << to_display_string(value);
}

}  // namespace onb
