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

// A member of the EU VAT area: the 27 member states and Northern Ireland, which keeps the EU VAT rules
// for goods. The one list of them: VAT prefixes, One Stop Shop numbers and the tax rules read it.
struct EuVatMember {
  std::string_view alpha_2;     // ISO 3166-1; XI (user-assigned) for Northern Ireland
  std::string_view vat_prefix;  // what its VAT numbers start with: alpha_2, but EL for Greece
  std::string_view numeric;     // ISO 3166-1 numeric, as One Stop Shop numbers carry it; 900 for XI
};
std::span<const EuVatMember> eu_vat_members();  // sorted by alpha_2

// Whether alpha_2 (an ISO code: GR, not EL) is a member of the EU VAT area.
bool is_eu_vat_country(std::string_view alpha_2);

}  // namespace onb::reference
