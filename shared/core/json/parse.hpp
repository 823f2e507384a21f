// Parsing untrusted JSON text into a Json tree without exceptions.
#pragma once

#include "shared/core/json/kind.hpp"
#include "shared/core/result.hpp"

#include <cstddef>
#include <string_view>

namespace onb {

// Limits applied while parsing untrusted text; the server's body limit bounds the rest.
inline constexpr std::size_t max_json_depth = 64;  // our model nests < 8 deep; deeper input is hostile

// Syntax errors, invalid UTF-8 and nesting deeper than max_json_depth become
// Error{"json.syntax" | "json.too_deep", "", message with byte offset}.
[[nodiscard]] Result<Json> parse_json(std::string_view text);

}  // namespace onb
