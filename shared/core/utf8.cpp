// The loops over decode(); each skips ASCII a byte at a time without decoding (most text is ASCII).
#include "shared/core/utf8.hpp"

namespace onb::core::utf8 {

bool valid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Sequence q = decode(s, i);
    if (!q.valid) return false;
    i += q.length;
  }
  return true;
}

std::optional<std::size_t> length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    const Sequence q = decode(s, i);
    if (!q.valid) return std::nullopt;
    i += q.length;
  }
  return count;
}

bool has_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Sequence q = decode(s, i);
    if (q.valid && is_control(q.code_point)) return true;
    i += q.length;
  }
  return false;
}

std::string sanitize(std::string_view s) {
  if (valid(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const Sequence q = decode(s, i);
    if (q.valid)
      out.append(s.substr(i, q.length));
    else
      out.append("\xEF\xBF\xBD");  // U+FFFD
    i += q.length;
  }
  return out;
}

}  // namespace onb::core::utf8
