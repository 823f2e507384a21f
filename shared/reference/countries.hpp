// ISO 3166-1 countries and ISO 4217 currencies, compiled in from Debian's iso-codes data (see
// scripts/gen-reference-data.py). Lookups only; which country needs what belongs in validation/.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace onb::reference {

struct Country {
  std::string_view alpha_2;
  std::string_view alpha_3;
  std::string_view name;
};

struct Currency {
  std::string_view alpha_3;
  std::string_view name;
};

std::span<const Country> countries();    // sorted by alpha_2
std::span<const Currency> currencies();  // sorted by alpha_3

// Exact, upper-case code lookups (binary search). nullopt for unknown codes.
std::optional<Country> find_country(std::string_view alpha_2);
std::optional<Currency> find_currency(std::string_view alpha_3);

// The 27 EU member states plus XI (Northern Ireland, for VAT); ISO codes except Greece's VAT "EL".
bool is_eu_vat_country(std::string_view alpha_2);

}  // namespace onb::reference
