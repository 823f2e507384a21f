// JSON pointer (RFC 6901) building: every Error and validation problem addresses its field this way.
// Only construction lives here; resolution is nlohmann::json_pointer's job.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace onb {

// "/a~1b" for token "a/b": '~' becomes "~0" and '/' becomes "~1".
inline std::string pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size() + 1);
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

inline std::string pointer_append(std::string_view base, std::string_view token) {
  std::string out(base);
  out += '/';
  out += pointer_token(token);
  return out;
}

inline std::string pointer_append(std::string_view base, std::size_t index) {
  std::string out(base);
  out += '/';
  out += std::to_string(index);
  return out;
}

}  // namespace onb
