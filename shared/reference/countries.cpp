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

constexpr EuVatMember k_eu_vat[] = {
    {"AT", "AT", "040"}, {"BE", "BE", "056"}, {"BG", "BG", "100"}, {"CY", "CY", "196"}, {"CZ", "CZ", "203"},
    {"DE", "DE", "276"}, {"DK", "DK", "208"}, {"EE", "EE", "233"}, {"ES", "ES", "724"}, {"FI", "FI", "246"},
    {"FR", "FR", "250"}, {"GR", "EL", "300"}, {"HR", "HR", "191"}, {"HU", "HU", "348"}, {"IE", "IE", "372"},
    {"IT", "IT", "380"}, {"LT", "LT", "440"}, {"LU", "LU", "442"}, {"LV", "LV", "428"}, {"MT", "MT", "470"},
    {"NL", "NL", "528"}, {"PL", "PL", "616"}, {"PT", "PT", "620"}, {"RO", "RO", "642"}, {"SE", "SE", "752"},
    {"SI", "SI", "705"}, {"SK", "SK", "703"}, {"XI", "XI", "900"},
};

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

std::span<const EuVatMember> eu_vat_members() { return k_eu_vat; }

bool is_eu_vat_country(std::string_view alpha_2) {
  return find_sorted(eu_vat_members(), alpha_2, [](const EuVatMember& m) { return m.alpha_2; }).has_value();
}

}  // namespace onb::reference
