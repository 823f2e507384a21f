// A small regular-expression matcher for the postal-code patterns in Google's address metadata
// (postal_codes.inc): literals, \d, \s, '.', [classes] with ranges, (groups), (?:groups), '|', and
// the quantifiers ? * + {n} {n,m}. Full match only, ASCII only. Not a general regex engine: patterns
// are compiled-in data; inputs are bounded by the caller (postal codes are short), which bounds backtracking.
#pragma once

#include <memory>
#include <string_view>

namespace onb::reference {

class Pattern {
 public:
  // nullptr when `source` uses syntax outside the subset above (a test compiles every table entry).
  static std::unique_ptr<Pattern> compile(std::string_view source);
  ~Pattern();

  // True when the whole of `input` matches.
  [[nodiscard]] bool full_match(std::string_view input) const;

  struct Impl;

 private:
  explicit Pattern(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onb::reference
