// Included by every shared test instead of doctest directly: teaches doctest to print any described
// value (and Result) as JSON, so a failed CHECK shows what was compared.
#pragma once

#include "shared/core/print.hpp"

#include <doctest/doctest.h>

namespace doctest {

template <class T>
  requires onb::DescribedStruct<T> || onb::DescribedEnum<T>
struct StringMaker<T> {
  static String convert(const T& value) { return onb::to_display_string(value).c_str(); }
};

template <class T>
struct StringMaker<onb::Result<T>> {
  static String convert(const onb::Result<T>& value) { return onb::to_display_string(value).c_str(); }
};

}  // namespace doctest
