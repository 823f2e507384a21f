#include "shared/reference/countries.hpp"

#include <algorithm>
#include <array>

namespace onb::reference {
namespace {

constexpr Country k_countries[] = {
#include "shared/reference/iso3166_countries.inc"
};

constexpr Currency k_currencies[] = {
#include "shared/reference/iso4217_currencies.inc"
};

constexpr std::array<std::string_view, 28> k_eu_vat = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
                                                       "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
                                                       "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI"};

template <class T, class Key>
std::optional<T> find_sorted(std::span<const T> table, std::string_view code, Key key) {
  auto it = std::lower_bound(table.begin(), table.end(), code, [&](const T& e, std::string_view c) { return key(e) < c; });
  if (it == table.end() || key(*it) != code) return std::nullopt;
  return *it;
}

}  // namespace

std::span<const Country> countries() { return k_countries; }
std::span<const Currency> currencies() { return k_currencies; }

std::optional<Country> find_country(std::string_view alpha_2) {
  return find_sorted(countries(), alpha_2, [](const Country& c) { return c.alpha_2; });
}

std::optional<Currency> find_currency(std::string_view alpha_3) {
  return find_sorted(currencies(), alpha_3, [](const Currency& c) { return c.alpha_3; });
}

bool is_eu_vat_country(std::string_view alpha_2) {
  return std::find(k_eu_vat.begin(), k_eu_vat.end(), alpha_2) != k_eu_vat.end();
}

}  // namespace onb::reference
