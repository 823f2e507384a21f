// UTF-8 as RFC 3629 and Unicode (table 3-7) define it, in one place: the decoder every text rule uses
// (field lengths, the control-character rule, the identifiers' look-alike map, the JSON writer) and the
// repair every output path applies before text leaves the process. Byte functions only: no locale, no
// normalisation, no case mapping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onb::core::utf8 {

inline constexpr char32_t replacement = 0xFFFD;  // what sanitize() writes for ill-formed bytes

// One step of decoding. A well-formed sequence gives its code point and length (1-4). Anything else
// (a stray continuation byte, C0/C1/F5-FF, an overlong form, a surrogate, a value past U+10FFFF, a
// sequence cut off) is ill-formed: `length` is then its maximal subpart (≥ 1 byte, never a byte that
// could start the next sequence) and `code_point` is U+FFFD. Replacing each maximal subpart by one
// U+FFFD is Unicode's recommended practice and what nlohmann::json's error_handler_t::replace does,
// so sanitize() and the JSON writer repair the same bytes the same way.
struct Sequence {
  char32_t code_point = replacement;
  std::uint8_t length = 0;
  bool valid = false;
};

// The sequence starting at s[at]; `at` must be < s.size(). constexpr: failure messages are checked
// with it at compile time, and the identifier normalisation calls it for every non-ASCII character.
constexpr Sequence decode(std::string_view s, std::size_t at) {
  const auto b0 = static_cast<unsigned char>(s[at]);
  if (b0 < 0x80) return {b0, 1, true};
  std::uint8_t n = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte; later bytes are always 80-BF
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, cp = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // below: overlong
    if (b0 == 0xED) hi = 0x9F;  // above: surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, cp = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // below: overlong
    if (b0 == 0xF4) hi = 0x8F;  // above: past U+10FFFF
  } else {
    return {replacement, 1, false};
  }
  for (std::uint8_t k = 1; k < n; ++k) {
    if (at + k >= s.size()) return {replacement, k, false};
    const auto b = static_cast<unsigned char>(s[at + k]);
    if (b < lo || b > hi) return {replacement, k, false};
    lo = 0x80, hi = 0xBF;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  return {cp, n, true};
}

// C0 controls, DEL and C1 controls (U+0080-U+009F). Tabs and line breaks count: the fields this
// guards are single-line, and a control character in a file name would break the download header.
constexpr bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// True when every byte belongs to a well-formed sequence.
bool valid(std::string_view s);

// Number of code points, or nullopt when s is not well-formed.
std::optional<std::size_t> length(std::string_view s);

// True when s contains a control character (is_control). Ill-formed bytes are not controls.
bool has_control(std::string_view s);

// s with each ill-formed part replaced by U+FFFD (see Sequence); well-formed text comes back
// unchanged. Never throws but for std::bad_alloc: for every path that writes text out (JSON, logs,
// terminal), so that bytes an input quoted can never make the writer fail.
std::string sanitize(std::string_view s);

}  // namespace onb::core::utf8
