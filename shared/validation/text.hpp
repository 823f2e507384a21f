// Text helpers every validator needs: UTF-8 well-formedness, code-point length, trimming.
// Pure functions over bytes; nothing locale-dependent. The UTF-8 and control-character rules
// themselves are shared/core/utf8.hpp's (the server's checks use the same ones).
#pragma once

#include "shared/core/utf8.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace onb::validation {

// Number of code points, or nullopt when the bytes are not well-formed UTF-8 (overlongs,
// surrogates and values above U+10FFFF are not well-formed).
inline std::optional<std::size_t> utf8_length(std::string_view s) { return core::utf8::length(s); }

// True when s contains a C0/C1 control character or DEL (tabs and newlines included: single-line fields).
inline bool has_control_chars(std::string_view s) { return core::utf8::has_control(s); }

std::string_view trim(std::string_view s);

}  // namespace onb::validation
