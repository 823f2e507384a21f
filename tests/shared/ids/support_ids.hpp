// Shared helpers of the identifier-scheme tests: run a scheme by name and read the failure class.
#pragma once

#include "shared/ids/scheme.hpp"

#include "../support.hpp"

#include <string_view>

namespace ids_test {

inline onb::ids::Check check(std::string_view scheme, std::string_view input) {
  const onb::ids::Scheme* s = onb::ids::find_scheme(scheme);
  REQUIRE_MESSAGE(s != nullptr, "no scheme " << scheme);
  return s->validate(input);
}

// Failure::none for a valid number, so one CHECK states the whole expectation.
inline onb::ids::Failure failure(std::string_view scheme, std::string_view input) {
  return check(scheme, input).failure;
}
inline std::string compact(std::string_view scheme, std::string_view input) { return check(scheme, input).compact; }
inline std::string format(std::string_view scheme, std::string_view input) {
  return onb::ids::find_scheme(scheme)->format(input);
}

}  // namespace ids_test
