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
// Error{"json.syntax" | "json.too_deep", "", message with byte offset}; anything but whitespace
// after the value (a NUL byte included) is Error{"json.trailing_bytes", ""}, and a key repeated in
// one object is Error{"json.duplicate_key", JSON pointer of the repeated member}.
[[nodiscard]] Result<Json> parse_json(std::string_view text);

}  // namespace onb
