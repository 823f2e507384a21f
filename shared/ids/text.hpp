// Internal helpers of the identifier schemes: the normalisation python-stdnum applies before every
// check (Unicode look-alikes to ASCII, separators removed, upper case, trimmed), Python-style slicing
// and the Check constructors. Nothing scheme-specific belongs here; checksums are in checksum.hpp.
#pragma once

#include "shared/core/utf8.hpp"
#include "shared/ids/scheme.hpp"

#include <climits>
#include <initializer_list>
#include <string>
#include <string_view>

namespace onb::ids::detail {

// stdnum's util.clean(): maps Unicode dashes, spaces, dots, full-width and mathematical digits, ...
// to their ASCII counterpart, then drops every character in `remove`. Other non-ASCII characters
// and invalid UTF-8 are kept as they are, so they fail the ASCII checks that follow.
std::string clean(std::string_view input, std::string_view remove);

// str.upper() for ASCII and the one non-ASCII letter a scheme accepts (ñ -> Ñ, Mexican RFC).
void upper(std::string& s);
// str.strip(): ASCII white space, \x1c-\x1f, U+0085, U+2028, U+2029 at both ends.
void strip(std::string& s);

// clean + upper + strip, the usual first line of a stdnum compact().
std::string clean_upper(std::string_view input, std::string_view remove);

// Drops `prefix` (already upper case) from the front of s when present.
void drop_prefix(std::string& s, std::string_view prefix);

// clean_upper(input, separators) without the country prefix: the compact() of most national VAT rules.
std::string compact_with(std::string_view input, std::string_view separators, std::string_view prefix);

// Python's s[begin:end] with negative indices and clamping; never out of range.
std::string_view py_slice(std::string_view s, long begin, long end = LONG_MAX);

// Character classes and digit helpers are inline: every scheme calls them per character.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alnum_upper(char c) { return is_digit(c) || is_upper(c); }
inline int digit(char c) { return c - '0'; }
// stdnum's isdigits(): non-empty and ASCII 0-9 only.
inline bool is_digits(std::string_view s) {
  bool all = !s.empty();
  for (char c : s) all &= is_digit(c);
  return all;
}
// Value of the first 18 ASCII digits at most; the caller has checked is_digits.
inline long long to_int(std::string_view digits) {
  long long v = 0;
  for (char c : digits.substr(0, 18)) v = v * 10 + digit(c);
  return v;
}

// A failure message: a string literal, checked when compiling to be UTF-8 without control characters,
// `"` or `\`. Check keeps only a view of it (static storage, no allocation per failed check), and
// writers of JSON may copy it without escaping (`onboard check-id` does, millions of times).
struct Message {
  std::string_view text;
  template <std::size_t N>
  consteval Message(const char (&literal)[N]) : text(literal, N - 1) {  // NOLINT: implicit by design
    for (std::size_t i = 0; i < text.size();) {
      const core::utf8::Sequence q = core::utf8::decode(text, i);
      if (!q.valid || core::utf8::is_control(q.code_point) || q.code_point == '"' || q.code_point == '\\')
        throw "identifier failure messages are UTF-8 without control characters, quotes or backslashes";
      i += q.length;
    }
  }
};

// Check results. The messages name the rule that failed, in English.
Check ok(std::string compact);
Check fail(Failure failure, std::string compact, Message message);
// Keeps the failure of a nested check but reports `compact` as the normalised number.
Check rebase(Check nested, std::string compact);

}  // namespace onb::ids::detail

namespace onb::ids::detail {

// Scheme::format for schemes whose display form is the compact form.
template <Check (*Validate)(std::string_view)>
std::string format_compact(std::string_view input) {
  Check c = Validate(input);
  return c.valid ? std::move(c.compact) : std::string(input);
}

// Scheme::format that lays out the compact form of a valid number with `Layout`.
template <Check (*Validate)(std::string_view), std::string (*Layout)(std::string_view compact)>
std::string format_valid(std::string_view input) {
  const Check c = Validate(input);
  return c.valid ? Layout(c.compact) : std::string(input);
}

// Python's str.zfill(width): left-pads with zeros, after a leading sign.
std::string zfill(std::string_view s, std::size_t width);

// A display layout: the first sizes[0] characters, separators[0], the next sizes[1], ..., then the
// rest. A separator is left out when nothing follows it (gb.vat without a branch, mx.rfc without its
// homoclave). Slices clamp, so a short input never reads out of range.
std::string layout(std::string_view compact, std::initializer_list<std::size_t> sizes, std::string_view separators);

}  // namespace onb::ids::detail
