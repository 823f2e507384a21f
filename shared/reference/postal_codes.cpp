#include "shared/reference/postal_codes.hpp"

#include "shared/reference/pattern.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace onb::reference {
namespace {

constexpr AddressFormat k_formats[] = {
#include "shared/reference/postal_codes.inc"
};

// One compiled pattern per table row, built on first use (function-local static: thread-safe).
const std::vector<std::unique_ptr<Pattern>>& compiled() {
  static const std::vector<std::unique_ptr<Pattern>> patterns = [] {
    std::vector<std::unique_ptr<Pattern>> out;
    for (const auto& f : k_formats)
      out.push_back(f.postal_code_pattern.empty() ? nullptr : Pattern::compile(f.postal_code_pattern));
    return out;
  }();
  return patterns;
}

const AddressFormat* find(std::string_view alpha_2) {
  const auto* it = std::lower_bound(std::begin(k_formats), std::end(k_formats), alpha_2,
                                    [](const AddressFormat& f, std::string_view c) { return f.alpha_2 < c; });
  return it != std::end(k_formats) && it->alpha_2 == alpha_2 ? it : nullptr;
}

}  // namespace

std::span<const AddressFormat> address_formats() { return k_formats; }

std::optional<AddressFormat> find_address_format(std::string_view alpha_2) {
  const auto* f = find(alpha_2);
  if (!f) return std::nullopt;
  return *f;
}

bool postal_code_matches(std::string_view alpha_2, std::string_view code) {
  const auto* f = find(alpha_2);
  if (!f || f->postal_code_pattern.empty()) return true;
  if (code.size() > max_postal_code_length) return false;
  const auto& pattern = compiled()[static_cast<std::size_t>(f - std::begin(k_formats))];
  if (!pattern) return true;  // cannot happen for the shipped table (tested); never reject on our own defect
  std::string upper(code);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return pattern->full_match(upper);
}

bool all_postal_patterns_compile() {
  const auto& patterns = compiled();
  for (std::size_t i = 0; i < patterns.size(); ++i)
    if (!k_formats[i].postal_code_pattern.empty() && !patterns[i]) return false;
  return true;
}

}  // namespace onb::reference
